import Autograd

/// A grad_fn node as an event shows it: name, edges, its derivative rule and arguments,
/// and what it keeps for backward.
public struct NodeSnapshot: Sendable, Equatable {
    /// A `next_functions` entry.
    public struct Edge: Sendable, Equatable {
        public var node: Int
        public var nodeName: String
        public var inputNr: Int
        /// For edges into an AccumulateGrad: the leaf tensor it accumulates into.
        public var variable: Int?
    }

    /// What the node keeps for backward, by the rule's name for it.
    public struct Saved: Sendable, Equatable {
        public var name: String
        public var tensor: Int
        public var values: TensorValues
    }

    public var id: Int
    /// `grad_fn.name()` without a namespace: `MulBackward0`, `AccumulateGrad`, `LineBackward`.
    public var name: String
    /// The derivative table's key (`mul`) for table ops; nil for other nodes.
    public var op: String?
    /// One entry per differentiable input; nil where the input needs no gradient.
    public var next: [Edge?]
    /// The rule's input names (`self`, `other`; `input0`… for nodes without a table rule).
    public var inputNames: [String]
    /// Per input: the backward formula (`grad · other`).
    public var formulas: [String]
    /// Per input: the local derivative ∂result/∂input for elementwise rules (`other`).
    public var localDerivatives: [String?]
    /// The op's non-tensor arguments (`exponent`, `alpha`, `dim`…).
    public var arguments: [OpArgument]
    public var saved: [Saved]
    public var released: Bool
    /// For AccumulateGrad: the leaf it accumulates into.
    public var variable: Int?

    public init(_ node: Node) {
        id = node.id
        name = node.name
        next = node.nextEdges.map { e in
            e.map { Edge(node: $0.node.id, nodeName: $0.node.name, inputNr: $0.inputNr,
                         variable: ($0.node as? AccumulateGrad)?.variable.id) }
        }
        if let op = node as? OpNode {
            self.op = op.rule.op
            inputNames = op.rule.inputs
            formulas = op.rule.formulas
            localDerivatives = op.rule.localDerivatives
            arguments = op.arguments
            if op.rule.isVariadic {
                inputNames = node.nextEdges.indices.map { "\(op.rule.inputs[0])[\($0)]" }
                formulas = node.nextEdges.indices.map { _ in op.rule.formulas[0] }
                localDerivatives = node.nextEdges.indices.map { _ in op.rule.localDerivatives[0] }
            }
        } else {
            op = nil
            inputNames = node.nextEdges.indices.map { "input\($0)" }
            // A node written by hand has one formula for all its inputs.
            formulas = node.nextEdges.indices.map { i in i < node.formulas.count ? node.formulas[i] : node.formulas.last ?? "" }
            localDerivatives = Array(repeating: nil, count: node.nextEdges.count)
            arguments = []
        }
        saved = node.savedTensorsForDisplay.map { entry in
            Saved(name: entry.name, tensor: entry.tensor.id,
                  values: TensorValues(elements: entry.tensor.values, shape: entry.tensor.shape, dtype: entry.tensor.dtype.torchName))
        }
        released = node.savedTensorsReleased
        variable = (node as? AccumulateGrad)?.variable.id
    }
}

import Autograd

/// A grad_fn node as the trace shows it: name, edges, formulas, saved tensors.
public struct NodeSnapshot: Codable, Equatable, Sendable {
    /// An edge to the next node (`next_functions` entry).
    public struct EdgeRef: Codable, Equatable, Sendable {
        public var nodeID: Int
        public var nodeName: String
        public var inputNr: Int
        /// For edges into an AccumulateGrad: the leaf tensor it accumulates into.
        public var variableID: Int?
    }

    public var id: Int
    public var name: String
    public var next: [EdgeRef?]
    /// Input names of the derivative rule (`self`, `other`, …).
    public var inputNames: [String]
    /// Per input: the formula text (`grad · other`).
    public var formulas: [String]
    /// Per input: the local derivative, for elementwise rules.
    public var localDerivatives: [String?]
    /// What the node keeps for backward (a custom Function's ctx, or the rule's saved inputs).
    public var saved: [SavedEntry]
    /// For AccumulateGrad: the leaf it accumulates into.
    public var variableID: Int?

    public struct SavedEntry: Codable, Equatable, Sendable {
        public var name: String
        public var tensorID: Int
        public var text: String
    }

    public init(_ node: Node) {
        id = node.id
        name = node.name
        next = node.nextEdges.map { e in
            e.map { EdgeRef(nodeID: $0.node.id, nodeName: $0.node.name, inputNr: $0.inputNr,
                            variableID: ($0.node as? AccumulateGrad)?.variable.id) }
        }
        if let op = node as? OpNode {
            inputNames = op.rule.inputs
            formulas = op.rule.formulas
            localDerivatives = op.rule.localDerivatives
        } else {
            inputNames = node.nextEdges.indices.map { "input\($0)" }
            formulas = node.formulas
            localDerivatives = Array(repeating: nil, count: node.nextEdges.count)
        }
        saved = node.savedTensorsForDisplay.map { entry in
            SavedEntry(name: entry.name, tensorID: entry.tensor.id, text: TensorSnapshot(entry.tensor).valueText)
        }
        variableID = (node as? AccumulateGrad)?.variable.id
    }
}

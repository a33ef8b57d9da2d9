import Python
import Autograd

/// A grad_fn node as lessons see it: `name()`, `next_functions`, `variable`, `_saved_*`.
final class NodeObject: NativeObject {
    let node: Node

    private init(_ node: Node) { self.node = node }

    deinit { node.forgetUserObject(self) }

    static func wrap(_ node: Node) -> PyValue {
        if let o = node.userObject, type(of: o) == NodeObject.self { return .object(unsafeDowncast(o, to: NodeObject.self)) }
        let o = NodeObject(node)
        node.userObject = o
        return .object(o)
    }

    override var typeName: String { node.name }

    override func repr(interp: Interpreter) throws -> String? {
        // PyTorch makes a custom Function's backward class inside torch.autograd.function.
        let qualified = node is CustomFunctionNode ? "torch.autograd.function." + node.name : node.name
        return "<\(qualified) object at \(addressText)>"
    }

    /// `grad_fn(*grads)`: the node's backward, one gradient per input (None where none).
    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        let grads = try NodeObject.gradients(args.positional)
        let result = try TorchBridge.run { try node.apply(grads) }
        return NodeObject.pack(result)
    }

    static func gradients(_ values: [PyValue]) throws -> [Tensor?] {
        try values.map { v in
            if v.isNone { return nil }
            guard let t = TorchBridge.tensor(v) else { throw PyException(.typeError, "expected a Tensor or None, got \(v.typeName)") }
            return t
        }
    }

    static func pack(_ result: [Tensor?]) -> PyValue {
        let values = result.map { $0.map(TorchBridge.wrap) ?? PyValue.none }
        return values.count == 1 ? values[0] : .tuple(values)
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "name":
            return .object(PyBuiltinFunction(name: "name", boundTo: .object(self)) { [node] _, _ in .str(node.qualifiedName) })
        case "next_functions":
            return .tuple(node.nextEdges.map { e in
                guard let e else { return .tuple([.none, .int(0)]) }
                return .tuple([NodeObject.wrap(e.node), .int(e.inputNr)])
            })
        case "variable":
            if let acc = node as? AccumulateGrad { return TorchBridge.wrap(acc.variable) }
            return nil
        case "apply" where node is CustomFunctionNode:
            return .object(PyBuiltinFunction(name: "apply") { [node] args, _ in
                guard let custom = node as? CustomFunctionNode else { return .none }
                let grads = try NodeObject.gradients(args.positional)
                let result = try TorchBridge.run { try custom.callBackward(grads) }
                return NodeObject.pack(result)
            })
        case "metadata":
            return .dict(PyDict())
        case "__class__":
            return nil
        default:
            if name.hasPrefix("_saved_"), let op = node as? OpNode {
                let key = String(name.dropFirst(7))
                for entry in op.savedTensorsForDisplay where entry.name == key {
                    if op.savedTensorsReleased { throw PyException(.runtimeError, "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.") }
                    return TorchBridge.wrap(entry.tensor)
                }
            }
            return nil
        }
    }
}

import Autograd
import Trace

/// PyTorch's printed form of the tensors in a scene, for the player's node details: what
/// `print(t)` and `print(t.grad)` show, computed once here so the page never re-implements
/// PyTorch's formatting.
extension Manifest {
    /// Tensors with more elements than this get no printed form (PyTorch itself abbreviates
    /// them with `...` past 1000 elements).
    static let reprLimit = 1000

    /// The scene as JSON, each tensor node with `repr`, `grad_repr` and `arrived_repr` where
    /// its values are known.
    static func sceneJSON(_ scene: Scene) -> JSONValue {
        guard case .object(var o) = scene.json, case .array(let nodes)? = o["nodes"] else { return scene.json }
        var out: [JSONValue] = []
        out.reserveCapacity(nodes.count)
        for (node, json) in zip(scene.nodes, nodes) {
            guard let t = node.tensor, case .object(var fields) = json else {
                out.append(json)
                continue
            }
            let gradFn = t.gradFn.flatMap { scene.node(.function($0))?.function?.name }
            if let r = repr(t.value, requiresGrad: t.requiresGrad, gradFn: gradFn, parameter: t.isParameter) {
                fields["repr"] = .string(r)
            }
            if let g = t.grad {
                // The grad is a tensor of its own: under create_graph it has a grad_fn too.
                let own = t.gradID.flatMap { scene.tensor($0) }
                let ownFn = own?.gradFn.flatMap { scene.node(.function($0))?.function?.name }
                if let r = repr(g, requiresGrad: own?.requiresGrad ?? false, gradFn: ownFn, parameter: false) {
                    fields["grad_repr"] = .string(r)
                }
            }
            if let a = t.arrived, let r = repr(a, requiresGrad: false, gradFn: nil, parameter: false) {
                fields["arrived_repr"] = .string(r)
            }
            out.append(.object(fields))
        }
        o["nodes"] = .array(out)
        return .object(o)
    }

    /// `print(t)` for `values`, or nil when the values are not all known or the tensor is too large.
    static func repr(_ values: TensorValues, requiresGrad: Bool, gradFn: String?, parameter: Bool) -> String? {
        guard values.count <= reprLimit, let dtype = DType.allCases.first(where: { $0.torchName == values.dtype }) else { return nil }
        let elements: [Double]
        switch values.content {
        case .full(let v): elements = v
        case .summary(let s):
            guard let heat = s.heat else { return nil }
            elements = heat
        }
        guard elements.count == values.count else { return nil }
        let text = TensorFormatter.repr(TensorPrintInput(values: elements, shape: values.shape, dtype: dtype,
                                                         requiresGrad: requiresGrad, gradFnName: gradFn))
        return parameter ? "Parameter containing:\n" + text : text
    }
}

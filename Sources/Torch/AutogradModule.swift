import Python
import Autograd

/// `torch.autograd`: grad, backward, Variable, Function, gradcheck, grad modes.
enum AutogradModule {
    static func make(torch: PyModuleObject) -> PyModuleObject {
        let m = AutogradModuleObject(name: "torch.autograd")
        m.set("grad", .object(PyBuiltinFunction(name: "grad") { args, interp in try grad(args, interp) }))
        m.set("backward", .object(PyBuiltinFunction(name: "backward") { args, interp in try backward(args, interp) }))
        m.set("Variable", .object(VariableClass()))
        m.set("Function", .object(FunctionClass.shared))
        m.set("gradcheck", .object(PyBuiltinFunction(name: "gradcheck") { args, interp in try Gradcheck.run(args, interp) }))
        for name in ["no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled"] {
            if let v = torch.get(name) { m.set(name, v) }
        }
        let fn = PyModuleObject(name: "torch.autograd.function")
        fn.set("Function", .object(FunctionClass.shared))
        fn.set("FunctionCtx", .object(FunctionCtxClass.shared))
        m.set("function", .object(fn))
        return m
    }

    static func tensors(_ v: PyValue, _ what: String) throws -> [Tensor] {
        if let t = TorchBridge.tensor(v) { return [t] }
        guard let seq = TorchBridge.sequence(v) else {
            throw PyException(.typeError, "\(what) must be a Tensor or a sequence of Tensors, got \(v.typeName)")
        }
        return try seq.map {
            guard let t = TorchBridge.tensor($0) else {
                throw PyException(.typeError, "\(what) must contain Tensors, got \($0.typeName)")
            }
            return t
        }
    }

    static func optionalTensors(_ v: PyValue, count: Int) throws -> [Tensor?] {
        if v.isNone { return Array(repeating: nil, count: count) }
        if let t = TorchBridge.tensor(v) { return [t] }
        guard let seq = TorchBridge.sequence(v) else {
            throw PyException(.typeError, "gradients must be Tensors or None, got \(v.typeName)")
        }
        return seq.map { TorchBridge.tensor($0) }
    }

    /// `torch.autograd.grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True, allow_unused=None)`.
    static func grad(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True, allow_unused=None, is_grads_batched=False, materialize_grads=False)")
        let outputs = try tensors(b["outputs"], "outputs")
        let inputs = try tensors(b["inputs"], "inputs")
        let gradOutputs = try optionalTensors(b["grad_outputs"], count: outputs.count)
        let retain: Bool? = b["retain_graph"].isNone ? nil : try TorchBridge.bool(b["retain_graph"], interp: interp)
        let create = try TorchBridge.bool(b["create_graph"], interp: interp)
        let materialize = try TorchBridge.bool(b["materialize_grads"], interp: interp)
        let allowUnused = b["allow_unused"].isNone ? materialize : try TorchBridge.bool(b["allow_unused"], interp: interp)
        if materialize && !b["allow_unused"].isNone && !allowUnused {
            throw PyException(.valueError, "Expected allow_unused to be True or not passed when materialize_grads=True, but got: allow_unused=False.")
        }
        let result = try TorchBridge.run {
            try Engine.grad(outputs: outputs, inputs: inputs, gradOutputs: gradOutputs, retainGraph: retain,
                            createGraph: create, allowUnused: allowUnused)
        }
        return .tuple(try zip(result, inputs).map { g, input in
            if let g { return TorchBridge.wrap(g) }
            if materialize { return TorchBridge.wrap(try TorchBridge.run { try Tensor.zeros(input.shape, dtype: input.dtype) }) }
            return .none
        })
    }

    /// `torch.autograd.backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, grad_variables=None, inputs=None)`.
    static func backward(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, grad_variables=None, inputs=None)")
        let roots = try tensors(b["tensors"], "tensors")
        let grads = try optionalTensors(b["grad_tensors"], count: roots.count)
        let retain: Bool? = b["retain_graph"].isNone ? nil : try TorchBridge.bool(b["retain_graph"], interp: interp)
        let create = try TorchBridge.bool(b["create_graph"], interp: interp)
        let inputs = b["inputs"].isNone ? nil : try tensors(b["inputs"], "inputs")
        if create { TorchWarnings.warnCreateGraph() }
        try TorchBridge.run {
            try Engine.backward(roots, gradTensors: grads, retainGraph: retain, createGraph: create, inputs: inputs)
        }
        return .none
    }
}

/// `torch.autograd.Variable(data, requires_grad=False)`: since PyTorch 0.4 it returns a Tensor.
final class VariableClass: NativeClass {
    init() { super.init(name: "Variable") }
    override var qualifiedName: String { "torch.autograd.variable.Variable" }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        let b = try args.bind(signature: "Variable(data=None, requires_grad=False, volatile=False)")
        let t: Tensor
        if b["data"].isNone {
            t = Tensor(values: [], shape: [0], dtype: .float32)
        } else {
            guard let d = TorchBridge.tensor(b["data"]) else {
                throw PyException(.typeError, "Variable data has to be a tensor, but got \(b["data"].typeName)")
            }
            t = d.detach()
        }
        try TorchBridge.run { try t.setRequiresGrad(try TorchBridge.bool(b["requires_grad"], interp: interp)) }
        return TorchBridge.created(t, op: "Variable")
    }

    override func isInstance(_ value: PyValue) -> Bool { TorchBridge.tensor(value) != nil }
}

/// The `torch.autograd` module object: `torch.autograd.functional` and `.profiler` load on first use,
/// as `import torch` makes it available in PyTorch.
final class AutogradModuleObject: PyModuleObject {
    override func missingAttribute(_ name: String, interp: Interpreter) throws -> PyValue? {
        guard name == "functional" || name == "profiler" else { return nil }
        return .object(try interp.importModule("torch.autograd.\(name)", line: interp.currentLine))
    }
}

import Python
import Autograd

/// `torch.autograd.Function`: user subclasses define `forward(ctx, ...)` and
/// `backward(ctx, grad)` (with or without `@staticmethod`) and call `.apply(...)`.
final class FunctionClass: NativeClass {
    static let shared = FunctionClass()

    private init() { super.init(name: "Function") }
    override var qualifiedName: String { "torch.autograd.function.Function" }

    override func classAttr(_ name: String, of cls: PyClass, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "apply":
            return .object(PyBuiltinFunction(name: "apply") { args, interp in
                try FunctionClass.apply(cls, args, interp)
            })
        case "forward":
            return .object(PyBuiltinFunction(name: "forward") { _, _ in
                throw PyException(.notImplementedError, "You must implement the forward function for custom autograd.Function.")
            })
        case "backward":
            return .object(PyBuiltinFunction(name: "backward") { _, _ in
                throw PyException(.notImplementedError, "You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.")
            })
        default:
            return nil
        }
    }

    override func instanceAttr(_ name: String, of instance: PyInstance, interp: Interpreter) throws -> PyValue? {
        if name == "__call__" {
            return .object(PyBuiltinFunction(name: "__call__") { _, _ in
                throw PyException(.runtimeError, "Legacy autograd function with non-static forward method is deprecated. Please use new-style autograd function with static forward method. (Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")
            })
        }
        return try classAttr(name, of: instance.cls, interp: interp)
    }

    static func apply(_ cls: PyClass, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let ctx = FunctionCtxObject()
        let arguments: [CustomFunction.Argument] = args.positional.map {
            if let t = TorchBridge.tensor($0) { return .tensor(t) }
            return .other
        }
        var outputWasTuple = false
        var otherOutputs: [Int: PyValue] = [:]
        let forward = try interp.getAttribute(.object(cls), "forward")
        let outputs = try TorchBridge.run {
            try CustomFunction.apply(name: cls.name, arguments: arguments, forward: { fctx in
                ctx.context = fctx
                let r = try interp.call(forward, PyArgs([.object(ctx)] + args.positional, keywords: args.keywords))
                var items: [PyValue]
                if case .tuple(let t) = r { items = t; outputWasTuple = true } else { items = [r] }
                var ts: [Tensor] = []
                for (i, v) in items.enumerated() {
                    if let t = TorchBridge.tensor(v) { ts.append(t) } else { otherOutputs[i] = v }
                }
                return ts
            }, backward: { fctx, grads in
                let bw = try interp.getAttribute(.object(cls), "backward")
                let r = try interp.call(bw, [.object(ctx)] + grads.map { TorchBridge.wrap($0) })
                let items: [PyValue]
                if case .tuple(let t) = r { items = t } else { items = [r] }
                return try items.map { v in
                    if v.isNone { return nil }
                    guard let t = TorchBridge.tensor(v) else {
                        throw AutogradError(.typeError, "expected Tensor or None (got \(v.typeName))")
                    }
                    return t
                }
            })
        }
        if !outputWasTuple, let only = outputs.first, otherOutputs.isEmpty { return TorchBridge.wrap(only) }
        var result: [PyValue] = []
        var k = 0
        for i in 0..<(outputs.count + otherOutputs.count) {
            if let v = otherOutputs[i] { result.append(v) } else { result.append(TorchBridge.wrap(outputs[k])); k += 1 }
        }
        return outputWasTuple ? .tuple(result) : (result.first ?? .none)
    }
}

/// The class of `ctx` objects.
final class FunctionCtxClass: NativeClass {
    static let shared = FunctionCtxClass()
    private init() { super.init(name: "FunctionCtx") }
    override var qualifiedName: String { "torch.autograd.function.FunctionCtx" }
}

/// `ctx` of a custom Function: save_for_backward, saved_tensors, needs_input_grad,
/// mark_non_differentiable, set_materialize_grads, and any attribute the lesson sets.
final class FunctionCtxObject: NativeObject {
    var context: FunctionContext?
    private var attributes: [String: PyValue] = [:]

    override var nativeClass: NativeClass? { FunctionCtxClass.shared }
    override var typeName: String { "BackwardCFunction" }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        guard let c = context else { return attributes[name] }
        switch name {
        case "save_for_backward":
            return .object(PyBuiltinFunction(name: "save_for_backward") { args, _ in
                let ts: [Tensor?] = try args.positional.map { v in
                    if v.isNone { return nil }
                    guard let t = TorchBridge.tensor(v) else {
                        throw PyException(.typeError, "save_for_backward can only save variables, but argument \(0) is of type \(v.typeName)")
                    }
                    return t
                }
                c.saveForBackward(ts)
                return .none
            })
        case "saved_tensors":
            return .tuple(try TorchBridge.run { try c.savedTensors() }.map { TorchBridge.wrap($0) })
        case "needs_input_grad":
            return .tuple(c.needsInputGrad.map { .bool($0) })
        case "mark_non_differentiable":
            return .object(PyBuiltinFunction(name: "mark_non_differentiable") { args, _ in
                c.markNonDifferentiable(args.positional.compactMap { TorchBridge.tensor($0) })
                return .none
            })
        case "mark_dirty":
            return .object(PyBuiltinFunction(name: "mark_dirty") { _, _ in .none })
        case "set_materialize_grads":
            return .object(PyBuiltinFunction(name: "set_materialize_grads") { args, interp in
                c.materializeGrads = try TorchBridge.bool(args.positional.first ?? .bool(true), interp: interp)
                return .none
            })
        default:
            return attributes[name]
        }
    }

    override func setAttr(_ name: String, _ value: PyValue, interp: Interpreter) throws -> Bool {
        if ["saved_tensors", "needs_input_grad"].contains(name) {
            throw PyException(.attributeError, "attribute '\(name)' of 'torch._C._FunctionBase' objects is not writable")
        }
        attributes[name] = value
        return true
    }
}

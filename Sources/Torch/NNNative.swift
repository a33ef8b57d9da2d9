import Python
import Autograd

/// `torch.nn.Parameter(data, requires_grad=True)`: a leaf tensor a Module registers.
final class ParameterClass: NativeClass {
    static let shared = ParameterClass()
    private init() { super.init(name: "Parameter", base: TensorObject.tensorClass) }
    override var qualifiedName: String { "torch.nn.parameter.Parameter" }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        let b = try args.bind(signature: "Parameter(data=None, requires_grad=True)")
        let t: Tensor
        if b["data"].isNone {
            t = Tensor(values: [], shape: [0], dtype: .float32)
        } else {
            guard let d = TorchBridge.tensor(b["data"]) else {
                throw PyException(.typeError, "Parameter.__new__() argument 'data' must be Tensor, not \(b["data"].typeName)")
            }
            t = d.detach()
        }
        t.isParameter = true
        try TorchBridge.run { try t.setRequiresGrad(try TorchBridge.bool(b["requires_grad"], interp: interp)) }
        return TorchBridge.created(t, op: "Parameter")
    }

    override func isInstance(_ value: PyValue) -> Bool { TorchBridge.tensor(value)?.isParameter ?? false }
}

/// `torch.nn.functional`, the parts implemented natively.
enum FunctionalModule {
    static func reduction(_ v: PyValue) throws -> Tensor.Reduction {
        switch v.asString {
        case "mean": return .mean
        case "sum": return .sum
        case "none": return Tensor.Reduction.none
        default: throw PyException(.valueError, "\(v.asString ?? "?") is not a valid value for reduction")
        }
    }

    static func tensorArg(_ v: PyValue, _ fn: String, _ name: String, _ pos: Int) throws -> Tensor {
        guard let t = TorchBridge.tensor(v) else {
            throw PyException(.typeError, "\(fn)(): argument '\(name)' (position \(pos)) must be Tensor, not \(v.typeName)")
        }
        return t
    }

    static func make() -> PyModuleObject {
        let f = PyModuleObject(name: "torch.nn.functional")
        f.set("linear", TorchModule.fn("linear") { args, _ in
            let b = try args.bind(signature: "linear(input, weight, bias=None)")
            let x = try tensorArg(b[0], "linear", "input", 1), w = try tensorArg(b[1], "linear", "weight", 2)
            let bias = TorchBridge.tensor(b[2])
            return TorchBridge.wrap(try linear(x, w, bias))
        })
        for name in ["relu", "sigmoid", "tanh"] { f.set(name, TorchModule.method(name)) }
        f.set("softmax", TorchModule.fn("softmax") { args, _ in
            let b = try args.bind(signature: "softmax(input, dim=None, _stacklevel=3, dtype=None)")
            return TorchBridge.wrap(try tensorArg(b[0], "softmax", "input", 1).softmax(dim: try TorchBridge.intArgument(b[1], "dim")))
        })
        f.set("log_softmax", TorchModule.fn("log_softmax") { args, _ in
            let b = try args.bind(signature: "log_softmax(input, dim=None, _stacklevel=3, dtype=None)")
            return TorchBridge.wrap(try tensorArg(b[0], "log_softmax", "input", 1).logSoftmax(dim: try TorchBridge.intArgument(b[1], "dim")))
        })
        FunctionalLayers.install(in: f)
        FunctionalLosses.install(in: f)
        f.set("mse_loss", TorchModule.fn("mse_loss") { args, interp in try mseLoss(args, interp, fromModule: false) })
        // nn.MSELoss calls this one, so the size warning names torch's loss.py as PyTorch's does.
        f.set("_mse_loss_from_module", TorchModule.fn("mse_loss") { args, interp in try mseLoss(args, interp, fromModule: true) })
        f.set("nll_loss", TorchModule.fn("nll_loss") { args, _ in
            let b = try args.bind(signature: "nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')")
            let x = try tensorArg(b[0], "nll_loss", "input", 1), y = try tensorArg(b[1], "nll_loss", "target", 2)
            return TorchBridge.wrap(try x.nllLoss(try classIndices(y), reduction: try reduction(b["reduction"]),
                                                  weights: TorchBridge.tensor(b["weight"])?.values,
                                                  ignoreIndex: try TorchBridge.intArgument(b["ignore_index"], "ignore_index")))
        })
        f.set("cross_entropy", TorchModule.fn("cross_entropy") { args, interp in
            let b = try args.bind(signature: "cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0)")
            let x = try tensorArg(b[0], "cross_entropy", "input", 1), y = try tensorArg(b[1], "cross_entropy", "target", 2)
            let classDim = x.dim == 1 ? 0 : 1
            let logp = try x.logSoftmax(dim: classDim)
            let r = try reduction(b["reduction"])
            let targets = try classIndices(y)
            let ignoreIndex = try TorchBridge.intArgument(b["ignore_index"], "ignore_index")
            let weights = TorchBridge.tensor(b["weight"])?.values
            let nll = try logp.nllLoss(targets, reduction: r, weights: weights, ignoreIndex: ignoreIndex)
            let smoothing = try TorchBridge.number(b["label_smoothing"], "label_smoothing")
            guard smoothing > 0 else { return TorchBridge.wrap(nll) }
            if weights != nil || targets.contains(ignoreIndex) {
                throw UnsupportedFeature("cross_entropy(label_smoothing=...) with weight= or ignored targets", line: interp.currentLine)
            }
            guard smoothing <= 1 else {
                throw PyException(.runtimeError, "label_smoothing must be between 0.0 and 1.0. Got: \(try interp.repr(.float(smoothing)))")
            }
            // PyTorch's cross_entropy_loss_label_smoothing: (1 − ε)·nll + ε/C · (−Σ log p).
            var smooth = try logp.sum(dims: [classDim]).neg()
            if r == .mean { smooth = try smooth.mean() } else if r == .sum { smooth = try smooth.sum() }
            let classes = Double(x.shape[classDim])
            return TorchBridge.wrap(try nll.mul(1 - smoothing).add(smooth.mul(smoothing / classes)))
        })
        return f
    }

    static func mseLoss(_ args: PyArgs, _ interp: Interpreter, fromModule: Bool) throws -> PyValue {
        let b = try args.bind(signature: "mse_loss(input, target, size_average=None, reduce=None, reduction='mean', weight=None)")
        let x = try tensorArg(b[0], "mse_loss", "input", 1), y = try tensorArg(b[1], "mse_loss", "target", 2)
        if x.shape != y.shape {
            let message = "Using a target size (\(TensorFormatter.sizeRepr(y.shape))) that is different to the input size (\(TensorFormatter.sizeRepr(x.shape))). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size."
            if fromModule {
                TorchWarnings.fromTorch(file: TorchWarnings.torchRoot + "/nn/modules/loss.py", line: 630,
                                        sourceLine: "return F.mse_loss(input, target, reduction=self.reduction)", message: message)
            } else {
                TorchWarnings.fromLesson(message, line: interp.currentLine)
            }
        }
        try LayerDTypeChecks.regression(x, y, kernel: "mse_cpu")
        return TorchBridge.wrap(try x.mseLoss(y, reduction: try reduction(b["reduction"])))
    }

    /// Class-index targets: PyTorch's losses take int64 and uint8 ones.
    static func classIndices(_ y: Tensor) throws -> [Int] {
        guard y.dtype == .int64 || y.dtype == .uint8 else {
            throw PyException(.runtimeError, "expected target dtype to be Long or Byte, but got \(y.dtype.scalarTypeName)")
        }
        return y.integers.map { Int($0) }
    }

    /// `F.linear`: addmm for 2-D input with bias (AddmmBackward0), else matmul then `+= bias`.
    static func linear(_ x: Tensor, _ w: Tensor, _ bias: Tensor?) throws -> Tensor {
        try LayerDTypeChecks.linear(x, weight: w, bias: bias)
        guard let bias else { return try x.matmul(w.t()) }
        if x.dim == 2 { return try Tensor.addmm(bias, x, w.t()) }
        // Other ranks: flatten to rows, addmm, then view back (UnsafeViewBackward0), as PyTorch does.
        guard let inner = x.shape.last else {
            throw PyException(.runtimeError, "both arguments to linear need to be at least 1D, but they are 0D and \(w.dim)D")
        }
        let out = try Tensor.addmm(bias, x.reshape([-1, inner]), w.t())
        return try out.unsafeView(Array(x.shape.dropLast()) + [w.shape[0]])
    }
}

/// `torch._gradviz`: lets the Python parts of torch.optim and torch.nn tell the
/// trace about optimizer steps and zero_grad, at no cost when nothing records.
enum GradvizHooks {
    static func make() -> PyModuleObject {
        let m = PyModuleObject(name: "torch._gradviz")
        GeneratorObject.installHooks(in: m)
        m.set("recording", TorchModule.fn("recording") { _, _ in .bool(EngineObservers.current != nil) })
        m.set("step", TorchModule.fn("step") { args, _ in
            guard let observer = EngineObservers.current else { return .none }
            let params = try AutogradModule.tensors(args.positional[0], "params")
            let before = try AutogradModule.tensors(args.positional[1], "before")
            let name = args.positional.count > 3 ? args.positional[3].asString ?? "optimizer" : "optimizer"
            observer.optimizerStepped(name, params: params, before: before, rule: args.positional[2].asString ?? "")
            return .none
        })
        // `Module.__call__` tells the trace which module's forward is running.
        m.set("enter_module", TorchModule.fn("enter_module") { args, _ in
            guard let observer = EngineObservers.current, args.positional.count == 3, case .object(let o) = args.positional[0] else {
                return .none
            }
            observer.moduleEntered(ModuleReport(object: o, type: args.positional[1].asString ?? o.typeName,
                                                details: args.positional[2].asString ?? ""))
            return .none
        })
        m.set("exit_module", TorchModule.fn("exit_module") { _, _ in
            EngineObservers.current?.moduleExited()
            return .none
        })
        // `Module.zero_grad` and `Optimizer.zero_grad`: PyTorch's semantics, and a trace event.
        m.set("zero_grad", TorchModule.fn("zero_grad") { args, interp in
            let params = try AutogradModule.tensors(args.positional[0], "params")
            let setToNone = try TorchBridge.bool(args.positional[1], interp: interp)
            let observer = EngineObservers.current
            let before = observer == nil ? [] : params.map { $0.grad?.snapshot() }
            for p in params {
                guard let g = p.grad else { continue }
                if setToNone {
                    p.grad = nil
                } else {
                    if g.gradFn != nil { g.detachInPlace() } else { try g.setRequiresGrad(false) }
                    try g.zero_()
                }
            }
            observer?.gradientsReset(params, before: before, setToNone: setToNone)
            return .none
        })
        return m
    }
}

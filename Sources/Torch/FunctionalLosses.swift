import Python
import Autograd

/// The losses of `torch.nn.functional` beyond MSE and cross-entropy, with PyTorch's
/// size checks and error messages.
enum FunctionalLosses {
    static func pair(_ b: PyBoundArgs, _ name: String) throws -> (Tensor, Tensor) {
        (try FunctionalModule.tensorArg(b["input"], name, "input", 1), try FunctionalModule.tensorArg(b["target"], name, "target", 2))
    }

    static func unsupportedWeight(_ b: PyBoundArgs, _ names: [String], _ function: String, interp: Interpreter) throws {
        for n in names where !b[n].isNone { throw UnsupportedFeature("\(function)(\(n)=...)", line: interp.currentLine) }
    }

    static func sizeWarning(_ x: Tensor, _ y: Tensor, interp: Interpreter) {
        guard x.shape != y.shape else { return }
        TorchWarnings.fromLesson("Using a target size (\(TensorFormatter.sizeRepr(y.shape))) that is different to the input size (\(TensorFormatter.sizeRepr(x.shape))). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.", line: interp.currentLine)
    }

    static func install(in f: PyModuleObject) {
        f.set("kl_div", TorchModule.fn("kl_div") { args, interp in
            let b = try args.bind(signature: "kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False)")
            let (x, y) = try pair(b, "kl_div")
            let mode = b["reduction"].asString ?? "mean"
            if mode == "mean" {
                TorchWarnings.fromLesson("reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release.", line: interp.currentLine)
            }
            // ATen's kl_div: xlogy(target, target) − target·input (or e^target·(target − input)).
            let each = try TorchBridge.bool(b["log_target"], interp: interp)
                ? try y.exp().mul(y.sub(x)) : try y.xlogy(y).sub(y.mul(x))
            switch mode {
            case "batchmean":
                let total = try each.sum()
                return TorchBridge.wrap(x.dim == 0 ? total : try total.div(Double(x.shape[0])))
            default:
                switch try FunctionalModule.reduction(b["reduction"]) {
                case .none: return TorchBridge.wrap(each)
                case .sum: return TorchBridge.wrap(try each.sum())
                case .mean: return TorchBridge.wrap(try each.mean())
                }
            }
        })
        f.set("l1_loss", TorchModule.fn("l1_loss") { args, interp in
            let b = try args.bind(signature: "l1_loss(input, target, size_average=None, reduce=None, reduction='mean', weight=None)")
            let (x, y) = try pair(b, "l1_loss")
            try unsupportedWeight(b, ["weight"], "l1_loss", interp: interp)
            sizeWarning(x, y, interp: interp)
            let d = try x.sub(y).abs()
            switch try FunctionalModule.reduction(b["reduction"]) {
            case .none: return TorchBridge.wrap(d)
            case .sum: return TorchBridge.wrap(try d.sum())
            case .mean: return TorchBridge.wrap(try d.mean())
            }
        })
        f.set("smooth_l1_loss", TorchModule.fn("smooth_l1_loss") { args, interp in
            let b = try args.bind(signature: "smooth_l1_loss(input, target, size_average=None, reduce=None, reduction='mean', beta=1.0)")
            let (x, y) = try pair(b, "smooth_l1_loss")
            sizeWarning(x, y, interp: interp)
            let beta = try TorchBridge.number(b["beta"], "beta")
            guard beta >= 0 else { throw PyException(.runtimeError, "smooth_l1_loss does not support negative values for beta.") }
            try LayerDTypeChecks.regression(x, y, kernel: "smooth_l1_cpu")
            return TorchBridge.wrap(try x.smoothL1Loss(y, beta: beta, reduction: try FunctionalModule.reduction(b["reduction"])))
        })
        f.set("huber_loss", TorchModule.fn("huber_loss") { args, interp in
            let b = try args.bind(signature: "huber_loss(input, target, reduction='mean', delta=1.0, weight=None)")
            let (x, y) = try pair(b, "huber_loss")
            try unsupportedWeight(b, ["weight"], "huber_loss", interp: interp)
            sizeWarning(x, y, interp: interp)
            let delta = try TorchBridge.number(b["delta"], "delta")
            guard delta > 0 else { throw PyException(.runtimeError, "huber_loss does not support non-positive values for delta.") }
            try LayerDTypeChecks.regression(x, y, kernel: "huber_cpu")
            return TorchBridge.wrap(try x.huberLoss(y, delta: delta, reduction: try FunctionalModule.reduction(b["reduction"])))
        })
        f.set("binary_cross_entropy", TorchModule.fn("binary_cross_entropy") { args, interp in
            let b = try args.bind(signature: "binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction='mean')")
            let (x, y) = try pair(b, "binary_cross_entropy")
            try unsupportedWeight(b, ["weight"], "binary_cross_entropy", interp: interp)
            guard x.shape == y.shape else {
                throw PyException(.valueError, "Using a target size (\(TensorFormatter.sizeRepr(y.shape))) that is different to the input size (\(TensorFormatter.sizeRepr(x.shape))) is deprecated. Please ensure they have the same size.")
            }
            try LayerDTypeChecks.binaryCrossEntropy(x, y)
            return TorchBridge.wrap(try x.binaryCrossEntropy(y, reduction: try FunctionalModule.reduction(b["reduction"])))
        })
        f.set("binary_cross_entropy_with_logits", TorchModule.fn("binary_cross_entropy_with_logits") { args, interp in
            let b = try args.bind(signature: "binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None)")
            let (x, y) = try pair(b, "binary_cross_entropy_with_logits")
            try unsupportedWeight(b, ["weight", "pos_weight"], "binary_cross_entropy_with_logits", interp: interp)
            guard x.shape == y.shape else {
                throw PyException(.valueError, "Target size (\(TensorFormatter.sizeRepr(y.shape))) must be the same as input size (\(TensorFormatter.sizeRepr(x.shape)))")
            }
            try LayerDTypeChecks.binaryCrossEntropyWithLogits(x, y)
            return TorchBridge.wrap(try x.binaryCrossEntropyWithLogits(y, reduction: try FunctionalModule.reduction(b["reduction"])))
        })
    }
}

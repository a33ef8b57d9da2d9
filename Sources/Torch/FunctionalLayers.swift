import Python
import Autograd

/// `torch.nn.functional`'s convolution and pooling, with PyTorch's argument forms
/// (an int or a tuple per spatial dimension) and its error messages.
enum FunctionalLayers {
    /// An int or a tuple of `count` ints (`kernel_size=3` or `(3, 2)`).
    static func pair(_ v: PyValue, _ name: String, count: Int, function: String) throws -> [Int] {
        if let seq = TorchBridge.sequence(v) {
            let ints = try seq.map { try TorchBridge.intArgument($0, name) }
            if ints.count == count { return ints }
            if ints.count == 1 { return Array(repeating: ints[0], count: count) }
            throw PyException(.runtimeError, "\(function)(): argument '\(name)' must be tuple of \(count) ints, but found \(ints.count) elements")
        }
        return Array(repeating: try TorchBridge.intArgument(v, name), count: count)
    }

    static func sizeText(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }

    /// Window arguments beyond 2³¹ would overflow the window arithmetic; no tensor is that large.
    static func checkWindowArguments(_ groups: [[Int]], interp: Interpreter) throws {
        if groups.joined().contains(where: { Swift.abs($0) >= 1 << 31 }) {
            throw UnsupportedFeature("kernel, stride, padding or dilation of 2^31 or more", line: interp.currentLine)
        }
    }

    /// `F.conv1d` / `F.conv2d`.
    static func convolution(_ args: PyArgs, spatial: Int, interp: Interpreter) throws -> PyValue {
        let name = "conv\(spatial)d"
        let b = try args.bind(signature: "\(name)(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)")
        let x = try FunctionalModule.tensorArg(b["input"], name, "input", 1)
        let w = try FunctionalModule.tensorArg(b["weight"], name, "weight", 2)
        let bias = TorchBridge.tensor(b["bias"])
        let stride = try pair(b["stride"], "stride", count: spatial, function: name)
        let dilation = try pair(b["dilation"], "dilation", count: spatial, function: name)
        let groups = try TorchBridge.intArgument(b["groups"], "groups")
        try checkWindowArguments([stride, dilation], interp: interp)
        let kernel = Array(w.shape.dropFirst(2))
        var padding: [Int]
        if case .str(let mode) = b["padding"] {
            switch mode {
            case "valid": padding = Array(repeating: 0, count: spatial)
            case "same":
                guard stride.allSatisfy({ $0 == 1 }) else {
                    throw PyException(.runtimeError, "padding='same' is not supported for strided convolutions")
                }
                let totals = zip(dilation, kernel).map { $0 * ($1 - 1) }
                guard totals.allSatisfy({ $0 % 2 == 0 }) else {
                    throw UnsupportedFeature("padding='same' with an even kernel (asymmetric padding)", line: interp.currentLine)
                }
                padding = totals.map { $0 / 2 }
            default:
                throw PyException(.runtimeError, "Invalid padding string: '\(mode)'")
            }
        } else {
            padding = try pair(b["padding"], "padding", count: spatial, function: name)
        }
        try checkWindowArguments([stride, padding, dilation], interp: interp)
        if stride.contains(where: { $0 <= 0 }) { throw PyException(.runtimeError, "non-positive stride is not supported") }
        if dilation.contains(where: { $0 <= 0 }) { throw PyException(.runtimeError, "dilation should be greater than zero") }
        if padding.contains(where: { $0 < 0 }) { throw PyException(.runtimeError, "negative padding is not supported") }
        guard x.dim == spatial + 1 || x.dim == spatial + 2 else {
            throw PyException(.runtimeError, "Expected \(spatial + 1)D (unbatched) or \(spatial + 2)D (batched) input to \(name), but got input of size: \(sizeText(x.shape))")
        }
        guard w.dim == spatial + 2 else {
            throw PyException(.runtimeError, "weight should have at least three dimensions")
        }
        guard groups == 1 else { throw UnsupportedFeature("grouped convolution (groups=\(groups))", line: interp.currentLine) }
        let batched = x.dim == spatial + 2
        let input = batched ? x : try x.unsqueeze(0)
        guard input.shape[1] == w.shape[1] * groups else {
            throw PyException(.runtimeError, "Given groups=\(groups), weight of size \(sizeText(w.shape)), expected input\(sizeText(input.shape)) to have \(w.shape[1] * groups) channels, but got \(input.shape[1]) channels instead")
        }
        if let bias, bias.numel != w.shape[0] {
            throw PyException(.runtimeError, "Given weight of size \(sizeText(w.shape)), expected bias to be 1-dimensional with \(w.shape[0]) elements, but got bias of size \(sizeText(bias.shape)) instead")
        }
        try LayerDTypeChecks.convolution(x, weight: w, bias: bias)
        let inSizes = Array(input.shape.dropFirst(2))
        let padded = zip(inSizes, padding).map { $0 + 2 * $1 }
        let effective = zip(kernel, dilation).map { ($0 - 1) * $1 + 1 }
        if zip(padded, effective).contains(where: { $0 < $1 }) {
            throw PyException(.runtimeError, "Calculated padded input size per channel: (\(padded.map(String.init).joined(separator: " x "))). Kernel size: (\(effective.map(String.init).joined(separator: " x "))). Kernel size can't be greater than actual input size")
        }
        let window = spatial == 1
            ? Window2D(kernel: (1, kernel[0]), stride: (1, stride[0]), padding: (0, padding[0]), dilation: (1, dilation[0]))
            : Window2D(kernel: (kernel[0], kernel[1]), stride: (stride[0], stride[1]), padding: (padding[0], padding[1]),
                       dilation: (dilation[0], dilation[1]))
        let out = try input.convolution(weight: w, bias: bias, window: window)
        return TorchBridge.wrap(batched ? out : try out.squeeze(dim: 0))
    }

    static func poolWindow(_ b: PyBoundArgs, function: String, input x: Tensor, dilation: [Int], interp: Interpreter) throws -> Window2D {
        guard x.dim == 3 || x.dim == 4 else {
            throw PyException(.runtimeError, "non-empty 3D or 4D (batch mode) tensor expected for input")
        }
        let kernel = try pair(b["kernel_size"], "kernel_size", count: 2, function: function)
        let strideArg = b["stride"]
        let stride = strideArg.isNone || (TorchBridge.sequence(strideArg)?.isEmpty ?? false) ? kernel : try pair(strideArg, "stride", count: 2, function: function)
        let padding = try pair(b["padding"], "padding", count: 2, function: function)
        try checkWindowArguments([kernel, stride, padding, dilation], interp: interp)
        if kernel.contains(where: { $0 <= 0 }) {
            throw PyException(.runtimeError, "kernel size should be greater than zero, but got kH: \(kernel[0]) kW: \(kernel[1])")
        }
        if stride.contains(where: { $0 <= 0 }) {
            throw PyException(.runtimeError, "stride should be greater than zero, but got dH: \(stride[0]) dW: \(stride[1])")
        }
        if dilation.contains(where: { $0 <= 0 }) {
            throw PyException(.runtimeError, "dilation should be greater than zero, but got dilationH: \(dilation[0]) dilationW: \(dilation[1])")
        }
        if padding.contains(where: { $0 < 0 }) { throw PyException(.runtimeError, "pad must be non-negative, but got pad: \(padding[0])") }
        for i in 0..<2 where padding[i] * 2 > (kernel[i] - 1) * dilation[i] + 1 {
            throw PyException(.runtimeError, "pad should be at most half of effective kernel size, but got pad=\(padding[i]), kernel_size=\(kernel[i]) and dilation=\(dilation[i])")
        }
        let window = Window2D(kernel: (kernel[0], kernel[1]), stride: (stride[0], stride[1]), padding: (padding[0], padding[1]),
                              dilation: (dilation[0], dilation[1]), ceilMode: try TorchBridge.bool(b["ceil_mode"], interp: interp))
        let h = x.shape[x.dim - 2], w = x.shape[x.dim - 1]
        let (oh, ow) = window.outputShape(h, w)
        if oh <= 0 || ow <= 0 {
            let c = x.shape[x.dim - 3]
            throw PyException(.runtimeError, "Given input size: (\(c)x\(h)x\(w)). Calculated output size: (\(c)x\(oh)x\(ow)). Output size is too small")
        }
        return window
    }

    static func maxPool2d(_ args: PyArgs, interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)")
        let x = try FunctionalModule.tensorArg(b["input"], "max_pool2d", "input", 1)
        let dilation = try pair(b["dilation"], "dilation", count: 2, function: "max_pool2d")
        let window = try poolWindow(b, function: "max_pool2d", input: x, dilation: dilation, interp: interp)
        let (values, indices) = try x.maxPool2d(window: window)
        if try TorchBridge.bool(b["return_indices"], interp: interp) {
            return .tuple([TorchBridge.wrap(values), TorchBridge.wrap(indices)])
        }
        return TorchBridge.wrap(values)
    }

    static func avgPool2d(_ args: PyArgs, interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)")
        let x = try FunctionalModule.tensorArg(b["input"], "avg_pool2d", "input", 1)
        let window = try poolWindow(b, function: "avg_pool2d", input: x, dilation: [1, 1], interp: interp)
        let divisor = b["divisor_override"].isNone ? nil : try TorchBridge.intArgument(b["divisor_override"], "divisor_override")
        if let divisor, divisor == 0 { throw PyException(.runtimeError, "divisor must be not zero") }
        return TorchBridge.wrap(try x.avgPool2d(window: window, countIncludePad: try TorchBridge.bool(b["count_include_pad"], interp: interp),
                                                divisorOverride: divisor))
    }

    /// `F.dropout(input, p=0.5, training=True, inplace=False)`.
    static func dropout(_ args: PyArgs, interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "dropout(input, p=0.5, training=True, inplace=False)")
        let x = try FunctionalModule.tensorArg(b["input"], "dropout", "input", 1)
        let p = try TorchBridge.number(b["p"], "p")
        guard p >= 0 && p <= 1 else {
            throw PyException(.valueError, "dropout probability has to be between 0 and 1, but got \(try interp.repr(b["p"]))")
        }
        let training = try TorchBridge.bool(b["training"], interp: interp)
        // ATen draws the mask in the input's dtype, then cannot divide it in place by 1 - p.
        if !x.dtype.isFloatingPoint && training && p != 0 && p != 1 && x.numel > 0 {
            _ = Generator.current.bernoulli(count: x.numel, p: 1 - p)
            throw PyException(.runtimeError, "result type Float can't be cast to the desired output type \(x.dtype.scalarTypeName)")
        }
        if try TorchBridge.bool(b["inplace"], interp: interp) {
            guard training, p != 0, x.numel > 0 else { return b["input"] }
            let keep = 1 - p
            let mask = Generator.current.bernoulli(count: x.numel, p: keep)
            let noise = try GradMode.with(false) {
                try Tensor(values: mask.map(x.dtype.round), shape: x.shape, dtype: x.dtype).div(Tensor.wrapped(keep, dtype: .float64))
            }
            try x.inPlace { try $0.mul(noise) }
            return b["input"]
        }
        let out = try x.dropout(p: p, training: training)
        return out === x ? b["input"] : TorchBridge.wrap(out)
    }

    /// `F.embedding(input, weight, padding_idx=None, ...)`.
    static func embedding(_ args: PyArgs, interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False)")
        let x = try FunctionalModule.tensorArg(b["input"], "embedding", "input", 1)
        let w = try FunctionalModule.tensorArg(b["weight"], "embedding", "weight", 2)
        guard b["max_norm"].isNone else { throw UnsupportedFeature("embedding(max_norm=...)", line: interp.currentLine) }
        guard !x.dtype.isFloatingPoint && x.dtype != .bool else {
            throw PyException(.runtimeError, "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got \(x.dtype.legacyTypeName) instead (while checking arguments for embedding)")
        }
        var padding: Int?
        if !b["padding_idx"].isNone {
            let p = try TorchBridge.intArgument(b["padding_idx"], "padding_idx")
            let rows = w.shape.first ?? 0
            guard p < rows && p >= -rows else { throw PyException(.assertionError, p >= 0 ? "Padding_idx must be within num_embeddings" : "Padding_idx must be within num_embeddings") }
            padding = p < 0 ? p + rows : p
        }
        return TorchBridge.wrap(try w.embedding(indices: x.integers.map { Int($0) }, indexShape: x.shape, paddingIndex: padding))
    }

    /// `F.batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05)`.
    static func batchNorm(_ args: PyArgs, interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05)")
        let x = try FunctionalModule.tensorArg(b["input"], "batch_norm", "input", 1)
        let training = try TorchBridge.bool(b["training"], interp: interp)
        if training {
            let perChannel = x.dim >= 2 ? Tensor.elementCount([x.shape[0]] + x.shape[2...]) : 1
            if perChannel == 1 {
                throw PyException(.valueError, "Expected more than 1 value per channel when training, got input size \(TensorFormatter.sizeRepr(x.shape))")
            }
        }
        let rm = TorchBridge.tensor(b["running_mean"]), rv = TorchBridge.tensor(b["running_var"])
        let channels = x.dim >= 2 ? x.shape[1] : 0
        for (name, t) in [("running_mean", rm), ("running_var", rv), ("weight", TorchBridge.tensor(b["weight"])), ("bias", TorchBridge.tensor(b["bias"]))] {
            if let t, t.numel != channels {
                throw PyException(.runtimeError, "\(name) should contain \(channels) elements not \(t.numel)")
            }
        }
        try LayerDTypeChecks.normalization(x, [rm, rv, TorchBridge.tensor(b["weight"]), TorchBridge.tensor(b["bias"])], batch: true)
        let momentum = b["momentum"].isNone ? 0 : try TorchBridge.number(b["momentum"], "momentum")
        return TorchBridge.wrap(try x.batchNorm(weight: TorchBridge.tensor(b["weight"]), bias: TorchBridge.tensor(b["bias"]), runningMean: rm, runningVar: rv,
                                                training: training, momentum: momentum, eps: try TorchBridge.number(b["eps"], "eps")))
    }

    /// An activation `name(input, ...)`, optionally in place.
    static func activation(_ f: PyModuleObject, _ name: String, signature: String,
                           _ apply: @escaping (Tensor, PyBoundArgs, Interpreter) throws -> Tensor) {
        f.set(name, TorchModule.fn(name) { args, interp in
            let b = try args.bind(signature: signature)
            let x = try FunctionalModule.tensorArg(b["input"], name, "input", 1)
            if let inplace = PySignature.cached(signature).index(of: "inplace"), try TorchBridge.bool(b[inplace], interp: interp) {
                try x.inPlace { try apply($0, b, interp) }
                return b["input"]
            }
            return TorchBridge.wrap(try apply(x, b, interp))
        })
    }

    static func installActivations(in f: PyModuleObject) {
        activation(f, "leaky_relu", signature: "leaky_relu(input, negative_slope=0.01, inplace=False)") { x, b, _ in
            try x.leakyRelu(slope: try TorchBridge.number(b["negative_slope"], "negative_slope"))
        }
        activation(f, "elu", signature: "elu(input, alpha=1.0, inplace=False)") { x, b, _ in
            try x.elu(alpha: try TorchBridge.number(b["alpha"], "alpha"))
        }
        activation(f, "gelu", signature: "gelu(input, approximate='none')") { x, b, interp in
            guard b["approximate"].asString == "none" else {
                if b["approximate"].asString == "tanh" { throw UnsupportedFeature("gelu(approximate='tanh')", line: interp.currentLine) }
                throw PyException(.runtimeError, "approximate argument must be either none or tanh.")
            }
            return try x.gelu()
        }
        activation(f, "softplus", signature: "softplus(input, beta=1.0, threshold=20.0)") { x, b, _ in
            try x.softplus(beta: try TorchBridge.number(b["beta"], "beta"), threshold: try TorchBridge.number(b["threshold"], "threshold"))
        }
        activation(f, "silu", signature: "silu(input, inplace=False)") { x, _, _ in try x.silu() }
        activation(f, "hardtanh", signature: "hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False)") { x, b, _ in
            try x.hardtanh(min: try TorchBridge.number(b["min_val"], "min_val"), max: try TorchBridge.number(b["max_val"], "max_val"))
        }
        activation(f, "relu6", signature: "relu6(input, inplace=False)") { x, _, _ in try x.hardtanh(min: 0, max: 6) }
        activation(f, "logsigmoid", signature: "logsigmoid(input)") { x, _, _ in try x.logSigmoid() }
        activation(f, "softmin", signature: "softmin(input, dim=None, _stacklevel=3, dtype=None)") { x, b, _ in
            try x.neg().softmax(dim: try TorchBridge.intArgument(b["dim"], "dim"))
        }
        f.set("one_hot", TorchModule.fn("one_hot") { args, _ in
            let b = try args.bind(signature: "one_hot(tensor, num_classes=-1)")
            let t = try FunctionalModule.tensorArg(b["tensor"], "one_hot", "tensor", 1)
            guard t.dtype == .int64 else { throw PyException(.runtimeError, "one_hot is only applicable to index tensor of type LongTensor.") }
            let v = t.integers.map { Int($0) }
            guard v.allSatisfy({ $0 >= 0 }) else { throw PyException(.runtimeError, "Class values must be non-negative.") }
            var classes = try TorchBridge.intArgument(b["num_classes"], "num_classes")
            if classes == -1 { classes = (v.max() ?? -1) &+ 1 }
            guard v.allSatisfy({ $0 < classes }) else { throw PyException(.runtimeError, "Class values must be smaller than num_classes.") }
            _ = try TorchBridge.run { try Tensor.validateShape(t.shape + [classes]) }
            var out = [Double](repeating: 0, count: v.count * classes)
            for (i, k) in v.enumerated() { out[i * classes + k] = 1 }
            return TorchBridge.created(Tensor(values: out, shape: t.shape + [classes], dtype: .int64), op: "one_hot")
        })
        f.set("normalize", TorchModule.fn("normalize") { args, interp in
            let b = try args.bind(signature: "normalize(input, p=2.0, dim=1, eps=1e-12, out=None)")
            let x = try FunctionalModule.tensorArg(b["input"], "normalize", "input", 1)
            guard try TorchBridge.number(b["p"], "p") == 2 else { throw UnsupportedFeature("normalize with p other than 2", line: interp.currentLine) }
            let d = try TorchBridge.intArgument(b["dim"], "dim")
            // F.normalize: input / norm(input, p, dim, keepdim=True).clamp_min(eps).expand_as(input).
            let denominator = try x.norm2(dims: [d], keepdim: true).clamp(min: try TorchBridge.number(b["eps"], "eps"), max: nil).expand(x.shape)
            return TorchBridge.wrap(try x.div(denominator))
        })
    }

    /// `F.adaptive_avg_pool2d(input, output_size)`: an int, or a pair whose None keeps the input's size.
    static func adaptiveAvgPool2d(_ args: PyArgs, interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "adaptive_avg_pool2d(input, output_size)")
        let x = try FunctionalModule.tensorArg(b["input"], "adaptive_avg_pool2d", "input", 1)
        guard x.dim == 3 || x.dim == 4 else {
            throw PyException(.runtimeError, "adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got \(sizeText(x.shape))")
        }
        let items = TorchBridge.sequence(b["output_size"]) ?? [b["output_size"], b["output_size"]]
        guard items.count == 2 else { throw PyException(.runtimeError, "adaptive_avg_pool2d: output_size must be 2") }
        let sizes = try zip(items, [x.shape[x.dim - 2], x.shape[x.dim - 1]]).map { v, own in v.isNone ? own : try TorchBridge.intArgument(v, "output_size") }
        guard sizes.allSatisfy({ $0 > 0 }) else {
            throw PyException(.runtimeError, "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {\(sizes[0]), \(sizes[1])}")
        }
        return TorchBridge.wrap(try x.adaptiveAvgPool2d(outH: sizes[0], outW: sizes[1]))
    }

    /// `F.layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)`.
    static func layerNorm(_ args: PyArgs, interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)")
        let x = try FunctionalModule.tensorArg(b["input"], "layer_norm", "input", 1)
        let normalized = try TorchBridge.shape([b["normalized_shape"]], interp: interp, function: "layer_norm")
        guard !normalized.isEmpty, normalized.count <= x.dim, Array(x.shape.suffix(normalized.count)) == normalized else {
            throw PyException(.runtimeError, "Given normalized_shape=\(sizeText(normalized)), expected input with shape [*, \(normalized.map(String.init).joined(separator: ", "))], but got input of size\(sizeText(x.shape))")
        }
        for (name, t) in [("weight", TorchBridge.tensor(b["weight"])), ("bias", TorchBridge.tensor(b["bias"]))] {
            if let t, t.shape != normalized {
                throw PyException(.runtimeError, "Expected \(name) to be of same shape as normalized_shape, but got \(name) of shape \(sizeText(t.shape)) and normalized_shape = \(sizeText(normalized))")
            }
        }
        try LayerDTypeChecks.normalization(x, [TorchBridge.tensor(b["weight"]), TorchBridge.tensor(b["bias"])], batch: false)
        return TorchBridge.wrap(try x.layerNorm(normalizedDims: normalized.count, weight: TorchBridge.tensor(b["weight"]),
                                                bias: TorchBridge.tensor(b["bias"]), eps: try TorchBridge.number(b["eps"], "eps")))
    }

    static func install(in f: PyModuleObject) {
        f.set("layer_norm", TorchModule.fn("layer_norm") { args, interp in try layerNorm(args, interp: interp) })
        f.set("adaptive_avg_pool2d", TorchModule.fn("adaptive_avg_pool2d") { args, interp in try adaptiveAvgPool2d(args, interp: interp) })
        installActivations(in: f)
        f.set("batch_norm", TorchModule.fn("batch_norm") { args, interp in try batchNorm(args, interp: interp) })
        f.set("embedding", TorchModule.fn("embedding") { args, interp in try embedding(args, interp: interp) })
        f.set("dropout", TorchModule.fn("dropout") { args, interp in try dropout(args, interp: interp) })
        f.set("conv1d", TorchModule.fn("conv1d") { args, interp in try convolution(args, spatial: 1, interp: interp) })
        f.set("conv2d", TorchModule.fn("conv2d") { args, interp in try convolution(args, spatial: 2, interp: interp) })
        f.set("max_pool2d", TorchModule.fn("max_pool2d") { args, interp in try maxPool2d(args, interp: interp) })
        f.set("avg_pool2d", TorchModule.fn("avg_pool2d") { args, interp in try avgPool2d(args, interp: interp) })
    }
}

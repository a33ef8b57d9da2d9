import Python
import Autograd

/// `torch.normal` in its four forms: `(mean, std, size)` with numbers, and element-wise
/// with a tensor mean and/or std, drawing as PyTorch does (standard normals scaled and
/// shifted in the result's precision for the tensor forms).
enum TorchNormal {
    static func call(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "normal(mean, std=1.0, size=None, *, generator=None, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False)")
        try DeviceObject.checkPlacement(b["device"], function: "normal", interp: interp)
        let meanT = TorchBridge.tensor(b["mean"]), stdT = TorchBridge.tensor(b["std"])
        if meanT?.requiresGrad == true || stdT?.requiresGrad == true {
            throw UnsupportedFeature("torch.normal with a mean or std that requires grad", line: interp.currentLine)
        }
        if meanT == nil && stdT == nil {
            let mean = try TorchBridge.number(b["mean"], "mean"), std = try TorchBridge.number(b["std"], "std")
            guard std >= 0 else { throw PyException(.runtimeError, "normal expects std >= 0.0, but found std \(formatNumber(b["std"]))") }
            guard !b["size"].isNone else {
                throw PyException(.typeError, "normal() received an invalid combination of arguments - got (\(b["mean"].typeName), \(b["std"].typeName)), but expected a size")
            }
            let shape = try TorchBridge.shape([b["size"]], interp: interp, function: "normal")
            let dtype = try TorchBridge.dtype(b["dtype"]) ?? DType.defaultFloat
            try TorchFactories.checkRandomDType(dtype, normal: true)
            let count = try TorchBridge.run { try Tensor.validateShape(shape, dtype: dtype) }
            let v = try GeneratorObject.drawing(from: b["generator"]) {
                Generator.current.normal(count: count, dtype: dtype, mean: mean, std: std)
            }
            return try TorchFactories.finish(Tensor(values: v, shape: shape, dtype: dtype), requiresGrad: b["requires_grad"], interp: interp, op: "normal")
        }
        let mean = try meanT ?? Tensor.wrapped(try TorchBridge.number(b["mean"], "mean"), dtype: .float64)
        let std = try stdT ?? Tensor.wrapped(try TorchBridge.number(b["std"], "std"), dtype: .float64)
        // The result has the broadcast shape of the tensor arguments.
        let shape = try GradMode.with(false) { try mean.add(std) }.shape
        if std.values.contains(where: { $0 < 0 }) {
            throw PyException(.runtimeError, "normal expects all elements of std >= 0.0")
        }
        // As ATen allocates it: like the mean tensor, else like the std tensor.
        let dtype = meanT?.dtype ?? stdT?.dtype ?? DType.defaultFloat
        try TorchFactories.checkRandomDType(dtype, normal: true)
        let count = Tensor.elementCount(shape)
        let z = try GeneratorObject.drawing(from: b["generator"]) { Generator.current.normal(count: count, dtype: dtype) }
        let draws = Tensor(values: z, shape: shape, dtype: dtype)
        // In place in the result's dtype, as ATen's normal_out: mul_(std), then add_(mean).
        let out = try GradMode.with(false) { try draws.mul(std).to(dtype).add(mean).to(dtype) }
        return TorchBridge.created(out, op: "normal")
    }

    static func formatNumber(_ v: PyValue) -> String {
        if let i = v.asInt { return String(i) }
        return v.asDouble.map(Tensor.streamText) ?? "?"
    }
}

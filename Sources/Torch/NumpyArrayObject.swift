import Autograd
import Python

/// What `Tensor.numpy()` returns: a `numpy.ndarray` sharing the tensor's values, printed as
/// numpy prints (`array([0. , 0.5], dtype=float32)`), with `tolist()`, `shape`, `len`,
/// iteration, indexing and arithmetic computed as the tensor computes them. Plotting reads it
/// through `tolist()`; full numpy is not provided.
final class NumpyArrayObject: NativeObject {
    let tensor: Tensor

    init(_ tensor: Tensor) {
        self.tensor = tensor
    }

    override var typeName: String { "ndarray" }

    /// `t.numpy()`: PyTorch refuses tensors that require grad.
    static func make(_ t: Tensor) throws -> PyValue {
        if t.requiresGrad {
            throw PyException(.runtimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        }
        // numpy has no bfloat16.
        if t.dtype == .bfloat16 { throw PyException(.typeError, "Got unsupported ScalarType BFloat16") }
        return .object(NumpyArrayObject(t.detach()))
    }

    private var asTensor: PyValue { TorchBridge.wrap(tensor) }

    /// Results that are tensors come back as arrays.
    private func rewrap(_ v: PyValue) throws -> PyValue {
        guard let t = TorchBridge.tensor(v) else { return v }
        if t.dim == 0 { return try TensorMethods.toList(t) }
        return .object(NumpyArrayObject(t))
    }

    private func operand(_ v: PyValue) -> PyValue {
        if case .object(let a as NumpyArrayObject) = v { return a.asTensor }
        return v
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "tolist": return .object(PyBuiltinFunction(name: "tolist") { [tensor] _, _ in try TensorMethods.toList(tensor) })
        case "shape": return .tuple(tensor.shape.map { .int($0) })
        case "ndim": return .int(tensor.dim)
        case "size": return .int(tensor.numel)
        case "dtype": return .str(tensor.dtype.shortName)
        case "T": return try rewrap(try interp.getAttribute(asTensor, "T"))
        case "copy", "flatten", "ravel", "sum", "mean", "max", "min", "reshape", "round":
            let method = try interp.getAttribute(asTensor, name == "copy" ? "clone" : name == "ravel" ? "flatten" : name)
            return .object(PyBuiltinFunction(name: name) { [weak self] args, interp in
                let r = try interp.call(method, args)
                return try self?.rewrap(r) ?? r
            })
        default: return nil
        }
    }

    override func length(interp: Interpreter) throws -> Int? {
        guard tensor.dim > 0 else { throw PyException(.typeError, "len() of unsized object") }
        return tensor.shape[0]
    }

    override func iterate(interp: Interpreter) throws -> PyIterator? {
        let items = try (0..<(try length(interp: interp) ?? 0)).map { try rewrap(try interp.getItem(asTensor, .int($0))) }
        return try interp.makeIterator(.list(PyList(items)))
    }

    override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        try rewrap(try interp.getItem(asTensor, operand(key)))
    }

    override func binaryOp(_ op: PyBinaryOp, _ other: PyValue, reflected: Bool, interp: Interpreter) throws -> PyValue? {
        let o = operand(other)
        return try rewrap(reflected ? try interp.binaryOp(op, o, asTensor) : try interp.binaryOp(op, asTensor, o))
    }

    override func unaryOp(_ op: PyUnaryOp, interp: Interpreter) throws -> PyValue? {
        try rewrap(try interp.unaryOp(op, asTensor))
    }

    override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        try rewrap(try interp.compare(op, asTensor, operand(other)))
    }

    override func toFloat(interp: Interpreter) throws -> Double? {
        guard tensor.numel == 1 else { throw PyException(.typeError, "only length-1 arrays can be converted to Python scalars") }
        return tensor.values.first
    }

    override func repr(interp: Interpreter) throws -> String? {
        NumpyArrayFormat.repr(tensor)
    }

    override func str(interp: Interpreter) throws -> String? {
        NumpyArrayFormat.str(tensor)
    }
}

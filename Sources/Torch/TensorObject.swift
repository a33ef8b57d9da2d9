import Python
import Autograd

/// `torch.Tensor` as lessons see it: operators, attributes, indexing and printing
/// over an engine ``Tensor``.
final class TensorObject: NativeObject {
    let tensor: Tensor

    init(_ tensor: Tensor) {
        self.tensor = tensor
    }

    deinit { tensor.forgetUserObject(self) }

    static let tensorClass = TensorClass()

    override var nativeClass: NativeClass? { tensor.isParameter ? ParameterClass.shared : TensorObject.tensorClass }
    override var typeName: String { tensor.isParameter ? "Parameter" : "Tensor" }

    // MARK: - Printing

    static func repr(_ t: Tensor) -> String {
        TensorFormatter.repr(TensorPrintInput(t, requiresGrad: t.isLeaf && t.requiresGrad, gradFnName: t.gradFn?.name))
    }

    override func repr(interp: Interpreter) throws -> String? {
        tensor.isParameter ? "Parameter containing:\n" + TensorObject.repr(tensor) : TensorObject.repr(tensor)
    }

    override func format(spec: String, interp: Interpreter) throws -> String? {
        if tensor.dim == 0 { return try interp.format(try TorchBridge.run { try TensorMethods.item(tensor) }, spec: spec) }
        if spec.isEmpty { return TensorObject.repr(tensor) }
        throw PyException(.typeError, "unsupported format string passed to Tensor.__format__")
    }

    // MARK: - Conversions

    override func truthiness(interp: Interpreter) throws -> Bool? {
        guard tensor.numel == 1 else {
            if tensor.numel == 0 {
                throw PyException(.runtimeError, "Boolean value of Tensor with no values is ambiguous")
            }
            throw PyException(.runtimeError, "Boolean value of Tensor with more than one value is ambiguous")
        }
        return tensor.dtype.isInteger ? tensor.integers[0] != 0 : tensor.values[0] != 0
    }

    override func toFloat(interp: Interpreter) throws -> Double? {
        guard tensor.numel == 1 else {
            throw PyException(.runtimeError, "a Tensor with \(tensor.numel) elements cannot be converted to Scalar")
        }
        return tensor.values[0]
    }

    override func toInt(interp: Interpreter) throws -> Int? {
        guard tensor.numel == 1 else {
            throw PyException(.runtimeError, "a Tensor with \(tensor.numel) elements cannot be converted to Scalar")
        }
        if !tensor.dtype.isFloatingPoint { return Int(tensor.integers[0]) }
        let v = tensor.values[0]
        guard v.isFinite else { throw PyException(.valueError, "cannot convert float \(v.isNaN ? "NaN" : "infinity") to integer") }
        guard v >= -0x1p63 && v < 0x1p63 else {
            throw UnsupportedFeature("integer arithmetic beyond 64 bits", line: interp.currentLine)
        }
        return Int(v.rounded(.towardZero))
    }

    override func toIndex(interp: Interpreter) throws -> Int? {
        guard tensor.numel == 1, !tensor.dtype.isFloatingPoint, tensor.dtype != .bool || tensor.dim == 0 else {
            throw PyException(.typeError, "only integer tensors of a single element can be converted to an index")
        }
        return Int(tensor.integers[0])
    }

    override func length(interp: Interpreter) throws -> Int? {
        guard tensor.dim > 0 else { throw PyException(.typeError, "len() of a 0-d tensor") }
        return tensor.shape[0]
    }

    override func iterate(interp: Interpreter) throws -> PyIterator? {
        guard tensor.dim > 0 else { throw PyException(.typeError, "iteration over a 0-d tensor") }
        let t = tensor
        var i = 0
        return PyClosureIterator { _ in
            guard i < t.shape[0] else { return nil }
            defer { i += 1 }
            return try TorchBridge.run { TorchBridge.wrap(try t.select(dim: 0, index: i)) }
        }
    }

    override func contains(_ value: PyValue, interp: Interpreter) throws -> Bool? {
        guard let other = TorchBridge.operand(value) else {
            throw PyException(.runtimeError, "Tensor.__contains__ only supports Tensor or scalar, but you passed in a \(value.typeName).")
        }
        return try TorchBridge.run { try tensor.compare(.eq, other).values.contains { $0 != 0 } }
    }

    // MARK: - Operators

    override func binaryOp(_ op: PyBinaryOp, _ other: PyValue, reflected: Bool, interp: Interpreter) throws -> PyValue? {
        guard let b = TorchBridge.operand(other) else { return nil }
        let a = tensor
        return try TorchBridge.run {
            let r: Tensor
            switch op {
            case .add: r = try a.add(b)
            case .sub: r = reflected ? try a.rsub(b) : try a.sub(b)
            case .mul: r = try a.mul(b)
            case .truediv:
                if reflected {
                    r = b.isWrappedNumber ? try a.reciprocal().mul(b) : try b.div(a)
                } else {
                    r = try a.div(b)
                }
            case .floordiv: r = reflected ? try b.floorDivide(a) : try a.floorDivide(b)
            case .mod: r = reflected ? try b.remainder(a) : try a.remainder(b)
            case .pow:
                if reflected {
                    r = b.isWrappedNumber ? try a.rpow(b.values[0], baseDType: b.dtype) : try b.pow(a)
                } else if b.isWrappedNumber {
                    r = try a.pow(b.values[0], exponentDType: b.dtype)
                } else {
                    r = try a.pow(b)
                }
            case .matmul: r = reflected ? try b.matmul(a) : try a.matmul(b)
            case .and: r = reflected ? try b.bitwise(.and, a) : try a.bitwise(.and, b)
            case .or: r = reflected ? try b.bitwise(.or, a) : try a.bitwise(.or, b)
            case .xor: r = reflected ? try b.bitwise(.xor, a) : try a.bitwise(.xor, b)
            case .lshift: r = reflected ? try b.bitwise(.lshift, a) : try a.bitwise(.lshift, b)
            case .rshift: r = reflected ? try b.bitwise(.rshift, a) : try a.bitwise(.rshift, b)
            }
            return TorchBridge.wrap(r)
        }
    }

    override func inplaceOp(_ op: PyBinaryOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        guard let b = TorchBridge.operand(other) else { return nil }
        let a = tensor
        try TorchBridge.run {
            switch op {
            case .add: try a.add_(b)
            case .sub: try a.sub_(b)
            case .mul: try a.mul_(b)
            case .truediv: try a.div_(b)
            case .pow: try a.inPlace { try b.isWrappedNumber ? $0.pow(b.values[0], exponentDType: b.dtype) : $0.pow(b) }
            case .matmul: throw AutogradError.runtime("In-place matmul is not supported. Use 'a = a @ b' instead of 'a @= b'.")
            default: try a.inPlace { orig in
                guard case .object(let r as TensorObject) = try TensorObject(orig).binaryOp(op, other, reflected: false, interp: interp) ?? PyValue.none else {
                    throw AutogradError(.typeError, "unsupported operand")
                }
                return r.tensor
            }
            }
        }
        return .object(self)
    }

    override func unaryOp(_ op: PyUnaryOp, interp: Interpreter) throws -> PyValue? {
        try TorchBridge.run {
            switch op {
            case .neg: return TorchBridge.wrap(try tensor.neg())
            case .pos: return .object(self)
            case .invert:
                guard !tensor.dtype.isFloatingPoint else {
                    throw AutogradError(.typeError, "~ (operator.invert) is only implemented on integer and Boolean-type tensors")
                }
                return TorchBridge.wrap(try tensor.bitwiseNot())
            }
        }
    }

    override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        if other.isNone {
            if op == .eq { return .bool(false) }
            if op == .ne { return .bool(true) }
        }
        guard let b = TorchBridge.operand(other) else { return nil }
        let c: Tensor.Comparison
        switch op {
        case .eq: c = .eq
        case .ne: c = .ne
        case .lt: c = .lt
        case .le: c = .le
        case .gt: c = .gt
        case .ge: c = .ge
        }
        return try TorchBridge.run { TorchBridge.wrap(try tensor.compare(c, b)) }
    }

    override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        try indexGet(key, interp: interp)
    }

    override func setItem(_ key: PyValue, _ value: PyValue, interp: Interpreter) throws -> Bool {
        try indexSet(key, value, interp: interp)
    }

    // MARK: - Attributes

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        let t = tensor
        switch name {
        case "data": return TorchBridge.wrap(t.data)
        case "grad":
            if !t.isLeaf && !t.retainsGrad { TorchWarnings.fromLesson(TorchWarnings.nonLeafGrad, line: interp.currentLine) }
            return TorchBridge.wrap(t.grad)
        case "grad_fn": return t.gradFn.map { NodeObject.wrap($0) } ?? PyValue.none
        case "requires_grad": return .bool(t.requiresGrad)
        case "is_leaf": return .bool(t.isLeaf)
        case "shape": return .object(SizeObject(t.shape))
        case "dtype": return .object(DTypeObject.of(t.dtype))
        case "ndim": return .int(t.dim)
        case "T":
            return try TorchBridge.run { TorchBridge.wrap(try t.permute(Array((0..<t.dim).reversed()))) }
        case "mT":
            return try TorchBridge.run { TorchBridge.wrap(try t.transpose(-2, -1)) }
        case "device": return .object(DeviceObject.cpu)
        case "is_cuda": return .bool(false)
        case "is_cpu": return .bool(true)
        case "is_mps", "is_meta", "is_quantized", "is_sparse": return .bool(false)
        case "_version": return .int(t.version.value)
        case "output_nr": return .int(t.outputNr)
        case "_base": return TorchBridge.wrap(t.base)
        case "retains_grad": return .bool(t.retainsGrad)
        case "itemsize": return .int(t.dtype.itemSize)
        default:
            guard TensorMethods.table[name] != nil else { return nil }
            return .object(PyBuiltinFunction(name: name, boundTo: .object(self)) { [self] args, interp in
                try TensorMethods.call(name, self, args, interp)
            })
        }
    }

    override func setAttr(_ name: String, _ value: PyValue, interp: Interpreter) throws -> Bool {
        let t = tensor
        switch name {
        case "requires_grad":
            try TorchBridge.run { try t.setRequiresGrad(try TorchBridge.bool(value, interp: interp), from: .attribute) }
            return true
        case "grad":
            if value.isNone { t.grad = nil; return true }
            guard let g = TorchBridge.tensor(value) else {
                throw PyException(.typeError, "assigned grad expected to be a Tensor or None but got grad of type \(value.typeName)")
            }
            if g.shape != t.shape {
                throw PyException(.runtimeError, "assigned grad has data of a different size")
            }
            if g.dtype != t.dtype {
                throw PyException(.runtimeError, "assigned grad has data of a different type")
            }
            t.grad = g
            return true
        case "data":
            guard let d = TorchBridge.tensor(value) else {
                throw PyException(.typeError, "Variable data has to be a tensor, but got \(value.typeName)")
            }
            t.setData(d)
            return true
        default:
            if TensorMethods.table[name] != nil || ["shape", "dtype", "is_leaf", "grad_fn", "T", "ndim"].contains(name) {
                throw PyException(.attributeError, "attribute '\(name)' of 'torch._C.TensorBase' objects is not writable")
            }
            return false
        }
    }
}

/// `torch.Tensor` the class: `isinstance(x, torch.Tensor)`, `torch.Tensor([1, 2])`.
final class TensorClass: NativeClass {
    init() { super.init(name: "Tensor") }
    override var qualifiedName: String { "torch.Tensor" }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        try LegacyTensorType.construct(args, dtype: DType.defaultFloat, interp: interp)
    }
}

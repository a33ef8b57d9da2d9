import Python
import Autograd

/// The tensor methods about dtypes: conversions (`.int()`, `.half()`, `.type(...)`),
/// exact `item()`/`tolist()`, and the arithmetic whose result depends on the dtype.
extension TensorMethods {
    /// A conversion method: `x.int()` is `x.to(torch.int32)`.
    private static func conversion(_ name: String, _ d: DType) -> Method {
        { o, a, _ in
            _ = try a.bind(signature: "\(name)(memory_format=None)")
            return wrap(try o.tensor.to(d))
        }
    }

    /// The Python number a one-element tensor holds: int, float or bool by dtype.
    static func item(_ t: Tensor) throws -> PyValue {
        if t.dtype.isInteger { return .int(Int(try t.itemInteger())) }
        let v = try t.item()
        return t.dtype == .bool ? .bool(v != 0) : .float(v)
    }

    static let dtypeMethods: [String: Method] = [
        "float": conversion("float", .float32),
        "double": conversion("double", .float64),
        "half": conversion("half", .float16),
        "bfloat16": conversion("bfloat16", .bfloat16),
        "long": conversion("long", .int64),
        "int": conversion("int", .int32),
        "short": conversion("short", .int16),
        "char": conversion("char", .int8),
        "byte": conversion("byte", .uint8),
        "bool": conversion("bool", .bool),
        "type": { o, a, _ in
            let b = try a.bind(signature: "type(dtype=None, non_blocking=False)")
            if b[0].isNone { return .str(o.tensor.dtype.legacyTypeName) }
            if let d = TorchBridge.dtypeOrType(b[0]) { return wrap(try o.tensor.to(d)) }
            if case .str(let name) = b[0] {
                if name.hasPrefix("torch.cuda.") {
                    throw PyException(.runtimeError, "Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx")
                }
                if let t = LegacyTensorType.all.first(where: { "torch." + $0.name == name }) { return wrap(try o.tensor.to(t.dtype)) }
                if name == "torch.Tensor" { return wrap(try o.tensor.to(DType.defaultFloat)) }
                throw PyException(.valueError, "invalid type: '\(name)'")
            }
            if case .object(let c as PyClass) = b[0] { throw PyException(.valueError, "invalid type: '\(c.name)'") }
            throw PyException(.valueError, "invalid type: '\(b[0].typeName)'")
        },
        "element_size": { o, a, _ in
            _ = try a.bind(signature: "element_size()")
            return .int(o.tensor.dtype.itemSize)
        },
        "is_floating_point": { o, a, _ in
            _ = try a.bind(signature: "is_floating_point()")
            return .bool(o.tensor.dtype.isFloatingPoint)
        },
        "is_signed": { o, a, _ in
            _ = try a.bind(signature: "is_signed()")
            return .bool(o.tensor.dtype.isSigned)
        },
        "item": { o, a, _ in
            _ = try a.bind(signature: "item()")
            return try item(o.tensor)
        },
        "tolist": { o, a, _ in
            _ = try a.bind(signature: "tolist()")
            return try toList(o.tensor)
        },
        "bitwise_and": bitwise("bitwise_and", .and),
        "bitwise_or": bitwise("bitwise_or", .or),
        "bitwise_xor": bitwise("bitwise_xor", .xor),
        "bitwise_left_shift": bitwise("bitwise_left_shift", .lshift),
        "bitwise_right_shift": bitwise("bitwise_right_shift", .rshift),
        "bitwise_not": unary("bitwise_not") { try $0.bitwiseNot() },
        "floor_divide": binary("floor_divide") { try $0.floorDivide($1) },
    ]

    private static func bitwise(_ name: String, _ op: Tensor.BitwiseOp) -> Method {
        binary(name) { try $0.bitwise(op, $1) }
    }

    /// `div(other, *, rounding_mode=None)`.
    static func divide(_ name: String) -> Method {
        { o, a, _ in
            let b = try a.bind(signature: "\(name)(other, *, rounding_mode=None)")
            guard let other = TorchBridge.operand(b[0]) else {
                throw PyException(.typeError, "\(name)(): argument 'other' (position 1) must be Tensor, not \(b[0].typeName)")
            }
            if case .str(let mode) = b[1] { return wrap(try o.tensor.div(other, roundingMode: mode)) }
            if !b[1].isNone {
                throw PyException(.typeError, "\(name)(): argument 'rounding_mode' must be str, not \(b[1].typeName)")
            }
            return wrap(try o.tensor.div(other))
        }
    }

    /// `clamp(min=None, max=None)`: Python-float bounds make an integer tensor's result
    /// floating; tensor bounds broadcast against the tensor.
    static func clampMethod(_ name: String) -> Method {
        { o, a, _ in
            let b = try a.bind(signature: "\(name)(min=None, max=None)")
            if TorchBridge.tensor(b[0]) != nil || TorchBridge.tensor(b[1]) != nil {
                let bound = { (v: PyValue, name: String) throws -> Tensor? in
                    if v.isNone { return nil }
                    return try TorchBridge.tensor(v) ?? Tensor.wrapped(TorchBridge.number(v, name), dtype: o.tensor.dtype)
                }
                return wrap(try o.tensor.clamp(min: try bound(b[0], "min"), max: try bound(b[1], "max")))
            }
            let lo = b[0].isNone ? nil : try TorchBridge.scalar(b[0], "min")
            let hi = b[1].isNone ? nil : try TorchBridge.scalar(b[1], "max")
            let floatBound = [lo, hi].contains { $0?.dtype.isFloatingPoint ?? false }
            return wrap(try o.tensor.clamp(min: try lo?.item(), max: try hi?.item(), boundDType: floatBound ? .float64 : .int64))
        }
    }
}

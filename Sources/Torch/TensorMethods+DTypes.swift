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
    /// floating; tensor bounds broadcast against the tensor, in the promoted dtype.
    static func clampMethod(_ name: String) -> Method {
        { o, a, _ in
            let b = try a.bind(signature: "\(name)(min=None, max=None)")
            if let bounds = try tensorBounds(name, a, b[0], b[1]) {
                return wrap(try o.tensor.clamp(min: bounds.min, max: bounds.max))
            }
            let lo = b[0].isNone ? nil : try TorchBridge.scalar(b[0], "min")
            let hi = b[1].isNone ? nil : try TorchBridge.scalar(b[1], "max")
            let floatBound = [lo, hi].contains { $0?.dtype.isFloatingPoint ?? false }
            return wrap(try o.tensor.clamp(min: try lo?.item(), max: try hi?.item(), boundDType: floatBound ? .float64 : .int64))
        }
    }

    /// The bounds of `clamp` when at least one is a tensor (the other a tensor or None), nil
    /// for number bounds; a tensor beside a number matches neither of PyTorch's overloads.
    static func tensorBounds(_ name: String, _ args: PyArgs, _ lo: PyValue, _ hi: PyValue) throws -> (min: Tensor?, max: Tensor?)? {
        let loT = TorchBridge.tensor(lo), hiT = TorchBridge.tensor(hi)
        guard loT != nil || hiT != nil else { return nil }
        if mixesTensorAndNumber(lo, hi) { throw PyException(.typeError, clampOverloadMessage(name, args, method: true)) }
        return (loT, hiT)
    }

    /// Whether one clamp bound is a tensor and the other is neither a tensor nor None.
    static func mixesTensorAndNumber(_ lo: PyValue, _ hi: PyValue) -> Bool {
        let loT = TorchBridge.tensor(lo) != nil, hiT = TorchBridge.tensor(hi) != nil
        return (loT && !hiT && !hi.isNone) || (hiT && !loT && !lo.isNone)
    }

    /// PyTorch's "invalid combination of arguments" for clamp's two overloads. Keywords are
    /// listed as PyTorch lists them: last first, with a trailing comma when given alone.
    static func clampOverloadMessage(_ name: String, _ args: PyArgs, method: Bool) -> String {
        let positional = args.positional.map(\.typeName)
        let keywords = args.keywords.reversed().map { "\($0.name)=\($0.value.typeName)" }
        let names = args.keywords.reversed().map(\.name)
        let got = positional.isEmpty ? keywords.map { $0 + ", " }.joined() : (positional + keywords).joined(separator: ", ")
        let typed = positional.map { "!\($0)!" }.joined(separator: ", ")
        let reason = names.isEmpty ? "some of the arguments have invalid types: (\(typed))"
                                   : "some of the keywords were incorrect: \(names.joined(separator: ", "))"
        let overloads = method
            ? ["(Tensor min = None, Tensor max = None)", "(Number min = None, Number max = None)"]
            : ["(Tensor input, Tensor min = None, Tensor max = None, *, Tensor out = None)",
               "(Tensor input, Number min = None, Number max = None, *, Tensor out = None)"]
        let listed = overloads.map { " * \($0)\n" + (method ? "      didn't match because \(reason)\n" : "") }.joined()
        return "\(name)() received an invalid combination of arguments - got (\(got)), but expected one of:\n" + listed
    }
}

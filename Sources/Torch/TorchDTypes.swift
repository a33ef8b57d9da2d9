import Foundation
import Python
import Autograd

/// The dtype part of the `torch` module: the dtype objects and their aliases, the legacy
/// tensor types (`torch.FloatTensor`), the default dtype, `iinfo`/`finfo` and promotion.
enum TorchDTypes {
    /// `torch.int` is int32, `torch.long` int64, as PyTorch names them.
    static let aliases: [(String, DType)] = [
        ("float", .float32), ("double", .float64), ("half", .float16),
        ("long", .int64), ("int", .int32), ("short", .int16),
    ]

    static func install(in torch: PyModuleObject) {
        for d in DType.allCases { torch.set(d.shortName, .object(DTypeObject.of(d))) }
        for (name, d) in aliases { torch.set(name, .object(DTypeObject.of(d))) }
        for t in LegacyTensorType.all { torch.set(t.name, .object(t)) }

        torch.set("get_default_dtype", TorchModule.fn("get_default_dtype") { args, _ in
            _ = try args.bind(signature: "get_default_dtype()")
            return .object(DTypeObject.of(DType.defaultFloat))
        })
        torch.set("set_default_dtype", TorchModule.fn("set_default_dtype") { args, _ in
            let b = try args.bind(signature: "set_default_dtype(d)")
            guard case .object(let o as DTypeObject) = b[0] else {
                throw PyException(.typeError, "invalid dtype object: only floating-point types are supported as the default type")
            }
            guard o.dtype.isFloatingPoint else {
                throw PyException(.typeError, "only floating-point types are supported as the default type")
            }
            DType.defaultFloat = o.dtype
            return .none
        })
        torch.set("set_default_tensor_type", TorchModule.fn("set_default_tensor_type") { args, _ in
            let b = try args.bind(signature: "set_default_tensor_type(t)")
            let type = try legacyType(named: b[0])
            TorchWarnings.fromTorch(file: TorchWarnings.torchRoot + "/__init__.py", line: 1709,
                                    sourceLine: "_C._set_default_tensor_type(t)", message: setDefaultTensorTypeWarning)
            guard let type else {
                throw PyException(.typeError, "invalid type object: only floating-point types are supported as the default type")
            }
            guard type.dtype.isFloatingPoint else {
                throw PyException(.typeError, "only floating-point types are supported as the default type")
            }
            DType.defaultFloat = type.dtype
            return .none
        })
        for name in ["bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not", "bitwise_left_shift", "bitwise_right_shift",
                     "floor_divide", "is_signed"] {
            torch.set(name, TorchModule.method(name))
        }
        torch.set("iinfo", .object(TypeInfoClass(floating: false)))
        torch.set("finfo", .object(TypeInfoClass(floating: true)))
        torch.set("promote_types", TorchModule.fn("promote_types") { args, _ in
            let b = try args.bind(signature: "promote_types(type1, type2)")
            guard let a = try TorchBridge.dtype(b[0]), let c = try TorchBridge.dtype(b[1]) else {
                throw PyException(.typeError, "promote_types(): argument 'type1' (position 1) must be torch.dtype, not NoneType")
            }
            return .object(DTypeObject.of(DType.promote(a, c)))
        })
        torch.set("can_cast", TorchModule.fn("can_cast") { args, _ in
            let b = try args.bind(signature: "can_cast(from_, to)")
            guard let from = try TorchBridge.dtype(b[0]), let to = try TorchBridge.dtype(b[1]) else {
                throw PyException(.typeError, "can_cast(): argument 'from_' (position 1) must be torch.dtype, not NoneType")
            }
            return .bool(Tensor.canCast(from: from, to: to))
        })
        torch.set("result_type", TorchModule.fn("result_type") { args, _ in
            let b = try args.bind(signature: "result_type(tensor1, tensor2)")
            guard let x = TorchBridge.operand(b[0]), let y = TorchBridge.operand(b[1]) else {
                throw PyException(.typeError, "result_type() received an invalid combination of arguments")
            }
            return .object(DTypeObject.of(Tensor.resultType(x, y)))
        })
    }

    static let setDefaultTensorTypeWarning = "torch.set_default_tensor_type() is deprecated as of PyTorch 2.1, please use torch.set_default_dtype() and torch.set_default_device() as alternatives. (Triggered internally at /__w/pytorch/pytorch/torch/csrc/tensor/python_tensor.cpp:409.)"

    /// The legacy type a `set_default_tensor_type` argument names: a type object or its
    /// dotted name (`'torch.DoubleTensor'`), with Python's import errors for unknown names;
    /// nil for objects that are not tensor types.
    static func legacyType(named v: PyValue) throws -> LegacyTensorType? {
        switch v {
        case .object(let t as LegacyTensorType): return t
        case .object(let c as TensorClass) where c === TensorObject.tensorClass:
            return LegacyTensorType.of(DType.defaultFloat)
        case .str(let name):
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.first == "torch" else {
                throw PyException(.moduleNotFoundError, "No module named '\(parts.first ?? name)'")
            }
            if parts.count == 2, let t = LegacyTensorType.all.first(where: { $0.name == parts[1] }) { return t }
            if parts.count == 2 && parts[1] == "Tensor" { return LegacyTensorType.of(DType.defaultFloat) }
            throw PyException(.attributeError, "module 'torch' has no attribute '\(parts.count > 1 ? parts[1] : name)'")
        default: return nil
        }
    }
}

/// `torch.FloatTensor` and the other legacy tensor types: constructors of tensors of one
/// dtype (from data, or uninitialised — here zeroed — from sizes), and `isinstance` tests.
final class LegacyTensorType: NativeClass {
    let dtype: DType

    private init(_ dtype: DType) {
        self.dtype = dtype
        super.init(name: dtype.scalarTypeName + "Tensor")
    }

    static let all: [LegacyTensorType] = DType.allCases.map { LegacyTensorType($0) }
    static func of(_ d: DType) -> LegacyTensorType { all[d.rawValue] }

    override var qualifiedName: String { "torch." + name }

    override func isInstance(_ value: PyValue) -> Bool {
        TorchBridge.tensor(value)?.dtype == dtype
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "dtype": return .object(DTypeObject.of(dtype))
        case "__name__": return .str(self.name)
        case "is_cuda", "is_sparse": return .bool(false)
        default: return nil
        }
    }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        try LegacyTensorType.construct(args, dtype: dtype, interp: interp)
    }

    /// `torch.FloatTensor(...)` / `torch.Tensor(...)`: from a sequence, from another tensor
    /// of the same dtype, or zeros of the given sizes (PyTorch leaves them uninitialised).
    static func construct(_ args: PyArgs, dtype: DType, interp: Interpreter) throws -> PyValue {
        if let (k, _) = args.keywords.first(where: { $0.name != "size" && $0.name != "device" }) {
            throw PyException(.typeError, "new() received an invalid combination of arguments - got (\(k)=...), but expected one of:")
        }
        if let size = args.keyword("size") {
            let shape = try TorchBridge.shape([size], interp: interp, function: "new")
            return try TorchBridge.run { TorchBridge.created(try Tensor.zeros(shape, dtype: dtype), op: "Tensor") }
        }
        let p = args.positional
        if p.isEmpty {
            return TorchBridge.created(Tensor(elements: .doubles([]), shape: [0], dtype: dtype), op: "Tensor")
        }
        if p.count == 1 {
            if let t = TorchBridge.tensor(p[0]) {
                guard t.dtype == dtype else {
                    throw PyException(.typeError, "expected \(options(dtype)) (got \(options(t.dtype)))")
                }
                return TorchBridge.wrap(t.detach())
            }
            if case .object(let o) = p[0], !(o is SizeObject) {
                throw PyException(.typeError, "new(): data must be a sequence (got \(p[0].typeName))")
            }
            if case .list = p[0] { return try TorchFactories.tensorFromData(p[0], dtype: dtype, interp: interp) }
            if case .tuple = p[0] { return try TorchFactories.tensorFromData(p[0], dtype: dtype, interp: interp) }
            if case .float = p[0] { throw PyException(.typeError, "new(): data must be a sequence (got float)") }
        }
        let shape = try TorchBridge.shape(p, interp: interp, function: "new")
        return try TorchBridge.run { TorchBridge.created(try Tensor.zeros(shape, dtype: dtype), op: "Tensor") }
    }

    /// `TensorOptions(...)` as PyTorch's constructor errors print it.
    private static func options(_ d: DType) -> String {
        "TensorOptions(dtype=\(d.typeMetaName), device=cpu, layout=Strided, requires_grad=false (default), pinned_memory=false (default), memory_format=(nullopt))"
    }
}

/// `torch.iinfo` / `torch.finfo`: the limits of an integer or a floating dtype.
final class TypeInfoClass: NativeClass {
    let floating: Bool

    init(floating: Bool) {
        self.floating = floating
        super.init(name: floating ? "finfo" : "iinfo")
    }

    override var qualifiedName: String { "torch." + name }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        let b = try args.bind(signature: "\(name)(type=None)")
        let dtype: DType
        if b[0].isNone {
            guard floating else { throw PyException(.typeError, "iinfo() missing required argument 'type'") }
            dtype = DType.defaultFloat
        } else if let d = TorchBridge.dtypeOrType(b[0]) {
            dtype = d
        } else {
            throw PyException(.typeError, "\(name)(): argument 'type' (position 1) must be torch.dtype, not \(b[0].typeName)")
        }
        if floating && !dtype.isFloatingPoint {
            throw PyException(.typeError, "torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'")
        }
        if !floating && (dtype.isFloatingPoint) {
            throw PyException(.typeError, "torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
        }
        return .object(TypeInfoObject(dtype: dtype, floating: floating))
    }
}

/// One `iinfo(...)` / `finfo(...)` result.
final class TypeInfoObject: NativeObject {
    let dtype: DType
    let floating: Bool

    init(dtype: DType, floating: Bool) {
        self.dtype = dtype
        self.floating = floating
    }

    override var typeName: String { floating ? "finfo" : "iinfo" }

    /// `finfo(...).eps`: the gap between 1 and the next value.
    private var eps: Double {
        switch dtype {
        case .float16: 0.0009765625
        case .bfloat16: 0.0078125
        case .float32: Double(Float.ulpOfOne)
        default: Double.ulpOfOne
        }
    }

    /// `finfo(...).tiny` / `smallest_normal`.
    private var tiny: Double {
        switch dtype {
        case .float16: 6.103515625e-05
        case .float64: Double.leastNormalMagnitude
        default: Double(Float.leastNormalMagnitude)
        }
    }

    /// `finfo(...).resolution`: 10^-⌊-log10(eps)⌋.
    private var resolution: Double {
        switch dtype {
        case .float16: 0.001
        case .bfloat16: 0.01
        case .float32: 1e-06
        default: 1e-15
        }
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "bits": return .int(dtype.bits)
        case "dtype": return .str(dtype.shortName)
        default: break
        }
        if floating {
            switch name {
            case "max": return .float(dtype.largestFinite)
            case "min": return .float(-dtype.largestFinite)
            case "eps": return .float(eps)
            case "tiny", "smallest_normal": return .float(tiny)
            case "resolution": return .float(resolution)
            default: return nil
            }
        }
        switch name {
        case "max": return .int(Int(dtype.integerRange.upperBound))
        case "min": return .int(Int(dtype.integerRange.lowerBound))
        default: return nil
        }
    }

    override func repr(interp: Interpreter) throws -> String? {
        let g = { (x: Double) in String(format: "%g", x) }
        if floating {
            return "finfo(resolution=\(g(resolution)), min=\(g(-dtype.largestFinite)), max=\(g(dtype.largestFinite)), eps=\(g(eps)), smallest_normal=\(g(tiny)), tiny=\(g(tiny)), dtype=\(dtype.shortName))"
        }
        let r = dtype.integerRange
        return "iinfo(min=\(g(Double(r.lowerBound))), max=\(g(Double(r.upperBound))), dtype=\(dtype.shortName))"
    }
}

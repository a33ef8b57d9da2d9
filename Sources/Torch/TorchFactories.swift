import Python
import Autograd

/// `torch.tensor`, `torch.ones`, `torch.rand` and the other tensor factories.
enum TorchFactories {
    /// `torch.tensor(data)`: nested sequences of numbers (or one-element tensors), shape
    /// and dtype inferred as PyTorch does (the promotion of every element's type: bool,
    /// int64, the default float dtype, or a tensor's own dtype).
    static func tensorFromData(_ data: PyValue, dtype requested: DType?, interp: Interpreter,
                               requiresGrad: Bool = false) throws -> PyValue {
        let t: Tensor
        if let source = TorchBridge.tensor(data) {
            TorchWarnings.fromLesson(copyConstructWarning, line: interp.currentLine)
            let target = requested ?? source.dtype
            t = Tensor(elements: source.elements(as: target), shape: source.shape, dtype: target)
        } else {
            let dtype = try requested ?? inferDType(data)
            let shape = sizes(of: data)
            _ = try TorchBridge.run { try Tensor.validateShape(shape, dtype: dtype) }
            t = try store(data, shape: shape, dtype: dtype)
        }
        if requiresGrad { try TorchBridge.run { try t.setRequiresGrad(true) } }
        return TorchBridge.created(t, op: "tensor")
    }

    static let copyConstructWarning = "To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or sourceTensor.detach().clone().requires_grad_(True), rather than torch.tensor(sourceTensor)."

    /// PyTorch's `infer_scalar_type`: the promotion of the types of every element, walked
    /// without recursion (an empty sequence leaves the default dtype).
    static func inferDType(_ data: PyValue) throws -> DType {
        var result: DType?
        var stack = [data]
        while let v = stack.popLast() {
            let d: DType
            switch v {
            case .bool: d = .bool
            case .int: d = .int64
            case .float: d = DType.defaultFloat
            case .none: throw PyException(.runtimeError, "Could not infer dtype of NoneType")
            default:
                if let t = TorchBridge.tensor(v) {
                    d = t.dtype
                } else if let seq = TorchBridge.sequence(v) {
                    stack.append(contentsOf: seq.reversed())
                    continue
                } else {
                    throw PyException(.typeError, "new(): invalid data type '\(v.typeName)'")
                }
            }
            result = result.map { DType.promote($0, d) } ?? d
        }
        return result ?? DType.defaultFloat
    }

    /// PyTorch's `compute_sizes`: the lengths along the first elements of nested lists and tuples.
    static func sizes(of data: PyValue) -> [Int] {
        var shape: [Int] = []
        var probe = data
        while let seq = TorchBridge.sequence(probe), TorchBridge.tensor(probe) == nil {
            shape.append(seq.count)
            guard let first = seq.first else { break }
            probe = first
        }
        return shape
    }

    /// One element of `torch.tensor(data)`, before conversion to the dtype.
    private enum Leaf {
        case bool(Bool)
        case int(Int64)
        case float(Double)
    }

    /// PyTorch's `recursive_store`, without recursion: checks that the nesting is
    /// rectangular and converts every element to `dtype` as `store_scalar` does.
    private static func store(_ data: PyValue, shape: [Int], dtype: DType) throws -> Tensor {
        var leaves: [Leaf] = []
        leaves.reserveCapacity(Tensor.elementCount(shape))
        var stack: [(PyValue, Int)] = [(data, 0)]
        while let (v, depth) = stack.popLast() {
            if depth == shape.count {
                leaves.append(try leaf(v, dtype: dtype))
                continue
            }
            let items: [PyValue]
            if let t = TorchBridge.tensor(v) {
                guard t.dim > 0 else { throw PyException(.typeError, "len() of a 0-d tensor") }
                items = try (0..<t.shape[0]).map { i in try TorchBridge.run { TorchBridge.wrap(try t.select(dim: 0, index: i)) } }
            } else if let seq = TorchBridge.sequence(v) {
                items = seq
            } else {
                throw PyException(.typeError, "not a sequence")
            }
            guard items.count == shape[depth] else {
                throw PyException(.valueError, "expected sequence of length \(shape[depth]) at dim \(depth) (got \(items.count))")
            }
            for item in items.reversed() { stack.append((item, depth + 1)) }
        }
        if dtype.isInteger {
            let ints = try leaves.map { l -> Int64 in
                let converted: Int64?
                switch l {
                case .bool(let b): converted = b ? 1 : 0
                case .int(let i): converted = dtype.checkedInteger(i)
                case .float(let d): converted = dtype.checkedValue(d).map { Int64($0) }
                }
                guard let c = converted else { throw PyException(.runtimeError, "value cannot be converted to type \(dtype.shortName) without overflow") }
                return c
            }
            return Tensor(integers: ints, shape: shape, dtype: dtype)
        }
        let values = leaves.map { l -> Double in
            switch l {
            case .bool(let b): return b ? 1 : 0
            case .int(let i): return dtype.fromInteger(i)
            case .float(let d): return dtype.round(d)
            }
        }
        return Tensor(values: values, shape: shape, dtype: dtype)
    }

    /// A scalar position of `torch.tensor(data)`: a Python number or a one-element tensor.
    private static func leaf(_ v: PyValue, dtype: DType) throws -> Leaf {
        switch v {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int64(i))
        case .float(let d): return .float(d)
        default:
            guard let t = TorchBridge.tensor(v) else {
                if TorchBridge.sequence(v) != nil {
                    throw PyException(.typeError, dtype.isFloatingPoint ? "must be real number, not \(v.typeName)"
                                                                        : "'\(v.typeName)' object cannot be interpreted as an integer")
                }
                throw PyException(.typeError, "new(): invalid data type '\(v.typeName)'")
            }
            guard t.numel == 1 else {
                if !t.dtype.isFloatingPoint {
                    throw PyException(.typeError, "only integer tensors of a single element can be converted to an index")
                }
                throw PyException(.valueError, "only one element tensors can be converted to Python scalars")
            }
            if t.dtype == .bool { return .bool(try TorchBridge.run { try t.item() } != 0) }
            if t.dtype.isInteger { return .int(try TorchBridge.run { try t.itemInteger() }) }
            return .float(try TorchBridge.run { try t.item() })
        }
    }

    /// Reads `dtype=` and `requires_grad=` and applies them to a new tensor.
    static func finish(_ t: Tensor, requiresGrad: PyValue, interp: Interpreter, op: String) throws -> PyValue {
        if try TorchBridge.bool(requiresGrad, interp: interp) {
            try TorchBridge.run { try t.setRequiresGrad(true) }
        }
        return TorchBridge.created(t, op: op)
    }

    /// The size of a factory call: varargs ints, one sequence, or `size=`.
    static func size(_ args: PyArgs, interp: Interpreter, function: String) throws -> [Int] {
        if let s = args.keyword("size") { return try TorchBridge.shape([s], interp: interp, function: function) }
        return try TorchBridge.shape(args.positional, interp: interp, function: function)
    }

    static func keywordArgs(_ args: PyArgs, allowed: Set<String>, function: String) throws {
        for (k, _) in args.keywords where !allowed.contains(k) {
            throw PyException(.typeError, "\(function)() got an unexpected keyword argument '\(k)'")
        }
    }

    static let factoryKeywords: Set<String> = ["size", "dtype", "requires_grad", "device", "out", "layout", "generator", "pin_memory", "memory_format"]

    /// `torch.zeros(2, 3, dtype=..., requires_grad=...)` style factories.
    static func filled(_ function: String, value: Double) -> (PyArgs, Interpreter) throws -> PyValue {
        { args, interp in
            try keywordArgs(args, allowed: factoryKeywords, function: function)
            try DeviceObject.checkPlacement(args.keyword("device"), function: function, interp: interp)
            let shape = try size(args, interp: interp, function: function)
            let dtype = try TorchBridge.dtype(args.keyword("dtype") ?? .none) ?? DType.defaultFloat
            let t = try TorchBridge.run { try Tensor.full(shape, value, dtype: dtype) }
            return try finish(t, requiresGrad: args.keyword("requires_grad") ?? .bool(false), interp: interp, op: function)
        }
    }

    /// `torch.rand` / `torch.randn`.
    static func random(_ function: String, normal: Bool) -> (PyArgs, Interpreter) throws -> PyValue {
        { args, interp in
            try keywordArgs(args, allowed: factoryKeywords, function: function)
            try DeviceObject.checkPlacement(args.keyword("device"), function: function, interp: interp)
            let shape = try size(args, interp: interp, function: function)
            let dtype = try TorchBridge.dtype(args.keyword("dtype") ?? .none) ?? DType.defaultFloat
            try checkRandomDType(dtype, normal: normal)
            let n = try TorchBridge.run { try Tensor.validateShape(shape, dtype: dtype) }
            let v = try GeneratorObject.drawing(from: args.keyword("generator")) {
                normal ? Generator.current.normal(count: n, dtype: dtype) : Generator.current.uniform(count: n, dtype: dtype)
            }
            let t = Tensor(values: v, shape: shape, dtype: dtype)
            return try finish(t, requiresGrad: args.keyword("requires_grad") ?? .bool(false), interp: interp, op: function)
        }
    }

    /// Random floats need a floating dtype, with PyTorch's error otherwise.
    static func checkRandomDType(_ dtype: DType, normal: Bool) throws {
        guard dtype.isFloatingPoint else {
            throw PyException(.notImplementedError, "\"\(normal ? "normal_kernel_cpu" : "check_uniform_bounds")\" not implemented for '\(dtype.scalarTypeName)'")
        }
    }

    /// `torch.zeros_like(x)` and friends.
    static func like(_ function: String, _ make: @escaping (Tensor, DType) throws -> Tensor) -> (PyArgs, Interpreter) throws -> PyValue {
        { args, interp in
            guard let first = args.positional.first ?? args.keyword("input"), let t = TorchBridge.tensor(first) else {
                throw PyException(.typeError, "\(function)(): argument 'input' (position 1) must be Tensor, not \((args.positional.first ?? .none).typeName)")
            }
            try DeviceObject.checkPlacement(args.keyword("device"), function: function, interp: interp)
            let dtype = try TorchBridge.dtype(args.keyword("dtype") ?? .none) ?? t.dtype
            let r = try TorchBridge.run { try make(t, dtype) }
            // `empty_like` keeps the input's layout; the random ones draw in row-major order here.
            if !function.hasPrefix("rand") { r.takeLayout(of: t) }
            return try finish(r, requiresGrad: args.keyword("requires_grad") ?? .bool(false), interp: interp, op: function)
        }
    }
}


import Python
import Autograd

/// `torch.tensor`, `torch.ones`, `torch.rand` and the other tensor factories.
enum TorchFactories {
    /// `torch.tensor(data)`: nested sequences of numbers (or one-element tensors), shape
    /// and dtype inferred as PyTorch does (bool < int64 < float32 default).
    static func tensorFromData(_ data: PyValue, dtype requested: DType?, interp: Interpreter,
                               requiresGrad: Bool = false) throws -> PyValue {
        let (values, shape, inferred) = try flatten(data, interp: interp)
        let dtype = requested ?? inferred
        let t = Tensor(values: values.map(dtype.round), shape: shape, dtype: dtype)
        if requiresGrad { try TorchBridge.run { try t.setRequiresGrad(true) } }
        return TorchBridge.created(t, op: "tensor")
    }

    /// Flattens nested lists/tuples without recursion, checking that they are rectangular.
    static func flatten(_ data: PyValue, interp: Interpreter) throws -> (values: [Double], shape: [Int], dtype: DType) {
        if let t = TorchBridge.tensor(data) { return (t.values, t.shape, t.dtype) }
        var shape: [Int] = []
        var values: [Double] = []
        var kind: DType = .bool
        var sawAny = false
        // Discover the shape along the first elements.
        var probe = data
        while let seq = TorchBridge.sequence(probe) {
            shape.append(seq.count)
            guard let first = seq.first else { break }
            probe = first
        }
        if let t = TorchBridge.tensor(probe) { shape += t.shape }
        // Walk the nesting with an explicit stack of (value, depth).
        var stack: [(PyValue, Int)] = [(data, 0)]
        while let (v, depth) = stack.popLast() {
            if let t = TorchBridge.tensor(v) {
                // Where a number belongs, a tensor of one element is that number.
                if depth >= shape.count {
                    guard t.numel == 1 else {
                        throw PyException(.valueError, "only one element tensors can be converted to Python scalars")
                    }
                    values.append(t.element(0))
                    kind = sawAny ? max(kind, t.dtype) : t.dtype
                    sawAny = true
                    continue
                }
                guard Array(shape[depth...]) == t.shape else {
                    throw PyException(.valueError, "expected sequence of length \(shape[depth]) at dim \(depth) (got \(t.shape.first ?? 0))")
                }
                if t.numel != 1 && depth < shape.count && t.dim > 0 {
                    throw PyException(.valueError, "only one element tensors can be converted to Python scalars")
                }
                values.append(contentsOf: t.values)
                kind = sawAny ? max(kind, t.dtype) : t.dtype
                sawAny = true
                continue
            }
            if let seq = TorchBridge.sequence(v) {
                guard depth < shape.count else {
                    throw PyException(.valueError, "expected sequence of length \(shape.count > 0 ? shape[shape.count - 1] : 0) at dim \(depth) (got \(seq.count))")
                }
                guard seq.count == shape[depth] else {
                    throw PyException(.valueError, "expected sequence of length \(shape[depth]) at dim \(depth) (got \(seq.count))")
                }
                for item in seq.reversed() { stack.append((item, depth + 1)) }
                continue
            }
            guard depth == shape.count else {
                throw PyException(.typeError, "not a sequence")
            }
            let (x, k): (Double, DType)
            switch v {
            case .bool(let b): (x, k) = (b ? 1 : 0, .bool)
            case .int(let i): (x, k) = (Double(i), .int64)
            case .float(let d): (x, k) = (d, .float32)
            default:
                throw PyException(.typeError, "new(): invalid data type '\(v.typeName)'")
            }
            values.append(x)
            kind = sawAny ? max(kind, k) : k
            sawAny = true
        }
        if !sawAny { kind = .float32 }
        if kind == .float64 && TorchBridge.tensor(data) == nil { kind = .float64 }
        return (values, shape, kind)
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
            let dtype = try TorchBridge.dtype(args.keyword("dtype") ?? .none) ?? .float32
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
            let dtype = try TorchBridge.dtype(args.keyword("dtype") ?? .none) ?? .float32
            try TorchBridge.run { try Tensor.checkRandomDType(dtype, normal: normal) }
            try TorchBridge.run { try Tensor.validateShape(shape) }
            let n = shape.reduce(1, *)
            let v = try GeneratorObject.drawing(from: args.keyword("generator")) {
                normal ? Generator.current.normal(count: n, dtype: dtype) : Generator.current.uniform(count: n, dtype: dtype)
            }
            let t = Tensor(values: v, shape: shape, dtype: dtype)
            return try finish(t, requiresGrad: args.keyword("requires_grad") ?? .bool(false), interp: interp, op: function)
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
            return try finish(r, requiresGrad: args.keyword("requires_grad") ?? .bool(false), interp: interp, op: function)
        }
    }
}


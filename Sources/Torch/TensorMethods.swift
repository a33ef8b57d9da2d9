import Python
import Autograd
import Foundation

/// The methods of `torch.Tensor`, by name, with PyTorch's argument conventions.
enum TensorMethods {
    typealias Method = (TensorObject, PyArgs, Interpreter) throws -> PyValue

    static func call(_ name: String, _ obj: TensorObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        guard let m = table[name] else { throw PyException(.attributeError, "'Tensor' object has no attribute '\(name)'") }
        return try TorchBridge.run { try m(obj, numpyAliases(args), interp) }
    }

    /// PyTorch's argument parser accepts NumPy's names `axis` and `keepdims` for `dim` and `keepdim`.
    static func numpyAliases(_ args: PyArgs) -> PyArgs {
        guard args.keywords.contains(where: { $0.name == "axis" || $0.name == "keepdims" }) else { return args }
        var a = args
        a.keywords = a.keywords.map { k in
            k.name == "axis" ? (name: "dim", value: k.value) : (k.name == "keepdims" ? (name: "keepdim", value: k.value) : k)
        }
        return a
    }

    static func wrap(_ t: Tensor) -> PyValue { TorchBridge.wrap(t) }

    /// A method taking no arguments.
    static func unary(_ name: String, _ f: @escaping (Tensor) throws -> Tensor) -> Method {
        { o, a, _ in
            _ = try a.bind(signature: "\(name)()")
            return wrap(try f(o.tensor))
        }
    }

    /// A method taking one tensor-or-number `other`.
    static func binary(_ name: String, _ f: @escaping (Tensor, Tensor) throws -> Tensor) -> Method {
        { o, a, _ in
            let b = try a.bind(signature: "\(name)(other)")
            guard let other = TorchBridge.operand(b[0]) else {
                throw PyException(.typeError, "\(name)(): argument 'other' (position 1) must be Tensor, not \(b[0].typeName)")
            }
            return wrap(try f(o.tensor, other))
        }
    }

    /// An in-place method: `x.add_(y)` returns `x`.
    private static func inPlace(_ name: String, _ f: @escaping (Tensor, Tensor) throws -> Tensor) -> Method {
        { o, a, _ in
            let b = try a.bind(signature: "\(name)(other)")
            guard let other = TorchBridge.operand(b[0]) else {
                throw PyException(.typeError, "\(name)(): argument 'other' (position 1) must be Tensor, not \(b[0].typeName)")
            }
            try o.tensor.inPlace { try f($0, other) }
            return .object(o)
        }
    }

    private static func unaryInPlace(_ name: String, _ f: @escaping (Tensor) throws -> Tensor) -> Method {
        { o, a, _ in
            _ = try a.bind(signature: "\(name)()")
            try o.tensor.inPlace { try f($0) }
            return .object(o)
        }
    }

    private static func reduceDim(_ o: TensorObject, _ a: PyArgs, name: String, _ interp: Interpreter,
                                  all: (Tensor) throws -> Tensor, along: (Tensor, [Int], Bool) throws -> Tensor) throws -> PyValue {
        let b = try a.bind(signature: "\(name)(dim=None, keepdim=False, *, dtype=None)")
        var t = o.tensor
        let dtype = try TorchBridge.dtype(b["dtype"])
        if let d = dtype { t = try t.to(d) }
        let keep = try TorchBridge.bool(b["keepdim"], interp: interp)
        let r: Tensor
        if let dims = try TorchBridge.dims(b["dim"]) {
            r = try along(t, dims, keep)
        } else {
            r = keep ? try along(t, Array(0..<t.dim), true) : try all(t)
        }
        // `dtype=` is also the result's dtype (an int8 sum stays int8).
        if let d = dtype, r.dtype != d { return wrap(try r.to(d)) }
        return wrap(r)
    }

    private static func extremum(_ o: TensorObject, _ a: PyArgs, isMax: Bool, _ interp: Interpreter) throws -> PyValue {
        let name = isMax ? "max" : "min"
        if a.positional.count == 1, let other = TorchBridge.tensor(a.positional[0]) {
            let t = o.tensor
            let mask = try t.compare(isMax ? .ge : .le, other)
            return wrap(try Tensor.where(mask, t, other))
        }
        let b = try a.bind(signature: "\(name)(dim=None, keepdim=False)")
        if b["dim"].isNone { return wrap(try o.tensor.extremum(max: isMax)) }
        let r = try o.tensor.extremum(max: isMax, dim: try TorchBridge.intArgument(b["dim"], "dim"),
                                      keepdim: try TorchBridge.bool(b["keepdim"], interp: interp))
        return .object(NamedTupleObject(typeName: "torch.return_types.\(name)", fields: [("values", wrap(r.values)), ("indices", wrap(r.indices))]))
    }

    /// `var`/`std` with PyTorch's `unbiased` and `correction` spellings.
    private static func varStd(_ o: TensorObject, _ a: PyArgs, _ interp: Interpreter, std: Bool) throws -> PyValue {
        let name = std ? "std" : "var"
        var args = a
        // `x.var(False)` means unbiased=False.
        if case .bool? = args.positional.first {
            args.keywords.append(("unbiased", args.positional.removeFirst()))
        }
        let b = try args.bind(signature: "\(name)(dim=None, unbiased=True, keepdim=False, *, correction=None)")
        var correction = try TorchBridge.bool(b["unbiased"], interp: interp) ? 1.0 : 0.0
        if !b["correction"].isNone { correction = try TorchBridge.number(b["correction"], "correction") }
        let dims = try TorchBridge.dims(b["dim"])
        let keep = try TorchBridge.bool(b["keepdim"], interp: interp)
        let t = o.tensor
        let r = std ? try t.standardDeviation(dims: dims, correction: correction, keepdim: keep)
                    : try t.variance(dims: dims, correction: correction, keepdim: keep)
        if r.numel > 0 && Double(t.numel / r.numel) - correction <= 0 {
            TorchWarnings.fromLesson("\(name)(): degrees of freedom is <= 0. Correction should be strictly less than the reduction factor (input numel divided by output numel). (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/ReduceOps.cpp:1927.)",
                                     line: interp.currentLine)
        }
        return wrap(r)
    }

    static func shapeArgs(_ a: PyArgs, _ interp: Interpreter, _ name: String) throws -> [Int] {
        if let s = a.keyword("size") ?? a.keyword("shape") { return try TorchBridge.shape([s], interp: interp, function: name) }
        return try TorchBridge.shape(a.positional, interp: interp, function: name)
    }

    static let table: [String: Method] = dtypeMethods.merging(firstTierTable) { first, _ in first }
        .merging(moreMethods) { first, _ in first }
        .merging(TensorConversion.methods) { _, conversion in conversion }
        .merging(copyMethods) { first, _ in first }

    private static let firstTierTable: [String: Method] = [
        // Introspection
        "size": { o, a, _ in
            let b = try a.bind(signature: "size(dim=None)")
            if b[0].isNone { return .object(SizeObject(o.tensor.shape)) }
            return .int(o.tensor.shape[try introspectedDim(try TorchBridge.intArgument(b[0], "dim"), of: o.tensor)])
        },
        "dim": { o, a, _ in _ = try a.bind(signature: "dim()"); return .int(o.tensor.dim) },
        "ndimension": { o, a, _ in _ = try a.bind(signature: "ndimension()"); return .int(o.tensor.dim) },
        "numel": { o, a, _ in _ = try a.bind(signature: "numel()"); return .int(o.tensor.numel) },
        "nelement": { o, a, _ in _ = try a.bind(signature: "nelement()"); return .int(o.tensor.numel) },
        "is_contiguous": { o, _, _ in .bool(o.tensor.isContiguous) },
        "stride": { o, a, _ in
            let b = try a.bind(signature: "stride(dim=None)")
            if b[0].isNone { return .tuple(o.tensor.strides.map { .int($0) }) }
            guard let d = b[0].asInt else {
                throw PyException(.typeError, "stride(): argument 'dim' (position 1) must be int, not \(b[0].typeName)")
            }
            return .int(o.tensor.strides[try introspectedDim(d, of: o.tensor)])
        },
        "storage_offset": { o, a, _ in
            guard a.keywords.isEmpty else { throw PyException(.typeError, "TensorBase.storage_offset() takes no keyword arguments") }
            guard a.positional.isEmpty else {
                throw PyException(.typeError, "TensorBase.storage_offset() takes no arguments (\(a.positional.count) given)")
            }
            return .int(o.tensor.offset)
        },
        "__repr__": { o, _, _ in .str(TensorObject.repr(o.tensor)) },

        // Autograd
        "backward": { o, a, interp in
            let b = try a.bind(signature: "backward(gradient=None, retain_graph=None, create_graph=False, inputs=None)")
            let g = TorchBridge.tensor(b[0])
            let retain: Bool? = b[1].isNone ? nil : try TorchBridge.bool(b[1], interp: interp)
            let create = try TorchBridge.bool(b[2], interp: interp)
            let inputs = try tensorList(b[3], "inputs")
            if create { TorchWarnings.warnCreateGraph() }
            try Engine.backward([o.tensor], gradTensors: [g], retainGraph: retain, createGraph: create, inputs: inputs)
            return .none
        },
        "detach": unary("detach") { $0.detach() },
        "detach_": { o, _, _ in
            o.tensor.detachInPlace()
            return .object(o)
        },
        "requires_grad_": { o, a, interp in
            let b = try a.bind(signature: "requires_grad_(requires_grad=True)")
            try o.tensor.setRequiresGrad(try TorchBridge.bool(b[0], interp: interp), from: .method)
            return .object(o)
        },
        "retain_grad": { o, a, _ in
            _ = try a.bind(signature: "retain_grad()")
            try o.tensor.retainGrad()
            return .none
        },
        "register_hook": { o, a, interp in
            let b = try a.bind(signature: "register_hook(hook)")
            let fn = b[0]
            let handle = try o.tensor.registerHook { g in
                let r = try interp.call(fn, [TorchBridge.wrap(g)])
                if r.isNone { return nil }
                guard let t = TorchBridge.tensor(r) else {
                    throw AutogradError(.typeError, "expected Tensor but got \(r.typeName)")
                }
                return t
            }
            return .object(HookHandleObject(tensor: o.tensor, handle: handle))
        },

        // In-place
        "zero_": { o, a, _ in _ = try a.bind(signature: "zero_()"); try o.tensor.zero_(); return .object(o) },
        "fill_": { o, a, _ in
            let b = try a.bind(signature: "fill_(value)")
            let v = try TorchBridge.scalar(b[0], "value")
            if v.dtype.isInteger { try o.tensor.fill_(integer: try v.itemInteger()) } else { try o.tensor.fill_(try v.item()) }
            return .object(o)
        },
        "copy_": { o, a, _ in
            let b = try a.bind(signature: "copy_(src, non_blocking=False)")
            guard let src = TorchBridge.operand(b[0]) else {
                throw PyException(.typeError, "copy_(): argument 'src' (position 1) must be Tensor, not \(b[0].typeName)")
            }
            try o.tensor.copy_(src)
            return .object(o)
        },
        "add_": { o, a, _ in
            let b = try a.bind(signature: "add_(other, *, alpha=1)")
            guard let other = TorchBridge.operand(b[0]) else { throw PyException(.typeError, "add_(): argument 'other' must be Tensor, not \(b[0].typeName)") }
            try o.tensor.add_(other, alpha: try TorchBridge.number(b[1], "alpha"))
            return .object(o)
        },
        "sub_": { o, a, _ in
            let b = try a.bind(signature: "sub_(other, *, alpha=1)")
            guard let other = TorchBridge.operand(b[0]) else { throw PyException(.typeError, "sub_(): argument 'other' must be Tensor, not \(b[0].typeName)") }
            try o.tensor.sub_(other, alpha: try TorchBridge.number(b[1], "alpha"))
            return .object(o)
        },
        "mul_": inPlace("mul_") { try $0.mul($1) },
        "div_": { o, a, _ in
            let b = try a.bind(signature: "div_(other)")
            guard let other = TorchBridge.operand(b[0]) else { throw PyException(.typeError, "div_(): argument 'other' must be Tensor, not \(b[0].typeName)") }
            try o.tensor.div_(other)
            return .object(o)
        },
        "pow_": inPlace("pow_") { try $1.isWrappedNumber ? $0.pow($1.values[0], exponentDType: $1.dtype) : $0.pow($1) },
        "neg_": unaryInPlace("neg_") { try $0.neg() },
        "exp_": unaryInPlace("exp_") { try $0.exp() },
        "log_": unaryInPlace("log_") { try $0.log() },
        "sin_": unaryInPlace("sin_") { try $0.sin() },
        "cos_": unaryInPlace("cos_") { try $0.cos() },
        "tanh_": unaryInPlace("tanh_") { try $0.tanh() },
        "sigmoid_": unaryInPlace("sigmoid_") { try $0.sigmoid() },
        "relu_": unaryInPlace("relu_") { try $0.relu() },
        "sqrt_": unaryInPlace("sqrt_") { try $0.sqrt() },
        "abs_": unaryInPlace("abs_") { try $0.abs() },
        "clamp_": { o, a, _ in
            let b = try a.bind(signature: "clamp_(min=None, max=None)")
            if let bounds = try tensorBounds("clamp_", a, b[0], b[1]) {
                try o.tensor.inPlace { try $0.clamp(min: bounds.min, max: bounds.max) }
                return .object(o)
            }
            let lo = b[0].isNone ? nil : try TorchBridge.number(b[0], "min")
            let hi = b[1].isNone ? nil : try TorchBridge.number(b[1], "max")
            try o.tensor.inPlace { try $0.clamp(min: lo, max: hi) }
            return .object(o)
        },

        // Random refills and the fused updates optimizers use
        "uniform_": { o, a, _ in
            let b = try a.bind(signature: "uniform_(from_=0, to=1, *, generator=None)")
            try GeneratorObject.drawing(from: b["generator"]) {
                try o.tensor.refill(normal: false, try TorchBridge.number(b[0], "from"), try TorchBridge.number(b[1], "to"))
            }
            return .object(o)
        },
        "normal_": { o, a, _ in
            let b = try a.bind(signature: "normal_(mean=0, std=1, *, generator=None)")
            try GeneratorObject.drawing(from: b["generator"]) {
                try o.tensor.refill(normal: true, try TorchBridge.number(b[0], "mean"), try TorchBridge.number(b[1], "std"))
            }
            return .object(o)
        },
        "random_": { o, a, _ in
            let b = try a.bind(signature: "random_(from_=None, to=None, *, generator=None)")
            let t = o.tensor
            let values: [Double] = try GeneratorObject.drawing(from: b["generator"]) {
                if !b[0].isNone || !b[1].isNone {
                    let (lo, hi) = b[1].isNone ? (0, try TorchBridge.intArgument(b[0], "to")) : (try TorchBridge.intArgument(b[0], "from"), try TorchBridge.intArgument(b[1], "to"))
                    guard lo < hi else {
                        throw PyException(.runtimeError, "random_ expects 'from' to be less than 'to', but got from=\(lo) >= to=\(hi)")
                    }
                    return Generator.current.randint(count: t.numel, low: Int64(lo), high: Int64(hi))
                }
                // PyTorch's random_(): [0, 2^63) for int64 (a 64-bit draw), else [0, 2^digits] of the dtype.
                switch t.dtype {
                case .int64: return (0..<t.numel).map { _ in Double(Generator.current.random64() % (1 << 63)) }
                case .float64: return (0..<t.numel).map { _ in Double(Generator.current.random64() % ((1 << 53) + 1)) }
                case .bool: return (0..<t.numel).map { _ in Double(Generator.current.random32() % 2) }
                default: return (0..<t.numel).map { _ in Double(Generator.current.random32() % ((1 << 24) + 1)) }
                }
            }
            try t.inPlace { orig in Tensor(values: values.map(orig.dtype.round), shape: orig.shape, dtype: orig.dtype) }
            return .object(o)
        },
        "lerp_": { o, a, _ in
            let b = try a.bind(signature: "lerp_(end, weight)")
            guard let end = TorchBridge.tensor(b[0]) else { throw PyException(.typeError, "lerp_(): argument 'end' (position 1) must be Tensor, not \(b[0].typeName)") }
            let w = try TorchBridge.number(b[1], "weight")
            try o.tensor.inPlace { s in try s.lerp(end, weight: w) }
            return .object(o)
        },
        "addcmul_": { o, a, _ in
            let b = try a.bind(signature: "addcmul_(tensor1, tensor2, *, value=1)")
            guard let t1 = TorchBridge.tensor(b[0]), let t2 = TorchBridge.tensor(b[1]) else { throw PyException(.typeError, "addcmul_(): arguments must be Tensors") }
            let v = try TorchBridge.number(b[2], "value")
            try o.tensor.inPlace { s in try s.addcmul(t1, t2, value: v) }
            return .object(o)
        },
        "addcdiv_": { o, a, _ in
            let b = try a.bind(signature: "addcdiv_(tensor1, tensor2, *, value=1)")
            guard let t1 = TorchBridge.tensor(b[0]), let t2 = TorchBridge.tensor(b[1]) else { throw PyException(.typeError, "addcdiv_(): arguments must be Tensors") }
            let v = try TorchBridge.number(b[2], "value")
            try o.tensor.inPlace { s in try s.addcdiv(t1, t2, value: v) }
            return .object(o)
        },

        // Arithmetic
        "add": { o, a, _ in
            let b = try a.bind(signature: "add(other, *, alpha=1)")
            guard let other = TorchBridge.operand(b[0]) else { throw PyException(.typeError, "add(): argument 'other' (position 1) must be Tensor, not \(b[0].typeName)") }
            return wrap(try o.tensor.add(other, alpha: try TorchBridge.number(b[1], "alpha")))
        },
        "sub": { o, a, _ in
            let b = try a.bind(signature: "sub(other, *, alpha=1)")
            guard let other = TorchBridge.operand(b[0]) else { throw PyException(.typeError, "sub(): argument 'other' (position 1) must be Tensor, not \(b[0].typeName)") }
            return wrap(try o.tensor.sub(other, alpha: try TorchBridge.number(b[1], "alpha")))
        },
        "mul": binary("mul") { try $0.mul($1) },
        "multiply": binary("multiply") { try $0.mul($1) },
        "div": divide("div"),
        "divide": divide("divide"),
        "true_divide": binary("true_divide") { try $0.div($1) },
        "pow": { o, a, _ in
            let b = try a.bind(signature: "pow(exponent)")
            guard let e = TorchBridge.operand(b[0]) else { throw PyException(.typeError, "pow(): argument 'exponent' (position 1) must be Tensor, not \(b[0].typeName)") }
            return wrap(e.isWrappedNumber ? try o.tensor.pow(e.values[0], exponentDType: e.dtype) : try o.tensor.pow(e))
        },
        "square": unary("square") { try $0.pow(2, exponentDType: .int64) },
        "neg": unary("neg") { try $0.neg() },
        "negative": unary("negative") { try $0.neg() },
        "reciprocal": unary("reciprocal") { try $0.reciprocal() },
        "exp": unary("exp") { try $0.exp() },
        "log": unary("log") { try $0.log() },
        "sin": unary("sin") { try $0.sin() },
        "cos": unary("cos") { try $0.cos() },
        "tanh": unary("tanh") { try $0.tanh() },
        "sigmoid": unary("sigmoid") { try $0.sigmoid() },
        "relu": unary("relu") { try $0.relu() },
        "sqrt": unary("sqrt") { try $0.sqrt() },
        "abs": unary("abs") { try $0.abs() },
        "tan": unary("tan") { try $0.tan() },
        "atan": unary("atan") { try $0.atan() },
        "arctan": unary("arctan") { try $0.atan() },
        "sinh": unary("sinh") { try $0.sinh() },
        "cosh": unary("cosh") { try $0.cosh() },
        "log1p": unary("log1p") { try $0.log1p() },
        "expm1": unary("expm1") { try $0.expm1() },
        "log2": unary("log2") { try $0.log2() },
        "log10": unary("log10") { try $0.log10() },
        "rsqrt": unary("rsqrt") { try $0.rsqrt() },
        "floor": unary("floor") { try $0.rounding(.down) },
        "ceil": unary("ceil") { try $0.rounding(.up) },
        "trunc": unary("trunc") { try $0.rounding(.towardZero) },
        "round": { o, a, _ in
            let b = try a.bind(signature: "round(*, decimals=0)")
            let decimals = try TorchBridge.intArgument(b[0], "decimals")
            if decimals == 0 { return wrap(try o.tensor.rounding(.toNearestOrEven)) }
            return wrap(try o.tensor.round(decimals: decimals))
        },
        "var": { o, a, interp in try varStd(o, a, interp, std: false) },
        "std": { o, a, interp in try varStd(o, a, interp, std: true) },
        "prod": { o, a, interp in
            let b = try a.bind(signature: "prod(dim=None, keepdim=False, *, dtype=None)")
            var t = o.tensor
            if let d = try TorchBridge.dtype(b["dtype"]) { t = try t.to(d) }
            return wrap(try t.prod(dim: b["dim"].isNone ? nil : try TorchBridge.intArgument(b["dim"], "dim"),
                                   keepdim: try TorchBridge.bool(b["keepdim"], interp: interp)))
        },
        "__abs__": unary("__abs__") { try $0.abs() },
        "sign": unary("sign") { try $0.sign() },
        "clamp": clampMethod("clamp"),
        "clip": clampMethod("clip"),
        "eq": binary("eq") { try $0.compare(.eq, $1) },
        "ne": binary("ne") { try $0.compare(.ne, $1) },
        "lt": binary("lt") { try $0.compare(.lt, $1) },
        "le": binary("le") { try $0.compare(.le, $1) },
        "gt": binary("gt") { try $0.compare(.gt, $1) },
        "ge": binary("ge") { try $0.compare(.ge, $1) },
        "equal": { o, a, _ in
            let b = try a.bind(signature: "equal(other)")
            guard let other = TorchBridge.tensor(b[0]) else { throw PyException(.typeError, "equal(): argument 'other' (position 1) must be Tensor, not \(b[0].typeName)") }
            return .bool(o.tensor.shape == other.shape && o.tensor.values == other.values)
        },
        "allclose": { o, a, _ in
            let b = try a.bind(signature: "allclose(other, rtol=1e-05, atol=1e-08, equal_nan=False)")
            guard let other = TorchBridge.tensor(b[0]) else { throw PyException(.typeError, "allclose(): argument 'other' (position 1) must be Tensor, not \(b[0].typeName)") }
            return .bool(try TorchFunctions.allclose(o.tensor, other, rtol: try TorchBridge.number(b[1], "rtol"), atol: try TorchBridge.number(b[2], "atol")))
        },

        // Reductions
        "sum": { o, a, interp in try reduceDim(o, a, name: "sum", interp, all: { try $0.sum() }, along: { try $0.sum(dims: $1, keepdim: $2) }) },
        "mean": { o, a, interp in try reduceDim(o, a, name: "mean", interp, all: { try $0.mean() }, along: { try $0.mean(dims: $1, keepdim: $2) }) },
        "max": { o, a, interp in try extremum(o, a, isMax: true, interp) },
        "min": { o, a, interp in try extremum(o, a, isMax: false, interp) },
        "argmax": { o, a, interp in
            let b = try a.bind(signature: "argmax(dim=None, keepdim=False)")
            return wrap(try o.tensor.argExtremum(max: true, dim: b[0].asInt, keepdim: try TorchBridge.bool(b[1], interp: interp)))
        },
        "argmin": { o, a, interp in
            let b = try a.bind(signature: "argmin(dim=None, keepdim=False)")
            return wrap(try o.tensor.argExtremum(max: false, dim: b[0].asInt, keepdim: try TorchBridge.bool(b[1], interp: interp)))
        },
        "norm": { o, a, interp in
            let b = try a.bind(signature: "norm(p='fro', dim=None, keepdim=False)")
            return wrap(try TorchFunctions.norm(o.tensor, p: b[0], dims: try TorchBridge.dims(b[1]), keepdim: try TorchBridge.bool(b[2], interp: interp)))
        },

        // Linear algebra
        "matmul": binary("matmul") { try $0.matmul($1) },
        "mm": binary("mm") { try $0.mm($1) },
        "mv": binary("mv") { try $0.mv($1) },
        "dot": binary("dot") { try $0.dot($1) },
        "t": unary("t") { try $0.t() },
        "t_": { o, _, _ in throw PyException(.notImplementedError, "gradviz: unsupported in-place transpose t_()") },

        // Shape
        "view": { o, a, interp in wrap(try o.tensor.view(try shapeArgs(a, interp, "view"))) },
        "reshape": { o, a, interp in wrap(try o.tensor.reshape(try shapeArgs(a, interp, "reshape"))) },
        "view_as": { o, a, _ in
            let b = try a.bind(signature: "view_as(other)")
            guard let other = TorchBridge.tensor(b[0]) else { throw PyException(.typeError, "view_as(): argument 'other' (position 1) must be Tensor, not \(b[0].typeName)") }
            return wrap(try o.tensor.view(other.shape))
        },
        "reshape_as": { o, a, _ in
            let b = try a.bind(signature: "reshape_as(other)")
            guard let other = TorchBridge.tensor(b[0]) else { throw PyException(.typeError, "reshape_as(): argument 'other' (position 1) must be Tensor, not \(b[0].typeName)") }
            return wrap(try o.tensor.reshape(other.shape))
        },
        "expand": { o, a, interp in wrap(try o.tensor.expand(try shapeArgs(a, interp, "expand"))) },
        "expand_as": { o, a, _ in
            let b = try a.bind(signature: "expand_as(other)")
            guard let other = TorchBridge.tensor(b[0]) else { throw PyException(.typeError, "expand_as(): argument 'other' (position 1) must be Tensor, not \(b[0].typeName)") }
            return wrap(try o.tensor.expand(other.shape))
        },
        "flatten": { o, a, _ in
            let b = try a.bind(signature: "flatten(start_dim=0, end_dim=-1)")
            return wrap(try o.tensor.flatten(startDim: try TorchBridge.intArgument(b[0], "start_dim"), endDim: try TorchBridge.intArgument(b[1], "end_dim")))
        },
        "unsqueeze": { o, a, _ in
            let b = try a.bind(signature: "unsqueeze(dim)")
            return wrap(try o.tensor.unsqueeze(try TorchBridge.intArgument(b[0], "dim")))
        },
        "squeeze": { o, a, _ in
            let b = try a.bind(signature: "squeeze(dim=None)")
            if b[0].isNone { return wrap(try o.tensor.squeeze()) }
            if let dims = TorchBridge.sequence(b[0]) {
                var t = o.tensor
                for d in try dims.map({ try TorchBridge.intArgument($0, "dim") }).sorted(by: >) { t = try t.squeeze(dim: d) }
                return wrap(t)
            }
            return wrap(try o.tensor.squeeze(dim: try TorchBridge.intArgument(b[0], "dim")))
        },
        "permute": { o, a, interp in wrap(try o.tensor.permute(try TorchBridge.shape(a.positional.isEmpty ? [a.keyword("dims") ?? .tuple([])] : a.positional, interp: interp, function: "permute"))) },
        "transpose": { o, a, _ in
            let b = try a.bind(signature: "transpose(dim0, dim1)")
            return wrap(try o.tensor.transpose(try TorchBridge.intArgument(b[0], "dim0"), try TorchBridge.intArgument(b[1], "dim1")))
        },
        "contiguous": { o, _, _ in
            o.tensor.isContiguous ? .object(o) : wrap(try o.tensor.contiguousCopy())
        },
        "clone": unary("clone") { try $0.clonePreservingFormat() },

        "numpy": { o, _, _ in try NumpyArrayObject.make(o.tensor) },

        // Functional
        "softmax": { o, a, _ in
            let b = try a.bind(signature: "softmax(dim)")
            return wrap(try o.tensor.softmax(dim: try TorchBridge.intArgument(b[0], "dim")))
        },
        "log_softmax": { o, a, _ in
            let b = try a.bind(signature: "log_softmax(dim)")
            return wrap(try o.tensor.logSoftmax(dim: try TorchBridge.intArgument(b[0], "dim")))
        },
    ]

    /// The dimension `d` of `size(d)` and `stride(d)`, wrapped; a 0-d tensor has none.
    static func introspectedDim(_ d: Int, of t: Tensor) throws -> Int {
        guard t.dim > 0 else { throw PyException(.indexError, "Dimension specified as \(d) but tensor has no dimensions") }
        return try TorchBridge.run { try wrapDim(d, t.dim) }
    }

    static func wrapDim(_ d: Int, _ rank: Int) throws -> Int {
        let r = max(rank, 1)
        guard d >= -r && d < r else {
            throw AutogradError(.indexError, "Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(d))")
        }
        return d < 0 ? d + r : d
    }

    /// `tolist()`: nested Python lists, built without recursion.
    static func toList(_ t: Tensor) throws -> PyValue {
        var level: [PyValue]
        switch t.elements {
        case .integers(let v): level = v.map { .int(Int($0)) }
        case .doubles(let v): level = t.dtype == .bool ? v.map { .bool($0 != 0) } : v.map { .float($0) }
        }
        if t.dim == 0 { return level[0] }
        for d in stride(from: t.dim - 1, through: 0, by: -1) {
            let size = t.shape[d]
            let groups = size == 0 ? Tensor.elementCount(t.shape[..<d]) : level.count / size
            // A zero-size dimension makes empty lists, as many as the sizes before it multiply to.
            try TorchBridge.run { try ResourceBudget.current.reserve(groups, shape: Array(t.shape[..<d])) }
            var next: [PyValue] = []
            next.reserveCapacity(groups)
            for g in 0..<groups { next.append(.list(PyList(size == 0 ? [] : Array(level[(g * size)..<((g + 1) * size)])))) }
            level = next
        }
        return level[0]
    }

    static func tensorList(_ v: PyValue, _ name: String) throws -> [Tensor]? {
        if v.isNone { return nil }
        if let t = TorchBridge.tensor(v) { return [t] }
        guard let seq = TorchBridge.sequence(v) else {
            throw PyException(.typeError, "\(name) must be a Tensor or a sequence of Tensors, not \(v.typeName)")
        }
        return try seq.map {
            guard let t = TorchBridge.tensor($0) else { throw PyException(.typeError, "\(name) must contain only Tensors, not \($0.typeName)") }
            return t
        }
    }
}

/// The handle `register_hook` returns: `handle.remove()`.
final class HookHandleObject: NativeObject {
    weak var tensor: Tensor?
    let handle: Int

    init(tensor: Tensor, handle: Int) {
        self.tensor = tensor
        self.handle = handle
    }

    override var typeName: String { "RemovableHandle" }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        guard name == "remove" else { return nil }
        return .object(PyBuiltinFunction(name: "remove") { [weak self] _, _ in
            if let self, let t = self.tensor { t.removeHook(self.handle) }
            return .none
        })
    }
}

/// A named tuple such as `torch.return_types.max(values=..., indices=...)`.
final class NamedTupleObject: NativeObject {
    let name: String
    let fields: [(String, PyValue)]

    init(typeName: String, fields: [(String, PyValue)]) {
        self.name = typeName
        self.fields = fields
    }

    override var typeName: String { String(name.split(separator: ".").last ?? "tuple") }

    override func repr(interp: Interpreter) throws -> String? {
        "\(name)(\n" + (try fields.map { "\($0.0)=\(try interp.repr($0.1))" }.joined(separator: ",\n")) + ")"
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        fields.first { $0.0 == name }?.1
    }

    override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        try interp.getItem(.tuple(fields.map(\.1)), key)
    }

    override func length(interp: Interpreter) throws -> Int? { fields.count }

    override func iterate(interp: Interpreter) throws -> PyIterator? { PyArrayIterator(fields.map(\.1), typeName: "tuple_iterator") }
}

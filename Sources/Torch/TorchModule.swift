import Python
import Autograd

/// The `torch` module: factories, functions, dtypes, grad modes and submodules.
enum TorchModule {
    static func fn(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) -> PyValue {
        .object(PyBuiltinFunction(name: name) { args, interp in try TorchBridge.run { try body(args, interp) } })
    }

    /// `torch.exp(x)` style: the tensor method of the same name on the first argument.
    static func method(_ name: String, as methodName: String? = nil) -> PyValue {
        fn(name) { args, interp in
            guard let first = args.positional.first ?? args.keyword("input"), case .object(let o as TensorObject) = first else {
                let got = (args.positional.first ?? .none).typeName
                throw PyException(.typeError, "\(name)(): argument 'input' (position 1) must be Tensor, not \(got)")
            }
            var rest = args
            if !args.positional.isEmpty { rest.positional.removeFirst() } else { rest.keywords.removeAll { $0.name == "input" } }
            guard let out = rest.keyword("out") else { return try TensorMethods.call(methodName ?? name, o, rest, interp) }
            rest.keywords.removeAll { $0.name == "out" }
            return try writeOut(name, into: out, inputs: [first] + rest.positional + rest.keywords.map(\.value), interp: interp) {
                try TensorMethods.call(methodName ?? name, o, rest, interp)
            }
        }
    }

    /// `torch.f(..., out=t)`: the result written into `t`, which is returned. As in PyTorch,
    /// not with arguments that require grad while grad mode is on.
    static func writeOut(_ name: String, into out: PyValue, inputs: [PyValue], interp: Interpreter,
                         _ compute: () throws -> PyValue) throws -> PyValue {
        if out.isNone { return try compute() }
        guard let target = TorchBridge.tensor(out) else {
            throw PyException(.typeError, "\(name)(): argument 'out' must be Tensor, not \(out.typeName)")
        }
        if GradMode.isEnabled && (inputs.contains { TorchBridge.tensor($0)?.requiresGrad ?? false } || target.requiresGrad) {
            throw PyException(.runtimeError, "\(name)(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.")
        }
        guard let result = TorchBridge.tensor(try compute()) else {
            throw UnsupportedFeature("\(name)(out=...) for a result that is not one tensor", line: interp.currentLine)
        }
        guard result.shape == target.shape else {
            throw UnsupportedFeature("\(name)(out=...) into a tensor of another shape (resizing out)", line: interp.currentLine)
        }
        if result.dtype.isFloatingPoint && !target.dtype.isFloatingPoint {
            throw PyException(.runtimeError, "result type \(result.dtype.scalarTypeName) can't be cast to the desired output type \(target.dtype.scalarTypeName)")
        }
        try TorchBridge.run { try GradMode.with(false) { try target.copy_(result) } }
        return out
    }

    /// The PyTorch release gradviz follows.
    static let version = "2.15.0"

    static func make() -> PyModuleObject {
        let torch = TorchModuleObject(name: "torch")
        TorchDTypes.install(in: torch)
        torch.set("Tensor", .object(TensorObject.tensorClass))
        torch.set("Size", .object(PyBuiltinFunction(name: "Size") { args, interp in
            .object(SizeObject(try TorchBridge.shape(args.positional, interp: interp, function: "Size")))
        }))
        torch.set("__version__", .str(version))
        DeviceModules.install(in: torch)
        torch.set("pi", .float(Double.pi))
        torch.set("e", .float(2.718281828459045))
        torch.set("inf", .float(.infinity))
        torch.set("nan", .float(.nan))

        // Factories
        torch.set("tensor", fn("tensor") { args, interp in
            let b = try args.bind(signature: "tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False)")
            try DeviceObject.checkPlacement(b["device"], function: "tensor", interp: interp)
            let dtype = try TorchBridge.dtype(b["dtype"])
            return try TorchFactories.tensorFromData(b["data"], dtype: dtype, interp: interp,
                                                     requiresGrad: try TorchBridge.bool(b["requires_grad"], interp: interp))
        })
        torch.set("as_tensor", fn("as_tensor") { args, interp in
            let b = try args.bind(signature: "as_tensor(data, dtype=None, device=None)")
            try DeviceObject.checkPlacement(b["device"], function: "as_tensor", interp: interp)
            if let t = TorchBridge.tensor(b["data"]) {
                if let d = try TorchBridge.dtype(b["dtype"]) { return TorchBridge.wrap(try t.to(d)) }
                return b["data"]
            }
            return try TorchFactories.tensorFromData(b["data"], dtype: try TorchBridge.dtype(b["dtype"]), interp: interp)
        })
        torch.set("zeros", fn("zeros", TorchFactories.filled("zeros", value: 0)))
        torch.set("ones", fn("ones", TorchFactories.filled("ones", value: 1)))
        torch.set("empty", fn("empty", TorchFactories.filled("empty", value: 0)))
        torch.set("full", fn("full") { args, interp in
            let b = try args.bind(signature: "full(size, fill_value, *, dtype=None, device=None, requires_grad=False)")
            try DeviceObject.checkPlacement(b["device"], function: "full", interp: interp)
            let shape = try TorchBridge.shape([b["size"]], interp: interp, function: "full")
            let value = try TorchBridge.scalar(b["fill_value"], "fill_value")
            let inferred: DType = value.dtype.isFloatingPoint ? DType.defaultFloat : value.dtype
            let dtype = try TorchBridge.dtype(b["dtype"]) ?? inferred
            let t = value.dtype.isInteger ? try Tensor.full(shape, integer: try value.itemInteger(), dtype: dtype)
                                          : try Tensor.full(shape, try value.item(), dtype: dtype)
            return try TorchFactories.finish(t, requiresGrad: b["requires_grad"], interp: interp, op: "full")
        })
        torch.set("eye", fn("eye") { args, interp in
            let b = try args.bind(signature: "eye(n, m=None, *, dtype=None, device=None, requires_grad=False)")
            try DeviceObject.checkPlacement(b["device"], function: "eye", interp: interp)
            let t = try Tensor.eye(try TorchBridge.intArgument(b["n"], "n"), b["m"].isNone ? nil : try TorchBridge.intArgument(b["m"], "m"),
                                   dtype: try TorchBridge.dtype(b["dtype"]) ?? DType.defaultFloat)
            return try TorchFactories.finish(t, requiresGrad: b["requires_grad"], interp: interp, op: "eye")
        })
        torch.set("arange", fn("arange") { args, interp in
            var pos = args.positional
            var kw = args.keywords
            for name in ["start", "end", "step"] {
                if let i = kw.firstIndex(where: { $0.name == name }) { pos.append(kw[i].value); kw.remove(at: i) }
            }
            guard (1...3).contains(pos.count) else {
                throw PyException(.typeError, "arange() received an invalid combination of arguments")
            }
            try DeviceObject.checkPlacement(kw.first { $0.name == "device" }?.value, function: "arange", interp: interp)
            let bounds = try pos.map { try TorchBridge.scalar($0, "arange") }
            let allInts = bounds.allSatisfy { !$0.dtype.isFloatingPoint }
            let dtype = try TorchBridge.dtype(kw.first { $0.name == "dtype" }?.value ?? .none) ?? (allInts ? .int64 : DType.defaultFloat)
            let t: Tensor
            if allInts {
                let n = try bounds.map { try $0.itemInteger() }
                let (start, end, step) = n.count == 1 ? (Int64(0), n[0], Int64(1)) : (n[0], n[1], n.count == 3 ? n[2] : 1)
                t = try Tensor.arange(integers: start, end, step, dtype: dtype)
            } else {
                let n = try bounds.map { try $0.item() }
                let (start, end, step) = n.count == 1 ? (0, n[0], 1.0) : (n[0], n[1], n.count == 3 ? n[2] : 1)
                t = try Tensor.arange(start, end, step, dtype: dtype)
            }
            return try TorchFactories.finish(t, requiresGrad: kw.first { $0.name == "requires_grad" }?.value ?? .bool(false), interp: interp, op: "arange")
        })
        torch.set("linspace", fn("linspace") { args, interp in
            let b = try args.bind(signature: "linspace(start, end, steps, *, dtype=None, device=None, requires_grad=False)")
            try DeviceObject.checkPlacement(b["device"], function: "linspace", interp: interp)
            let t = try Tensor.linspace(try TorchBridge.number(b["start"], "start"), try TorchBridge.number(b["end"], "end"),
                                        try TorchBridge.intArgument(b["steps"], "steps"), dtype: try TorchBridge.dtype(b["dtype"]) ?? DType.defaultFloat)
            return try TorchFactories.finish(t, requiresGrad: b["requires_grad"], interp: interp, op: "linspace")
        })
        torch.set("rand", fn("rand", TorchFactories.random("rand", normal: false)))
        torch.set("randn", fn("randn", TorchFactories.random("randn", normal: true)))
        torch.set("zeros_like", fn("zeros_like", TorchFactories.like("zeros_like") { try Tensor.zeros($0.shape, dtype: $1) }))
        torch.set("ones_like", fn("ones_like", TorchFactories.like("ones_like") { try Tensor.ones($0.shape, dtype: $1) }))
        torch.set("empty_like", fn("empty_like", TorchFactories.like("empty_like") { try Tensor.zeros($0.shape, dtype: $1) }))
        torch.set("full_like", fn("full_like") { args, interp in
            let b = try args.bind(signature: "full_like(input, fill_value, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None)")
            try DeviceObject.checkPlacement(b["device"], function: "full_like", interp: interp)
            guard let t = TorchBridge.tensor(b["input"]) else { throw PyException(.typeError, "full_like(): argument 'input' (position 1) must be Tensor, not \(b["input"].typeName)") }
            let r = try Tensor.full(t.shape, try TorchBridge.number(b["fill_value"], "fill_value"), dtype: try TorchBridge.dtype(b["dtype"]) ?? t.dtype)
            r.takeLayout(of: t)
            return try TorchFactories.finish(r, requiresGrad: b["requires_grad"], interp: interp, op: "full_like")
        })
        torch.set("rand_like", fn("rand_like", TorchFactories.like("rand_like") { t, d in
            try TorchFactories.checkRandomDType(d, normal: false)
            return Tensor(values: Generator.current.uniform(count: t.numel, dtype: d), shape: t.shape, dtype: d)
        }))
        torch.set("randn_like", fn("randn_like", TorchFactories.like("randn_like") { t, d in
            try TorchFactories.checkRandomDType(d, normal: true)
            return Tensor(values: Generator.current.normal(count: t.numel, dtype: d), shape: t.shape, dtype: d)
        }))
        torch.set("randint", fn("randint") { args, interp in
            var pos = args.positional
            guard let sizeArg = args.keyword("size") ?? pos.popLast() else {
                throw PyException(.typeError, "randint() missing required argument 'size'")
            }
            let bounds = try pos.map { try TorchBridge.intArgument($0, "high") }
            let (low, high) = bounds.count == 1 ? (0, bounds[0]) : (bounds.first ?? 0, bounds.count > 1 ? bounds[1] : 0)
            guard low < high else {
                throw PyException(.runtimeError, "random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
            }
            try DeviceObject.checkPlacement(args.keyword("device"), function: "randint", interp: interp)
            let shape = try TorchBridge.shape([sizeArg], interp: interp, function: "randint")
            let dtype = try TorchBridge.dtype(args.keyword("dtype") ?? .none) ?? .int64
            let n = try Tensor.validateShape(shape, dtype: dtype)
            let v = try GeneratorObject.drawing(from: args.keyword("generator")) {
                Generator.current.randintValues(count: n, low: Int64(low), high: Int64(high))
            }
            return TorchBridge.created(try Tensor(integers: v, shape: shape, dtype: .int64).to(dtype), op: "randint")
        })
        torch.set("randperm", fn("randperm") { args, interp in
            let b = try args.bind(signature: "randperm(n, *, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False)")
            try DeviceObject.checkPlacement(b["device"], function: "randperm", interp: interp)
            let n = try TorchBridge.intArgument(b["n"], "n")
            let dtype = try TorchBridge.dtype(b["dtype"]) ?? .int64
            try Tensor.validateShape([n], dtype: dtype)
            let values = try GeneratorObject.drawing(from: b["generator"]) { Generator.current.randpermValues(n) }
            return TorchBridge.created(try Tensor(integers: values, shape: [n], dtype: .int64).to(dtype), op: "randperm")
        })
        torch.set("manual_seed", fn("manual_seed") { args, _ in
            let b = try args.bind(signature: "manual_seed(seed)")
            guard let seed = b["seed"].asInt else {
                if let d = b["seed"].asDouble, d == d.rounded() {
                    throw PyException(.typeError, "manual_seed expected a long, but got float")
                }
                throw PyException(.typeError, "manual_seed expected a long, but got \(b["seed"].typeName)")
            }
            Generator.current.manualSeed(UInt64(bitPattern: Int64(seed)))
            return .object(GeneratorObject.defaultGenerator)
        })
        torch.set("Generator", .object(GeneratorClass.shared))
        torch.set("normal", fn("normal") { args, interp in try TorchNormal.call(args, interp) })
        torch.set("bernoulli", fn("bernoulli") { args, _ in
            let b = try args.bind(signature: "bernoulli(input, p=None, *, generator=None, out=None)")
            guard let p = TorchBridge.tensor(b["input"]) else {
                throw PyException(.typeError, "bernoulli(): argument 'input' (position 1) must be Tensor, not \(b["input"].typeName)")
            }
            guard p.dtype.isFloatingPoint else { throw PyException(.notImplementedError, "\"bernoulli_tensor_cpu_p_\" not implemented for '\(p.dtype.scalarTypeName)'") }
            let values: [Double] = try GeneratorObject.drawing(from: b["generator"]) {
                if b["p"].isNone {
                    guard p.values.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
                        throw PyException(.runtimeError, "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
                    }
                    return Generator.current.bernoulli(probabilities: p.values, dtype: p.dtype)
                }
                return Generator.current.bernoulli(count: p.numel, p: try TorchBridge.number(b["p"], "p"))
            }
            return TorchBridge.created(Tensor(values: values, shape: p.shape, dtype: p.dtype), op: "bernoulli")
        })
        torch.set("save", fn("save") { args, interp in try TorchSerialization.save(args, interp) })
        torch.set("load", fn("load") { args, interp in try TorchSerialization.load(args, interp) })
        torch.set("default_generator", .object(GeneratorObject.defaultGenerator))
        torch.set("seed", fn("seed") { _, _ in .int(Int(truncatingIfNeeded: Generator.current.initialSeed)) })
        torch.set("initial_seed", fn("initial_seed") { _, _ in .int(Int(truncatingIfNeeded: Generator.current.initialSeed)) })

        // Grad modes
        torch.set("no_grad", .object(GradModeClass(name: "no_grad", mode: false)))
        torch.set("enable_grad", .object(GradModeClass(name: "enable_grad", mode: true)))
        torch.set("set_grad_enabled", .object(SetGradEnabled()))
        torch.set("is_grad_enabled", fn("is_grad_enabled") { _, _ in .bool(GradMode.isEnabled) })

        // Functions that mirror tensor methods
        for name in ["exp", "log", "sin", "cos", "tanh", "sigmoid", "relu", "sqrt", "abs", "neg", "negative", "reciprocal",
                     "sign", "square", "clamp", "clip", "sum", "mean", "max", "min", "argmax", "argmin", "matmul", "mm",
                     "mv", "dot", "t", "reshape", "flatten", "unsqueeze", "squeeze", "permute", "transpose", "clone",
                     "detach", "add", "sub", "mul", "multiply", "div", "divide", "true_divide", "pow", "numel",
                     "softmax", "log_softmax", "norm", "eq", "ne", "lt", "le", "gt", "ge", "equal", "allclose",
                     "tan", "atan", "arctan", "sinh", "cosh", "log1p", "expm1", "log2", "log10", "rsqrt", "floor", "ceil",
                     "round", "trunc", "var", "std", "prod", "expand_as", "argmax", "argmin",
                     "tile", "cumsum", "cumprod", "flip", "roll", "chunk", "split", "unbind", "narrow", "select",
                     "index_select", "gather", "scatter", "masked_fill", "tril", "triu", "diag", "diagonal", "trace",
                     "all", "any", "amax", "amin", "logsumexp", "sort", "argsort", "topk", "isnan", "isinf", "isfinite",
                     "logical_and", "logical_or", "logical_xor", "logical_not", "bmm", "asin", "arcsin", "acos", "arccos",
                     "atan2", "arctan2", "erf", "exp2", "frac", "fmod", "remainder", "sgn", "clamp_min", "clamp_max",
                     "xlogy", "logaddexp", "deg2rad", "rad2deg", "lerp", "addcmul", "addcdiv", "nan_to_num", "isclose",
                     "inner", "movedim", "maximum", "minimum"] {
            torch.set(name, method(name))
        }
        torch.set("subtract", method("subtract", as: "sub"))
        for name in ["clamp", "clip"] {
            let viaMethod = method(name)
            torch.set(name, fn(name) { args, interp in
                let bound = { (i: Int, key: String) in args.positional.count > i ? args.positional[i] : args.keyword(key) ?? .none }
                if TensorMethods.mixesTensorAndNumber(bound(1, "min"), bound(2, "max")) {
                    throw PyException(.typeError, TensorMethods.clampOverloadMessage(name, args, method: false))
                }
                return try interp.call(viaMethod, args)
            })
        }
        let tensorPow = method("pow")
        torch.set("pow", fn("pow") { args, interp in
            if let base = args.positional.first?.asDouble, args.positional.count == 2, let e = TorchBridge.tensor(args.positional[1]) {
                let baseDType: DType = args.positional.first?.asInt != nil ? .int64 : .float64
                return TorchBridge.wrap(try e.rpow(base, baseDType: baseDType))
            }
            return try interp.call(tensorPow, args)
        })
        torch.set("is_tensor", fn("is_tensor") { args, _ in .bool(TorchBridge.tensor(args.positional.first ?? .none) != nil) })
        torch.set("is_floating_point", fn("is_floating_point") { args, _ in
            .bool(TorchBridge.tensor(args.positional.first ?? .none)?.dtype.isFloatingPoint ?? false)
        })
        torch.set("where", fn("where") { args, _ in
            let b = try args.bind(signature: "where(condition, input, other)")
            guard let c = TorchBridge.tensor(b[0]), let x = TorchBridge.operand(b[1]), let y = TorchBridge.operand(b[2]) else {
                throw PyException(.typeError, "where(): argument 'condition' (position 1) must be Tensor")
            }
            return TorchBridge.wrap(try Tensor.where(c, x, y))
        })
        torch.set("cat", fn("cat") { args, _ in
            let b = try args.bind(signature: "cat(tensors, dim=0)")
            let ts = try AutogradModule.tensors(b[0], "tensors")
            return TorchBridge.wrap(try Tensor.cat(ts, dim: try TorchBridge.intArgument(b[1], "dim")))
        })
        torch.set("concat", torch.get("cat")!)
        torch.set("stack", fn("stack") { args, _ in
            let b = try args.bind(signature: "stack(tensors, dim=0)")
            let ts = try AutogradModule.tensors(b[0], "tensors")
            return TorchBridge.wrap(try Tensor.stack(ts, dim: try TorchBridge.intArgument(b[1], "dim")))
        })
        torch.set("hstack", fn("hstack") { args, _ in
            let b = try args.bind(signature: "hstack(tensors)")
            let ts = try AutogradModule.tensors(b[0], "tensors")
            let atLeast1D = try ts.map { $0.dim == 0 ? try $0.reshape([1]) : $0 }
            return TorchBridge.wrap(try Tensor.cat(atLeast1D, dim: atLeast1D.first?.dim == 1 ? 0 : 1))
        })
        torch.set("vstack", fn("vstack") { args, _ in
            let b = try args.bind(signature: "vstack(tensors)")
            let ts = try AutogradModule.tensors(b[0], "tensors")
            let atLeast2D = try ts.map { $0.dim == 0 ? try $0.reshape([1, 1]) : ($0.dim == 1 ? try $0.unsqueeze(0) : $0) }
            return TorchBridge.wrap(try Tensor.cat(atLeast2D, dim: 0))
        })
        torch.set("einsum", fn("einsum") { args, _ in
            guard case .str(let equation)? = args.positional.first else {
                throw PyException(.typeError, "einsum(): argument 'equation' (position 1) must be str")
            }
            var rest = Array(args.positional.dropFirst())
            if rest.count == 1, let seq = TorchBridge.sequence(rest[0]) { rest = seq }
            let ts = try rest.map { v -> Tensor in
                guard let t = TorchBridge.tensor(v) else { throw PyException(.typeError, "einsum(): operands must be Tensors, not \(v.typeName)") }
                return t
            }
            return TorchBridge.wrap(try TorchFunctions.einsum(equation, ts))
        })
        torch.set("outer", fn("outer") { args, _ in
            let b = try args.bind(signature: "outer(input, vec2)")
            guard let x = TorchBridge.tensor(b[0]), let y = TorchBridge.tensor(b[1]) else { throw PyException(.typeError, "outer(): arguments must be Tensors") }
            return TorchBridge.wrap(try x.outer(y))
        })

        torch.set("dtype", .object(DTypeClass.shared))
        torch.set("typename", fn("typename") { args, interp in
            let v = args.positional.first ?? PyValue.none
            if let t = TorchBridge.tensor(v) { return .str(t.dtype.legacyTypeName) }
            return .str(v.typeName)
        })
        let autograd = AutogradModule.make(torch: torch)
        torch.set("autograd", .object(autograd))
        return torch
    }
}

/// The `torch` module object: `torch.nn` and `torch.optim` load on first use, as
/// `import torch` makes them available in PyTorch.
final class TorchModuleObject: PyModuleObject {
    /// `torch.set_default_device`'s device.
    var defaultDevice = DeviceObject.cpu

    override func missingAttribute(_ name: String, interp: Interpreter) throws -> PyValue? {
        guard ["nn", "optim", "utils", "profiler"].contains(name) else { return nil }
        return .object(try interp.importModule("torch.\(name)", line: interp.currentLine))
    }
}

/// `torch.utils`: `torch.utils.data` loads on first use.
final class TorchUtilsModule: PyModuleObject {
    override func missingAttribute(_ name: String, interp: Interpreter) throws -> PyValue? {
        guard name == "data" else { return nil }
        return .object(try interp.importModule("torch.utils.data", line: interp.currentLine))
    }
}

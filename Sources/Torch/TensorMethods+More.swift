import Python
import Autograd
import Foundation

/// Tensor methods beyond the first tier: rearranging and picking elements,
/// cumulative ops, sorting, logical tests and more elementwise math.
extension TensorMethods {
    private static func tensorArgument(_ v: PyValue, _ fn: String, _ name: String, _ position: Int) throws -> Tensor {
        guard let t = TorchBridge.tensor(v) else {
            throw PyException(.typeError, "\(fn)(): argument '\(name)' (position \(position)) must be Tensor, not \(v.typeName)")
        }
        return t
    }

    private static func operandArgument(_ v: PyValue, _ fn: String, _ name: String, _ position: Int) throws -> Tensor {
        guard let t = TorchBridge.operand(v) else {
            throw PyException(.typeError, "\(fn)(): argument '\(name)' (position \(position)) must be Tensor, not \(v.typeName)")
        }
        return t
    }

    private static func tuple(_ ts: [Tensor]) -> PyValue { .tuple(ts.map(wrap)) }

    private static func named(_ name: String, _ r: (values: Tensor, indices: Tensor)) -> PyValue {
        .object(NamedTupleObject(typeName: "torch.return_types.\(name)", fields: [("values", wrap(r.values)), ("indices", wrap(r.indices))]))
    }

    /// Dimensions given as varargs (`flip(0, 1)`), one sequence, or the keyword `dims`.
    private static func dimsArgs(_ a: PyArgs, _ interp: Interpreter, _ name: String, keyword: String = "dims") throws -> [Int] {
        if let d = a.keyword(keyword) { return try TorchBridge.dims(d) ?? [] }
        return try TorchBridge.shape(a.positional, interp: interp, function: name)
    }

    private static func reduction(_ name: String, _ f: @escaping (Tensor, [Int], Bool) throws -> Tensor) -> Method {
        { o, a, interp in
            let b = try a.bind(signature: "\(name)(dim=(), keepdim=False)")
            return wrap(try f(o.tensor, try TorchBridge.dims(b["dim"]) ?? [], try TorchBridge.bool(b["keepdim"], interp: interp)))
        }
    }

    private static func truth(_ isAll: Bool) -> Method {
        { o, a, interp in
            let b = try a.bind(signature: "\(isAll ? "all" : "any")(dim=None, keepdim=False)")
            return wrap(try o.tensor.truthReduction(all: isAll, dims: try TorchBridge.dims(b["dim"]), keepdim: try TorchBridge.bool(b["keepdim"], interp: interp)))
        }
    }

    private static func newFilled(_ name: String, _ value: Double?) -> Method {
        { o, a, interp in
            var args = a
            var fill = value
            if value == nil {
                guard let v = args.keyword("fill_value") ?? (args.positional.count > 1 ? args.positional.removeLast() : nil) else {
                    throw PyException(.typeError, "new_full() missing required argument 'fill_value'")
                }
                args.keywords.removeAll { $0.name == "fill_value" }
                fill = try TorchBridge.number(v, "fill_value")
            }
            let dtype = try TorchBridge.dtype(args.keyword("dtype") ?? .none) ?? o.tensor.dtype
            let requires = args.keyword("requires_grad") ?? .bool(false)
            args.keywords.removeAll { ["dtype", "requires_grad", "device"].contains($0.name) }
            let shape = try shapeArgs(args, interp, name)
            let t = try Tensor.full(shape, fill!, dtype: dtype)
            return try TorchFactories.finish(t, requiresGrad: requires, interp: interp, op: name)
        }
    }

    static let moreMethods: [String: Method] = [
        // Rearranging
        "repeat": { o, a, interp in wrap(try o.tensor.repeated(try shapeArgs(a, interp, "repeat"))) },
        "tile": { o, a, interp in wrap(try o.tensor.tiled(try dimsArgs(a, interp, "tile"))) },
        "flip": { o, a, interp in wrap(try o.tensor.flip(try dimsArgs(a, interp, "flip"))) },
        "roll": { o, a, _ in
            let b = try a.bind(signature: "roll(shifts, dims=None)")
            return wrap(try o.tensor.roll(try TorchBridge.dims(b["shifts"]) ?? [], dims: try TorchBridge.dims(b["dims"]) ?? []))
        },
        "movedim": { o, a, _ in
            let b = try a.bind(signature: "movedim(source, destination)")
            let t = o.tensor
            let source = try TorchBridge.dims(b["source"]) ?? [], destination = try TorchBridge.dims(b["destination"]) ?? []
            guard source.count == destination.count else {
                throw PyException(.runtimeError, "movedim: Invalid source or destination dims: source (\(source) dims) should contain the same number of dims as destination (\(destination) dims)")
            }
            let src = try source.map { d in try TorchBridge.run { try wrapDim(d, t.dim) } }
            let dst = try destination.map { d in try TorchBridge.run { try wrapDim(d, t.dim) } }
            guard Set(src).count == src.count else { throw PyException(.runtimeError, "movedim: repeated dim in `source` (\(source))") }
            guard Set(dst).count == dst.count else { throw PyException(.runtimeError, "movedim: repeated dim in `destination` (\(destination))") }
            if t.dim == 0 { return wrap(try t.aliasView()) }  // dims 0 and -1 of a 0-d tensor
            // Each destination takes its source; the other dimensions keep their order.
            var order = [Int](repeating: -1, count: t.dim)
            for (s, d) in zip(src, dst) { order[d] = s }
            var rest = (0..<t.dim).filter { !src.contains($0) }.makeIterator()
            for i in order.indices where order[i] < 0 { order[i] = rest.next() ?? i }
            return wrap(try t.permute(order))
        },
        "cumsum": { o, a, _ in
            if a.positional.isEmpty && a.keyword("dim") == nil {
                throw PyException(.typeError, "cumsum() missing 1 required positional arguments: \"dim\"")
            }
            let b = try a.bind(signature: "cumsum(dim, *, dtype=None)")
            var t = o.tensor
            if let d = try TorchBridge.dtype(b["dtype"]) { t = try t.to(d) }
            return wrap(try t.cumulative(product: false, dim: try TorchBridge.intArgument(b["dim"], "dim")))
        },
        "cumprod": { o, a, _ in
            if a.positional.isEmpty && a.keyword("dim") == nil {
                throw PyException(.typeError, "cumprod() missing 1 required positional arguments: \"dim\"")
            }
            let b = try a.bind(signature: "cumprod(dim, *, dtype=None)")
            var t = o.tensor
            if let d = try TorchBridge.dtype(b["dtype"]) { t = try t.to(d) }
            return wrap(try t.cumulative(product: true, dim: try TorchBridge.intArgument(b["dim"], "dim")))
        },
        "tril": { o, a, _ in
            let b = try a.bind(signature: "tril(diagonal=0)")
            return wrap(try o.tensor.triangle(upper: false, diagonal: try TorchBridge.intArgument(b[0], "diagonal")))
        },
        "triu": { o, a, _ in
            let b = try a.bind(signature: "triu(diagonal=0)")
            return wrap(try o.tensor.triangle(upper: true, diagonal: try TorchBridge.intArgument(b[0], "diagonal")))
        },
        "diag": { o, a, _ in
            let b = try a.bind(signature: "diag(diagonal=0)")
            return wrap(try o.tensor.diag(try TorchBridge.intArgument(b[0], "diagonal")))
        },
        "diagonal": { o, a, _ in
            let b = try a.bind(signature: "diagonal(offset=0, dim1=0, dim2=1)")
            return wrap(try o.tensor.diagonal(offset: try TorchBridge.intArgument(b[0], "offset"),
                                              dim1: try TorchBridge.intArgument(b[1], "dim1"), dim2: try TorchBridge.intArgument(b[2], "dim2")))
        },
        "trace": unary("trace") { try $0.trace() },

        // Pieces
        "chunk": { o, a, _ in
            let b = try a.bind(signature: "chunk(chunks, dim=0)")
            return tuple(try o.tensor.chunk(try TorchBridge.intArgument(b[0], "chunks"), dim: try TorchBridge.intArgument(b[1], "dim")))
        },
        "split": { o, a, _ in
            let b = try a.bind(signature: "split(split_size, dim=0)")
            let d = try TorchBridge.intArgument(b[1], "dim")
            if let sizes = TorchBridge.sequence(b[0]) {
                return tuple(try o.tensor.split(sizes: try sizes.map { try TorchBridge.intArgument($0, "split_size") }, dim: d))
            }
            return tuple(try o.tensor.split(size: try TorchBridge.intArgument(b[0], "split_size"), dim: d))
        },
        "unbind": { o, a, _ in
            let b = try a.bind(signature: "unbind(dim=0)")
            return tuple(try o.tensor.unbind(dim: try TorchBridge.intArgument(b[0], "dim")))
        },
        "narrow": { o, a, _ in
            let b = try a.bind(signature: "narrow(dim, start, length)")
            return wrap(try o.tensor.narrow(dim: try TorchBridge.intArgument(b[0], "dim"), start: try TorchBridge.intArgument(b[1], "start"),
                                            length: try TorchBridge.intArgument(b[2], "length")))
        },
        "select": { o, a, _ in
            let b = try a.bind(signature: "select(dim, index)")
            let t = o.tensor, d = try TorchBridge.intArgument(b[0], "dim"), i = try TorchBridge.intArgument(b[1], "index")
            let w = try TorchBridge.run { try wrapDim(d, t.dim) }
            if t.dim > 0 && (i < -t.shape[w] || i >= t.shape[w]) {
                throw PyException(.indexError, "select(): index \(i) out of range for tensor of size [\(t.shape.map(String.init).joined(separator: ", "))] at dimension \(w)")
            }
            return wrap(try t.select(dim: d, index: i))
        },
        "index_select": { o, a, _ in
            let b = try a.bind(signature: "index_select(dim, index)")
            return wrap(try o.tensor.indexSelect(dim: try TorchBridge.intArgument(b[0], "dim"), index: try tensorArgument(b[1], "index_select", "index", 2)))
        },
        "gather": { o, a, _ in
            let b = try a.bind(signature: "gather(dim, index)")
            return wrap(try o.tensor.gather(dim: try TorchBridge.intArgument(b[0], "dim"), index: try tensorArgument(b[1], "gather", "index", 2)))
        },
        "scatter": { o, a, _ in
            var args = a
            if let v = args.keyword("value") { args.keywords.removeAll { $0.name == "value" }; args.keywords.append(("src", v)) }
            let b = try args.bind(signature: "scatter(dim, index, src)")
            return wrap(try o.tensor.scatter(dim: try TorchBridge.intArgument(b[0], "dim"), index: try tensorArgument(b[1], "scatter", "index", 2),
                                             source: try operandArgument(b[2], "scatter", "src", 3)))
        },
        "masked_fill": { o, a, _ in
            let b = try a.bind(signature: "masked_fill(mask, value)")
            return wrap(try o.tensor.maskedFill(try tensorArgument(b[0], "masked_fill", "mask", 1), value: try operandArgument(b[1], "masked_fill", "value", 2)))
        },
        "where": { o, a, _ in
            let b = try a.bind(signature: "where(condition, other)")
            return wrap(try Tensor.where(try tensorArgument(b[0], "where", "condition", 1), o.tensor, try operandArgument(b[1], "where", "other", 2)))
        },

        // Reductions and sorting
        "all": truth(true),
        "any": truth(false),
        "amax": reduction("amax") { try $0.amaxOrAmin(max: true, dims: $1, keepdim: $2) },
        "amin": reduction("amin") { try $0.amaxOrAmin(max: false, dims: $1, keepdim: $2) },
        "logsumexp": { o, a, interp in
            let b = try a.bind(signature: "logsumexp(dim, keepdim=False)")
            return wrap(try o.tensor.logsumexp(dims: try TorchBridge.dims(b["dim"]) ?? [], keepdim: try TorchBridge.bool(b["keepdim"], interp: interp)))
        },
        "sort": { o, a, interp in
            let b = try a.bind(signature: "sort(dim=-1, descending=False, stable=False)")
            return named("sort", try o.tensor.sort(dim: try TorchBridge.intArgument(b["dim"], "dim"), descending: try TorchBridge.bool(b["descending"], interp: interp)))
        },
        "argsort": { o, a, interp in
            let b = try a.bind(signature: "argsort(dim=-1, descending=False, stable=False)")
            return wrap(try o.tensor.sort(dim: try TorchBridge.intArgument(b["dim"], "dim"), descending: try TorchBridge.bool(b["descending"], interp: interp)).indices)
        },
        "topk": { o, a, interp in
            let b = try a.bind(signature: "topk(k, dim=-1, largest=True, sorted=True)")
            return named("topk", try o.tensor.topk(try TorchBridge.intArgument(b["k"], "k"), dim: try TorchBridge.intArgument(b["dim"], "dim"),
                                                   largest: try TorchBridge.bool(b["largest"], interp: interp)))
        },

        // Tests and logic
        "isnan": unary("isnan") { $0.test("isnan") { $0.isNaN } },
        "isinf": unary("isinf") { $0.test("isinf") { $0.isInfinite } },
        "isfinite": unary("isfinite") { $0.test("isfinite") { $0.isFinite } },
        "logical_not": unary("logical_not") { $0.test("logical_not") { $0 == 0 } },
        "logical_and": binary("logical_and") { try $0.logical("logical_and", $1) { $0 && $1 } },
        "logical_or": binary("logical_or") { try $0.logical("logical_or", $1) { $0 || $1 } },
        "logical_xor": binary("logical_xor") { try $0.logical("logical_xor", $1) { $0 != $1 } },
        "isclose": { o, a, interp in
            let b = try a.bind(signature: "isclose(other, rtol=1e-05, atol=1e-08, equal_nan=False)")
            return wrap(try o.tensor.isClose(try operandArgument(b[0], "isclose", "other", 1), rtol: try TorchBridge.number(b[1], "rtol"),
                                             atol: try TorchBridge.number(b[2], "atol"), equalNaN: try TorchBridge.bool(b[3], interp: interp)))
        },

        // New tensors like this one
        "new_ones": newFilled("new_ones", 1),
        "new_zeros": newFilled("new_zeros", 0),
        "new_empty": newFilled("new_empty", 0),
        "new_full": newFilled("new_full", nil),
        "new_tensor": { o, a, interp in
            let b = try a.bind(signature: "new_tensor(data, *, dtype=None, device=None, requires_grad=False)")
            return try TorchFactories.tensorFromData(b["data"], dtype: try TorchBridge.dtype(b["dtype"]) ?? o.tensor.dtype, interp: interp,
                                                     requiresGrad: try TorchBridge.bool(b["requires_grad"], interp: interp))
        },
        "type_as": { o, a, _ in
            let b = try a.bind(signature: "type_as(other)")
            return wrap(try o.tensor.to(try tensorArgument(b[0], "type_as", "other", 1).dtype))
        },

        // Linear algebra
        "bmm": binary("bmm") { try $0.bmm($1) },
        "outer": binary("outer") { try $0.outer($1) },
        "inner": binary("inner") { try TorchFunctions.inner($0, $1) },

        // Elementwise
        "asin": unary("asin") { try $0.asin() },
        "arcsin": unary("arcsin") { try $0.asin() },
        "acos": unary("acos") { try $0.acos() },
        "arccos": unary("arccos") { try $0.acos() },
        "atan2": binary("atan2") { try $0.atan2($1) },
        "maximum": binary("maximum") { try $0.maximum($1) },
        "minimum": binary("minimum") { try $0.minimum($1) },
        "arctan2": binary("arctan2") { try $0.atan2($1) },
        "erf": unary("erf") { try $0.erf() },
        "exp2": unary("exp2") { try $0.exp2() },
        "frac": unary("frac") { try $0.frac() },
        "sgn": unary("sgn") { try $0.sgn() },
        "deg2rad": unary("deg2rad") { try $0.angleConversion(toRadians: true) },
        "rad2deg": unary("rad2deg") { try $0.angleConversion(toRadians: false) },
        "fmod": binary("fmod") { try $0.fmod($1) },
        "remainder": binary("remainder") { try $0.remainder($1) },
        "xlogy": binary("xlogy") { try $0.xlogy($1) },
        "logaddexp": binary("logaddexp") { try $0.logaddexp($1) },
        "clamp_min": { o, a, _ in
            let b = try a.bind(signature: "clamp_min(min)")
            return wrap(try o.tensor.clampOneSide(min: true, try TorchBridge.number(b[0], "min")))
        },
        "clamp_max": { o, a, _ in
            let b = try a.bind(signature: "clamp_max(max)")
            return wrap(try o.tensor.clampOneSide(min: false, try TorchBridge.number(b[0], "max")))
        },
        "nan_to_num": { o, a, _ in
            let b = try a.bind(signature: "nan_to_num(nan=0.0, posinf=None, neginf=None)")
            return wrap(try o.tensor.nanToNum(nan: try TorchBridge.number(b[0], "nan"), posinf: b[1].isNone ? nil : try TorchBridge.number(b[1], "posinf"),
                                              neginf: b[2].isNone ? nil : try TorchBridge.number(b[2], "neginf")))
        },
        "lerp": { o, a, _ in
            let b = try a.bind(signature: "lerp(end, weight)")
            let end = try tensorArgument(b[0], "lerp", "end", 1)
            if let w = TorchBridge.tensor(b[1]) { return wrap(try o.tensor.lerp(end, weight: w)) }
            return wrap(try o.tensor.lerp(end, weight: try TorchBridge.number(b[1], "weight")))
        },
        "addcmul": { o, a, _ in
            let b = try a.bind(signature: "addcmul(tensor1, tensor2, *, value=1)")
            return wrap(try o.tensor.addcmul(try tensorArgument(b[0], "addcmul", "tensor1", 1), try tensorArgument(b[1], "addcmul", "tensor2", 2),
                                             value: try TorchBridge.number(b[2], "value")))
        },
        "addcdiv": { o, a, _ in
            let b = try a.bind(signature: "addcdiv(tensor1, tensor2, *, value=1)")
            return wrap(try o.tensor.addcdiv(try tensorArgument(b[0], "addcdiv", "tensor1", 1), try tensorArgument(b[1], "addcdiv", "tensor2", 2),
                                             value: try TorchBridge.number(b[2], "value")))
        },
    ]
}

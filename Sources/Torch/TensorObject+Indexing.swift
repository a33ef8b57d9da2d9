import Python
import Autograd

/// `x[...]` and `x[...] = v` with PyTorch's rules: integers select, slices narrow,
/// `None` inserts a dimension, `...` skips dimensions (all views); integer lists,
/// integer tensors and boolean masks index along a dimension (copies).
extension TensorObject {
    private enum IndexItem {
        case integer(Int)
        case slice(Int?, Int?, Int)
        case newAxis
        case ellipsis
        case indices([Int])
        case mask(Tensor)
    }

    static let smallestSliceBound = -(1 << 62)
    static let truncatedSliceWarning = "Truncating the start/stop/step of slice. This is likely because of saved old models when the start/stop/step were larger."
    static let byteIndexWarning = "indexing with dtype torch.uint8 is now deprecated, please use a dtype torch.bool instead. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/IndexingUtils.h:37.)"

    private func parseItems(_ key: PyValue, interp: Interpreter) throws -> [IndexItem] {
        let raw: [PyValue]
        if case .tuple(let items) = key { raw = items } else { raw = [key] }
        return try raw.map { v in
            switch v {
            case .none: return .newAxis
            case .bool(let b): return .mask(Tensor(values: [b ? 1 : 0], shape: [], dtype: .bool))
            case .int(let i): return .integer(i)
            case .list(let l):
                if l.items.allSatisfy({ if case .bool = $0 { return true } else { return false } }) && !l.items.isEmpty {
                    return .mask(Tensor(values: l.items.map { $0.asInt.map(Double.init) ?? 0 }, shape: [l.items.count], dtype: .bool))
                }
                return .indices(try l.items.map { try interp.index($0) })
            case .object(let o):
                if let s = o as? PySlice {
                    func opt(_ x: PyValue) throws -> Int? { x.isNone ? nil : try interp.index(x) }
                    let step = try opt(s.step) ?? 1
                    if step <= 0 {
                        throw PyException(.valueError, step == 0 ? "slice step cannot be zero" : "step must be greater than zero")
                    }
                    // PyTorch keeps slice bounds above -2**62 (its symbolic ints' range), with a warning.
                    let bounds = [try opt(s.start), try opt(s.stop)].map { $0.map { b -> Int in
                        if b < TensorObject.smallestSliceBound {
                            TorchWarnings.fromLesson(TensorObject.truncatedSliceWarning, line: interp.currentLine)
                            return TensorObject.smallestSliceBound
                        }
                        return b
                    } }
                    return .slice(bounds[0], bounds[1], step)
                }
                if o.typeName == "ellipsis" { return .ellipsis }
                if let t = (o as? TensorObject)?.tensor {
                    if t.dtype == .bool { return .mask(t) }
                    if t.dtype == .uint8 {
                        TorchWarnings.fromLesson(TensorObject.byteIndexWarning, line: interp.currentLine)
                        return .mask(try TorchBridge.run { try t.to(.bool) })
                    }
                    if t.dtype.isInteger {
                        if t.dim == 0 { return .integer(Int(t.integers[0])) }
                        return .indices(t.integers.map { Int($0) })
                    }
                    throw PyException(.indexError, "tensors used as indices must be long, int, byte or bool tensors")
                }
                if let i = try o.toIndex(interp: interp) { return .integer(i) }
                throw PyException(.indexError, "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(o.typeName))")
            default:
                throw PyException(.indexError, "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(v.typeName))")
            }
        }
    }

    /// Applies the index items, returning the result and whether it is a view of `tensor`.
    private func applyIndex(_ key: PyValue, interp: Interpreter) throws -> (Tensor, Bool) {
        let items = try parseItems(key, interp: interp)
        var t = tensor
        let specified = items.reduce(0) { n, item in
            switch item {
            case .integer, .slice, .indices: return n + 1
            case .mask(let m): return n + max(m.dim, 0)
            default: return n
            }
        }
        if specified > t.dim {
            if t.dim == 0, case .integer = items.first {
                throw PyException(.indexError, "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
            }
            if t.dim == 0, case .slice = items.first {
                throw PyException(.indexError, "slice() cannot be applied to a 0-dim tensor.")
            }
            throw PyException(.indexError, "too many indices for tensor of dimension \(t.dim)")
        }
        var d = 0
        var consumed = 0
        var isView = true
        try TorchBridge.run {
            for item in items {
                switch item {
                case .integer(let i):
                    t = try t.select(dim: d, index: i, reportedDim: d + consumed)
                    consumed += 1
                case .slice(let s, let e, let step):
                    let size = t.shape[d]
                    // A lone slice is always applied; inside a tuple, full slices are skipped (as PyTorch).
                    let full = items.count > 1 && (s == nil || s == 0 || (s ?? 0) <= -size) && (e == nil || (e ?? 0) >= size) && step == 1
                    if !full { t = try t.slice(dim: d, start: s, end: e, step: step) }
                    d += 1
                case .newAxis:
                    t = try t.unsqueeze(d)
                    d += 1
                case .ellipsis:
                    d += t.dim - specified
                case .indices(let idx):
                    if d == 0 {
                        t = try t.index(idx)
                    } else {
                        t = try t.transpose(0, d).index(idx).transpose(0, d)
                    }
                    isView = false
                    d += 1
                case .mask(let m):
                    if m.dim == 0 {
                        t = m.values[0] != 0 ? try t.unsqueeze(d) : try t.unsqueeze(d).slice(dim: d, start: 0, end: 0)
                        d += 1
                    } else {
                        guard d == 0 else { throw AutogradError(.notImplementedError, "gradviz: unsupported: a boolean mask after other indices") }
                        t = try t.maskedSelect(m)
                        d += 1
                    }
                    isView = false
                }
            }
        }
        return (t, isView)
    }

    func indexGet(_ key: PyValue, interp: Interpreter) throws -> PyValue {
        let (t, _) = try applyIndex(key, interp: interp)
        if t === tensor { return TorchBridge.wrap(try TorchBridge.run { try tensor.aliasView() }) }
        return TorchBridge.wrap(t)
    }

    func indexSet(_ key: PyValue, _ value: PyValue, interp: Interpreter) throws -> Bool {
        guard let v = TorchBridge.operand(value) else {
            throw PyException(.typeError, "can't assign a \(value.typeName) to a \(tensor.dtype.legacyTypeName)")
        }
        let items = try parseItems(key, interp: interp)
        let advanced = items.contains { if case .indices = $0 { return true }; if case .mask(let m) = $0 { return m.dim > 0 }; return false }
        if advanced {
            guard items.count == 1 else {
                throw PyException(.notImplementedError, "gradviz: unsupported: assignment through mixed advanced indexing")
            }
            let positions: [Int]
            let target: [Int]
            switch items[0] {
            case .indices(let idx):
                let size = tensor.shape.first ?? 0
                let inner = Tensor.elementCount(tensor.shape.dropFirst())
                // Every listed row is written: as many positions as the rows hold.
                let rows = [idx.count] + tensor.shape.dropFirst()
                try TorchBridge.run { try ResourceBudget.current.reserve(Tensor.elementCount(rows), shape: rows) }
                var p: [Int] = []
                for i in idx {
                    guard i >= -size && i < size else { throw PyException(.indexError, "index \(i) is out of bounds for dimension 0 with size \(size)") }
                    let r = i < 0 ? i + size : i
                    p.append(contentsOf: (r * inner)..<((r + 1) * inner))
                }
                positions = p
                target = rows
            case .mask(let m):
                guard m.shape == Array(tensor.shape.prefix(m.dim)) else {
                    throw PyException(.indexError, "The shape of the mask [\(m.shape.map(String.init).joined(separator: ", "))] at index 0 does not match the shape of the indexed tensor [\(tensor.shape.map(String.init).joined(separator: ", "))] at index 0")
                }
                let inner = Tensor.elementCount(tensor.shape.dropFirst(m.dim))
                var p: [Int] = []
                for (k, x) in m.values.enumerated() where x != 0 { p.append(contentsOf: (k * inner)..<((k + 1) * inner)) }
                positions = p
                target = [p.count / max(inner, 1)] + tensor.shape.dropFirst(m.dim)
            default:
                return false
            }
            let rule: DerivativeRule
            if !v.isWrappedNumber && v.dim > 0 {
                rule = Derivatives.indexPut
            } else if case .mask = items[0] {
                rule = Derivatives.maskedFill
            } else {
                rule = Derivatives.indexFill
            }
            try TorchBridge.run { try tensor.indexPut(positions: positions, valueShape: target, values: v, rule: rule) }
            return true
        }
        let (view, _) = try applyIndex(key, interp: interp)
        try TorchBridge.run {
            if view === tensor { try tensor.copy_(v) } else { try view.copy_(v) }
        }
        return true
    }
}

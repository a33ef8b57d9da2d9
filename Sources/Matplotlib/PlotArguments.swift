import Plot
import Python

/// Turns lesson values into numbers for plotting: numbers, lists, tuples, ranges, and any
/// object with `tolist()` (tensors, `.numpy()` arrays), as `np.asarray` would.
enum PlotArguments {
    /// A flat array of numbers (a scalar becomes one element).
    static func values(_ v: PyValue, _ interp: Interpreter, name: String = "x") throws -> [Double] {
        let nested = try nestedValues(v, interp)
        return flatten(nested)
    }

    /// Rows of numbers (a 1-D input becomes one row).
    static func matrix(_ v: PyValue, _ interp: Interpreter) throws -> [[Double]] {
        let nested = try nestedValues(v, interp)
        switch nested {
        case .number(let d): return [[d]]
        case .list(let items):
            if items.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
                return [flatten(nested)]
            }
            return items.map { flatten($0) }
        }
    }

    /// The dimensions of a value (`()` for a scalar).
    static func shape(_ v: PyValue, _ interp: Interpreter) throws -> [Int] {
        var dims: [Int] = []
        var cur = try nestedValues(v, interp)
        while case .list(let items) = cur {
            dims.append(items.count)
            guard let first = items.first else { break }
            cur = first
        }
        return dims
    }

    indirect enum Nested {
        case number(Double)
        case list([Nested])
    }

    static func flatten(_ n: Nested) -> [Double] {
        var out: [Double] = []
        var stack = [n]
        while let top = stack.popLast() {
            switch top {
            case .number(let d): out.append(d)
            case .list(let items): stack.append(contentsOf: items.reversed())
            }
        }
        return out
    }

    /// Reads nested sequences without recursion on the value's depth beyond its dimensions
    /// (arrays to plot are at most 2-D in practice; depth is capped at 8).
    static func nestedValues(_ v: PyValue, _ interp: Interpreter, depth: Int = 0) throws -> Nested {
        guard depth < 8 else { throw PyException(.valueError, "setting an array element with a sequence.") }
        switch v {
        case .int, .float, .bool: return .number(try interp.toDouble(v))
        case .none: return .number(.nan)
        case .list, .tuple:
            return .list(try (v.asSequence ?? []).map { try nestedValues($0, interp, depth: depth + 1) })
        case .str(let s):
            throw PyException(.valueError, "could not convert string to float: '\(s)'")
        case .dict:
            throw PyException(.typeError, "float() argument must be a string or a real number, not 'dict'")
        case .object(let o):
            // matplotlib reads tensors through numpy(), which refuses a tensor that requires grad.
            if let rg = try interp.getAttributeIfPresent(v, "requires_grad"), case .bool(true) = rg {
                throw PyException(.runtimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            if let tolist = try interp.getAttributeIfPresent(v, "tolist") {
                let list = try interp.call(tolist, [])
                if case .object = list { return .number(try interp.toDouble(list)) }
                return try nestedValues(list, interp, depth: depth + 1)
            }
            if let d = try o.toFloat(interp: interp) { return .number(d) }
            return .list(try interp.iterate(v).map { try nestedValues($0, interp, depth: depth + 1) })
        }
    }

    /// A colour argument: a string, an RGB(A) tuple of floats, or a grey string.
    static func color(_ v: PyValue, _ interp: Interpreter) throws -> PlotColor {
        if case .str(let s) = v {
            guard let c = PlotColor(spec: s) else { throw PyException(.valueError, PlotColor.invalidMessage(try interp.repr(v))) }
            return c
        }
        if let seq = v.asSequence, seq.count == 3 || seq.count == 4 {
            let comps = try seq.map { try interp.toDouble($0) }
            guard comps.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
                throw PyException(.valueError, PlotColor.invalidMessage(try interp.repr(v)))
            }
            return PlotColor(comps[0], comps[1], comps[2], comps.count == 4 ? comps[3] : 1)
        }
        throw PyException(.valueError, PlotColor.invalidMessage(try interp.repr(v)))
    }

    /// A list of colours, or one colour repeated.
    static func colors(_ v: PyValue, _ interp: Interpreter) throws -> [PlotColor] {
        if case .str = v { return [try color(v, interp)] }
        if let seq = v.asSequence, !seq.isEmpty {
            if seq.allSatisfy({ $0.asDouble != nil }) && (seq.count == 3 || seq.count == 4) { return [try color(v, interp)] }
            return try seq.map { try color($0, interp) }
        }
        return [try color(v, interp)]
    }

    static func double(_ v: PyValue?, _ interp: Interpreter) throws -> Double? {
        guard let v, !v.isNone else { return nil }
        return try interp.toDouble(v)
    }

    static func string(_ v: PyValue?, _ interp: Interpreter) throws -> String? {
        guard let v, !v.isNone else { return nil }
        if case .str(let s) = v { return s }
        return try interp.str(v)
    }
}

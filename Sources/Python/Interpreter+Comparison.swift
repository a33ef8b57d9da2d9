/// Rich comparison and equality with Python's rules.
extension Interpreter {
    /// `a <op> b` as Python evaluates it (the result may be a non-bool, e.g. a tensor).
    public func compare(_ op: PyCompareOp, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        switch (a, b) {
        case (.int(let x), .int(let y)): return .bool(Interpreter.compareOrdered(op, x, y))
        case (.float(let x), .float(let y)): return .bool(Interpreter.compareOrdered(op, x, y))
        case (.int(let x), .float(let y)): return .bool(Interpreter.compareIntFloat(op, x, y))
        case (.float(let x), .int(let y)): return .bool(Interpreter.compareIntFloat(op.swapped, y, x))
        case (.str(let x), .str(let y)):
            switch op {
            case .eq: return .bool(x == y)
            case .ne: return .bool(x != y)
            default: return .bool(Interpreter.compareOrdered(op, Array(x.unicodeScalars.map(\.value)), Array(y.unicodeScalars.map(\.value))))
            }
        default: break
        }
        if case .object(let o) = a, let r = try o.compare(op, b, interp: self) { return r }
        if case .object(let o) = b, let r = try o.compare(op.swapped, a, interp: self) { return r }
        switch op {
        case .eq: return .bool(try equals(a, b))
        case .ne: return .bool(!(try equals(a, b)))
        default:
            if let r = try orderValues(op, a, b) { return .bool(r) }
            throw PyException(.typeError, "'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    /// `bool(a <op> b)`.
    public func compareTruth(_ op: PyCompareOp, _ a: PyValue, _ b: PyValue) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return Interpreter.compareOrdered(op, x, y)
        case (.float(let x), .float(let y)): return Interpreter.compareOrdered(op, x, y)
        default: return try isTruthy(try compare(op, a, b))
        }
    }

    /// `a == b` as a Swift Bool (identity first, as containers do).
    public func equals(_ a: PyValue, _ b: PyValue) throws -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.int(let x), .int(let y)): return x == y
        case (.str(let x), .str(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.int, .float), (.float, .int), (.bool, .int), (.int, .bool), (.bool, .float), (.float, .bool):
            let (x, y) = (a.asDouble!, b.asDouble!)
            if case .int(let i) = a, case .float = b { return Interpreter.compareIntFloat(.eq, i, y) }
            if case .float = a, case .int(let j) = b { return Interpreter.compareIntFloat(.eq, j, x) }
            return x == y
        case (.list(let x), .list(let y)):
            if x === y { return true }
            return try sequenceEquals(x.items, y.items)
        case (.tuple(let x), .tuple(let y)):
            return try sequenceEquals(x, y)
        case (.dict(let x), .dict(let y)):
            if x === y { return true }
            if case .counter = x.kind, case .counter = y.kind { return try counterEquals(x, y) }
            guard x.count == y.count else { return false }
            if case .ordered = x.kind, case .ordered = y.kind {
                for (p, q) in zip(x.items, y.items) {
                    guard try equalsItem(p.key, q.key), try equalsItem(p.value, q.value) else { return false }
                }
                return true
            }
            for (k, v) in x.items {
                guard let w = try y.get(k), try equalsItem(v, w) else { return false }
            }
            return true
        case (.object(let o), _):
            if case .object(let p) = b, o === p { return true }
            if let r = try o.compare(.eq, b, interp: self) { return try isTruthy(r) }
            if case .object(let p) = b, let r = try p.compare(.eq, a, interp: self) { return try isTruthy(r) }
            return false
        case (_, .object(let p)):
            if let r = try p.compare(.eq, a, interp: self) { return try isTruthy(r) }
            return false
        default:
            return false
        }
    }

    /// Equality of container elements: identity short-circuits, as in CPython.
    func equalsItem(_ a: PyValue, _ b: PyValue) throws -> Bool {
        if case .object(let o) = a, case .object(let p) = b, o === p { return true }
        return try equals(a, b)
    }

    func sequenceEquals(_ x: [PyValue], _ y: [PyValue]) throws -> Bool {
        guard x.count == y.count else { return false }
        comparisonDepth += 1
        defer { comparisonDepth -= 1 }
        if comparisonDepth > recursionLimit {
            throw PyException(.recursionError, "maximum recursion depth exceeded in comparison")
        }
        for i in x.indices where !(try equalsItem(x[i], y[i])) { return false }
        return true
    }

    /// Ordering of sequences (lexicographic) and of bools as ints; nil when unordered types.
    func orderValues(_ op: PyCompareOp, _ a: PyValue, _ b: PyValue) throws -> Bool? {
        switch (a, b) {
        case (.bool, .int), (.int, .bool), (.bool, .bool), (.bool, .float), (.float, .bool):
            return Interpreter.compareOrdered(op, a.asDouble!, b.asDouble!)
        case (.list(let x), .list(let y)): return try lexicographic(op, x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try lexicographic(op, x, y)
        default: return nil
        }
    }

    func lexicographic(_ op: PyCompareOp, _ x: [PyValue], _ y: [PyValue]) throws -> Bool {
        comparisonDepth += 1
        defer { comparisonDepth -= 1 }
        if comparisonDepth > recursionLimit {
            throw PyException(.recursionError, "maximum recursion depth exceeded in comparison")
        }
        for i in 0..<min(x.count, y.count) where !(try equalsItem(x[i], y[i])) {
            return try compareTruth(op, x[i], y[i])
        }
        return Interpreter.compareOrdered(op, x.count, y.count)
    }

    static func compareOrdered<T: Comparable>(_ op: PyCompareOp, _ x: T, _ y: T) -> Bool {
        switch op {
        case .lt: return x < y
        case .le: return x <= y
        case .eq: return x == y
        case .ne: return x != y
        case .gt: return x > y
        case .ge: return x >= y
        }
    }

    static func compareOrdered(_ op: PyCompareOp, _ x: [UInt32], _ y: [UInt32]) -> Bool {
        let less = x.lexicographicallyPrecedes(y)
        let equal = x == y
        switch op {
        case .lt: return less
        case .le: return less || equal
        case .eq: return equal
        case .ne: return !equal
        case .gt: return !less && !equal
        case .ge: return !less
        }
    }

    /// Exact int/float comparison (no rounding of large ints), as CPython does.
    static func compareIntFloat(_ op: PyCompareOp, _ i: Int, _ d: Double) -> Bool {
        if d.isNaN { return op == .ne }
        if d.isInfinite { return compareOrdered(op, 0.0, d) }
        let di = Double(i)
        if di != d { return compareOrdered(op, di, d) }
        let fl = d.rounded(.down)
        if fl != d { return compareOrdered(op, di, d) }
        guard let exact = Int(exactly: d) else { return compareOrdered(op, di, d) }
        return compareOrdered(op, i, exact)
    }
}

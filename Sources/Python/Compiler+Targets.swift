/// Assignment targets: names, attributes, subscripts and (nested, starred) unpacking.
extension Compiler {
    func compileTarget(_ target: Expr) throws -> Assign {
        switch target.kind {
        case .name(let n):
            return store(n)
        case .attribute(let obj, let name):
            let oe = try compile(obj)
            return { f, v in try f.interp.setAttribute(try oe(f), name, v) }
        case .index(let obj, let key):
            let oe = try compile(obj)
            let ke = try compile(key)
            return { f, v in
                let o = try oe(f)
                let k = try ke(f)
                if case .list(let l) = o, case .int(var i) = k {
                    if i < 0 { i += l.items.count }
                    if i >= 0 && i < l.items.count {
                        l.items[i] = v
                        return
                    }
                }
                try f.interp.setItem(o, k, v)
            }
        case .tuple(let items), .list(let items):
            let starIndex = items.firstIndex { if case .starred = $0.kind { return true } else { return false } }
            let assigns: [Assign] = try items.map {
                if case .starred(let inner) = $0.kind { return try compileTarget(inner) }
                return try compileTarget($0)
            }
            let count = items.count
            return { f, v in
                let values = try f.interp.unpackValues(v)
                if let s = starIndex {
                    let minimum = count - 1
                    guard values.count >= minimum else {
                        throw PyException(.valueError, "not enough values to unpack (expected at least \(minimum), got \(values.count))")
                    }
                    let tail = count - s - 1
                    for i in 0..<s { try assigns[i](f, values[i]) }
                    try assigns[s](f, .list(PyList(Array(values[s..<(values.count - tail)]))))
                    for j in 0..<tail { try assigns[s + 1 + j](f, values[values.count - tail + j]) }
                    return
                }
                guard values.count == count else {
                    if values.count > count {
                        throw PyException(.valueError, "too many values to unpack (expected \(count))")
                    }
                    throw PyException(.valueError, "not enough values to unpack (expected \(count), got \(values.count))")
                }
                for i in 0..<count { try assigns[i](f, values[i]) }
            }
        default:
            throw PySyntaxError(.syntaxError, "cannot assign to \(Parser.describe(target))", at: target.location)
        }
    }

    /// `del target`.
    func compileDeleteTarget(_ target: Expr) throws -> Exec {
        switch target.kind {
        case .name(let n):
            return delete(n)
        case .attribute(let obj, let name):
            let oe = try compile(obj)
            return { f in
                try f.interp.deleteAttribute(try oe(f), name)
                return .normal
            }
        case .index(let obj, let key):
            let oe = try compile(obj)
            let ke = try compile(key)
            return { f in
                let o = try oe(f)
                try f.interp.deleteItem(o, try ke(f))
                return .normal
            }
        case .tuple(let items), .list(let items):
            let parts = try items.map(compileDeleteTarget)
            return { f in
                for p in parts { _ = try p(f) }
                return .normal
            }
        default:
            throw PySyntaxError(.syntaxError, "cannot delete \(Parser.describe(target))", at: target.location)
        }
    }
}

extension Interpreter {
    /// The elements for tuple unpacking, with CPython's error for non-iterables.
    func unpackValues(_ v: PyValue) throws -> [PyValue] {
        switch v {
        case .tuple(let t): return t
        case .list(let l): return l.items
        default:
            guard try isIterable(v) else {
                throw PyException(.typeError, "cannot unpack non-iterable \(v.typeName) object")
            }
            return try iterate(v)
        }
    }

    /// Calls `body` with each element of `iterable` until it returns false. Each element is a
    /// step against the budget unless `ticks` is false (loops that count their own iterations),
    /// so `sum(range(2**60))` ends with the step-budget error instead of running for years.
    func forEach(_ iterable: PyValue, ticks: Bool = true, _ body: (PyValue) throws -> Bool) throws {
        func each(_ v: PyValue) throws -> Bool {
            if ticks { try tick() }
            return try body(v)
        }
        switch iterable {
        case .list(let l):
            var i = 0
            while i < l.items.count {
                if !(try each(l.items[i])) { return }
                i += 1
            }
        case .tuple(let t):
            for v in t where !(try each(v)) { return }
        case .object(let r as PyRange):
            try r.forEach(each)
        default:
            let it = try makeIterator(iterable)
            while let v = try it.next(interp: self) {
                if !(try each(v)) { return }
            }
        }
    }
}

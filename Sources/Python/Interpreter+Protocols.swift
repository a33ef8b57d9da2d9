import PyFormat

/// Truthiness, text conversion, iteration, length, hashing and subscripts.
extension Interpreter {
    /// `bool(v)`.
    public func isTruthy(_ v: PyValue) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count > 0
        case .object(let o):
            if let b = try o.truthiness(interp: self) { return b }
            if let n = try o.length(interp: self) { return n > 0 }
            return true
        }
    }

    /// `repr(v)`.
    public func repr(_ v: PyValue) throws -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return pythonRepr(d)
        case .str(let s): return Interpreter.quote(s)
        case .list(let l):
            return try guardedRepr(l, "[...]") { "[" + (try l.items.map { try repr($0) }.joined(separator: ", ")) + "]" }
        case .tuple(let t):
            comparisonDepth += 1
            defer { comparisonDepth -= 1 }
            if comparisonDepth > recursionLimit {
                throw PyException(.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
            }
            if t.count == 1 { return "(" + (try repr(t[0])) + ",)" }
            return "(" + (try t.map { try repr($0) }.joined(separator: ", ")) + ")"
        case .dict(let d):
            return try guardedRepr(d, "{...}") { try dictRepr(d) }
        case .object(let o):
            if let s = try o.repr(interp: self) { return s }
            return "<\(o.typeName) object at \(o.addressText)>"
        }
    }

    private func guardedRepr(_ container: AnyObject, _ placeholder: String, _ body: () throws -> String) throws -> String {
        let id = ObjectIdentifier(container)
        if reprInProgress.contains(id) { return placeholder }
        if reprInProgress.count >= recursionLimit {
            throw PyException(.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
        }
        reprInProgress.insert(id)
        defer { reprInProgress.remove(id) }
        return try body()
    }

    /// `str(v)`.
    public func str(_ v: PyValue) throws -> String {
        switch v {
        case .str(let s): return s
        case .float(let d): return pythonStr(d)
        case .object(let o):
            if let s = try o.str(interp: self) { return s }
            return try repr(v)
        default: return try repr(v)
        }
    }

    /// `format(v, spec)`, as f-strings apply format specs.
    public func format(_ v: PyValue, spec: String) throws -> String {
        do {
            switch v {
            case .int(let i): return try pythonFormat(i, spec: spec)
            case .bool(let b):
                return spec.isEmpty ? (b ? "True" : "False") : try pythonFormat(b ? 1 : 0, spec: spec)
            case .float(let d): return try pythonFormat(d, spec: spec)
            case .str(let s): return try pythonFormat(s, spec: spec)
            case .object(let o):
                if let s = try o.format(spec: spec, interp: self) { return s }
                if spec.isEmpty { return try str(v) }
                throw PyException(.typeError, "unsupported format string passed to \(v.typeName).__format__")
            default:
                if spec.isEmpty { return try str(v) }
                throw PyException(.typeError, "unsupported format string passed to \(v.typeName).__format__")
            }
        } catch let e as PythonFormatError {
            if let length = e.requestedLength { try checkLength(length) }
            let cls = PyClass.builtinExceptions.first { $0.name == e.type } ?? .valueError
            throw PyException(cls, e.message)
        }
    }

    /// Python's repr of a str: single quotes unless the text contains only single quotes.
    static func quote(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let q: Character = useDouble ? "\"" : "'"
        var out = String(q)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == q {
                    out += "\\" + String(q)
                } else if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value >= 0x80 && !isPrintable(scalar) {
                    if scalar.value <= 0xff { out += "\\x" + hex(scalar.value, width: 2) }
                    else if scalar.value <= 0xffff { out += "\\u" + hex(scalar.value, width: 4) }
                    else { out += "\\U" + hex(scalar.value, width: 8) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(q)
        return out
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    private static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return s == " "
        default:
            return true
        }
    }

    /// Python's `__index__`: ints and bools, or objects that define it.
    public func index(_ v: PyValue) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let i = try o.toIndex(interp: self) { return i }
        default: break
        }
        throw PyException(.typeError, "'\(v.typeName)' object cannot be interpreted as an integer")
    }

    /// `hash(v)` for ints, strings, tuples and objects (identity).
    public func hash(_ v: PyValue) throws -> Int {
        switch try v.hashKey() {
        case .int(let i):
            let m = (1 << 61) - 1
            var h = i >= 0 ? i % m : -((-(i % m)) % m)
            if h == -1 { h = -2 }
            return h
        case .float(let d): return Interpreter.floatHash(d)
        case .none: return 0
        case let k: return k.hashValue
        }
    }

    /// `iter(v)`.
    public func makeIterator(_ v: PyValue) throws -> PyIterator {
        switch v {
        case .list(let l):
            var i = 0
            return PyClosureIterator(typeName: "list_iterator") { _ in
                guard i < l.items.count else { return nil }
                defer { i += 1 }
                return l.items[i]
            }
        case .tuple(let t): return PyArrayIterator(t, typeName: "tuple_iterator")
        case .str(let s): return PyArrayIterator(s.unicodeScalars.map { .str(String($0)) }, typeName: "str_iterator")
        case .dict(let d): return PyArrayIterator(d.keys, typeName: "dict_keyiterator")
        case .object(let o):
            if let it = try o.iterate(interp: self) { return it }
        default: break
        }
        throw PyException(.typeError, "'\(v.typeName)' object is not iterable")
    }

    /// All elements of an iterable, in order.
    public func iterate(_ v: PyValue) throws -> [PyValue] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .str(let s): return s.unicodeScalars.map { .str(String($0)) }
        case .dict(let d): return d.keys
        default:
            let it = try makeIterator(v)
            var out: [PyValue] = []
            while let x = try it.next(interp: self) {
                try tick()
                out.append(x)
            }
            return out
        }
    }

    /// `len(v)`.
    public func length(_ v: PyValue) throws -> Int {
        switch v {
        case .str(let s): return s.unicodeScalars.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .object(let o):
            if let n = try o.length(interp: self) { return n }
        default: break
        }
        throw PyException(.typeError, "object of type '\(v.typeName)' has no len()")
    }

    /// `item in container`.
    public func contains(_ container: PyValue, _ item: PyValue) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = item else {
                throw PyException(.typeError, "'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return sub.isEmpty || s.contains(sub)
        case .list(let l): return try l.items.contains { try equalsItem($0, item) }
        case .tuple(let t): return try t.contains { try equalsItem($0, item) }
        case .dict(let d): return try d.contains(item)
        case .object(let o):
            if let r = try o.contains(item, interp: self) { return r }
            if let it = try o.iterate(interp: self) {
                while let x = try it.next(interp: self) {
                    if try equalsItem(x, item) { return true }
                }
                return false
            }
        default: break
        }
        throw PyException(.typeError, "argument of type '\(container.typeName)' is not iterable")
    }

    /// Normalises a sequence index, raising IndexError with `what` (`list index out of range`).
    func sequenceIndex(_ key: PyValue, count: Int, kind: String) throws -> Int {
        let i: Int
        switch key {
        case .int(let v): i = v
        case .bool(let b): i = b ? 1 : 0
        case .object(let o) where (try o.toIndex(interp: self)) != nil: i = try o.toIndex(interp: self)!
        default:
            if kind == "string" {
                throw PyException(.typeError, "string indices must be integers, not '\(key.typeName)'")
            }
            throw PyException(.typeError, "\(kind) indices must be integers or slices, not \(key.typeName)")
        }
        let j = i < 0 ? i + count : i
        guard j >= 0 && j < count else { throw PyException(.indexError, "\(kind) index out of range") }
        return j
    }

    func sliceElements<T>(_ items: [T], _ s: PySlice) throws -> [T] {
        let (start, _, step, n) = try s.indices(length: items.count, interp: self)
        if step == 1 { return Array(items[start..<(start + n)]) }
        var out: [T] = []
        out.reserveCapacity(n)
        var i = start
        for _ in 0..<n {
            out.append(items[i])
            i &+= step  // past the last element it may overflow, unused
        }
        return out
    }

    /// `container[key]`.
    public func getItem(_ container: PyValue, _ key: PyValue) throws -> PyValue {
        switch container {
        case .list(let l):
            if case .object(let s as PySlice) = key { return .list(PyList(try sliceElements(l.items, s))) }
            return l.items[try sequenceIndex(key, count: l.items.count, kind: "list")]
        case .tuple(let t):
            if case .object(let s as PySlice) = key { return .tuple(try sliceElements(t, s)) }
            return t[try sequenceIndex(key, count: t.count, kind: "tuple")]
        case .str(let str):
            let chars = Array(str.unicodeScalars)
            if case .object(let s as PySlice) = key {
                return .str(String(String.UnicodeScalarView(try sliceElements(chars, s))))
            }
            return .str(String(chars[try sequenceIndex(key, count: chars.count, kind: "string")]))
        case .dict(let d):
            if let v = try d.get(key) { return v }
            return try missingDictItem(d, key)
        case .object(let o):
            if let v = try o.getItem(key, interp: self) { return v }
            if let c = o as? PyClass, c.isBuiltin { return container }
        default: break
        }
        throw PyException(.typeError, "'\(container.typeName)' object is not subscriptable")
    }

    /// `container[key] = value`.
    public func setItem(_ container: PyValue, _ key: PyValue, _ value: PyValue) throws {
        switch container {
        case .list(let l):
            if case .object(let s as PySlice) = key {
                try assignSlice(l, s, value)
                return
            }
            let i: Int
            if let k = key.asInt {
                i = k
            } else if case .object(let o) = key, let k = try o.toIndex(interp: self) {
                i = k
            } else {
                throw PyException(.typeError, "list indices must be integers or slices, not \(key.typeName)")
            }
            let j = i < 0 ? i + l.items.count : i
            guard j >= 0 && j < l.items.count else { throw PyException(.indexError, "list assignment index out of range") }
            l.items[j] = value
            return
        case .dict(let d):
            try d.set(key, value)
            return
        case .object(let o):
            if try o.setItem(key, value, interp: self) { return }
        default: break
        }
        throw PyException(.typeError, "'\(container.typeName)' object does not support item assignment")
    }

    private func assignSlice(_ l: PyList, _ s: PySlice, _ value: PyValue) throws {
        let newItems = try iterate(value)
        let (start, stop, step, n) = try s.indices(length: l.items.count, interp: self)
        if step == 1 {
            let end = max(start, stop)
            l.items.replaceSubrange(start..<end, with: newItems)
            return
        }
        guard newItems.count == n else {
            throw PyException(.valueError, "attempt to assign sequence of size \(newItems.count) to extended slice of size \(n)")
        }
        var i = start
        for v in newItems {
            l.items[i] = v
            i &+= step
        }
    }

    /// `del container[key]`.
    public func deleteItem(_ container: PyValue, _ key: PyValue) throws {
        switch container {
        case .list(let l):
            if case .object(let s as PySlice) = key {
                let (start, _, step, n) = try s.indices(length: l.items.count, interp: self)
                var drop = Set<Int>()
                var i = start
                for _ in 0..<n {
                    drop.insert(i)
                    i &+= step
                }
                l.items = l.items.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
                return
            }
            let i = try index(key)
            let j = i < 0 ? i + l.items.count : i
            guard j >= 0 && j < l.items.count else { throw PyException(.indexError, "list assignment index out of range") }
            l.items.remove(at: j)
            return
        case .dict(let d):
            if try d.remove(key) == nil { throw PyException.keyError(key) }
            return
        case .object(let o):
            if try o.delItem(key, interp: self) { return }
        default: break
        }
        throw PyException(.typeError, "'\(container.typeName)' object doesn't support item deletion")
    }
}

import Foundation

/// Methods and attributes of list, tuple, dict, set and the number types.
extension Interpreter {
    /// A method or attribute of a builtin value (`[].append`, `(1.5).is_integer`), or nil.
    func builtinMethod(_ value: PyValue, _ name: String) throws -> PyValue? {
        switch value {
        case .str(let s): return strMethod(s, name)
        case .list(let l): return listMethod(l, name)
        case .dict(let d): return dictMethod(d, name)
        case .tuple(let t): return tupleMethod(t, name)
        case .int, .bool:
            let i = value.asInt!
            switch name {
            case "real", "numerator": return .int(i)
            case "imag": return .int(0)
            case "denominator": return .int(1)
            case "bit_length":
                return method(name, value) { _, _ in .int(i == 0 ? 0 : Int.bitWidth - (i.magnitude).leadingZeroBitCount) }
            case "conjugate", "__index__", "__int__":
                return method(name, value) { _, _ in .int(i) }
            case "__float__":
                return method(name, value) { _, _ in .float(Double(i)) }
            case "is_integer":
                return method(name, value) { _, _ in .bool(true) }
            default: return nil
            }
        case .float(let d):
            switch name {
            case "real": return .float(d)
            case "imag": return .float(0)
            case "is_integer": return method(name, value) { _, _ in .bool(d.isFinite && d == d.rounded()) }
            case "conjugate", "__float__": return method(name, value) { _, _ in .float(d) }
            case "__int__":
                return method(name, value) { _, interp in .int(try interp.toInt(.float(d), base: nil)) }
            case "as_integer_ratio":
                return method(name, value) { _, interp in
                    if !d.isFinite { throw PyException(d.isNaN ? .valueError : .overflowError, "cannot convert \(d.isNaN ? "NaN" : "Infinity") to integer ratio") }
                    var num = d, den = 1.0
                    while num != num.rounded() { num *= 2; den *= 2 }
                    guard let n = Int(exactly: num), let m = Int(exactly: den) else { throw interp.overflow() }
                    return .tuple([.int(n), .int(m)])
                }
            default: return nil
            }
        default:
            return nil
        }
    }

    func builtinHasAttribute(_ value: PyValue, _ name: String) -> Bool {
        ((try? builtinMethod(value, name)) ?? nil) != nil
    }

    func listMethod(_ l: PyList, _ name: String) -> PyValue? {
        let receiver = PyValue.list(l)
        switch name {
        case "append":
            return method(name, receiver) { args, _ in
                try Interpreter.expectArgs(args, "append", min: 1, max: 1)
                l.items.append(args.positional[0])
                return .none
            }
        case "extend":
            return method(name, receiver) { args, interp in
                try Interpreter.expectArgs(args, "extend", min: 1, max: 1)
                l.items.append(contentsOf: try interp.iterate(args.positional[0]))
                return .none
            }
        case "pop":
            return method(name, receiver) { args, interp in
                try Interpreter.expectArgs(args, "pop", min: 0, max: 1)
                if l.items.isEmpty { throw PyException(.indexError, "pop from empty list") }
                var i = args.positional.isEmpty ? -1 : try interp.index(args.positional[0])
                if i < 0 { i += l.items.count }
                guard i >= 0 && i < l.items.count else { throw PyException(.indexError, "pop index out of range") }
                return l.items.remove(at: i)
            }
        case "insert":
            return method(name, receiver) { args, interp in
                try Interpreter.expectArgs(args, "insert", min: 2, max: 2)
                var i = try interp.index(args.positional[0])
                if i < 0 { i = Swift.max(0, i + l.items.count) }
                l.items.insert(args.positional[1], at: Swift.min(i, l.items.count))
                return .none
            }
        case "index":
            return method(name, receiver) { args, interp in
                try Interpreter.expectArgs(args, "index", min: 1, max: 3)
                let (start, end) = try interp.bounds(args.positional, from: 1, count: l.items.count)
                if start < end {
                    for i in start..<end where try interp.equalsItem(l.items[i], args.positional[0]) { return .int(i) }
                }
                throw PyException(.valueError, "\(try interp.repr(args.positional[0])) is not in list")
            }
        case "count":
            return method(name, receiver) { args, interp in
                try Interpreter.expectArgs(args, "count", min: 1, max: 1)
                return .int(try l.items.filter { try interp.equalsItem($0, args.positional[0]) }.count)
            }
        case "remove":
            return method(name, receiver) { args, interp in
                try Interpreter.expectArgs(args, "remove", min: 1, max: 1)
                guard let i = try l.items.firstIndex(where: { try interp.equalsItem($0, args.positional[0]) }) else {
                    throw PyException(.valueError, "list.remove(x): x not in list")
                }
                l.items.remove(at: i)
                return .none
            }
        case "sort":
            return method(name, receiver) { args, interp in
                if !args.positional.isEmpty { throw PyException(.typeError, "sort() takes no positional arguments") }
                var key: PyValue = .none
                var reverse = false
                for (k, v) in args.keywords {
                    switch k {
                    case "key": key = v
                    case "reverse": reverse = try interp.isTruthy(v)
                    default: throw PyException(.typeError, "sort() got an unexpected keyword argument '\(k)'")
                    }
                }
                var values = l.items
                try interp.sortValues(&values, key: key, reverse: reverse)
                l.items = values
                return .none
            }
        case "reverse":
            return method(name, receiver) { args, _ in
                try Interpreter.expectArgs(args, "reverse", min: 0, max: 0)
                l.items.reverse()
                return .none
            }
        case "copy":
            return method(name, receiver) { _, _ in .list(PyList(l.items)) }
        case "clear":
            return method(name, receiver) { _, _ in
                l.items.removeAll()
                return .none
            }
        default:
            return nil
        }
    }

    func tupleMethod(_ t: [PyValue], _ name: String) -> PyValue? {
        let receiver = PyValue.tuple(t)
        switch name {
        case "index":
            return method(name, receiver) { args, interp in
                try Interpreter.expectArgs(args, "index", min: 1, max: 3)
                for (i, v) in t.enumerated() where try interp.equalsItem(v, args.positional[0]) { return .int(i) }
                throw PyException(.valueError, "tuple.index(x): x not in tuple")
            }
        case "count":
            return method(name, receiver) { args, interp in
                try Interpreter.expectArgs(args, "count", min: 1, max: 1)
                return .int(try t.filter { try interp.equalsItem($0, args.positional[0]) }.count)
            }
        default:
            return nil
        }
    }

    func dictMethod(_ d: PyDict, _ name: String) -> PyValue? {
        let receiver = PyValue.dict(d)
        if let special = collectionsDictMethod(d, name) { return special }
        switch name {
        case "get":
            return method(name, receiver) { args, _ in
                try Interpreter.expectArgs(args, "get", min: 1, max: 2)
                return try d.get(args.positional[0]) ?? (args.positional.count > 1 ? args.positional[1] : .none)
            }
        case "keys", "values", "items":
            let kind: PyDictView.Kind = name == "keys" ? .keys : (name == "values" ? .values : .items)
            return method(name, receiver) { args, _ in
                try Interpreter.expectArgs(args, name, min: 0, max: 0)
                return .object(PyDictView(d, kind))
            }
        case "pop":
            return method(name, receiver) { args, _ in
                try Interpreter.expectArgs(args, "pop", min: 1, max: 2)
                if let v = try d.remove(args.positional[0]) { return v }
                if args.positional.count > 1 { return args.positional[1] }
                throw PyException.keyError(args.positional[0])
            }
        case "popitem":
            return method(name, receiver) { _, _ in
                guard let (k, v) = d.popLast() else { throw PyException(.keyError, "popitem(): dictionary is empty") }
                return .tuple([k, v])
            }
        case "update":
            return method(name, receiver) { args, interp in
                try Interpreter.expectArgs(args, "update", min: 0, max: 1, keywords: true)
                if let first = args.positional.first { try interp.updateDict(d, from: first) }
                for (k, v) in args.keywords { try d.set(.str(k), v) }
                return .none
            }
        case "setdefault":
            return method(name, receiver) { args, _ in
                try Interpreter.expectArgs(args, "setdefault", min: 1, max: 2)
                if let v = try d.get(args.positional[0]) { return v }
                let v = args.positional.count > 1 ? args.positional[1] : .none
                try d.set(args.positional[0], v)
                return v
            }
        case "copy":
            return method(name, receiver) { _, _ in .dict(d.copy()) }
        case "clear":
            return method(name, receiver) { _, _ in
                d.removeAll()
                return .none
            }
        default:
            return nil
        }
    }

    func setMethod(_ s: PySet, _ name: String) throws -> PyValue? {
        let receiver = PyValue.object(s)
        func other(_ args: PyArgs, _ interp: Interpreter) throws -> [PyValue] {
            var out: [PyValue] = []
            for a in args.positional { out.append(contentsOf: try interp.iterate(a)) }
            return out
        }
        switch name {
        case "add":
            return method(name, receiver) { args, _ in
                try Interpreter.expectArgs(args, "add", min: 1, max: 1)
                try s.add(args.positional[0])
                return .none
            }
        case "remove", "discard":
            return method(name, receiver) { args, _ in
                try Interpreter.expectArgs(args, name, min: 1, max: 1)
                if try s.storage.remove(args.positional[0]) == nil && name == "remove" {
                    throw PyException.keyError(args.positional[0])
                }
                return .none
            }
        case "pop":
            return method(name, receiver) { _, _ in
                guard let first = s.elements.first else { throw PyException(.keyError, "pop from an empty set") }
                try s.storage.remove(first)
                return first
            }
        case "clear":
            return method(name, receiver) { _, _ in
                s.storage.removeAll()
                return .none
            }
        case "copy":
            return method(name, receiver) { _, _ in .object(PySet(storage: s.storage.copy())) }
        case "update":
            return method(name, receiver) { args, interp in
                for v in try other(args, interp) { try s.add(v) }
                return .none
            }
        case "union", "intersection", "difference", "symmetric_difference":
            return method(name, receiver) { args, interp in
                let o = PySet()
                for v in try other(args, interp) { try o.add(v) }
                let op: PyBinaryOp = name == "union" ? .or : (name == "intersection" ? .and : (name == "difference" ? .sub : .xor))
                return try s.binaryOp(op, .object(o), reflected: false, interp: interp) ?? .none
            }
        case "issubset", "issuperset", "isdisjoint":
            return method(name, receiver) { args, interp in
                let o = PySet()
                for v in try other(args, interp) { try o.add(v) }
                switch name {
                case "issubset": return .bool(try s.elements.allSatisfy { try o.storage.contains($0) })
                case "issuperset": return .bool(try o.elements.allSatisfy { try s.storage.contains($0) })
                default: return .bool(try !s.elements.contains { try o.storage.contains($0) })
                }
            }
        default:
            return nil
        }
    }
}

/// `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict.
final class PyDictView: PyObject {
    enum Kind {
        case keys, values, items
    }

    let dict: PyDict
    let kind: Kind

    init(_ dict: PyDict, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }

    override var typeName: String {
        switch kind {
        case .keys: return "dict_keys"
        case .values: return "dict_values"
        case .items: return "dict_items"
        }
    }

    var elements: [PyValue] {
        switch kind {
        case .keys: return dict.keys
        case .values: return dict.values
        case .items: return dict.items.map { .tuple([$0.key, $0.value]) }
        }
    }

    override func length(interp: Interpreter) throws -> Int? { dict.count }

    override func iterate(interp: Interpreter) throws -> PyIterator? {
        PyArrayIterator(elements, typeName: typeName.replacingOccurrences(of: "dict_", with: "dict_") + "iterator")
    }

    override func contains(_ value: PyValue, interp: Interpreter) throws -> Bool? {
        if kind == .keys { return try dict.contains(value) }
        return try elements.contains { try interp.equalsItem($0, value) }
    }

    override func repr(interp: Interpreter) throws -> String? {
        "\(typeName)(\(try interp.repr(.list(PyList(elements)))))"
    }

    override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        guard op == .eq || op == .ne, kind != .values, case .object(let o as PyDictView) = other, o.kind == kind else { return nil }
        let a = elements, b = o.elements
        var same = a.count == b.count
        if same {
            for x in a where !(try b.contains { try interp.equalsItem($0, x) }) {
                same = false
                break
            }
        }
        return .bool(op == .eq ? same : !same)
    }
}

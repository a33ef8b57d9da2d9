import Foundation

/// Calling builtin types: `int(x)`, `float(s)`, `str(x)`, `list(it)`, `dict(...)`, `type(x)`, `range(...)`.
extension Interpreter {
    func constructBuiltin(_ cls: PyClass, _ args: PyArgs) throws -> PyValue {
        if cls.isExceptionClass {
            let inst = PyInstance(cls: cls)
            if !args.keywords.isEmpty {
                throw PyException(.typeError, "\(cls.name)() takes no keyword arguments")
            }
            inst.exceptionArgs = args.positional
            return .object(inst)
        }
        let p = args.positional
        switch cls.kind {
        case .bool:
            try Interpreter.expectArgs(args, "bool", min: 0, max: 1)
            return .bool(p.isEmpty ? false : try isTruthy(p[0]))
        case .int:
            let b = try args.bind(PySignature.cached("int(x=0, /, base=10)"))
            return .int(try toInt(b[0], base: args.positional.count > 1 || args.keyword("base") != nil ? b[1] : nil))
        case .float:
            try Interpreter.expectArgs(args, "float", min: 0, max: 1)
            return .float(p.isEmpty ? 0 : try toFloatValue(p[0]))
        case .str:
            if !args.keywords.isEmpty || p.count > 1 { throw UnsupportedFeature("str() with encoding", line: currentLine) }
            return .str(p.isEmpty ? "" : try str(p[0]))
        case .list:
            try Interpreter.expectArgs(args, "list", min: 0, max: 1)
            return .list(PyList(p.isEmpty ? [] : try iterate(p[0])))
        case .tuple:
            try Interpreter.expectArgs(args, "tuple", min: 0, max: 1)
            if case .tuple = p.first { return p[0] }
            return .tuple(p.isEmpty ? [] : try iterate(p[0]))
        case .set:
            try Interpreter.expectArgs(args, "set", min: 0, max: 1)
            let s = PySet()
            if let first = p.first { for v in try iterate(first) { try s.add(v) } }
            return .object(s)
        case .dict:
            if p.count > 1 { throw PyException(.typeError, "dict expected at most 1 argument, got \(p.count)") }
            let d = PyDict()
            if let first = p.first { try updateDict(d, from: first) }
            for (k, v) in args.keywords { try d.set(.str(k), v) }
            return .dict(d)
        case .range:
            try Interpreter.expectArgs(args, "range", min: 1, max: 3)
            let ints = try p.map { try index($0) }
            switch ints.count {
            case 1: return .object(PyRange(start: 0, stop: ints[0], step: 1))
            case 2: return .object(PyRange(start: ints[0], stop: ints[1], step: 1))
            default:
                if ints[2] == 0 { throw PyException(.valueError, "range() arg 3 must not be zero") }
                return .object(PyRange(start: ints[0], stop: ints[1], step: ints[2]))
            }
        case .type:
            if p.count == 1 && args.keywords.isEmpty { return .object(typeObject(of: p[0])) }
            throw UnsupportedFeature("type() with 3 arguments", line: currentLine)
        case .object:
            if cls === PyClass.object {
                if !p.isEmpty || !args.keywords.isEmpty { throw PyException(.typeError, "object() takes no arguments") }
                return .object(PyInstance(cls: .object))
            }
        case .none:
            return .none
        default:
            break
        }
        throw PyException(.typeError, "cannot create '\(cls.name)' instances")
    }

    /// `dict.update` / `dict(x)`: from a dict or an iterable of pairs.
    func updateDict(_ d: PyDict, from source: PyValue) throws {
        if case .dict(let other) = source {
            for (k, v) in other.items { try d.set(k, v) }
            return
        }
        if case .object(let o) = source, let keys = try getAttributeIfPresent(source, "keys"), !(o is PyIterator) {
            for k in try iterate(try call(keys, [])) { try d.set(k, try getItem(source, k)) }
            return
        }
        var i = 0
        for item in try iterate(source) {
            let pair: [PyValue]
            do {
                pair = try unpackValues(item)
            } catch let e as PyException where e.matches(.typeError) {
                throw PyException(.typeError, "cannot convert dictionary update sequence element #\(i) to a sequence")
            }
            guard pair.count == 2 else {
                throw PyException(.valueError, "dictionary update sequence element #\(i) has length \(pair.count); 2 is required")
            }
            try d.set(pair[0], pair[1])
            i += 1
        }
    }

    /// `int(v)` / `int(s, base)`.
    func toInt(_ v: PyValue, base: PyValue?) throws -> Int {
        if let base {
            guard case .str(let s) = v else {
                throw PyException(.typeError, "int() can't convert non-string with explicit base")
            }
            let b = try index(base)
            guard b == 0 || (2...36).contains(b) else {
                throw PyException(.valueError, "int() base must be >= 2 and <= 36, or 0")
            }
            return try parseInt(s, base: b)
        }
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .float(let d):
            if d.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
            if d.isInfinite { throw PyException(.overflowError, "cannot convert float infinity to integer") }
            guard let i = Int(exactly: d.rounded(.towardZero)) else { throw overflow() }
            return i
        case .str(let s): return try parseInt(s, base: 10)
        case .object(let o):
            if let i = try o.toInt(interp: self) { return i }
            if let i = try o.toIndex(interp: self) { return i }
        default: break
        }
        throw PyException(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
    }

    func parseInt(_ s: String, base: Int) throws -> Int {
        let invalid = PyException(.valueError, "invalid literal for int() with base \(base): \(Interpreter.quote(s))")
        var t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        var negative = false
        if t.hasPrefix("-") { negative = true; t.removeFirst() } else if t.hasPrefix("+") { t.removeFirst() }
        var b = base
        let lower = t.lowercased()
        if (b == 16 || b == 0) && lower.hasPrefix("0x") { t.removeFirst(2); b = 16 }
        else if (b == 8 || b == 0) && lower.hasPrefix("0o") { t.removeFirst(2); b = 8 }
        else if (b == 2 || b == 0) && lower.hasPrefix("0b") { t.removeFirst(2); b = 2 }
        if b == 0 { b = 10 }
        if t.isEmpty || t.hasPrefix("_") || t.hasSuffix("_") || t.contains("__") { throw invalid }
        t = t.replacingOccurrences(of: "_", with: "")
        guard let magnitude = Int(t, radix: b) else {
            if t.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) && Int(t.prefix(1), radix: b) != nil
                && t.allSatisfy({ Int(String($0), radix: b) != nil }) {
                throw overflow()
            }
            throw invalid
        }
        return negative ? -magnitude : magnitude
    }

    /// `float(v)`.
    func toFloatValue(_ v: PyValue) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .str(let s):
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            switch t {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default: break
            }
            let cleaned = t.replacingOccurrences(of: "_", with: "")
            let valid = !t.hasPrefix("_") && !t.hasSuffix("_") && !t.contains("__") && !t.contains("0x")
                && cleaned.allSatisfy { "0123456789.e+-".contains($0) }
            if valid, let d = Double(cleaned) { return d }
            throw PyException(.valueError, "could not convert string to float: \(Interpreter.quote(s))")
        case .object(let o):
            if let d = try o.toFloat(interp: self) { return d }
            if let i = try o.toIndex(interp: self) { return Double(i) }
        default: break
        }
        throw PyException(.typeError, "float() argument must be a string or a real number, not '\(v.typeName)'")
    }

    /// Attributes of builtin classes: unbound methods (`str.join`), `object.__setattr__`, `dict.fromkeys`.
    func builtinClassAttribute(_ cls: PyClass, _ name: String) throws -> PyValue? {
        if cls.kind == .object || cls.kind == .baseException {
            switch name {
            case "__init__", "__setattr__", "__getattribute__", "__repr__", "__str__", "__eq__", "__hash__":
                return .object(PyBuiltinFunction(name: name) { args, interp in
                    guard let receiver = args.positional.first else {
                        throw PyException(.typeError, "descriptor '\(name)' of '\(cls.name)' object needs an argument")
                    }
                    guard let m = try interp.objectMethod(receiver, name) else { return .none }
                    return try interp.call(m, PyArgs(Array(args.positional.dropFirst()), keywords: args.keywords))
                })
            case "__new__":
                return .object(PyBuiltinFunction(name: "__new__") { args, _ in
                    guard case .object(let c as PyClass)? = args.positional.first else {
                        throw PyException(.typeError, "object.__new__(X): X is not a type object")
                    }
                    let inst = PyInstance(cls: c)
                    if c.isExceptionClass { inst.exceptionArgs = Array(args.positional.dropFirst()) }
                    return .object(inst)
                })
            default:
                return nil
            }
        }
        if cls.kind == .str && name == "maketrans" {
            return .object(PyBuiltinFunction(name: "maketrans") { args, interp in try interp.strMaketrans(args) })
        }
        if cls.kind == .dict && name == "fromkeys" {
            return .object(PyBuiltinFunction(name: "fromkeys") { args, interp in
                try Interpreter.expectArgs(args, "fromkeys", min: 1, max: 2)
                let d = PyDict()
                let value = args.positional.count > 1 ? args.positional[1] : .none
                for k in try interp.iterate(args.positional[0]) { try d.set(k, value) }
                return .dict(d)
            })
        }
        let sample: PyValue?
        switch cls.kind {
        case .str: sample = .str("")
        case .list: sample = .list(PyList())
        case .dict: sample = .dict(PyDict())
        case .tuple: sample = .tuple([])
        case .int: sample = .int(0)
        case .float: sample = .float(0)
        default: sample = nil
        }
        guard let sample, builtinHasAttribute(sample, name) else { return nil }
        return .object(PyBuiltinFunction(name: name) { args, interp in
            guard let receiver = args.positional.first else {
                throw PyException(.typeError, "unbound method \(cls.name).\(name)() needs an argument")
            }
            guard let m = try interp.builtinMethod(receiver, name) else {
                throw PyException(.typeError, "descriptor '\(name)' for '\(cls.name)' objects doesn't apply to a '\(receiver.typeName)' object")
            }
            return try interp.call(m, PyArgs(Array(args.positional.dropFirst()), keywords: args.keywords))
        })
    }
}

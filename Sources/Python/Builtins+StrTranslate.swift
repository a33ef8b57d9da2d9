/// `str.maketrans` and `str.translate`, as CPython checks and applies translation tables.
extension Interpreter {
    /// `str.maketrans(x[, y[, z]])`: a dict from code points to code points, strings or None.
    func strMaketrans(_ args: PyArgs) throws -> PyValue {
        if !args.keywords.isEmpty { throw PyException(.typeError, "maketrans() takes no keyword arguments") }
        let p = args.positional
        if p.isEmpty { throw PyException(.typeError, "maketrans expected at least 1 argument, got 0") }
        if p.count > 3 { throw PyException(.typeError, "maketrans expected at most 3 arguments, got \(p.count)") }
        let table = PyDict()
        if p.count == 1 {
            guard case .dict(let d) = p[0] else {
                throw PyException(.typeError, "if you give only one argument to maketrans it must be a dict")
            }
            for (k, v) in d.items {
                switch k {
                case .str(let s):
                    let u = Array(s.unicodeScalars)
                    guard u.count == 1 else { throw PyException(.valueError, "string keys in translate table must be of length 1") }
                    try table.set(.int(Int(u[0].value)), v)
                case .int, .bool: try table.set(.int(try index(k)), v)
                default: throw PyException(.typeError, "keys in translate table must be strings or integers")
                }
            }
            return .dict(table)
        }
        guard case .str(let from) = p[0] else {
            throw PyException(.typeError, "first maketrans argument must be a string if there is a second argument")
        }
        guard case .str(let to) = p[1] else { throw PyException(.typeError, "maketrans() argument 2 must be str, not \(p[1].typeName)") }
        var deleted = ""
        if p.count == 3 {
            guard case .str(let z) = p[2] else { throw PyException(.typeError, "maketrans() argument 3 must be str, not \(p[2].typeName)") }
            deleted = z
        }
        let a = Array(from.unicodeScalars), b = Array(to.unicodeScalars)
        guard a.count == b.count else { throw PyException(.valueError, "the first two maketrans arguments must have equal length") }
        for (x, y) in zip(a, b) { try table.set(.int(Int(x.value)), .int(Int(y.value))) }
        for z in deleted.unicodeScalars { try table.set(.int(Int(z.value)), .none) }
        return .dict(table)
    }

    /// `s.translate(table)`: each character looked up by code point; missing ones stay.
    func strTranslate(_ s: String, _ args: PyArgs) throws -> PyValue {
        try Interpreter.expectArgs(args, "translate", min: 1, max: 1)
        let table = args.positional[0]
        var out = String.UnicodeScalarView()
        var length = 0
        for u in s.unicodeScalars {
            let mapped: PyValue
            do {
                mapped = try getItem(table, .int(Int(u.value)))
            } catch let e as PyException where e.cls.isSubclass(of: .lookupError) {
                out.append(u)
                length += 1
                continue
            }
            switch mapped {
            case .none: continue
            case .str(let r):
                let added = Array(r.unicodeScalars)
                length += added.count
                try checkLength(length)
                out.append(contentsOf: added)
            case .int, .bool:
                let code = try index(mapped)
                guard code >= 0, code < 0x110000 else { throw PyException(.valueError, "character mapping must be in range(0x110000)") }
                // Surrogate code points cannot be held in a Swift string; they print as U+FFFD.
                out.append(Unicode.Scalar(UInt32(code)) ?? "\u{FFFD}")
                length += 1
            default: throw PyException(.typeError, "character mapping must return integer, None or str")
            }
        }
        return .str(String(out))
    }
}

import Foundation

/// The `builtins` module: functions, types and constants available without import.
extension Interpreter {
    func defineBuiltin(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
        builtins.set(name, .object(PyBuiltinFunction(name: name, body)))
    }

    func installBuiltins() {
        for cls in PyClass.builtinExceptions { builtins.set(cls.name, .object(cls)) }
        for cls in [PyClass.object, .type, .int, .float, .bool, .str, .list, .tuple, .dict, .set, .range] {
            builtins.set(cls.name, .object(cls))
        }
        builtins.set("NotImplemented", .notImplemented)
        builtins.set("Ellipsis", .object(PyEllipsisType.shared))
        builtins.set("__debug__", .bool(true))
        installCoreBuiltins()
        installIterationBuiltins()
        for name in ["open", "input", "eval", "exec", "compile", "globals", "locals", "breakpoint", "exit", "quit",
                     "__import__", "memoryview", "bytearray", "bytes", "complex", "frozenset", "help", "aiter", "anext"] {
            defineBuiltin(name) { _, interp in throw UnsupportedFeature("builtin '\(name)'", line: interp.currentLine) }
        }
    }

    /// Checks a builtin's positional argument count with CPython's wording.
    static func expectArgs(_ args: PyArgs, _ name: String, min: Int, max: Int, keywords: Bool = false) throws {
        if !keywords, !args.keywords.isEmpty {
            throw PyException(.typeError, "\(name)() takes no keyword arguments")
        }
        let n = args.positional.count
        if min == max && n != min {
            if min == 1 { throw PyException(.typeError, "\(name)() takes exactly one argument (\(n) given)") }
            throw PyException(.typeError, "\(name) expected \(min) argument\(min == 1 ? "" : "s"), got \(n)")
        }
        if n < min { throw PyException(.typeError, "\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(n)") }
        if n > max { throw PyException(.typeError, "\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(n)") }
    }

    /// A real number as a Double: ints, bools, floats and objects with `__float__`.
    public func toDouble(_ v: PyValue) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let d = try o.toFloat(interp: self) { return d }
        default: break
        }
        throw PyException(.typeError, "must be real number, not \(v.typeName)")
    }

    private func installCoreBuiltins() {
        defineBuiltin("print") { args, interp in
            var sep = " "
            var end = "\n"
            var file: PyValue?
            for (k, v) in args.keywords {
                switch k {
                case "sep":
                    if case .str(let s) = v { sep = s } else if !v.isNone {
                        throw PyException(.typeError, "sep must be None or a string, not \(v.typeName)")
                    }
                case "end":
                    if case .str(let s) = v { end = s } else if !v.isNone {
                        throw PyException(.typeError, "end must be None or a string, not \(v.typeName)")
                    }
                case "flush": break
                case "file":
                    if !v.isNone { file = v }
                default:
                    throw PyException(.typeError, "'\(k)' is an invalid keyword argument for print()")
                }
            }
            if let file, !(file.asObject is PyTextStream) {
                let write = try interp.getAttribute(file, "write")
                for (i, a) in args.positional.enumerated() {
                    if i > 0 { _ = try interp.call(write, [.str(sep)]) }
                    _ = try interp.call(write, [.str(try interp.str(a))])
                }
                _ = try interp.call(write, [.str(end)])
                return .none
            }
            var text = ""
            for (i, a) in args.positional.enumerated() {
                if i > 0 { text += sep }
                text += try interp.str(a)
            }
            if case .object(let stream as PyTextStream)? = file {
                stream.write(text + end, interp)
            } else {
                interp.write(text + end)
            }
            return .none
        }
        defineBuiltin("len") { args, interp in
            try Interpreter.expectArgs(args, "len", min: 1, max: 1)
            return .int(try interp.length(args.positional[0]))
        }
        defineBuiltin("repr") { args, interp in
            try Interpreter.expectArgs(args, "repr", min: 1, max: 1)
            return .str(try interp.repr(args.positional[0]))
        }
        defineBuiltin("ascii") { args, interp in
            try Interpreter.expectArgs(args, "ascii", min: 1, max: 1)
            return .str(Interpreter.asciiEscaped(try interp.repr(args.positional[0])))
        }
        defineBuiltin("abs") { args, interp in
            try Interpreter.expectArgs(args, "abs", min: 1, max: 1)
            let v = args.positional[0]
            switch v {
            case .int(let i):
                if i == Int.min { throw interp.overflow() }
                return .int(Swift.abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(Swift.abs(d))
            case .object:
                if let m = try interp.getAttributeIfPresent(v, "__abs__") { return try interp.call(m, []) }
            default: break
            }
            throw PyException(.typeError, "bad operand type for abs(): '\(v.typeName)'")
        }
        defineBuiltin("round") { args, interp in
            let b = try args.bind(PySignature.cached("round(number, ndigits=None)"))
            return try interp.round(b[0], b[1])
        }
        defineBuiltin("divmod") { args, interp in
            try Interpreter.expectArgs(args, "divmod", min: 2, max: 2)
            let (a, b) = (args.positional[0], args.positional[1])
            if let x = a.asInt, let y = b.asInt, !(a.typeName == "float" || b.typeName == "float") {
                if y == 0 { throw PyException(.zeroDivisionError, "integer division or modulo by zero") }
                return .tuple([try interp.intOp(.floordiv, x, y), try interp.intOp(.mod, x, y)])
            }
            if let x = a.asDouble, let y = b.asDouble {
                if y == 0 { throw PyException(.zeroDivisionError, "float divmod()") }
                let (q, r) = Interpreter.floatDivmod(x, y)
                return .tuple([.float(q), .float(r)])
            }
            throw PyException(.typeError, "unsupported operand type(s) for divmod(): '\(a.typeName)' and '\(b.typeName)'")
        }
        defineBuiltin("pow") { args, interp in
            let b = try args.bind(PySignature.cached("pow(base, exp, mod=None)"))
            if !b[2].isNone {
                guard let x = b[0].asInt, let e = b[1].asInt, let m = b[2].asInt else {
                    throw PyException(.typeError, "pow() 3rd argument not allowed unless all arguments are integers")
                }
                if m == 0 { throw PyException(.valueError, "pow() 3rd argument cannot be 0") }
                if e < 0 { throw UnsupportedFeature("pow() with negative exponent and modulus", line: interp.currentLine) }
                // Residues modulo |m| as UInt (|Int.min| fits); a product of two is below |m|², so
                // its high word is below |m| and the full-width division cannot overflow.
                let modulus = m.magnitude
                func product(_ a: UInt, _ b: UInt) -> UInt {
                    modulus.dividingFullWidth(a.multipliedFullWidth(by: b)).remainder
                }
                var result: UInt = 1 % modulus, exp = e
                var base = x >= 0 ? x.magnitude % modulus : (modulus - x.magnitude % modulus) % modulus
                while exp > 0 {
                    if exp & 1 == 1 { result = product(result, base) }
                    base = product(base, base)
                    exp >>= 1
                }
                // Python's result takes the modulus's sign: in [0, m) or (m, 0].
                if m < 0 && result != 0 { return .int(-Int(modulus - result)) }
                return .int(Int(result))
            }
            return try interp.binaryOp(.pow, b[0], b[1])
        }
        defineBuiltin("isinstance") { args, interp in
            try Interpreter.expectArgs(args, "isinstance", min: 2, max: 2)
            return .bool(try interp.isInstance(args.positional[0], args.positional[1]))
        }
        defineBuiltin("issubclass") { args, interp in
            try Interpreter.expectArgs(args, "issubclass", min: 2, max: 2)
            return .bool(try interp.isSubclass(args.positional[0], args.positional[1]))
        }
        defineBuiltin("hasattr") { args, interp in
            try Interpreter.expectArgs(args, "hasattr", min: 2, max: 2)
            guard case .str(let n) = args.positional[1] else {
                throw PyException(.typeError, "attribute name must be string, not '\(args.positional[1].typeName)'")
            }
            do {
                return .bool(try interp.getAttributeIfPresent(args.positional[0], n) != nil)
            } catch let e as PyException where e.matches(.attributeError) {
                return .bool(false)
            }
        }
        defineBuiltin("getattr") { args, interp in
            try Interpreter.expectArgs(args, "getattr", min: 2, max: 3)
            guard case .str(let n) = args.positional[1] else {
                throw PyException(.typeError, "attribute name must be string, not '\(args.positional[1].typeName)'")
            }
            if args.positional.count == 3 {
                do {
                    return try interp.getAttributeIfPresent(args.positional[0], n) ?? args.positional[2]
                } catch let e as PyException where e.matches(.attributeError) {
                    return args.positional[2]
                }
            }
            return try interp.getAttribute(args.positional[0], n)
        }
        defineBuiltin("setattr") { args, interp in
            try Interpreter.expectArgs(args, "setattr", min: 3, max: 3)
            guard case .str(let n) = args.positional[1] else {
                throw PyException(.typeError, "attribute name must be string, not '\(args.positional[1].typeName)'")
            }
            try interp.setAttribute(args.positional[0], n, args.positional[2])
            return .none
        }
        defineBuiltin("delattr") { args, interp in
            try Interpreter.expectArgs(args, "delattr", min: 2, max: 2)
            guard case .str(let n) = args.positional[1] else {
                throw PyException(.typeError, "attribute name must be string, not '\(args.positional[1].typeName)'")
            }
            try interp.deleteAttribute(args.positional[0], n)
            return .none
        }
        defineBuiltin("id") { args, interp in
            try Interpreter.expectArgs(args, "id", min: 1, max: 1)
            return .int(interp.identity(args.positional[0]))
        }
        defineBuiltin("hash") { args, interp in
            try Interpreter.expectArgs(args, "hash", min: 1, max: 1)
            return .int(try interp.hash(args.positional[0]))
        }
        defineBuiltin("chr") { args, _ in
            try Interpreter.expectArgs(args, "chr", min: 1, max: 1)
            guard let i = args.positional[0].asInt else {
                throw PyException(.typeError, "'\(args.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            guard i >= 0, i < 0x110000, let u = Unicode.Scalar(UInt32(i)) else {
                throw PyException(.valueError, "chr() arg not in range(0x110000)")
            }
            return .str(String(Character(u)))
        }
        defineBuiltin("ord") { args, _ in
            try Interpreter.expectArgs(args, "ord", min: 1, max: 1)
            guard case .str(let s) = args.positional[0] else {
                throw PyException(.typeError, "ord() expected string of length 1, but \(args.positional[0].typeName) found")
            }
            let scalars = Array(s.unicodeScalars)
            guard scalars.count == 1 else {
                throw PyException(.typeError, "ord() expected a character, but string of length \(scalars.count) found")
            }
            return .int(Int(scalars[0].value))
        }
        defineBuiltin("format") { args, interp in
            try Interpreter.expectArgs(args, "format", min: 1, max: 2)
            var spec = ""
            if args.positional.count == 2 {
                guard case .str(let s) = args.positional[1] else {
                    throw PyException(.typeError, "format() argument 2 must be str, not \(args.positional[1].typeName)")
                }
                spec = s
            }
            return .str(try interp.format(args.positional[0], spec: spec))
        }
        defineBuiltin("callable") { args, interp in
            try Interpreter.expectArgs(args, "callable", min: 1, max: 1)
            return .bool(try interp.isCallable(args.positional[0]))
        }
        defineBuiltin("super") { args, interp in
            guard args.positional.count == 2 else {
                throw PyException(.runtimeError, "super(): no arguments")
            }
            guard case .object(let cls as PyClass) = args.positional[0] else {
                throw PyException(.typeError, "super() argument 1 must be a type, not \(args.positional[0].typeName)")
            }
            return .object(PySuper(startClass: cls, receiver: args.positional[1]))
        }
        defineBuiltin("staticmethod") { args, _ in
            try Interpreter.expectArgs(args, "staticmethod", min: 1, max: 1)
            return .object(PyStaticMethod(args.positional[0]))
        }
        defineBuiltin("classmethod") { args, _ in
            try Interpreter.expectArgs(args, "classmethod", min: 1, max: 1)
            return .object(PyClassMethod(args.positional[0]))
        }
        defineBuiltin("property") { args, _ in
            let b = try args.bind(PySignature.cached("property(fget=None, fset=None, fdel=None, doc=None)"))
            return .object(PyProperty(getter: b[0], setter: b[1], deleter: b[2]))
        }
        for (name, radix, prefix) in [("bin", 2, "0b"), ("oct", 8, "0o"), ("hex", 16, "0x")] {
            defineBuiltin(name) { args, interp in
                try Interpreter.expectArgs(args, name, min: 1, max: 1)
                let i = try interp.index(args.positional[0])
                let digits = String(i.magnitude, radix: radix)
                return .str((i < 0 ? "-" : "") + prefix + digits)
            }
        }
        defineBuiltin("slice") { args, _ in
            try Interpreter.expectArgs(args, "slice", min: 1, max: 3)
            let p = args.positional
            if p.count == 1 { return .object(PySlice(start: .none, stop: p[0], step: .none)) }
            return .object(PySlice(start: p[0], stop: p[1], step: p.count > 2 ? p[2] : .none))
        }
        defineBuiltin("dir") { args, interp in
            try Interpreter.expectArgs(args, "dir", min: 0, max: 1)
            if args.positional.isEmpty { return .list(PyList(interp.scopeNames().map { .str($0) })) }
            guard let names = interp.dirNames(args.positional[0]) else {
                throw UnsupportedFeature("dir() of \(args.positional[0].typeName) objects", line: interp.currentLine)
            }
            return .list(PyList(names.map { .str($0) }))
        }
        defineBuiltin("vars") { args, interp in
            try Interpreter.expectArgs(args, "vars", min: 1, max: 1)
            return try interp.getAttribute(args.positional[0], "__dict__")
        }
    }

    /// `round(number, ndigits)` with round-half-even on the exact binary value, as CPython.
    func round(_ v: PyValue, _ ndigits: PyValue) throws -> PyValue {
        switch v {
        case .int(let x):
            if ndigits.isNone { return .int(x) }
            let n = try index(ndigits)
            if n >= 0 { return .int(x) }
            // 10**19 is past Int.max: at -19 only |x| > 5 * 10**18 rounds away from 0 (to ±10**19).
            if n < -19 { return .int(0) }
            if n == -19 {
                if x.magnitude > 5_000_000_000_000_000_000 { throw overflow() }
                return .int(0)
            }
            let p = try intPow(10, -n)
            let q = Interpreter.floorDiv(x, p)
            let r = Interpreter.floorMod(x, p)  // 0 ≤ r < p ≤ 10**18: r * 2 cannot overflow
            let up = r * 2 > p || (r * 2 == p && q % 2 != 0)
            let (rounded, over) = (up ? q + 1 : q).multipliedReportingOverflow(by: p)
            if over { throw overflow() }
            return .int(rounded)
        case .bool(let b):
            return .int(b ? 1 : 0)
        case .float(let d):
            if ndigits.isNone {
                if d.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
                if d.isInfinite { throw PyException(.overflowError, "cannot convert float infinity to integer") }
                let r = d.rounded(.toNearestOrEven)
                guard let i = Int(exactly: r) else { throw overflow() }
                return .int(i)
            }
            let n = try index(ndigits)
            if !d.isFinite || d == 0 { return .float(d) }
            if n > 300 { return .float(d) }
            if n < -308 { return .float(d.sign == .minus ? -0.0 : 0.0) }  // |d| < 10**308 / 2
            if n >= 0 {
                let text = String(format: "%.\(n)f", d)
                return .float(Double(text) ?? d)
            }
            let p = Foundation.pow(10.0, Double(-n))
            let y = (d / p).rounded(.toNearestOrEven) * p
            return .float(y.isFinite ? y : d)
        case .object:
            if let m = try getAttributeIfPresent(v, "__round__") {
                return try call(m, ndigits.isNone ? [] : [ndigits])
            }
        default: break
        }
        throw PyException(.typeError, "type \(v.typeName) doesn't define __round__ method")
    }

    /// A stable identity number for `id()`.
    func identity(_ v: PyValue) -> Int {
        switch v {
        case .object(let o): return Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o).hashValue))
        case .list(let l): return ObjectIdentifier(l).hashValue
        case .dict(let d): return ObjectIdentifier(d).hashValue
        default: return (try? hash(v)) ?? 0
        }
    }

    /// `callable(v)`.
    func isCallable(_ v: PyValue) throws -> Bool {
        guard case .object(let o) = v else { return false }
        switch o {
        case is PyFunction, is PyBuiltinFunction, is PyBoundMethod, is PyClass, is NativeClass, is PyStaticMethod:
            return true
        case let inst as PyInstance:
            return try lookupDunder(inst, "__call__") != nil
        default:
            return o.isCallable
        }
    }
}

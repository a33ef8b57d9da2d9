import PyFormat

/// printf-style string formatting (`"%.3f" % x`), parsed and padded as CPython's
/// `PyUnicode_Format`, with its 3.11 messages.
extension Interpreter {
    /// One `%` conversion: flags, width, precision and the conversion character.
    private struct Conversion {
        var leftJustify = false, sign = false, blank = false, alternate = false, zero = false
        var width = -1
        var precision = -1
        var type: Character = "s"
    }

    func percentFormat(_ format: String, _ arg: PyValue) throws -> String {
        let positional: [PyValue]?
        switch arg {
        case .tuple(let t): positional = t
        case .object(let n as PyNamedTuple): positional = n.values
        default: positional = nil
        }
        var mapping: PyValue?
        if positional == nil && isMapping(arg) { mapping = arg }
        var argumentIndex = 0
        var usedSingle = false
        var usedKey = false
        func nextArgument() throws -> PyValue {
            if let positional {
                guard argumentIndex < positional.count else { throw PyException(.typeError, "not enough arguments for format string") }
                defer { argumentIndex += 1 }
                return positional[argumentIndex]
            }
            guard !usedSingle else { throw PyException(.typeError, "not enough arguments for format string") }
            usedSingle = true
            return arg
        }
        let chars = Array(format.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < chars.count {
            let c = chars[i]
            i += 1
            guard c == "%" else {
                out.append(c)
                continue
            }
            guard i < chars.count else { throw PyException(.valueError, "incomplete format") }
            if chars[i] == "%" {
                out.append("%")
                i += 1
                continue
            }
            var conversion = Conversion()
            var keyed: PyValue?
            if chars[i] == "(" {
                guard let mapping else { throw PyException(.typeError, "format requires a mapping") }
                var depth = 1
                let start = i + 1
                i += 1
                while i < chars.count && depth > 0 {
                    if chars[i] == ")" { depth -= 1 } else if chars[i] == "(" { depth += 1 }
                    i += 1
                }
                if depth > 0 { throw PyException(.valueError, "incomplete format key") }
                let key = String(String.UnicodeScalarView(chars[start..<(i - 1)]))
                keyed = try getItem(mapping, .str(key))
                usedKey = true
            }
            flags: while i < chars.count {
                switch chars[i] {
                case "-": conversion.leftJustify = true
                case "+": conversion.sign = true
                case " ": conversion.blank = true
                case "#": conversion.alternate = true
                case "0": conversion.zero = true
                default: break flags
                }
                i += 1
            }
            if i < chars.count && chars[i] == "*" {
                let w = try nextArgument()
                guard case .int(let width) = w.asInt.map(PyValue.int) ?? w else { throw PyException(.typeError, "* wants int") }
                conversion.width = width == Int.min ? Int.max : abs(width)
                if width < 0 { conversion.leftJustify = true }
                i += 1
            } else {
                conversion.width = try digits(chars, &i, limit: Int.max, message: "width too big") ?? -1
            }
            if i < chars.count && chars[i] == "." {
                i += 1
                conversion.precision = 0
                if i < chars.count && chars[i] == "*" {
                    let p = try nextArgument()
                    guard let precision = p.asInt else { throw PyException(.typeError, "* wants int") }
                    guard precision <= Int(Int32.max) && precision >= Int(Int32.min) else {
                        throw PyException(.overflowError, "Python int too large to convert to C int")
                    }
                    conversion.precision = max(0, precision)
                    i += 1
                } else {
                    conversion.precision = try digits(chars, &i, limit: Int(Int32.max), message: "precision too big") ?? 0
                }
            }
            if i < chars.count, "hlL".unicodeScalars.contains(chars[i]) { i += 1 }
            guard i < chars.count else { throw PyException(.valueError, "incomplete format") }
            conversion.type = Character(chars[i])
            i += 1
            let value = try keyed ?? nextArgument()
            out.append(contentsOf: try formatConversion(conversion, value, position: i - 1).unicodeScalars)
        }
        let unused = positional.map { argumentIndex < $0.count } ?? (!usedSingle && !usedKey && mapping == nil)
        if unused { throw PyException(.typeError, "not all arguments converted during string formatting") }
        return String(out)
    }

    private func isMapping(_ v: PyValue) -> Bool {
        switch v {
        case .dict: return true
        case .str, .list, .tuple: return false
        case .object(let o): return o is PyInstance && (try? lookupDunder(o as! PyInstance, "__getitem__")) != nil
        default: return false
        }
    }

    /// A run of ASCII digits, with CPython's error when it exceeds `limit`.
    private func digits(_ chars: [Unicode.Scalar], _ i: inout Int, limit: Int, message: String) throws -> Int? {
        var value: Int?
        while i < chars.count, let d = chars[i].properties.numericType == .decimal && chars[i].isASCII ? Int(chars[i].value) - 48 : nil {
            let current = value ?? 0
            if current > (limit - d) / 10 { throw PyException(.valueError, message) }
            value = current * 10 + d
            i += 1
        }
        return value
    }

    private func formatConversion(_ c: Conversion, _ value: PyValue, position: Int) throws -> String {
        var c = c
        var body: String
        var numeric = false
        switch c.type {
        case "s": body = try str(value)
        case "r": body = try repr(value)
        case "a": body = Interpreter.asciiEscaped(try repr(value))
        case "d", "i", "u", "o", "x", "X":
            body = try formatInteger(c, value)
            numeric = true
        case "e", "E", "f", "F", "g", "G":
            let d: Double
            if let x = value.asDouble { d = x } else if case .object(let o) = value, let f = try o.toFloat(interp: self) { d = f } else {
                throw PyException(.typeError, "must be real number, not \(value.typeName)")
            }
            try checkLength(c.precision)
            body = try pythonFormat(d, spec: (c.alternate ? "#" : "") + ".\(c.precision < 0 ? 6 : c.precision)" + String(c.type))
            numeric = true
        case "c":
            body = try formatCharacter(value)
        default:
            let scalar = c.type.unicodeScalars.first?.value ?? 0
            throw PyException(.valueError, "unsupported format character '\(c.type)' (0x\(String(scalar, radix: 16))) at index \(position)")
        }
        if !numeric, c.precision >= 0, c.type == "s" || c.type == "r" || c.type == "a" {
            body = String(String.UnicodeScalarView(body.unicodeScalars.prefix(c.precision)))
        }
        if !numeric { c.sign = false; c.blank = false }
        return try pad(body, c, numeric: numeric)
    }

    /// `%d`, `%o`, `%x`, `%X` of an int, or of a float's exact integer value (`'%d' % 1e300`).
    private func formatInteger(_ c: Conversion, _ value: PyValue) throws -> String {
        let negative: Bool
        var digits: String
        let radix = c.type == "o" ? 8 : (c.type == "x" || c.type == "X" ? 16 : 10)
        switch value {
        case .int, .bool:
            let n = value.asInt ?? 0
            negative = n < 0
            digits = String(n.magnitude, radix: radix)
        case .float(let d) where radix == 10:
            if d.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
            if d.isInfinite { throw PyException(.overflowError, "cannot convert float infinity to integer") }
            let whole = d.rounded(.towardZero)
            negative = whole < 0
            digits = Interpreter.exactIntegerDigits(whole.magnitude)
        case .object(let o):
            let n: Int?
            if radix == 10 { n = try o.toInt(interp: self) ?? o.toIndex(interp: self) } else { n = try o.toIndex(interp: self) }
            guard let n else { fallthrough }
            negative = n < 0
            digits = String(n.magnitude, radix: radix)
        default:
            if radix == 10 { throw PyException(.typeError, "%\(c.type) format: a real number is required, not \(value.typeName)") }
            throw PyException(.typeError, "%\(c.type) format: an integer is required, not \(value.typeName)")
        }
        try checkLength(c.precision)
        if c.precision > digits.count { digits = String(repeating: "0", count: c.precision - digits.count) + digits }
        if c.type == "X" { digits = digits.uppercased() }
        let prefix = c.alternate && radix != 10 ? "0" + String(c.type == "o" ? "o" : c.type) : ""
        return (negative ? "-" : "") + prefix + digits
    }

    private func formatCharacter(_ value: PyValue) throws -> String {
        if case .str(let s) = value {
            guard s.unicodeScalars.count == 1 else { throw PyException(.typeError, "%c requires int or char") }
            return s
        }
        guard let n = value.asInt ?? (try? index(value)) else { throw PyException(.typeError, "%c requires int or char") }
        guard n >= 0 && n < 0x110000, let scalar = Unicode.Scalar(UInt32(n)) else {
            throw PyException(.overflowError, "%c arg not in range(0x110000)")
        }
        return String(Character(scalar))
    }

    /// CPython's `unicode_format_arg_output`: the sign (and `0x` prefix) before zero padding,
    /// spaces on the left unless left-justified.
    private func pad(_ body: String, _ c: Conversion, numeric: Bool) throws -> String {
        var scalars = Array(body.unicodeScalars)
        let fill: Unicode.Scalar = numeric && c.zero && !c.leftJustify ? "0" : " "
        var sign: Unicode.Scalar?
        if numeric {
            if let first = scalars.first, first == "-" || first == "+" {
                sign = first
                scalars.removeFirst()
            } else if c.sign {
                sign = "+"
            } else if c.blank {
                sign = " "
            }
        }
        var prefix: [Unicode.Scalar] = []
        if numeric, c.alternate, "oxX".contains(c.type), scalars.count >= 2 {
            prefix = Array(scalars.prefix(2))
            scalars.removeFirst(2)
        }
        let length = (sign == nil ? 0 : 1) + prefix.count + scalars.count
        let padding = max(0, c.width - length)
        try checkLength(length + padding)
        var out = String.UnicodeScalarView()
        if fill == "0" {
            if let sign { out.append(sign) }
            out.append(contentsOf: prefix)
            out.append(contentsOf: repeatElement("0", count: padding))
        } else {
            if !c.leftJustify { out.append(contentsOf: repeatElement(" ", count: padding)) }
            if let sign { out.append(sign) }
            out.append(contentsOf: prefix)
        }
        out.append(contentsOf: scalars)
        if c.leftJustify { out.append(contentsOf: repeatElement(" ", count: padding)) }
        return String(out)
    }

    /// The decimal digits of a non-negative integral double, exactly (`int(1e300)` printed).
    static func exactIntegerDigits(_ value: Double) -> String {
        if value < 9.2e18 { return String(UInt64(value)) }
        // value = significand * 2**exponent with an integral 53-bit significand.
        let exponent = Int(value.exponent) - 52
        var limbs: [UInt32] = []
        var significand = value.significandBitPattern | (1 << 52)
        while significand > 0 {
            limbs.append(UInt32(significand % 1_000_000_000))
            significand /= 1_000_000_000
        }
        var remaining = exponent
        while remaining > 0 {
            let shift = min(remaining, 29)
            var carry: UInt64 = 0
            for i in limbs.indices {
                let v = UInt64(limbs[i]) << UInt64(shift) + carry
                limbs[i] = UInt32(v % 1_000_000_000)
                carry = v / 1_000_000_000
            }
            while carry > 0 {
                limbs.append(UInt32(carry % 1_000_000_000))
                carry /= 1_000_000_000
            }
            remaining -= shift
        }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}

import PyFormat

/// printf-style string formatting (`"%.3f" % x`).
extension Interpreter {
    func percentFormat(_ format: String, _ arg: PyValue) throws -> String {
        var args: [PyValue]
        var mapping: PyDict?
        switch arg {
        case .tuple(let t): args = t
        case .dict(let d): args = []; mapping = d
        default: args = [arg]
        }
        var next = 0
        var out = ""
        let chars = Array(format)
        var i = 0
        func nextArg() throws -> PyValue {
            guard next < args.count else { throw PyException(.typeError, "not enough arguments for format string") }
            defer { next += 1 }
            return args[next]
        }
        while i < chars.count {
            let c = chars[i]
            i += 1
            if c != "%" {
                out.append(c)
                continue
            }
            guard i < chars.count else { throw PyException(.valueError, "incomplete format") }
            var key: String?
            if chars[i] == "(" {
                guard let close = chars[i...].firstIndex(of: ")") else { throw PyException(.valueError, "incomplete format key") }
                key = String(chars[(i + 1)..<close])
                i = close + 1
            }
            var flags = ""
            while i < chars.count, "-+ #0".contains(chars[i]) {
                flags.append(chars[i])
                i += 1
            }
            var width = ""
            while i < chars.count, chars[i].isNumber || chars[i] == "*" {
                if chars[i] == "*" {
                    // A negative `*` width left-aligns, as CPython's; its -2**63 pads nothing.
                    let w = try index(try nextArg())
                    if w < 0 { flags.append("-") }
                    width += w == Int.min ? "" : String(w.magnitude)
                } else {
                    width.append(chars[i])
                }
                i += 1
            }
            var precision: String?
            if i < chars.count, chars[i] == "." {
                i += 1
                var p = ""
                while i < chars.count, chars[i].isNumber || chars[i] == "*" {
                    if chars[i] == "*" {
                        // CPython reads a `*` precision as a C int; a negative one is 0.
                        let v = try index(try nextArg())
                        guard let c = Int32(exactly: v) else {
                            throw PyException(.overflowError, "Python int too large to convert to C int")
                        }
                        p += String(Swift.max(c, 0))
                    } else {
                        p.append(chars[i])
                    }
                    i += 1
                }
                precision = p.isEmpty ? "0" : p
            }
            guard i < chars.count else { throw PyException(.valueError, "incomplete format") }
            let type = chars[i]
            i += 1
            if type == "%" {
                out.append("%")
                continue
            }
            let value: PyValue
            if let key, let mapping {
                guard let v = try mapping.get(.str(key)) else { throw PyException.keyError(.str(key)) }
                value = v
            } else {
                value = try nextArg()
            }
            var align = ""
            var fill = ""
            if flags.contains("-") { align = "<" } else if flags.contains("0") && type != "s" && type != "r" { fill = "0" }
            let sign = flags.contains("+") ? "+" : (flags.contains(" ") ? " " : "")
            let alt = flags.contains("#") ? "#" : ""
            let prec = precision.map { "." + $0 } ?? ""
            switch type {
            case "s", "r", "a":
                let text = type == "s" ? try str(value) : try repr(value)
                let truncated = precision.flatMap(Int.init).map { String(text.prefix($0)) } ?? text
                out += try Interpreter.converted { try pythonFormat(truncated, spec: (align.isEmpty ? ">" : align) + width) }
            case "d", "i", "u":
                let n: Int
                switch value {
                case .float(let d):
                    if d.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
                    guard d.isFinite else { throw PyException(.overflowError, "cannot convert float infinity to integer") }
                    guard let exact = Int(exactly: d.rounded(.towardZero)) else {
                        // Past 64 bits a float is a whole number: its exact digits, as int(d) has them.
                        out += try Interpreter.converted { try pythonFormat(d, spec: align + sign + fill + width + ".0f") }
                        continue
                    }
                    n = exact
                case .int(let v): n = v
                case .bool(let b): n = b ? 1 : 0
                default:
                    if case .object(let o) = value, let f = try o.toInt(interp: self) { n = f } else {
                        throw PyException(.typeError, "%\(type) format: a real number is required, not \(value.typeName)")
                    }
                }
                out += try Interpreter.converted { try pythonFormat(n, spec: align + sign + fill + width + "d") }
            case "x", "X", "o":
                guard let n = value.asInt else {
                    throw PyException(.typeError, "%\(type) format: an integer is required, not \(value.typeName)")
                }
                out += try Interpreter.converted { try pythonFormat(n, spec: align + sign + alt + fill + width + String(type)) }
            case "e", "E", "f", "F", "g", "G":
                let d: Double
                if let x = value.asDouble { d = x }
                else if case .object(let o) = value, let f = try o.toFloat(interp: self) { d = f }
                else { throw PyException(.typeError, "must be real number, not \(value.typeName)") }
                out += try Interpreter.converted { try pythonFormat(d, spec: align + sign + alt + fill + width + (precision == nil ? ".6" : prec) + String(type)) }
            case "c":
                let text: String
                if case .str(let s) = value, s.unicodeScalars.count == 1 {
                    text = s
                } else if let n = value.asInt {
                    guard (0...0x10FFFF).contains(n) else { throw PyException(.overflowError, "%c arg not in range(0x110000)") }
                    // A lone surrogate has no Swift representation; it shows as U+FFFD.
                    text = String(Unicode.Scalar(UInt32(n)) ?? "\u{FFFD}")
                } else {
                    throw PyException(.typeError, "%c requires int or char")
                }
                out += try Interpreter.converted { try pythonFormat(text, spec: (align.isEmpty ? ">" : align) + width) }
            default:
                throw PyException(.valueError, "unsupported format character '\(type)' (0x\(String(type.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)")
            }
        }
        if mapping == nil && next < args.count {
            throw PyException(.typeError, "not all arguments converted during string formatting")
        }
        return out
    }
}

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
                if chars[i] == "*" { width += String(try index(try nextArg())) } else { width.append(chars[i]) }
                i += 1
            }
            var precision: String?
            if i < chars.count, chars[i] == "." {
                i += 1
                var p = ""
                while i < chars.count, chars[i].isNumber || chars[i] == "*" {
                    if chars[i] == "*" { p += String(try index(try nextArg())) } else { p.append(chars[i]) }
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
                out += try pythonFormat(truncated, spec: (align.isEmpty ? ">" : align) + width)
            case "d", "i", "u":
                let n: Int
                switch value {
                case .float(let d):
                    guard d.isFinite else { throw PyException(.overflowError, "cannot convert float infinity to integer") }
                    n = Int(d.rounded(.towardZero))
                case .int, .bool: n = value.asInt!
                default:
                    if case .object(let o) = value, let f = try o.toInt(interp: self) { n = f } else {
                        throw PyException(.typeError, "%\(type) format: a real number is required, not \(value.typeName)")
                    }
                }
                out += try pythonFormat(n, spec: align + sign + fill + width + "d")
            case "x", "X", "o":
                guard let n = value.asInt else {
                    throw PyException(.typeError, "%\(type) format: an integer is required, not \(value.typeName)")
                }
                out += try pythonFormat(n, spec: align + sign + alt + fill + width + String(type))
            case "e", "E", "f", "F", "g", "G":
                let d: Double
                if let x = value.asDouble { d = x }
                else if case .object(let o) = value, let f = try o.toFloat(interp: self) { d = f }
                else { throw PyException(.typeError, "must be real number, not \(value.typeName)") }
                out += try pythonFormat(d, spec: align + sign + alt + fill + width + (precision == nil ? ".6" : prec) + String(type))
            case "c":
                if case .str(let s) = value { out += s } else if let n = value.asInt, let u = Unicode.Scalar(n) { out.unicodeScalars.append(u) }
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

/// Writes Python values as JSON text the way CPython's `json.dumps` does.
struct JsonEncoder {
    let interp: Interpreter
    var indent: String?
    var itemSeparator = ", "
    var keySeparator = ": "
    var sortKeys = false
    var ensureASCII = true
    var allowNaN = true
    var skipKeys = false
    var defaultFunction: PyValue?
    private(set) var output = ""
    /// Containers being encoded, for the circular reference check.
    private var active: [ObjectIdentifier] = []

    init(interp: Interpreter) {
        self.interp = interp
    }

    private func floatText(_ d: Double) throws -> String {
        if d.isNaN || d.isInfinite {
            if !allowNaN { throw PyException(.valueError, "Out of range float values are not JSON compliant") }
            return d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity")
        }
        return try interp.repr(.float(d))
    }

    private func newline(_ depth: Int) throws -> String {
        guard let indent else { return "" }
        let (size, overflow) = indent.utf8.count.multipliedReportingOverflow(by: depth)
        try interp.checkLength(overflow ? Int.max : output.utf8.count + size)
        return "\n" + String(repeating: indent, count: depth)
    }

    mutating func encode(_ v: PyValue, depth: Int) throws {
        if depth > interp.recursionLimit {
            throw PyException(.recursionError, "maximum recursion depth exceeded while encoding a JSON object")
        }
        // Indentation can make the text grow faster than the data: keep it within what strings may hold.
        try interp.checkLength(output.utf8.count)
        switch v {
        case .none: output += "null"
        case .bool(let b): output += b ? "true" : "false"
        case .int(let i): output += String(i)
        case .float(let d): output += try floatText(d)
        case .str(let s): output += JsonEncoder.quote(s, ascii: ensureASCII)
        case .list(let l): try encodeArray(l.items, id: ObjectIdentifier(l), depth: depth)
        case .tuple(let t): try encodeArray(t, id: nil, depth: depth)
        case .dict(let d): try encodeObject(d, depth: depth)
        case .object(let o):
            guard let defaultFunction else {
                throw PyException(.typeError, "Object of type \(v.typeName) is not JSON serializable")
            }
            let id = ObjectIdentifier(o)
            if active.contains(id) { throw PyException(.valueError, "Circular reference detected") }
            active.append(id)
            try encode(try interp.call(defaultFunction, [v]), depth: depth + 1)
            active.removeLast()
        }
    }

    private mutating func encodeArray(_ items: [PyValue], id: ObjectIdentifier?, depth: Int) throws {
        if items.isEmpty {
            output += "[]"
            return
        }
        if let id {
            if active.contains(id) { throw PyException(.valueError, "Circular reference detected") }
            active.append(id)
        }
        output += "["
        for (i, item) in items.enumerated() {
            output += i == 0 ? try newline(depth + 1) : itemSeparator + (try newline(depth + 1))
            try encode(item, depth: depth + 1)
        }
        output += try newline(depth) + "]"
        if id != nil { active.removeLast() }
    }

    private mutating func encodeObject(_ d: PyDict, depth: Int) throws {
        if d.count == 0 {
            output += "{}"
            return
        }
        let id = ObjectIdentifier(d)
        if active.contains(id) { throw PyException(.valueError, "Circular reference detected") }
        active.append(id)
        var items = d.items
        if sortKeys {
            var failure: Error?
            items.sort { a, b in
                do {
                    return try interp.isTruthy(try interp.compare(.lt, a.key, b.key))
                } catch {
                    failure = failure ?? error
                    return false
                }
            }
            if let failure { throw failure }
        }
        output += "{"
        var first = true
        for (key, value) in items {
            let keyText: String
            switch key {
            case .str(let s): keyText = s
            case .float(let f): keyText = try floatText(f)
            case .bool(let b): keyText = b ? "true" : "false"
            case .none: keyText = "null"
            case .int(let i): keyText = String(i)
            default:
                if skipKeys { continue }
                throw PyException(.typeError, "keys must be str, int, float, bool or None, not \(key.typeName)")
            }
            output += first ? try newline(depth + 1) : itemSeparator + (try newline(depth + 1))
            first = false
            output += JsonEncoder.quote(keyText, ascii: ensureASCII) + keySeparator
            try encode(value, depth: depth + 1)
        }
        output += try newline(depth) + "}"
        active.removeLast()
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, and with
    /// `ascii` every non-ASCII character as `\uXXXX` (UTF-16 surrogate pairs above U+FFFF).
    static func quote(_ s: String, ascii: Bool) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 || (ascii && u.value > 0x7E) {
                    for unit in String(u).utf16 { out += "\\u" + hex4(unit) }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ v: UInt16) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}

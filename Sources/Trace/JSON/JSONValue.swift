import PyFormat

/// A JSON document built in code and written with sorted keys, so the same value gives
/// the same bytes on every run (manifests and traces are compared byte for byte).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written with Python's shortest repr; non-finite values as the strings `"NaN"`,
    /// `"Infinity"` and `"-Infinity"`.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The compact text.
    public var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    /// Appends the compact text to `out` (iteratively: deep values do not grow the stack).
    public func write(into out: inout String) {
        enum Work {
            case value(JSONValue)
            case raw(String)
        }
        var stack: [Work] = [.value(self)]
        while let work = stack.popLast() {
            switch work {
            case .raw(let s):
                out += s
            case .value(let v):
                switch v {
                case .null: out += "null"
                case .bool(let b): out += b ? "true" : "false"
                case .int(let i): out += String(i)
                case .double(let d):
                    if d.isNaN { out += "\"NaN\"" } else if d.isInfinite { out += d > 0 ? "\"Infinity\"" : "\"-Infinity\"" } else {
                        out += pythonRepr(d)
                    }
                case .string(let s): JSONValue.quote(s, into: &out)
                case .array(let items):
                    stack.append(.raw("]"))
                    for (i, item) in items.enumerated().reversed() {
                        stack.append(.value(item))
                        if i > 0 { stack.append(.raw(",")) }
                    }
                    stack.append(.raw("["))
                case .object(let fields):
                    stack.append(.raw("}"))
                    let keys = fields.keys.sorted()
                    for (i, key) in keys.enumerated().reversed() {
                        stack.append(.value(fields[key]!))
                        var k = ""
                        if i > 0 { k += "," }
                        JSONValue.quote(key, into: &k)
                        k += ":"
                        stack.append(.raw(k))
                    }
                    stack.append(.raw("{"))
                }
            }
        }
    }

    /// Appends `s` as a JSON string: runs without characters to escape are copied whole.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b == 0x22 || b == 0x5C || b < 0x20 else { continue }
                if start < i { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self) }
                switch b {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                default:
                    let hex = String(b, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                start = i + 1
            }
            if start < bytes.count { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self) }
        }
        out += "\""
    }
}

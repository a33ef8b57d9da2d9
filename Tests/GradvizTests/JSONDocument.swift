import Foundation

/// A parsed JSON value, with booleans and numbers kept apart (as JSON Schema needs them).
indirect enum JSONDocument: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONDocument])
    case object([String: JSONDocument])

    struct SyntaxError: Error {
        var offset: Int
    }

    static func parse(_ data: Data) throws -> JSONDocument { try parse([UInt8](data)) }

    static func parse(_ text: String) throws -> JSONDocument { try parse(Array(text.utf8)) }

    /// Parses JSON text with an explicit stack of open arrays and objects (no recursion).
    static func parse(_ bytes: [UInt8]) throws -> JSONDocument {
        enum Open {
            case array([JSONDocument])
            case object([String: JSONDocument], key: String?)
        }
        var stack: [Open] = []
        var i = 0
        func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
        func fail() -> SyntaxError { SyntaxError(offset: i) }
        func string() throws -> String {
            i += 1
            var out: [UInt8] = []
            while i < bytes.count, bytes[i] != 0x22 {
                if bytes[i] == 0x5C {
                    i += 1
                    guard i < bytes.count else { throw fail() }
                    switch bytes[i] {
                    case 0x6E: out.append(0x0A)
                    case 0x74: out.append(0x09)
                    case 0x72: out.append(0x0D)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x75:
                        guard i + 4 < bytes.count, var u = UInt32(String(decoding: bytes[(i + 1)...(i + 4)], as: UTF8.self), radix: 16)
                        else { throw fail() }
                        i += 4
                        if (0xD800..<0xDC00).contains(u), i + 6 < bytes.count, bytes[i + 1] == 0x5C, bytes[i + 2] == 0x75,
                           let low = UInt32(String(decoding: bytes[(i + 3)...(i + 6)], as: UTF8.self), radix: 16) {
                            u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        }
                        out.append(contentsOf: Array(String(Character(Unicode.Scalar(u) ?? "?")).utf8))
                    default: out.append(bytes[i])
                    }
                } else {
                    out.append(bytes[i])
                }
                i += 1
            }
            guard i < bytes.count else { throw fail() }
            i += 1
            return String(decoding: out, as: UTF8.self)
        }
        func scalar() throws -> JSONDocument {
            switch bytes[i] {
            case 0x22: return .string(try string())
            case 0x74 where bytes[i...].starts(with: Array("true".utf8)): i += 4; return .bool(true)
            case 0x66 where bytes[i...].starts(with: Array("false".utf8)): i += 5; return .bool(false)
            case 0x6E where bytes[i...].starts(with: Array("null".utf8)): i += 4; return .null
            default:
                let start = i
                while i < bytes.count, let c = Optional(bytes[i]), (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45 { i += 1 }
                guard i > start, let d = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else { throw fail() }
                return .number(d)
            }
        }
        var result: JSONDocument?
        while true {
            skipSpace()
            guard i < bytes.count else { throw fail() }
            var value: JSONDocument?
            switch bytes[i] {
            case 0x5B:
                i += 1
                stack.append(.array([]))
                skipSpace()
                if i < bytes.count, bytes[i] == 0x5D { i += 1; stack.removeLast(); value = .array([]) } else { continue }
            case 0x7B:
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == 0x7D { i += 1; value = .object([:]); break }
                guard i < bytes.count, bytes[i] == 0x22 else { throw fail() }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3A else { throw fail() }
                i += 1
                stack.append(.object([:], key: key))
                continue
            default:
                value = try scalar()
            }
            // Attach the finished value, closing every container it completes.
            while var v = value {
                value = nil
                guard let top = stack.popLast() else {
                    result = v
                    break
                }
                skipSpace()
                switch top {
                case .array(var items):
                    items.append(v)
                    guard i < bytes.count else { throw fail() }
                    if bytes[i] == 0x2C { i += 1; stack.append(.array(items)) } else if bytes[i] == 0x5D { i += 1; v = .array(items); value = v } else { throw fail() }
                case .object(var fields, let key):
                    fields[key ?? ""] = v
                    guard i < bytes.count else { throw fail() }
                    if bytes[i] == 0x2C {
                        i += 1
                        skipSpace()
                        guard i < bytes.count, bytes[i] == 0x22 else { throw fail() }
                        let next = try string()
                        skipSpace()
                        guard i < bytes.count, bytes[i] == 0x3A else { throw fail() }
                        i += 1
                        stack.append(.object(fields, key: next))
                    } else if bytes[i] == 0x7D {
                        i += 1
                        value = .object(fields)
                    } else {
                        throw fail()
                    }
                }
            }
            if let r = result {
                skipSpace()
                guard i == bytes.count else { throw fail() }
                return r
            }
        }
    }

    subscript(_ key: String) -> JSONDocument? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var array: [JSONDocument]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
}

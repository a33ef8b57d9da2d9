import Foundation

/// Checks a JSON document against a JSON Schema (draft 2020-12), for the keywords
/// docs/manifest.schema.json uses: `type`, `enum`, `required`, `properties`,
/// `additionalProperties`, `items`, `minItems`, `maxItems`, `minimum`, `pattern`, `oneOf`,
/// `anyOf`, and `$ref` into the same document (`#/$defs/name`). A schema using any other
/// assertion keyword is rejected rather than half-checked.
struct JSONSchemaValidator {
    enum SchemaError: Error, CustomStringConvertible {
        case unsupported(keyword: String, at: String)
        case badReference(String)
        case malformed(String)

        var description: String {
            switch self {
            case .unsupported(let k, let at): return "unsupported schema keyword \(k) at \(at)"
            case .badReference(let r): return "cannot resolve $ref \(r)"
            case .malformed(let s): return "malformed schema: \(s)"
            }
        }
    }

    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]
    static let assertions: Set<String> = ["type", "enum", "required", "properties", "additionalProperties", "items", "minItems",
                                          "maxItems", "minimum", "pattern", "oneOf", "anyOf", "$ref"]

    let root: JSONDocument
    private var patterns: [String: NSRegularExpression] = [:]
    private var references: [String: JSONDocument] = [:]

    init(schema: JSONDocument) throws {
        root = schema
        // Every subschema uses only known keywords; compile the patterns once.
        var work: [(JSONDocument, String)] = [(schema, "#")]
        while let (s, at) = work.popLast() {
            guard case .object(let o) = s else {
                if case .bool = s { continue }
                throw SchemaError.malformed("\(at) is not a schema")
            }
            for (k, v) in o {
                guard JSONSchemaValidator.annotations.contains(k) || JSONSchemaValidator.assertions.contains(k) else {
                    throw SchemaError.unsupported(keyword: k, at: at)
                }
                switch k {
                case "properties", "$defs":
                    guard case .object(let children) = v else { throw SchemaError.malformed("\(at)/\(k)") }
                    for (name, child) in children { work.append((child, "\(at)/\(k)/\(name)")) }
                case "items", "additionalProperties":
                    work.append((v, "\(at)/\(k)"))
                case "oneOf", "anyOf":
                    guard case .array(let list) = v else { throw SchemaError.malformed("\(at)/\(k)") }
                    for (i, child) in list.enumerated() { work.append((child, "\(at)/\(k)/\(i)")) }
                case "$ref":
                    guard let r = v.string else { throw SchemaError.malformed("\(at)/$ref") }
                    references[r] = try JSONSchemaValidator.resolve(r, in: schema)
                case "pattern":
                    guard let p = v.string else { throw SchemaError.malformed("\(at)/pattern") }
                    patterns[p] = try NSRegularExpression(pattern: p)
                default:
                    break
                }
            }
        }
    }

    /// Every way `value` breaks the schema, each with the JSON path where it happens.
    func errors(_ value: JSONDocument) throws -> [String] {
        var out: [String] = []
        try check(value, root, "$", &out)
        return out
    }

    private static func resolve(_ ref: String, in root: JSONDocument) throws -> JSONDocument {
        guard ref.hasPrefix("#/") else { throw SchemaError.badReference(ref) }
        var node = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = node[String(part)] else { throw SchemaError.badReference(ref) }
            node = next
        }
        return node
    }

    private func matches(_ v: JSONDocument, _ schema: JSONDocument, _ path: String) throws -> Bool {
        var errs: [String] = []
        try check(v, schema, path, &errs)
        return errs.isEmpty
    }

    private static func typeName(_ v: JSONDocument) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    private static func hasType(_ v: JSONDocument, _ type: String) -> Bool {
        switch (type, v) {
        case ("integer", .number(let n)): return n.rounded() == n
        default: return typeName(v) == type
        }
    }

    private func check(_ v: JSONDocument, _ schema: JSONDocument, _ path: String, _ out: inout [String]) throws {
        if case .bool(let b) = schema {
            if !b { out.append("\(path): no value is allowed here") }
            return
        }
        if let ref = schema["$ref"]?.string {
            guard let target = references[ref] else { throw SchemaError.badReference(ref) }
            try check(v, target, path, &out)
        }
        if let type = schema["type"] {
            let names = type.array?.compactMap(\.string) ?? [type.string].compactMap { $0 }
            if !names.contains(where: { JSONSchemaValidator.hasType(v, $0) }) {
                out.append("\(path): \(JSONSchemaValidator.typeName(v)) is not of type \(names.joined(separator: " or "))")
                return
            }
        }
        if let allowed = schema["enum"]?.array, !allowed.contains(v) {
            out.append("\(path): \(v) is not one of the allowed values")
        }
        if let minimum = schema["minimum"]?.number, case .number(let n) = v, n < minimum {
            out.append("\(path): \(n) is less than \(minimum)")
        }
        if let p = schema["pattern"]?.string, case .string(let s) = v, let re = patterns[p],
           re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil {
            out.append("\(path): \"\(s)\" does not match \(p)")
        }
        if case .array(let items) = v {
            if let min = schema["minItems"]?.number, Double(items.count) < min { out.append("\(path): fewer than \(Int(min)) items") }
            if let max = schema["maxItems"]?.number, Double(items.count) > max { out.append("\(path): more than \(Int(max)) items") }
            if let itemSchema = schema["items"] {
                for (i, item) in items.enumerated() { try check(item, itemSchema, "\(path)[\(i)]", &out) }
            }
        }
        if case .object(let fields) = v {
            for case .string(let name) in schema["required"]?.array ?? [] where fields[name] == nil {
                out.append("\(path): required property \(name) is missing")
            }
            let properties: [String: JSONDocument]
            if case .object(let p)? = schema["properties"] { properties = p } else { properties = [:] }
            for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
                if let s = properties[name] {
                    try check(value, s, "\(path).\(name)", &out)
                } else if let extra = schema["additionalProperties"] {
                    try check(value, extra, "\(path).\(name)", &out)
                }
            }
        }
        if let any = schema["anyOf"]?.array {
            var found = false
            for s in any where try matches(v, s, path) {
                found = true
                break
            }
            if !found { out.append("\(path): matches none of anyOf") }
        }
        if let one = schema["oneOf"]?.array {
            var count = 0
            for s in one where try matches(v, s, path) { count += 1 }
            if count != 1 { out.append("\(path): matches \(count) of oneOf, not exactly one") }
        }
    }
}

/// Writes Graphviz DOT text in plain Swift: deterministic (attributes sorted by
/// name, statements in the order given) and escaped.
///
/// ```swift
/// var w = DOTWriter(name: "G")
/// w.node("x", ["label": .text("x = 3"), "shape": .raw("box")])
/// w.edge("x", "y", ["id": .text("e1")])
/// let dot = w.finish()
/// ```
public struct DOTWriter {
    /// An attribute value and how it is written.
    public enum Value: Equatable, Sendable {
        /// A string, quoted and escaped (`"a \"b\""`).
        case text(String)
        /// An HTML-like label body, written between `<` and `>` as given (escape its text with `escapeHTML`).
        case html(String)
        /// A number, written with at most four decimals.
        case number(Double)
        /// Written as is: identifiers and numbers (`box`, `LR`, `true`).
        case raw(String)
    }

    /// Attributes by name; written sorted by name.
    public typealias Attributes = [String: Value]

    private var out: String

    /// Starts a digraph called `name`.
    public init(name: String = "G") {
        out = "digraph \(DOTWriter.quote(name)) {\n"
    }

    /// Default attributes for the graph, its nodes and its edges.
    public mutating func defaults(graph: Attributes = [:], node: Attributes = [:], edge: Attributes = [:]) {
        if !graph.isEmpty { out += "  graph [\(DOTWriter.list(graph))];\n" }
        if !node.isEmpty { out += "  node [\(DOTWriter.list(node))];\n" }
        if !edge.isEmpty { out += "  edge [\(DOTWriter.list(edge))];\n" }
    }

    /// Appends a node statement.
    /// Appends DOT text as given (a `subgraph` line, a closing brace).
    public mutating func raw(_ text: String) { out += text }

    public mutating func node(_ name: String, _ attributes: Attributes = [:]) {
        out += DOTWriter.nodeStatement(name, attributes)
    }

    /// Appends an edge statement.
    public mutating func edge(_ from: String, _ to: String, _ attributes: Attributes = [:]) {
        out += DOTWriter.edgeStatement(from, to, attributes)
    }

    /// Appends statements made earlier by `nodeStatement` or `edgeStatement`.
    public mutating func append(statements: String) {
        out += statements
    }

    /// One node statement line, as `node` writes it.
    public static func nodeStatement(_ name: String, _ attributes: Attributes = [:]) -> String {
        "  \(quote(name))" + (attributes.isEmpty ? "" : " [\(list(attributes))]") + ";\n"
    }

    /// One edge statement line, as `edge` writes it.
    public static func edgeStatement(_ from: String, _ to: String, _ attributes: Attributes = [:]) -> String {
        "  \(quote(from)) -> \(quote(to))" + (attributes.isEmpty ? "" : " [\(list(attributes))]") + ";\n"
    }

    /// The finished DOT text.
    public func finish() -> String { out + "}\n" }

    /// `s` as a DOT quoted string: `"` and `\` escaped, line breaks as `\n`.
    public static func quote(_ s: String) -> String {
        var r = "\""
        for c in s {
            switch c {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\r": break
            default: r.append(c)
            }
        }
        return r + "\""
    }

    /// `s` as text inside an HTML-like label: `&`, `<`, `>`, `"` as entities,
    /// control characters dropped.
    public static func escapeHTML(_ s: String) -> String {
        var r = ""
        for c in s {
            switch c {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "\t": r += " "
            default:
                if c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) { r.append(c) }
            }
        }
        return r
    }

    /// A number with at most four decimals and no trailing zeros (`0.5`, `12`).
    public static func number(_ x: Double) -> String {
        var scaled = (x * 10_000).rounded()
        if scaled == 0 { scaled = 0 }
        let negative = scaled < 0
        let v = Int64(Swift.abs(scaled))
        var s = String(v / 10_000)
        var frac = String(v % 10_000)
        if frac != "0" {
            frac = String(repeating: "0", count: 4 - frac.count) + frac
            while frac.hasSuffix("0") { frac.removeLast() }
            s += "." + frac
        }
        return negative ? "-" + s : s
    }

    private static func list(_ attributes: Attributes) -> String {
        attributes.keys.sorted().map { key in
            let value: String
            switch attributes[key]! {
            case .text(let s): value = quote(s)
            case .html(let s): value = "<" + s + ">"
            case .number(let x): value = number(x)
            case .raw(let s): value = s
            }
            return "\(key)=\(value)"
        }.joined(separator: ", ")
    }
}

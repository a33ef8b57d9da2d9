import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a Graphviz SVG with Foundation's XMLParser: well-formedness, and per
/// node or edge group its title, texts and the centre of its first shape.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Group {
        var cls: String
        var id: String
        var title = ""
        var texts: [String] = []
        var center: (x: Double, y: Double)?
    }

    private(set) var groups: [Group] = []
    private(set) var graphTransform = ""
    private(set) var fontFamilies: Set<String> = []
    private var stack: [Group?] = []
    private var text = ""
    private var inTitle = false
    private var inText = false

    /// Parses `data`; nil when it is not well-formed XML.
    static func parse(_ data: Data) -> SVGInspector? {
        let inspector = SVGInspector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = inspector
        return parser.parse() ? inspector : nil
    }

    var nodes: [Group] { groups.filter { $0.cls == "node" } }
    var edges: [Group] { groups.filter { $0.cls == "edge" } }
    /// All text in the drawing, joined by newlines.
    var allText: String { groups.flatMap(\.texts).joined(separator: "\n") }

    func node(titled title: String) -> Group? { nodes.first { $0.title == title } }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "g":
            if let cls = attributes["class"], cls == "node" || cls == "edge" {
                stack.append(Group(cls: cls, id: attributes["id"] ?? ""))
            } else {
                if attributes["class"] == "graph" { graphTransform = attributes["transform"] ?? "" }
                stack.append(nil)
            }
        case "title":
            inTitle = true
            text = ""
        case "text":
            inText = true
            text = ""
            if let f = attributes["font-family"] { fontFamilies.insert(f) }
        case "polygon", "path", "ellipse":
            guard stack.last != nil, stack[stack.count - 1]?.center == nil else { return }
            let raw = attributes["points"] ?? attributes["d"] ?? ""
            let numbers = raw.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
            guard numbers.count >= 2 else { return }
            let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            stack[stack.count - 1]?.center = ((xs.min()! + xs.max()!) / 2, (ys.min()! + ys.max()!) / 2)
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle || inText { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "g":
            if let g = stack.popLast() ?? nil { groups.append(g) }
        case "title":
            inTitle = false
            if stack.last != nil, stack[stack.count - 1] != nil { stack[stack.count - 1]?.title = text }
        case "text":
            inText = false
            if stack.last != nil, stack[stack.count - 1] != nil { stack[stack.count - 1]?.texts.append(text) }
        default:
            break
        }
    }
}

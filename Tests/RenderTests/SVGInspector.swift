import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a frame SVG with Foundation's XMLParser: well-formedness, the size of every text, and
/// per node group (`<g class="node" id="t12">`) its hover title and the box of its first shape.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Node {
        var id: String
        var title = ""
        /// `x`, `y` of the node's box (`class="box"`: a `rect`, or the start of a `path`).
        var origin: String?
    }

    private(set) var nodes: [Node] = []
    private(set) var fontSizes: [Double] = []
    private var current: Node?
    private var depth = 0
    private var nodeDepth = -1
    private var inTitle = false

    /// Parses `data`; nil when it is not well-formed XML.
    static func parse(_ data: Data) -> SVGInspector? {
        let inspector = SVGInspector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = inspector
        return parser.parse() ? inspector : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes a: [String: String] = [:]) {
        depth += 1
        if name == "g", a["class"] == "node", let id = a["id"] {
            current = Node(id: id)
            nodeDepth = depth
        }
        if let size = a["font-size"].flatMap(Double.init), name == "text" { fontSizes.append(size) }
        if current != nil, current?.origin == nil, a["class"] == "box" {
            if name == "rect", let x = a["x"], let y = a["y"] { current?.origin = "\(x),\(y)" }
            if name == "path", let d = a["d"] { current?.origin = String(d.prefix { $0 != " " && $0 != "H" }) }
        }
        inTitle = name == "title" && current != nil
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { current?.title += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { inTitle = false }
        if name == "g", depth == nodeDepth, let c = current {
            nodes.append(c)
            current = nil
            nodeDepth = -1
        }
        depth -= 1
    }
}

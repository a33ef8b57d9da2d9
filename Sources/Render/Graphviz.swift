import CGraphviz
import Foundation

/// Graphviz in process, through libgvc: the only file that touches the C API.
///
/// Every graph read with `agmemread` is closed with `agclose`, every layout freed
/// with `gvFreeLayout`, every rendered buffer with `gvFreeRenderData`, and the
/// context with `gvFreeContext` — each by a `defer` next to what it frees.
/// Graphviz keeps global state, so sessions run one at a time.
public enum Graphviz {
    /// A libgvc failure, with Graphviz's own message (`aglasterr()`).
    public struct Failure: Error, CustomStringConvertible, Equatable {
        /// The libgvc call that failed (`agmemread`, `gvLayout(dot)`, `gvRenderData(png)`).
        public var stage: String
        /// Graphviz's last error message.
        public var message: String
        /// `Graphviz <stage> failed: <message>`.
        public var description: String { "Graphviz \(stage) failed: \(message)" }
    }

    /// Positions Graphviz computed, read back after layout.
    struct Placement {
        /// `llx,lly,urx,ury` of the drawing, in points.
        var boundingBox: [Double]
        /// Node name → `pos` ("x,y" in points), `width`, `height` (inches).
        var nodes: [String: (pos: String, width: String, height: String)]
        /// Edge `id` attribute → spline `pos` and label position `lp`.
        var edges: [String: (pos: String, lp: String?)]
    }

    private static let lock = NSRecursiveLock()

    /// Lays out `dot` with `engine` (`dot`, `nop2`, …) and renders it as `format` (`svg`, `png`, `pdf`, `dot`).
    public static func render(_ dot: String, engine: String = "dot", format: String = "svg") throws -> Data {
        try withSession { try $0.render(dot, engine: engine, format: format) }
    }

    /// Runs `body` with one Graphviz context, freed when it returns.
    static func withSession<T>(_ body: (Session) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        // Warnings and errors go to Graphviz's buffer, read back with aglasterr, not to stderr.
        let previousLevel = agseterr(AGMAX)
        defer { agseterr(previousLevel) }
        guard let gvc = gvContext() else { throw Failure(stage: "gvContext", message: "no context") }
        defer { gvFreeContext(gvc) }
        return try body(Session(gvc: gvc))
    }

    /// One open Graphviz context.
    struct Session {
        fileprivate let gvc: OpaquePointer

        /// Lays out and renders one graph.
        func render(_ dot: String, engine: String, format: String) throws -> Data {
            try withLayout(dot, engine: engine) { g in try renderData(g, format: format) }
        }

        /// Lays out one graph and reads back the positions Graphviz chose.
        func place(_ dot: String, engine: String) throws -> Placement {
            try withLayout(dot, engine: engine) { g in
                // Rendering as "dot" attaches pos, width, height, lp and bb to the graph's attributes.
                _ = try renderData(g, format: "dot")
                return read(g)
            }
        }

        private func withLayout<T>(_ dot: String, engine: String, _ body: (UnsafeMutablePointer<Agraph_t>) throws -> T) throws -> T {
            guard let g = agmemread(dot) else { throw Graphviz.failure("agmemread") }
            defer { agclose(g) }
            guard gvLayout(gvc, g, engine) == 0 else { throw Graphviz.failure("gvLayout(\(engine))") }
            defer { gvFreeLayout(gvc, g) }
            return try body(g)
        }

        private func renderData(_ g: UnsafeMutablePointer<Agraph_t>, format: String) throws -> Data {
            var buffer: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let rc = gvRenderData(gvc, g, format, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard rc == 0, let buffer else { throw Graphviz.failure("gvRenderData(\(format))") }
            return Data(bytes: buffer, count: Int(length))
        }

        private func read(_ g: UnsafeMutablePointer<Agraph_t>) -> Placement {
            let bb = (Graphviz.attribute(UnsafeMutableRawPointer(g), "bb") ?? "0,0,0,0")
                .split(separator: ",").compactMap { Double($0) }
            var p = Placement(boundingBox: bb.count == 4 ? bb : [0, 0, 0, 0], nodes: [:], edges: [:])
            var n = agfstnode(g)
            while let node = n {
                let raw = UnsafeMutableRawPointer(node)
                let name = String(cString: agnameof(raw))
                p.nodes[name] = (Graphviz.attribute(raw, "pos") ?? "", Graphviz.attribute(raw, "width") ?? "",
                                 Graphviz.attribute(raw, "height") ?? "")
                var e = agfstout(g, node)
                while let edge = e {
                    let eraw = UnsafeMutableRawPointer(edge)
                    if let id = Graphviz.attribute(eraw, "id"), !id.isEmpty {
                        let lp = Graphviz.attribute(eraw, "lp")
                        p.edges[id] = (Graphviz.attribute(eraw, "pos") ?? "", (lp?.isEmpty ?? true) ? nil : lp)
                    }
                    e = agnxtout(g, edge)
                }
                n = agnxtnode(g, node)
            }
            return p
        }
    }

    fileprivate static func attribute(_ obj: UnsafeMutableRawPointer, _ name: String) -> String? {
        name.withCString { key in
            agget(obj, UnsafeMutablePointer(mutating: key)).map { String(cString: $0) }
        }
    }

    fileprivate static func failure(_ stage: String) -> Failure {
        var message = "unknown error"
        if let last = aglasterr() {
            defer { free(last) }
            let text = String(cString: last).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { message = text }
        }
        return Failure(stage: stage, message: message)
    }
}

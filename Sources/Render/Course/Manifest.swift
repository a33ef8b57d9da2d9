import Trace

/// `manifest.json` of a lesson (schema: docs/manifest.schema.json): the lesson's source and
/// sections, every node's position, and per frame its file, step, caption (the shared
/// ``Explanation``), output so far and scene.
enum Manifest {
    static let version = 2

    static func lesson(_ d: LessonDrawing, files: [String]) -> JSONValue {
        let lesson = d.lesson
        var frames: [JSONValue] = []
        for (i, f) in d.plan.frames.enumerated() {
            var o: [String: JSONValue] = [
                "index": .int(i + 1), "file": .string(files[i]),
                "kind": .string(kindName(f.kind)), "event": f.event.map(JSONValue.int) ?? .null,
                "caption": caption(f.explanation), "output": .string(f.output),
                "focus": .array(f.focus.sorted().map { .string($0.description) }),
                "released": .array(f.released.map { .string($0.id.description) }),
                "scene": sceneJSON(shown(f.scene, view: d.views.views[i], layout: d.layout)),
                "view": .object(["rect": .array([.double(d.views.views[i].rect.minX), .double(d.views.views[i].rect.minY),
                                                 .double(d.views.views[i].rect.maxX), .double(d.views.views[i].rect.maxY)]),
                                 "partial": .bool(d.views.views[i].partial)]),
            ]
            if let e = f.event {
                let ev = lesson.events[e]
                o["event_kind"] = .string(ev.kindName)
                o["line"] = ev.context.line.map(JSONValue.int) ?? .null
                o["loops"] = .array(ev.context.loops.map { .object(["line": .int($0.line), "iteration": .int($0.iteration)]) })
            } else {
                o["event_kind"] = .null
                o["line"] = .null
                o["loops"] = .array([])
            }
            if case .summary(let s) = f.kind {
                o["summary"] = .object(["iteration": .int(s.iteration), "iterations": .int(s.run.count), "every": .int(s.every),
                                        "loss": s.loss.map(JSONValue.double) ?? .null,
                                        "losses": .array(s.run.losses.filter { $0.iteration <= s.iteration }
                                            .map { .array([.int($0.iteration), .double($0.loss)]) })])
            }
            frames.append(.object(o))
        }
        var positions: [String: JSONValue] = [:]
        for (id, p) in d.layout.positions {
            let s = d.layout.sizes[id] ?? Size(width: 0, height: 0)
            positions[id.description] = .array([.double(p.x), .double(p.y), .double(s.width), .double(s.height)])
        }
        let sections: [JSONValue] = zip(lesson.outline.sections, sectionFrames(d)).map { s, f in
            .object(["title": .string(s.title), "line": .int(s.line), "frame": f.frame.map(JSONValue.int) ?? .null])
        }
        return .object([
            "schema": .string("gradviz-lesson"), "version": .int(version), "lesson": .string(lesson.name),
            "title": .string(lesson.title), "language": .string(language(lesson)),
            "source": .array(lesson.source.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) }),
            "sections": .array(sections), "events": .int(lesson.events.count),
            "layout": .object(["direction": .string(d.layout.direction.rawValue), "positions": .object(positions),
                               "engines": .array(d.layout.engines.sorted().map(JSONValue.string)),
                               "canvas": .array([.double(d.canvas.width), .double(d.canvas.height)])]),
            "frames": .array(frames),
        ])
    }

    /// The part of `scene` a frame's details can be asked about: all of it when the frame shows
    /// the whole graph; in a partial view, the nodes in the view and their neighbours and every
    /// named tensor (so the scene of a long chain's step costs what the view shows plus what
    /// the lesson can print, not the whole graph).
    static func shown(_ scene: Scene, view: ViewPlan.View, layout: GraphLayout) -> Scene {
        guard view.partial else { return scene }
        // Flags beside the scene's nodes (in id order), found by a search of the ids: no table
        // of every node per frame.
        let nodes = scene.nodes
        let index = scene.index(of:)
        var inView = [Bool](repeating: false, count: nodes.count)
        for (k, p) in layout.places(of: nodes).enumerated() {
            // In view, or a tensor the lesson can name (and so print): kept in the data either way.
            if let p, p.rect.intersects(view.rect) {
                inView[k] = true
            } else if case .tensor(let t) = nodes[k].content, !t.names.isEmpty {
                inView[k] = true
            }
        }
        var keep = inView
        let ends = scene.edges.map { (from: index($0.from), to: index($0.to)) }
        for (a, b) in ends {
            guard let a, let b, inView[a] || inView[b] else { continue }
            keep[a] = true
            keep[b] = true
        }
        for k in nodes.indices where keep[k] {
            if let t = nodes[k].tensor {
                if let g = t.gradID, let i = index(.tensor(g)) { keep[i] = true }
                if let f = t.gradFn, let i = index(.function(f)) { keep[i] = true }
            }
        }
        return Scene(nodes: nodes.indices.filter { keep[$0] }.map { nodes[$0] },
                     edges: zip(scene.edges, ends).compactMap { e, ends in
                         guard let a = ends.from, let b = ends.to, keep[a], keep[b] else { return nil }
                         return e
                     })
    }

    /// The language of the lesson's generated text: `en` or `zh`.
    static func language(_ lesson: RenderedLesson) -> String { lesson.language ?? lesson.outline.language }

    /// Each section of the outline with the first frame (1-based) whose step is in it.
    static func sectionFrames(_ d: LessonDrawing) -> [(title: String, frame: Int?)] {
        var first: [String: Int] = [:]
        for (i, f) in d.plan.frames.enumerated() {
            if let section = f.explanation.section, first[section] == nil { first[section] = i + 1 }
        }
        return d.lesson.outline.sections.map { ($0.title, first[$0.title]) }
    }

    static func kindName(_ k: Frame.Kind) -> String {
        switch k {
        case .title: return "title"
        case .step: return "step"
        case .summary: return "summary"
        case .end: return "end"
        }
    }

    static func caption(_ x: Explanation) -> JSONValue {
        func q(_ q: Quantity) -> JSONValue {
            .object(["symbol": .string(q.symbol), "formula": q.formula.map(JSONValue.string) ?? .null,
                     "substituted": q.substituted.map(JSONValue.string) ?? .null, "value": .string(q.value), "text": .string(q.text)])
        }
        return .object([
            "section": x.section.map(JSONValue.string) ?? .null,
            "narration": .array(x.narration.map(JSONValue.string)),
            "line": x.line.map(JSONValue.int) ?? .null,
            "source": x.source.map(JSONValue.string) ?? .null,
            "heading": .string(x.heading),
            "details": .array(x.details.map(JSONValue.string)),
            "chain_rule": .array(x.chainRule.map { t in
                .object(["input": .string(t.input), "role": .string(t.role), "upstream": q(t.upstream), "local": q(t.local),
                         "downstream": q(t.downstream), "elementwise": .bool(t.elementwise)])
            }),
            "sums": .array(x.sums.map { .object(["symbol": .string($0.symbol), "target": .string($0.target),
                                                  "terms": .array($0.terms.map(JSONValue.string)), "total": .string($0.total),
                                                  "text": .string($0.text)]) }),
            "error": x.error.map { .object(["type": .string($0.type), "message": .string($0.message),
                                            "node": $0.node.map(JSONValue.string) ?? .null]) } ?? .null,
            "printed": x.printed.map(JSONValue.string) ?? .null,
        ])
    }
}

import Trace

/// A lesson's frames drawn: the plan, the one layout, and each frame as SVG.
struct LessonDrawing {
    let lesson: RenderedLesson
    let plan: FramePlan
    let layout: GraphLayout
    let svgs: [String]
    /// Each frame's node looks, in the order of its scene's nodes and then its released nodes.
    let looks: [[NodeLook]]
    let views: ViewPlan

    /// The default frame canvas: a 16:9 slide at 1920×1080.
    static let slide = Size(width: 1920, height: 1080)
    /// An A4 page (portrait) at 150 pixels per inch, for handouts.
    static let a4 = Size(width: 1240, height: 1754)

    /// The canvas the frames are drawn on.
    let canvas: Size

    /// Draws `lesson` on `canvas`; a `handout` sets the caption under the picture (a printed page).
    init(_ lesson: RenderedLesson, selection: FrameSelection, direction: GraphLayout.Direction?, moduleDepth: Int? = nil,
         canvas: Size = LessonDrawing.slide, handout: Bool = false, session: Graphviz.Session?) throws {
        self.lesson = lesson
        self.canvas = canvas
        var plan = try FramePlan(events: lesson.events, scenes: lesson.scenes, outline: lesson.outline, selection: selection,
                                 title: lesson.title, language: lesson.language)
        if let depth = moduleDepth { plan.frames = ModuleCollapse.apply(plan.frames, depth: depth) }
        self.plan = plan
        let metrics = TextMetrics(session: session)
        let words = PictureWords(language: lesson.language ?? lesson.outline.language)
        // Looks per frame, then one size per node: the largest it ever needs. A node whose
        // state and emphasis did not change since the frame before keeps its look (a long
        // chain's nodes are the same from frame to frame; only the step's few change).
        struct LookInput: Equatable {
            var node: SceneNode
            var focus, isNew, released: Bool
            var root: String?
            var variableName: String?
            /// An AccumulateGrad's look names its variable as the frame's scene does.
            var readsScene: Bool
        }
        var looks: [[NodeLook]] = []
        var made: [(id: SceneNodeID, look: NodeLook)] = []
        var last: [SceneNodeID: (input: LookInput, look: NodeLook)] = [:]
        // The frame before's scene and each of its nodes' look, matched to this frame's nodes in
        // one walk (nodes are in id order), so an unchanged node costs no table lookup.
        var before = Scene()
        var beforeLooks: [(input: LookInput, look: NodeLook)] = []
        for f in plan.frames {
            let root = LessonDrawing.backwardRoot(f, lesson: lesson)
            let backwardStep = LessonDrawing.isBackwardStep(f, lesson: lesson)
            func look(_ n: SceneNode, focus: Bool, isNew: Bool, released: Bool, before: Int?) -> (input: LookInput, look: NodeLook) {
                // The same node as in the frame before, with the same emphasis: its look, found
                // without reading the node's content (most nodes of a long graph's frame).
                if let j = before, !beforeLooks[j].input.readsScene, beforeLooks[j].input.node == n,
                   beforeLooks[j].input.focus == focus, beforeLooks[j].input.isNew == isNew,
                   beforeLooks[j].input.released == released, beforeLooks[j].input.root == root {
                    return beforeLooks[j]
                }
                var variableName: String?
                var readsScene = false
                if case .function(let fn) = n.content, let v = fn.variable {
                    variableName = f.scene.tensor(v)?.name
                    readsScene = true
                }
                let input = LookInput(node: n, focus: focus, isNew: isNew, released: released, root: root, variableName: variableName,
                                      readsScene: readsScene)
                if let j = before, beforeLooks[j].input == input { return beforeLooks[j] }
                if let cached = last[n.id], cached.input == input { return cached }
                let l = NodeLook.of(n, focus: focus, isNew: isNew, released: released, scene: f.scene, backwardRoot: root, words: words)
                last[n.id] = (input, l)
                made.append((n.id, l))
                return (input, l)
            }
            let match = f.scene.nodeIndices(in: before)
            // Only when the nodes are out of order: which were there before, by id.
            let beforeIDs = match == nil ? Set(before.nodes.map(\.id)) : []
            var entries: [(input: LookInput, look: NodeLook)] = []
            entries.reserveCapacity(f.scene.nodes.count)
            for (i, n) in f.scene.nodes.enumerated() {
                let focus = !f.focus.isEmpty && f.focus.contains(n.id)
                let j = match?[i] ?? nil
                let wasThere = match == nil ? beforeIDs.contains(n.id) : j != nil
                entries.append(look(n, focus: focus, isNew: !wasThere && f.kind == .step && !(focus && backwardStep),
                                    released: false, before: j))
            }
            var frameLooks = entries.map(\.look)
            for n in f.released {
                frameLooks.append(look(n, focus: false, isNew: false, released: true, before: nil).look)
            }
            looks.append(frameLooks)
            before = f.scene
            beforeLooks = entries
        }
        var allRows: [TextMetrics.Face: Set<String>] = [:]
        for (_, look) in made { for r in look.rows { allRows[r.face, default: []].insert(r.text) } }
        for (face, texts) in allRows { metrics.prepare(Array(texts), face) }
        var sizes: [SceneNodeID: Size] = [:]
        for (id, look) in made {
            var w = 0.0, h = 0.0
            for r in look.rows {
                w = max(w, metrics.width(r.text, r.face, size: r.size))
                h += r.size * Palette.lineGap
            }
            // A little slack for kerning and for viewers whose fonts run wider.
            let s = Size(width: w * 1.06 + 2 * Palette.nodePadX, height: h + 2 * Palette.nodePadY)
            let old = sizes[id] ?? Size(width: 0, height: 0)
            sizes[id] = Size(width: max(old.width, s.width), height: max(old.height, s.height))
        }
        // Left to right with the caption above, or top to bottom with the caption beside:
        // whichever draws the frames larger (unless the direction was asked for).
        var best: (layout: GraphLayout, arrangement: FrameSVG.Arrangement, views: ViewPlan, score: Double)?
        let lifetimes = GraphLayout.Lifetimes(frames: plan.frames)
        for d in direction.map({ [$0] }) ?? [.lr, .tb] {
            let layout = GraphLayout(lifetimes: lifetimes, sizes: sizes, direction: d, session: session)
            let arrangement: FrameSVG.Arrangement
            if handout {
                let height = LessonDrawing.captionHeight(plan.frames, width: canvas.width - 2 * FrameSVG.margin, metrics: metrics)
                arrangement = .bottom(height: min(height, canvas.height * 0.45))
            } else if d == .lr {
                let height = LessonDrawing.captionHeight(plan.frames, width: canvas.width - 2 * FrameSVG.margin, metrics: metrics)
                arrangement = .top(height: min(height, canvas.height * 0.4))
            } else {
                arrangement = .side(width: 640)
            }
            let panel = FrameSVG.graphPanel(canvas: canvas, arrangement: arrangement)
            let views = ViewPlan(frames: plan.frames, layout: layout, panel: Size(width: panel.width, height: panel.height))
            // The median scale of the frames' views, less for each frame that shows only part of its graph.
            let scales = views.views.filter { !$0.rect.isEmpty }
                .map { min(ViewPlan.maximumScale, panel.width / max($0.rect.width, 1), panel.height / max($0.rect.height, 1)) }
                .sorted()
            let partial = Double(views.views.filter(\.partial).count) / Double(max(views.views.count, 1))
            let score = (scales.isEmpty ? 1 : scales[scales.count / 2]) - partial
            if best == nil || score > best!.score * 1.05 { best = (layout, arrangement, views, score) }
        }
        let layout = best!.layout
        self.layout = layout
        self.looks = looks
        let views = best!.views
        self.views = views
        let drawer = FrameSVG(canvas: canvas, layout: layout, metrics: metrics, arrangement: best!.arrangement, words: words)
        svgs = plan.frames.enumerated().map { i, f in
            drawer.render(f, view: views.views[i], looks: looks[i], index: i, count: plan.frames.count, lessonTitle: lesson.title)
        }
    }

    /// The tallest caption of `frames` set in `width` pixels (summary frames leave room for their chart).
    static func captionHeight(_ frames: [Frame], width: Double, metrics: TextMetrics) -> Double {
        var h = 0.0
        for f in frames where f.kind != .title {
            var w = width
            if case .summary = f.kind { w -= 560 }
            h = max(h, Caption(f.explanation, frame: f.kind, width: w, scale: Caption.minimumScale, metrics: metrics).height)
        }
        return h + 2 * FrameSVG.margin
    }

    /// The root's name of the backward pass a frame's step belongs to (`z` of `∂z/∂y`).
    static func backwardRoot(_ f: Frame, lesson: RenderedLesson) -> String? {
        guard let e = f.event else { return nil }
        var i = e
        while i >= 0 {
            switch lesson.events[i].kind {
            case .backwardBegin(let b):
                guard let r = b.roots.first else { return nil }
                return f.scene.tensor(r.id)?.name ?? r.name
            case .backwardEnd where i != e:
                return nil
            default:
                i -= 1
            }
        }
        return nil
    }

    static func isBackwardStep(_ f: Frame, lesson: RenderedLesson) -> Bool {
        guard let e = f.event else { return false }
        return FrameSelection.isBackward(lesson.events[e])
    }
}

import Trace

/// Which part of the lesson's coordinates each frame shows.
///
/// Consecutive frames share one view as long as everything they show fits the graph panel
/// at a legible scale, so nodes stand still on screen within such a stretch; the view moves
/// only when the picture would otherwise shrink below ``minimumScale``. A frame whose own
/// nodes do not fit legibly shows the region around what its step acts on, with an overview
/// of the whole graph.
struct ViewPlan {
    struct View: Equatable {
        var rect: Rect
        /// True when the frame shows only part of its graph (an overview marks where).
        var partial: Bool
        /// Everything the frame holds (for the overview).
        var content: Rect
    }

    /// The smallest node text (20 px) must stay at least 18 px on the 1920×1080 canvas.
    static let minimumScale = Palette.minimumText / Palette.smallSize
    /// Never blow small graphs up beyond this.
    static let maximumScale = 1.4
    static let padding = 30.0

    var views: [View] = []

    init(frames: [Frame], layout: GraphLayout, panel: Size) {
        func contentBox(_ f: Frame) -> Rect {
            var r = Rect.empty
            for p in layout.places(of: f.scene.nodes) + layout.places(of: f.released) {
                if let p { r = r.union(p.rect) }
            }
            return r.isEmpty ? r : r.inset(ViewPlan.padding)
        }
        func fits(_ r: Rect) -> Bool {
            r.isEmpty || min(panel.width / max(r.width, 1), panel.height / max(r.height, 1)) >= ViewPlan.minimumScale
        }
        var group: Rect?
        var start = 0
        var out: [View] = []
        func close(at end: Int) {
            guard start < end else { return }
            let r = group ?? Rect.empty
            for k in start..<end { out[k].rect = r }
        }
        for (k, f) in frames.enumerated() {
            let box = contentBox(f)
            if box.isEmpty {
                out.append(View(rect: group ?? box, partial: false, content: box))
                continue
            }
            if !fits(box) {
                // Too large to read whole: the region around the step's focus, at the legible scale.
                close(at: k)
                group = nil
                start = k + 1
                out.append(View(rect: ViewPlan.focusRegion(f, layout: layout, panel: panel, fallback: box), partial: true, content: box))
                continue
            }
            if let g = group, fits(g.union(box)) {
                group = g.union(box)
            } else {
                close(at: k)
                group = box
                start = k
            }
            out.append(View(rect: box, partial: false, content: box))
        }
        close(at: frames.count)
        views = out
    }

    /// A panel-sized region at the legible scale, centred on the nodes the frame acts on (or
    /// the newest ones, or the middle of the graph).
    /// When the focus is spread wider than the region, the region goes where most of it is
    /// (a window centred on one of the focus nodes, the one whose window holds the most), and
    /// it is kept inside the graph so that no side of the frame shows empty canvas.
    static func focusRegion(_ f: Frame, layout: GraphLayout, panel: Size, fallback: Rect) -> Rect {
        var focus = Rect.empty
        var points: [Point] = []
        for id in f.focus.sorted() {
            if let p = layout.positions[id], let s = layout.sizes[id] {
                focus = focus.union(Rect(center: p, size: s))
                points.append(p)
            }
        }
        let w = panel.width / minimumScale, h = panel.height / minimumScale
        var c = focus.isEmpty ? fallback.center : focus.center
        if focus.width > w || focus.height > h {
            // Candidate centres: at most `candidates` of the focus nodes, spread over them.
            let candidates = 200
            let stride = max(1, points.count / candidates)
            var best = -1
            for k in Swift.stride(from: 0, to: points.count, by: stride) {
                let q = points[k]
                let inside = points.reduce(0) { $0 + (abs($1.x - q.x) <= w / 2 && abs($1.y - q.y) <= h / 2 ? 1 : 0) }
                if inside > best {
                    best = inside
                    c = q
                }
            }
        }
        // Inside the graph's box where the graph is larger than the region.
        if !fallback.isEmpty {
            if fallback.width > w { c.x = min(max(c.x, fallback.minX + w / 2), fallback.maxX - w / 2) }
            if fallback.height > h { c.y = min(max(c.y, fallback.minY + h / 2), fallback.maxY - h / 2) }
        }
        return Rect(minX: c.x - w / 2, minY: c.y - h / 2, maxX: c.x + w / 2, maxY: c.y + h / 2)
    }
}

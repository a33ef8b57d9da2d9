import Foundation

/// `clabel`: labels placed on the flattest stretch of each long-enough contour line and the
/// line cut open beneath them (`ContourLabeler.locate_label` and `labels` in `contour.py`).
extension Axes {
    /// Labels the contour set at `index` (levels: all when nil); returns the label texts.
    @discardableResult
    public func clabel(_ index: Int, levels wanted: [Double]?, fontSize: Double = 10, inline: Bool = true,
                       colors: [PlotColor]?, format: ((Double) -> String)?, figure: Figure) throws -> [String] {
        guard artists.indices.contains(index), case .contour(var c) = artists[index] else { return [] }
        let t = view(figureSize: figure.size)
        let pixels = figure.dpi / 72
        let levelIndices = c.levels.indices.filter { k in wanted.map { w in w.contains { abs($0 - c.levels[k]) < 1e-12 * max(1, abs($0)) } } ?? true }
        var formatter = TickFormatter(useOffset: false)
        let chosen = levelIndices.map { c.levels[$0] }
        var texts: [String] = []
        var placed: [PlotPoint] = []
        // A 1-point surface only to measure the labels' text.
        _ = try Canvas.render(.png(dpi: 72), width: 1, height: 1) { canvas in
            for (n, k) in levelIndices.enumerated() {
                let level = c.levels[k]
                let text: String
                if let format {
                    text = format(level)
                } else {
                    formatter.setLocs(chosen + [level], view: PlotInterval(0, 1))
                    text = formatter.label(level)
                }
                let width = canvas.measure(text, size: fontSize).width * pixels
                guard k < c.paths.count else { continue }
                var kept: [[PlotPoint]] = []
                for line in c.paths[k] {
                    let screen = line.map { t.apply($0) }.map { PlotPoint($0.x * pixels, $0.y * pixels) }
                    guard Axes.longEnough(screen, width), let (at, rotation, rest) = Axes.place(screen, width, placed, spacing: 5) else {
                        kept.append(line)
                        continue
                    }
                    placed.append(at)
                    let color = colors.map { $0[n % max($0.count, 1)] } ?? c.colors[k]
                    c.labels.append(ContourLabel(text: text, position: t.invert(PlotPoint(at.x / pixels, at.y / pixels)),
                                                 rotation: rotation, color: color, size: fontSize))
                    texts.append(text)
                    if inline {
                        kept += rest.map { piece in piece.map { t.invert(PlotPoint($0.x / pixels, $0.y / pixels)) } }
                    } else {
                        kept.append(line)
                    }
                }
                c.paths[k] = kept
            }
        }
        artists[index] = .contour(c)
        return texts
    }

    /// `print_label`: many vertices, or wide enough on screen.
    static func longEnough(_ xy: [PlotPoint], _ width: Double) -> Bool {
        guard !xy.isEmpty else { return false }
        if Double(xy.count) > 10 * width { return true }
        let xs = xy.map(\.x), ys = xy.map(\.y)
        return xs.max()! - xs.min()! > 1.2 * width || ys.max()! - ys.min()! > 1.2 * width
    }

    /// `locate_label` then the cut: blocks of `width` vertices, the straightest block's middle
    /// vertex not too near an earlier label; the rotation from the points ±width/2 along the
    /// line, and the line without the stretch ±(width/2 + spacing) around the label.
    static func place(_ xy: [PlotPoint], _ width: Double, _ placed: [PlotPoint], spacing: Double)
        -> (PlotPoint, Double, [[PlotPoint]])? {
        let n = xy.count
        guard n >= 2 else { return nil }
        let blocks = width > 1 ? Int((Double(n) / width).rounded(.up)) : 1
        let blockSize = blocks == 1 ? n : max(1, Int(width))
        var scored: [(Double, Int)] = []
        for b in 0..<blocks {
            let idx = (0..<blockSize).map { xy[(b * blockSize + $0) % n] }
            let first = idx[0], last = idx[idx.count - 1]
            let l = hypot(last.x - first.x, last.y - first.y)
            let dist = idx.reduce(0.0) { acc, p in
                acc + abs((first.y - p.y) * (last.x - first.x) - (first.x - p.x) * (last.y - first.y)) / l
            }
            scored.append((dist.isNaN ? .infinity : dist, b))
        }
        let order = scored.sorted { $0 < $1 }.map(\.1)
        let half = blockSize / 2
        var chosen = order[0]
        for b in order {
            let p = xy[(b * blockSize + half) % n]
            if !placed.contains(where: { pow($0.x - p.x, 2) + pow($0.y - p.y, 2) < pow(1.2 * width, 2) }) {
                chosen = b
                break
            }
        }
        let index = (chosen * blockSize + half) % n
        let at = xy[index]
        // Arc length along the line, measured from the label's vertex.
        var arc = [0.0]
        for k in 1..<n { arc.append(arc[k - 1] + hypot(xy[k].x - xy[k - 1].x, xy[k].y - xy[k - 1].y)) }
        let s0 = arc[index]
        func point(at s: Double) -> PlotPoint {
            let target = min(max(s, 0), arc[n - 1])
            var k = 1
            while k < n - 1 && arc[k] < target { k += 1 }
            let seg = arc[k] - arc[k - 1]
            let f = seg > 0 ? (target - arc[k - 1]) / seg : 0
            return PlotPoint(xy[k - 1].x + f * (xy[k].x - xy[k - 1].x), xy[k - 1].y + f * (xy[k].y - xy[k - 1].y))
        }
        let a = point(at: s0 - width / 2), b = point(at: s0 + width / 2)
        var rotation = atan2(b.y - a.y, b.x - a.x) * 180 / .pi
        if rotation > 90 { rotation -= 180 }
        if rotation <= -90 { rotation += 180 }
        let cutLow = s0 - width / 2 - spacing, cutHigh = s0 + width / 2 + spacing
        var before = xy.indices.filter { arc[$0] < cutLow }.map { xy[$0] }
        var after = xy.indices.filter { arc[$0] > cutHigh }.map { xy[$0] }
        if !before.isEmpty { before.append(point(at: cutLow)) }
        if !after.isEmpty { after.insert(point(at: cutHigh), at: 0) }
        let closed = hypot(xy[0].x - xy[n - 1].x, xy[0].y - xy[n - 1].y) < 1e-9
        var pieces: [[PlotPoint]] = []
        if closed && !before.isEmpty && !after.isEmpty {
            pieces = [after + before.dropFirst()]
        } else {
            pieces = [before, after].filter { $0.count >= 2 }
        }
        return (at, rotation, pieces)
    }
}

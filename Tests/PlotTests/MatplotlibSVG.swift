import Foundation

/// What an SVG written by matplotlib (or gradviz's summary of its own) says about each axes:
/// its box, ticks with their labels, offset texts and how many lines, points and arrows.
struct AxesFacts {
    var box: [Double] = []
    var xTicks: [(Double, String)] = []
    var yTicks: [(Double, String)] = []
    var xLimits: (Double, Double)?
    var yLimits: (Double, Double)?
    var xOffset = ""
    var yOffset = ""
    var lines = 0
    var points = 0
    var arrows = 0
}

enum MatplotlibSVG {
    static func matches(_ pattern: String, _ text: String) -> [[String]] {
        guard let re = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    /// One element of interest with the ids of the groups around it, outermost first.
    struct Item {
        enum Kind { case use(x: Double?, y: Double?), path(String), comment(String) }
        var kind: Kind
        var groups: [String]

        func inside(_ prefix: String) -> Bool { groups.contains { $0.hasPrefix(prefix) } }
    }

    /// `<g>` nesting, `<use>`, `<path>` and comments of an SVG, in document order.
    static func items(_ svg: String) -> [Item] {
        var stack: [String] = []
        var out: [Item] = []
        let tokens = matches("<g id=\"([^\"]*)\"[^>]*>|<g[ >]|</g>|<use ([^>]*)>|<path ([^>]*)>|<!-- (.*?) -->", svg)
        for t in tokens {
            let whole = t[0]
            if whole.hasPrefix("<g id=") {
                stack.append(t[1])
            } else if whole.hasPrefix("<g") {
                stack.append("")
            } else if whole == "</g>" {
                _ = stack.popLast()
            } else if whole.hasPrefix("<use") {
                let x = matches(" x=\"([-0-9.e]+)\"", whole).first.flatMap { Double($0[1]) }
                let y = matches(" y=\"([-0-9.e]+)\"", whole).first.flatMap { Double($0[1]) }
                out.append(Item(kind: .use(x: x, y: y), groups: stack))
            } else if whole.hasPrefix("<path") {
                out.append(Item(kind: .path(whole), groups: stack))
            } else {
                out.append(Item(kind: .comment(t[4]), groups: stack))
            }
        }
        return out
    }

    /// Facts from matplotlib's SVG (figure points, y up).
    static func parse(_ svg: String) -> [AxesFacts] {
        let height = Double(matches("height=\"([0-9.]+)pt\"", svg).first?[1] ?? "") ?? 0
        let all = items(svg)
        let axesIDs = Array(Set(all.compactMap { $0.groups.first { $0.hasPrefix("axes_") } })).sorted {
            (Int($0.dropFirst(5)) ?? 0) < (Int($1.dropFirst(5)) ?? 0)
        }
        return axesIDs.map { id in
            var f = AxesFacts()
            let mine = all.filter { $0.groups.contains(id) }
            // The axes background: the first patch's rectangle.
            for item in mine where item.inside("patch_") {
                if case .path(let p) = item.kind, let d = matches("d=\"M ([-0-9.]+) ([-0-9.]+) \\s*L ([-0-9.]+) ([-0-9.]+) \\s*L ([-0-9.]+) ([-0-9.]+)", p).first {
                    f.box = [Double(d[1]) ?? 0, height - (Double(d[2]) ?? 0), Double(d[3]) ?? 0, height - (Double(d[6]) ?? 0)]
                    break
                }
            }
            for (axis, prefix) in [(0, "xtick_"), (1, "ytick_")] {
                let tickIDs = Array(Set(mine.compactMap { $0.groups.first { $0.hasPrefix(prefix) } })).sorted {
                    (Int($0.dropFirst(6)) ?? 0) < (Int($1.dropFirst(6)) ?? 0)
                }
                for tid in tickIDs {
                    let parts = mine.filter { $0.groups.contains(tid) }
                    var pos: Double?, label: String?
                    for p in parts {
                        if case .use(let x, let y) = p.kind, p.inside("line2d_"), pos == nil, let x, let y { pos = axis == 0 ? x : height - y }
                        if case .comment(let c) = p.kind, label == nil { label = c }
                    }
                    if let pos, let label {
                        if axis == 0 { f.xTicks.append((pos, label)) } else { f.yTicks.append((pos, label)) }
                    }
                }
                // The axis' own texts outside its ticks: its label, then the offset text.
                var axisIDs: [String] = []
                for item in mine {
                    if let a = item.groups.first(where: { $0.hasPrefix("matplotlib.axis_") }), !axisIDs.contains(a) { axisIDs.append(a) }
                }
                guard axis < axisIDs.count else { continue }
                let axisID = axisIDs[axis]
                let extra: [String] = mine.compactMap { item in
                    guard item.groups.contains(axisID), !item.inside(prefix), case .comment(let c) = item.kind else { return nil }
                    return c
                }
                let offsets = extra.filter { $0.contains("e") && Double($0.replacingOccurrences(of: "\u{2212}", with: "-")) != nil || $0.hasPrefix("+") || $0.hasPrefix("1e") }
                if axis == 0 { f.xOffset = offsets.last ?? "" } else { f.yOffset = offsets.last ?? "" }
            }
            let lineIDs = Set(mine.compactMap { item -> String? in
                guard !item.inside("xtick_"), !item.inside("ytick_"), !item.inside("legend_") else { return nil }
                return item.groups.first { $0.hasPrefix("line2d_") }
            })
            f.lines = lineIDs.count
            for item in mine where !item.inside("xtick_") && !item.inside("ytick_") && !item.inside("legend_") {
                if case .use = item.kind, item.inside("line2d_") || item.inside("PathCollection_") { f.points += 1 }
                if case .path = item.kind, item.inside("Quiver_") { f.arrows += 1 }
            }
            f.xLimits = limits(f.xTicks, low: f.box.first, high: f.box.count > 2 ? f.box[2] : nil, offset: f.xOffset)
            f.yLimits = limits(f.yTicks, low: f.box.count > 1 ? f.box[1] : nil, high: f.box.count > 3 ? f.box[3] : nil, offset: f.yOffset)
            return f
        }
    }

    /// The view limits implied by two labelled ticks and the box edges (labels as plain numbers).
    static func limits(_ ticks: [(Double, String)], low: Double?, high: Double?, offset: String) -> (Double, Double)? {
        guard offset.isEmpty, let low, let high, ticks.count >= 2,
              let v0 = Double(ticks[0].1.replacingOccurrences(of: "\u{2212}", with: "-")),
              let v1 = Double(ticks[ticks.count - 1].1.replacingOccurrences(of: "\u{2212}", with: "-")) else { return nil }
        let p0 = ticks[0].0, p1 = ticks[ticks.count - 1].0
        guard p1 != p0 else { return nil }
        let scale = (v1 - v0) / (p1 - p0)
        return (v0 + (low - p0) * scale, v0 + (high - p0) * scale)
    }

    /// Facts from gradviz's summary comment.
    static func parseSummary(_ svg: String) -> [AxesFacts] {
        guard let body = svg.components(separatedBy: "<!-- gradviz-plot\n").last?.components(separatedBy: "-->").first else { return [] }
        var all: [AxesFacts] = []
        for line in body.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
            guard let key = parts.first else { continue }
            if key == "axes" {
                let nums = line.split(separator: " ").dropFirst(3).compactMap { Double($0) }
                all.append(AxesFacts(box: nums))
                continue
            }
            guard !all.isEmpty else { continue }
            let k = all.count - 1
            switch key {
            case "xlim": all[k].xLimits = (Double(parts[1]) ?? 0, Double(parts[2]) ?? 0)
            case "ylim": all[k].yLimits = (Double(parts[1]) ?? 0, Double(parts[2]) ?? 0)
            case "xtick": all[k].xTicks.append((Double(parts[2]) ?? 0, parts.count > 3 ? parts[3] : ""))
            case "ytick": all[k].yTicks.append((Double(parts[2]) ?? 0, parts.count > 3 ? parts[3] : ""))
            case "xoffset": all[k].xOffset = String(line.dropFirst(8))
            case "yoffset": all[k].yOffset = String(line.dropFirst(8))
            case "counts":
                let n = line.split(separator: " ").compactMap { Int($0) }
                if n.count >= 3 { (all[k].lines, all[k].points, all[k].arrows) = (n[0], n[1], n[2]) }
            default: break
            }
        }
        return all
    }
}

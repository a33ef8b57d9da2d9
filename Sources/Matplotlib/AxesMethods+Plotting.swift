import Plot
import Python

/// `plot`, `scatter`, `fill_between`, `axhline`/`axvline`, `text`, `annotate`, `arrow`.
extension AxesMethods {
    static func handle(_ ax: AxesObject, _ index: Int, _ kind: String, _ qualified: String) -> PyValue {
        .object(ArtistObject(kind: kind, qualified: qualified, owner: ax, index: index))
    }

    /// Line2D properties `plot` takes; the drawing ones that do not change the picture
    /// (antialiasing, cap and join styles, pickers) are accepted as matplotlib accepts them.
    static let lineKeywords: Set<String> = [
        "color", "c", "linewidth", "lw", "linestyle", "ls", "marker", "markersize", "ms", "markerfacecolor", "mfc",
        "markeredgecolor", "mec", "markeredgewidth", "mew", "alpha", "label", "zorder", "antialiased", "aa",
        "solid_capstyle", "solid_joinstyle", "dash_capstyle", "dash_joinstyle", "picker", "pickradius", "visible",
        "scalex", "scaley", "data", "clip_on", "rasterized", "gid", "url",
    ]

    static let collectionKeywords: Set<String> = [
        "x", "y", "s", "c", "color", "marker", "cmap", "norm", "vmin", "vmax", "alpha", "linewidths", "linewidth", "lw",
        "edgecolors", "edgecolor", "ec", "label", "zorder", "plotnonfinite", "data", "antialiased", "clip_on",
        "rasterized", "visible", "facecolor", "facecolors", "fc",
    ]

    static func checkKeywords(_ args: PyArgs, _ known: Set<String>, _ owner: String) throws {
        if let bad = args.keywords.first(where: { !known.contains($0.name) }) {
            throw PyException(.attributeError, "\(owner).set() got an unexpected keyword argument '\(bad.name)'")
        }
    }

    /// `plot([x], y, [fmt], [x2], y2, [fmt2], ..., **kwargs)`.
    static func plot(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        try checkKeywords(args, lineKeywords, "Line2D")
        let kw = Keywords(args, interp)
        var groups: [(x: PyValue?, y: PyValue, fmt: String?)] = []
        var rest = args.positional
        while !rest.isEmpty {
            var take = Array(rest.prefix(3))
            if take.count >= 2, case .str = take[1] { take = Array(take.prefix(2)) }
            if take.count == 3, case .str = take[2] {} else if take.count == 3 { take = Array(take.prefix(2)) }
            if case .str = take[0] { throw PyException(.valueError, "third arg must be a format string") }
            rest.removeFirst(take.count)
            if take.count == 1 {
                groups.append((nil, take[0], nil))
            } else if case .str(let f) = take[1] {
                groups.append((nil, take[0], f))
            } else if take.count == 3, case .str(let f) = take[2] {
                groups.append((take[0], take[1], f))
            } else {
                groups.append((take[0], take[1], nil))
            }
        }
        var handles: [PyValue] = []
        for g in groups {
            let ys = try PlotArguments.matrix(g.y, interp)
            let yShape = try PlotArguments.shape(g.y, interp)
            let columns: [[Double]]
            if yShape.count >= 2 {
                let nrows = ys.count, ncols = ys.first?.count ?? 0
                columns = (0..<ncols).map { c in (0..<nrows).map { r in c < ys[r].count ? ys[r][c] : .nan } }
            } else {
                columns = [ys.first ?? []]
            }
            let n = columns.first?.count ?? 0
            let xs: [Double]
            if let x = g.x {
                xs = try PlotArguments.values(x, interp)
                if xs.count != n {
                    let xShape = try PlotArguments.shape(x, interp)
                    throw PyException(.valueError, "x and y must have same first dimension, but have shapes \(shapeText(xShape)) and \(shapeText(yShape))")
                }
            } else {
                xs = (0..<n).map(Double.init)
            }
            let fmt = try g.fmt.map { f in try plotting { try FormatString(f) } }
            for column in columns {
                let color = try kw.color("color", "c") ?? fmt?.color ?? ax.axes.nextColor()
                var line = Line2D(xs: xs, ys: column, color: color)
                line.lineStyle = fmt?.lineStyle ?? .solid
                line.marker = fmt?.marker
                if let ls = try kw.lineStyle() { line.lineStyle = ls }
                if let m = try kw.marker() { line.marker = m }
                if let lw = try kw.double("linewidth", "lw") { line.lineWidth = lw }
                if let ms = try kw.double("markersize", "ms") { line.markerSize = ms }
                if let mfc = try kw.color("markerfacecolor", "mfc") { line.markerFaceColor = mfc }
                if let mec = try kw.color("markeredgecolor", "mec") { line.markerEdgeColor = mec }
                if let mew = try kw.double("markeredgewidth", "mew") { line.markerEdgeWidth = mew }
                line.alpha = try kw.double("alpha")
                line.label = try kw.label()
                if let z = try kw.double("zorder") { line.zorder = z }
                let index = ax.axes.add(.line(line))
                // get_color() gives a color= value back as written, a format string's colour as an
                // RGBA tuple, and a cycle colour as an RGB tuple (as matplotlib stores each).
                if let given = kw.value("color", "c") {
                    ax.colorSpecs[index] = given
                } else if let c = fmt?.color {
                    ax.colorSpecs[index] = .tuple([.float(c.r), .float(c.g), .float(c.b), .int(1)])
                }
                handles.append(handle(ax, index, "Line2D", "matplotlib.lines.Line2D"))
            }
        }
        return .list(PyList(handles))
    }

    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// `scatter(x, y, s=None, c=None, marker=None, cmap=None, alpha=None, ...)`.
    static func scatter(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        try checkKeywords(args, collectionKeywords, "PathCollection")
        let kw = Keywords(args, interp)
        let p = args.positional
        guard let xv = p.first ?? args.keyword("x"), let yv = (p.count > 1 ? p[1] : nil) ?? args.keyword("y") else {
            throw PyException(.typeError, "Axes.scatter() missing 2 required positional arguments: 'x' and 'y'")
        }
        let xs = try PlotArguments.values(xv, interp), ys = try PlotArguments.values(yv, interp)
        guard xs.count == ys.count else { throw PyException(.valueError, "x and y must be the same size") }
        let sizeArg = (p.count > 2 ? p[2] : nil) ?? args.keyword("s")
        let colorArg = (p.count > 3 ? p[3] : nil) ?? args.keyword("c") ?? args.keyword("color")
        var colors: [PlotColor]
        var scale: (Colormap, Double, Double)?
        if let c = colorArg, !c.isNone {
            if case .str = c {
                colors = [try PlotArguments.color(c, interp)]
            } else if let seq = c.asSequence ?? (try? PlotArguments.values(c, interp).map { PyValue.float($0) }),
                      seq.count == xs.count, seq.allSatisfy({ $0.asDouble != nil }) {
                let numbers = try PlotArguments.values(c, interp)
                let cmapName = try kw.string("cmap") ?? "viridis"
                guard let cmap = Colormap(name: cmapName) else { throw PyException(.valueError, "'\(cmapName)' is not a valid value for cmap") }
                let lo = try kw.double("vmin") ?? numbers.filter(\.isFinite).min() ?? 0
                let hi = try kw.double("vmax") ?? numbers.filter(\.isFinite).max() ?? 1
                colors = numbers.map { cmap.color(at: hi > lo ? ($0 - lo) / (hi - lo) : 0) }
                scale = (cmap, lo, hi)
            } else {
                colors = try PlotArguments.colors(c, interp)
            }
        } else {
            colors = [ax.axes.nextPatchColor()]
        }
        var set = ScatterSet(xs: xs, ys: ys, colors: colors)
        set.colorScale = scale
        if let s = sizeArg, !s.isNone { set.sizes = try PlotArguments.values(s, interp) }
        if let m = try kw.marker() { set.marker = m ?? .circle }
        set.alpha = try kw.double("alpha")
        set.label = try kw.label()
        if let lw = try kw.double("linewidths", "linewidth", "lw") { set.lineWidth = lw }
        if let e = kw.value("edgecolors", "edgecolor", "ec"), !e.isNone {
            if case .str(let s) = e, s == "face" {} else if case .str(let s) = e, s == "none" { set.edgeColors = [] } else {
                set.edgeColors = try PlotArguments.colors(e, interp)
            }
        }
        if let z = try kw.double("zorder") { set.zorder = z }
        return handle(ax, ax.axes.add(.scatter(set)), "PathCollection", "matplotlib.collections.PathCollection")
    }

    /// `fill_between(x, y1, y2=0, where=None, color=..., alpha=..., label=...)`.
    static func fillBetween(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        let b = try PyArgs(args.positional, keywords: args.keywords.filter { ["x", "y1", "y2", "where"].contains($0.name) })
            .bind(signature: "fill_between(x, y1, y2=0, where=None)")
        let xs = try PlotArguments.values(b["x"], interp)
        func broadcast(_ v: PyValue) throws -> [Double] {
            let vals = try PlotArguments.values(v, interp)
            return vals.count == 1 ? [Double](repeating: vals[0], count: xs.count) : vals
        }
        let y1 = try broadcast(b["y1"]), y2 = try broadcast(b["y2"])
        guard y1.count == xs.count, y2.count == xs.count else {
            throw PyException(.valueError, "operands could not be broadcast together")
        }
        let color = try kw.color("color", "facecolor", "fc") ?? ax.axes.nextPatchColor()
        var fill = FillBetween(xs: xs, y1: y1, y2: y2, color: color)
        if !b["where"].isNone { fill.mask = try PlotArguments.values(b["where"], interp).map { $0 != 0 } }
        fill.alpha = try kw.double("alpha")
        fill.label = try kw.label()
        fill.edgeColor = try kw.color("edgecolor", "ec")
        if let z = try kw.double("zorder") { fill.zorder = z }
        return handle(ax, ax.axes.add(.fill(fill)), "FillBetweenPolyCollection", "matplotlib.collections.FillBetweenPolyCollection")
    }

    /// `axhline(y=0, xmin=0, xmax=1, **kwargs)` and `axvline(x=0, ymin=0, ymax=1, **kwargs)`.
    static func referenceLine(_ orientation: ReferenceLine.Orientation) -> AxesMethod {
        { ax, args, interp in
            let kw = Keywords(args, interp)
            let names = orientation == .horizontal ? ["y", "xmin", "xmax"] : ["x", "ymin", "ymax"]
            let b = try PyArgs(args.positional, keywords: args.keywords.filter { names.contains($0.name) })
                .bind(signature: "\(orientation == .horizontal ? "axhline" : "axvline")(\(names[0])=0, \(names[1])=0, \(names[2])=1)")
            // A reference line is a plain Line2D: 'C0' by default, no cycle advanced.
            let color = try kw.color("color", "c") ?? PlotColor.cycle[0]
            var line = Line2D(xs: [], ys: [], color: color)
            if let ls = try kw.lineStyle() { line.lineStyle = ls }
            if let lw = try kw.double("linewidth", "lw") { line.lineWidth = lw }
            line.alpha = try kw.double("alpha")
            line.label = try kw.label()
            if let z = try kw.double("zorder") { line.zorder = z }
            var r = ReferenceLine(orientation: orientation, value: try interp.toDouble(b[names[0]]), line: line)
            r.from = try interp.toDouble(b[names[1]])
            r.to = try interp.toDouble(b[names[2]])
            return handle(ax, ax.axes.add(.reference(r)), "Line2D", "matplotlib.lines.Line2D")
        }
    }

    static func textStyle(_ kw: Keywords, size: Double = 10) throws -> TextStyle {
        var style = TextStyle(size: size)
        if let v = kw.value("fontsize", "size"), !v.isNone { style.size = try fontSize(v, kw.interp) }
        if let c = try kw.color("color", "c") { style.color = c }
        if let w = try kw.string("fontweight", "weight") { style.bold = w == "bold" || w == "heavy" || w == "black" }
        style.alpha = try kw.double("alpha")
        return style
    }

    /// A font size: points, or matplotlib's names relative to 10 pt.
    static func fontSize(_ v: PyValue, _ interp: Interpreter) throws -> Double {
        if case .str(let s) = v {
            let names = ["xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0, "large": 1.2, "x-large": 1.44,
                         "xx-large": 1.728, "larger": 1.2, "smaller": 0.833]
            guard let f = names[s] else {
                throw PyException(.valueError, "\(PlotFormat.quoted(s)) is not a valid font size. Valid font sizes are xx-small, x-small, small, medium, large, x-large, xx-large, larger, smaller, None")
            }
            return 10 * f
        }
        return try interp.toDouble(v)
    }

    static func alignments(_ kw: Keywords) throws -> (HAlign?, VAlign?) {
        var ha: HAlign?, va: VAlign?
        if let h = try kw.string("horizontalalignment", "ha") {
            guard let a = HAlign(rawValue: h) else { throw PyException(.valueError, "\(PlotFormat.quoted(h)) is not a valid value for align. Supported values are 'center', 'right', 'left'") }
            ha = a
        }
        if let v = try kw.string("verticalalignment", "va") {
            guard let a = VAlign(rawValue: v) else { throw PyException(.valueError, "\(PlotFormat.quoted(v)) is not a valid value for align. Supported values are 'top', 'bottom', 'center', 'baseline', 'center_baseline'") }
            va = a
        }
        return (ha, va)
    }

    /// `text(x, y, s, fontsize=..., color=..., ha=..., va=..., transform=ax.transAxes)`.
    static func text(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        let b = try PyArgs(args.positional, keywords: args.keywords.filter { ["x", "y", "s"].contains($0.name) })
            .bind(signature: "text(x, y, s)")
        let x = try interp.toDouble(b["x"]), y = try interp.toDouble(b["y"])
        let axesCoords: Bool
        if case .object(let t as TransformObject)? = kw.value("transform") { axesCoords = t.isAxes } else { axesCoords = false }
        var t = TextArtist(text: try interp.str(b["s"]), position: axesCoords ? .axesFraction(x, y) : .data(x, y))
        t.style = try textStyle(kw)
        let (ha, va) = try alignments(kw)
        t.ha = ha ?? .left
        t.va = va ?? .baseline
        t.rotation = try kw.double("rotation") ?? 0
        if case .dict(let d)? = kw.value("bbox"), let fc = d["facecolor"] ?? d["fc"] {
            t.boxColor = try PlotArguments.color(fc, interp).withAlpha(try PlotArguments.double(d["alpha"], interp))
        }
        return handle(ax, ax.axes.add(.text(t)), "Text", "matplotlib.text.Text")
    }

    static func placement(_ coords: String?, _ x: Double, _ y: Double) throws -> Placement {
        switch coords ?? "data" {
        case "data": return .data(x, y)
        case "axes fraction": return .axesFraction(x, y)
        case "figure fraction": return .figureFraction(x, y)
        case "offset points": return .offsetPoints(x, y)
        case "offset pixels": return .offsetPoints(x * 0.72, y * 0.72)
        default: throw PyException(.valueError, "\(PlotFormat.quoted(coords ?? "")) is not a recognized coordinate")
        }
    }

    /// `annotate(text, xy, xytext=None, xycoords='data', textcoords=None, arrowprops=None, ...)`.
    static func annotate(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        let b = try PyArgs(args.positional, keywords: args.keywords.filter { ["text", "xy", "xytext", "s"].contains($0.name) })
            .bind(signature: "annotate(text, xy, xytext=None)")
        let xy = try PlotArguments.values(b["xy"], interp)
        guard xy.count == 2 else { throw PyException(.valueError, "not enough values to unpack (expected 2, got \(xy.count))") }
        let xycoords = try kw.string("xycoords")
        let target = try placement(xycoords, xy[0], xy[1])
        var position = target
        if !b["xytext"].isNone {
            let xt = try PlotArguments.values(b["xytext"], interp)
            guard xt.count == 2 else { throw PyException(.valueError, "not enough values to unpack (expected 2, got \(xt.count))") }
            position = try placement(try kw.string("textcoords") ?? xycoords, xt[0], xt[1])
        }
        var t = TextArtist(text: try interp.str(b["text"]), position: position)
        t.target = target
        t.style = try textStyle(kw)
        let (ha, va) = try alignments(kw)
        t.ha = ha ?? .left
        t.va = va ?? .baseline
        t.rotation = try kw.double("rotation") ?? 0
        if case .dict(let d)? = kw.value("arrowprops") {
            var a = ArrowProps()
            func get(_ k: String) -> PyValue? { d[k] }
            if let s = get("arrowstyle") { a.style = try interp.str(s) }
            if let c = get("color") ?? get("facecolor") ?? get("fc") { a.color = try PlotArguments.color(c, interp) }
            if let lw = get("lw") ?? get("linewidth") { a.lineWidth = try interp.toDouble(lw) }
            if let s = get("shrink") { a.shrink = try interp.toDouble(s) }
            if let w = get("width") { a.width = try interp.toDouble(w) }
            if let w = get("headwidth") { a.headWidth = try interp.toDouble(w) }
            if let l = get("headlength") { a.headLength = try interp.toDouble(l) }
            t.arrow = a
        }
        return handle(ax, ax.axes.add(.text(t)), "Annotation", "matplotlib.text.Annotation")
    }

    /// `arrow(x, y, dx, dy, width=0.001, head_width=None, head_length=None, ...)`.
    static func arrow(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        let b = try PyArgs(args.positional, keywords: args.keywords.filter { ["x", "y", "dx", "dy"].contains($0.name) })
            .bind(signature: "arrow(x, y, dx, dy)")
        let color = try kw.color("color", "c", "facecolor", "fc") ?? PlotColor.cycle[0]
        var a = ArrowPatch(x: try interp.toDouble(b["x"]), y: try interp.toDouble(b["y"]), dx: try interp.toDouble(b["dx"]),
                           dy: try interp.toDouble(b["dy"]), color: color)
        if let ec = try kw.color("edgecolor", "ec", "color", "c") { a.edgeColor = ec } else { a.edgeColor = .black }
        if let w = try kw.double("width") { a.width = w }
        a.headWidth = try kw.double("head_width")
        a.headLength = try kw.double("head_length")
        a.lengthIncludesHead = try kw.bool("length_includes_head") ?? false
        if let lw = try kw.double("linewidth", "lw") { a.lineWidth = lw }
        a.alpha = try kw.double("alpha")
        a.label = try kw.label()
        return handle(ax, ax.axes.add(.arrow(a)), "FancyArrow", "matplotlib.patches.FancyArrow")
    }
}

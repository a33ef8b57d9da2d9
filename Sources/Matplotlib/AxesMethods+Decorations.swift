import Plot
import Python

/// Titles, labels, limits, ticks, legend, grid, `axis` and aspect.
extension AxesMethods {
    static func setTitle(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        guard let label = args.positional.first ?? args.keyword("label") else {
            throw PyException(.typeError, "Axes.set_title() missing 1 required positional argument: 'label'")
        }
        let loc = try kw.string("loc") ?? "center"
        guard let align = HAlign(rawValue: loc) else {
            throw PyException(.valueError, "\(PlotFormat.quoted(loc)) is not a valid value for loc; supported values are 'left', 'center', 'right'")
        }
        ax.axes.titles[align] = try interp.str(label)
        if kw.value("fontsize", "size", "color", "fontweight", "weight") != nil { ax.axes.titleStyle = try textStyle(kw, size: 12) }
        return handle(ax, -1, "Text", "matplotlib.text.Text")
    }

    static func setLabel(x: Bool) -> AxesMethod {
        { ax, args, interp in
            let kw = Keywords(args, interp)
            let name = x ? "xlabel" : "ylabel"
            guard let label = args.positional.first ?? args.keyword(name) else {
                throw PyException(.typeError, "Axes.set_\(name)() missing 1 required positional argument: '\(name)'")
            }
            if x { ax.axes.xLabel = try interp.str(label) } else { ax.axes.yLabel = try interp.str(label) }
            if kw.value("fontsize", "size", "color", "fontweight", "weight") != nil { ax.axes.labelStyle = try textStyle(kw) }
            return handle(ax, -1, "Text", "matplotlib.text.Text")
        }
    }

    /// `set_xlim(left, right)`, `set_xlim((left, right))`, `set_xlim(left=…)`; returns the new limits.
    static func setLimits(x: Bool) -> AxesMethod {
        { ax, args, interp in
            let lowName = x ? "left" : "bottom", highName = x ? "right" : "top"
            var low = args.positional.first ?? args.keyword(lowName) ?? args.keyword(x ? "xmin" : "ymin")
            var high = (args.positional.count > 1 ? args.positional[1] : nil) ?? args.keyword(highName) ?? args.keyword(x ? "xmax" : "ymax")
            if let l = low, high == nil, let seq = l.asSequence ?? ((try? PlotArguments.values(l, interp)).flatMap { $0.count == 2 ? $0.map(PyValue.float) : nil }) {
                guard seq.count == 2 else { throw PyException(.valueError, "not enough values to unpack (expected 2, got \(seq.count))") }
                low = seq[0]
                high = seq[1]
            }
            let lo = try PlotArguments.double(low, interp), hi = try PlotArguments.double(high, interp)
            for v in [lo, hi] {
                if let v, !v.isFinite { throw PyException(.valueError, "Axis limits cannot be NaN or Inf") }
            }
            let current = ax.axes.view(figureSize: ax.figureObject.figure.size)
            let now = x ? current.x : current.y
            let newLow = lo ?? now.low, newHigh = hi ?? now.high
            // Limits set on one shared axes apply to all of them.
            let targets = (x ? ax.axes.xShare?.axes : ax.axes.yShare?.axes) ?? [ax.axes]
            for a in targets {
                if x { a.xLimits = (newLow, newHigh) } else { a.yLimits = (newLow, newHigh) }
                if x { a.xInverted = false } else { a.yInverted = false }
            }
            return .tuple([.float(newLow), .float(newHigh)])
        }
    }

    static func getLimits(x: Bool) -> AxesMethod {
        { ax, _, _ in
            let t = ax.axes.view(figureSize: ax.figureObject.figure.size)
            let i = x ? t.x : t.y
            return .tuple([.object(NumpyFloat(i.low)), .object(NumpyFloat(i.high))])
        }
    }

    static func legend(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        var spec = LegendSpec()
        if args.positional.isEmpty && kw.value("labels") == nil && !ax.axes.artists.contains(where: AxesMethods.hasLegendLabel) {
            ax.figureObject.state?.options.warn?("No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.", interp.currentLine)
        }
        if let loc = kw.value("loc"), !loc.isNone {
            if case .str(let s) = loc {
                guard let code = LegendSpec.names.firstIndex(of: s) else {
                    throw PyException(.valueError, "\(PlotFormat.quoted(s)) is not a valid value for loc; supported values are \(LegendSpec.names.map { "'\($0)'" }.joined(separator: ", "))")
                }
                spec.location = code
            } else {
                spec.location = try interp.index(loc)
            }
        }
        if let v = kw.value("fontsize"), !v.isNone { spec.fontSize = try fontSize(v, interp) }
        if let f = try kw.bool("frameon") { spec.frameOn = f }
        spec.title = try kw.string("title")
        if let a = kw.value("bbox_to_anchor"), !a.isNone {
            let v = try PlotArguments.values(a, interp)
            if v.count >= 2 { spec.anchor = (v[0], v[1]) }
        }
        if let first = args.positional.first {
            let items = try interp.iterate(first)
            if args.positional.count >= 2 {
                spec.labels = try interp.iterate(args.positional[1]).map { try interp.str($0) }
            } else if items.allSatisfy({ if case .str = $0 { return true } else { return false } }) {
                spec.labels = try items.map { try interp.str($0) }
            } else {
                var labels: [String] = []
                for item in items {
                    if case .object(let h as ArtistObject) = item, let l = label(of: h) { labels.append(l) }
                }
                spec.labels = labels
            }
        } else if let labels = kw.value("labels"), !labels.isNone {
            spec.labels = try interp.iterate(labels).map { try interp.str($0) }
        }
        ax.axes.legend = spec
        return .object(ArtistObject(kind: "Legend", qualified: "matplotlib.legend.Legend", owner: ax, index: -1))
    }

    static func hasLegendLabel(_ artist: Artist) -> Bool {
        let label: String?
        switch artist {
        case .line(let l): label = l.label
        case .reference(let r): label = r.line.label
        case .scatter(let s): label = s.label
        case .fill(let f): label = f.label
        case .arrow(let a): label = a.label
        case .quiver(let q): label = q.label
        default: label = nil
        }
        return label.map { !$0.hasPrefix("_") } ?? false
    }

    static func label(of h: ArtistObject) -> String? {
        guard h.owner.axes.artists.indices.contains(h.index) else { return nil }
        switch h.owner.axes.artists[h.index] {
        case .line(let l): return l.label
        case .scatter(let s): return s.label
        case .fill(let f): return f.label
        default: return nil
        }
    }

    /// `grid(visible=None, which='major', axis='both', **kwargs)`.
    static func grid(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        var visible: Bool? = nil
        if let v = args.positional.first ?? args.keyword("visible") ?? args.keyword("b"), !v.isNone { visible = try interp.isTruthy(v) }
        let hasStyle = args.keywords.contains { !["visible", "which", "axis", "b"].contains($0.name) }
        let on = visible ?? (hasStyle ? true : ax.axes.grid == nil)
        guard on else { ax.axes.grid = nil; return .none }
        var g = ax.axes.grid ?? GridStyle()
        if let c = try kw.color("color", "c") { g.color = c }
        if let lw = try kw.double("linewidth", "lw") { g.lineWidth = lw }
        if let ls = try kw.lineStyle() { g.lineStyle = ls }
        if let a = try kw.double("alpha") { g.alpha = a }
        let which = try kw.string("axis") ?? "both"
        g.xAxis = which != "y"
        g.yAxis = which != "x"
        ax.axes.grid = g
        return .none
    }

    /// `axis('equal' | 'off' | 'on' | 'tight' | 'scaled' | 'square' | [xmin, xmax, ymin, ymax])`.
    static func axis(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let a = ax.axes
        if let arg = args.positional.first {
            if case .str(let s) = arg {
                switch s {
                case "equal": a.aspect = .equal(adjustBox: false)
                case "scaled", "square", "image": a.aspect = .equal(adjustBox: true)
                case "off": a.axisOn = false
                case "on": a.axisOn = true
                case "tight", "auto", "normal": if s != "tight" { a.aspect = .auto }
                default:
                    throw PyException(.valueError, "Unrecognized string \(PlotFormat.quoted(s)) to axis; try 'on' or 'off'")
                }
            } else if case .bool(let b) = arg {
                a.axisOn = b
            } else {
                let v = try PlotArguments.values(arg, interp)
                guard v.count == 4 else { throw PyException(.typeError, "The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]") }
                a.xLimits = (v[0], v[1])
                a.yLimits = (v[2], v[3])
            }
        }
        let t = a.view(figureSize: ax.figureObject.figure.size)
        return .tuple([t.x.low, t.x.high, t.y.low, t.y.high].map { .object(NumpyFloat($0)) })
    }

    static func setAspect(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        guard let v = args.positional.first ?? args.keyword("aspect") else {
            throw PyException(.typeError, "Axes.set_aspect() missing 1 required positional argument: 'aspect'")
        }
        let box = (try kw.string("adjustable") ?? "box") == "box"
        if case .str(let s) = v {
            if s == "equal" { ax.axes.aspect = .equal(adjustBox: box) } else if s == "auto" { ax.axes.aspect = .auto } else {
                throw PyException(.valueError, "could not convert string to float: \(PlotFormat.quoted(s))")
            }
        } else {
            ax.axes.aspect = .ratio(try interp.toDouble(v), adjustBox: box)
        }
        return .none
    }

    static func setTicks(x: Bool) -> AxesMethod {
        { ax, args, interp in
            guard let v = args.positional.first ?? args.keyword("ticks") else {
                throw PyException(.typeError, "set_ticks() missing 1 required positional argument: 'ticks'")
            }
            var labels: [String]?
            if let l = (args.positional.count > 1 ? args.positional[1] : nil) ?? args.keyword("labels"), !l.isNone {
                labels = try interp.iterate(l).map { try interp.str($0) }
            }
            let ticks = FixedTicks(positions: try PlotArguments.values(v, interp), labels: labels)
            if x { ax.axes.xTicks = ticks } else { ax.axes.yTicks = ticks }
            return .list(PyList([]))
        }
    }

    static func setTickLabels(x: Bool) -> AxesMethod {
        { ax, args, interp in
            guard let v = args.positional.first else { return .none }
            let labels = try interp.iterate(v).map { try interp.str($0) }
            let current = x ? ax.axes.xTicks : ax.axes.yTicks
            let t = ax.axes.view(figureSize: ax.figureObject.figure.size)
            let positions = current?.positions ?? TickLocator.auto.ticks(min((x ? t.x : t.y).low, (x ? t.x : t.y).high), max((x ? t.x : t.y).low, (x ? t.x : t.y).high))
            let ticks = FixedTicks(positions: positions, labels: labels)
            if x { ax.axes.xTicks = ticks } else { ax.axes.yTicks = ticks }
            return .list(PyList([]))
        }
    }

    static func margins(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        if let m = args.positional.first { let v = try interp.toDouble(m); ax.axes.xMargin = v; ax.axes.yMargin = v }
        if args.positional.count > 1 { ax.axes.yMargin = try interp.toDouble(args.positional[1]) }
        if let x = try kw.double("x") { ax.axes.xMargin = x }
        if let y = try kw.double("y") { ax.axes.yMargin = y }
        return .none
    }

    static func tickParams(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        if let v = kw.value("labelsize"), !v.isNone { ax.axes.tickLabelSize = try fontSize(v, interp) }
        return .none
    }

    /// `set_xscale('log')` / `set_yscale('linear')`; other scales are not drawn by gradviz.
    static func scale(x: Bool) -> AxesMethod {
        { ax, args, interp in
            let s = try PlotArguments.string(args.positional.first ?? args.keyword("value"), interp) ?? "linear"
            let names = ["asinh", "function", "functionlog", "linear", "log", "logit", "mercator", "symlog"]
            guard names.contains(s) else {
                throw PyException(.valueError, "\(PlotFormat.quoted(s)) is not a valid value for scale; supported values are \(names.map { "'\($0)'" }.joined(separator: ", "))")
            }
            guard s == "linear" || s == "log" else { throw UnsupportedFeature("\(s) axis scale in plots", line: interp.currentLine) }
            if let base = try Keywords(args, interp).double("base"), base != 10 {
                throw UnsupportedFeature("log axes of base \(PlotFormat.short(base)) in plots", line: interp.currentLine)
            }
            if x { ax.axes.xLog = s == "log" } else { ax.axes.yLog = s == "log" }
            return .none
        }
    }

    /// `semilogx`, `semilogy`, `loglog`: `plot` on log axes.
    static func logPlot(x: Bool, y: Bool) -> AxesMethod {
        { ax, args, interp in
            if x { ax.axes.xLog = true }
            if y { ax.axes.yLog = true }
            return try plot(ax, PyArgs(args.positional, keywords: args.keywords.filter { $0.name != "base" }), interp)
        }
    }

    /// `ax.set(title=…, xlabel=…, ylabel=…, xlim=…, ylim=…)`.
    static func set(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        for (name, value) in args.keywords {
            let setter = "set_" + name
            guard let m = methods[setter] else {
                throw PyException(.attributeError, "Axes.set() got an unexpected keyword argument '\(name)'")
            }
            if value.asSequence != nil && (name == "xlim" || name == "ylim") {
                _ = try m(ax, PyArgs(value.asSequence ?? []), interp)
            } else {
                _ = try m(ax, PyArgs([value]), interp)
            }
        }
        return .none
    }
}

import Plot
import Python

/// `quiver`, `contour`/`contourf`, `clabel`, `imshow`.
extension AxesMethods {
    /// `quiver([X, Y], U, V, [C], **kwargs)`: X, Y broadcast against U, V (a 1-D X and Y
    /// against 2-D U, V as a meshgrid, as matplotlib does).
    static func quiver(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        let p = args.positional
        guard p.count == 2 || p.count == 3 || p.count == 4 || p.count == 5 else {
            throw PyException(.typeError, "quiver() takes from 2 to 5 positional arguments but \(p.count) were given")
        }
        let hasXY = p.count >= 4
        let uv = hasXY ? Array(p[2...3]) : Array(p[0...1])
        let uShape = try PlotArguments.shape(uv[0], interp)
        let us = try PlotArguments.values(uv[0], interp), vs = try PlotArguments.values(uv[1], interp)
        var xs: [Double], ys: [Double]
        if hasXY {
            xs = try PlotArguments.values(p[0], interp)
            ys = try PlotArguments.values(p[1], interp)
            if uShape.count == 2, xs.count == uShape[1], ys.count == uShape[0], xs.count * ys.count == us.count {
                let gx = xs, gy = ys
                xs = gy.flatMap { _ in gx }
                ys = gy.flatMap { y in gx.map { _ in y } }
            }
        } else if uShape.count == 2 {
            xs = (0..<uShape[0]).flatMap { _ in (0..<uShape[1]).map(Double.init) }
            ys = (0..<uShape[0]).flatMap { r in (0..<uShape[1]).map { _ in Double(r) } }
        } else {
            xs = (0..<us.count).map(Double.init)
            ys = [Double](repeating: 0, count: us.count)
        }
        func fit(_ a: [Double], _ n: Int) -> [Double] { a.count == 1 ? [Double](repeating: a[0], count: n) : a }
        let n = max(xs.count, us.count)
        xs = fit(xs, n); ys = fit(ys, n)
        let u = fit(us, n), v = fit(vs, n)
        guard xs.count == n, ys.count == n, u.count == n, v.count == n else {
            throw PyException(.valueError, "Argument U has a size \(us.count) which does not match \(xs.count), the number of arrow positions")
        }
        var q = QuiverSet(xs: xs, ys: ys, us: u, vs: v)
        if let c = try kw.color("color", "c", "facecolor") { q.colors = [c] }
        if let s = try kw.double("scale") { q.scale = s }
        if let su = try kw.string("scale_units") {
            guard let units = QuiverSet.Units(rawValue: su) else { throw PyException(.valueError, "\(PlotFormat.quoted(su)) is not a valid value for scale_units") }
            q.scaleUnits = units
        }
        if let un = try kw.string("units") {
            guard let units = QuiverSet.Units(rawValue: un) else { throw PyException(.valueError, "\(PlotFormat.quoted(un)) is not a valid value for units") }
            q.units = units
        }
        if let a = kw.value("angles"), !a.isNone {
            if case .str(let s) = a {
                q.angles = s == "xy" ? .xy : .uv
            } else {
                q.angles = .degrees(try PlotArguments.values(a, interp))
            }
        }
        q.width = try kw.double("width")
        if let h = try kw.double("headwidth") { q.headWidth = h }
        if let h = try kw.double("headlength") { q.headLength = h }
        if let h = try kw.double("headaxislength") { q.headAxisLength = h }
        if let pv = try kw.string("pivot") { q.pivot = pv == "middle" || pv == "mid" ? .middle : pv == "tip" ? .tip : .tail }
        q.alpha = try kw.double("alpha")
        q.label = try kw.label()
        return handle(ax, ax.axes.add(.quiver(q)), "Quiver", "matplotlib.quiver.Quiver")
    }

    /// `contour([X, Y], Z, [levels], **kwargs)` and `contourf`.
    static func contour(filled: Bool) -> AxesMethod {
        { ax, args, interp in
            let kw = Keywords(args, interp)
            let p = args.positional
            guard !p.isEmpty else { throw PyException(.typeError, "contour() takes from 1 to 4 positional arguments but 0 were given") }
            let z: [[Double]], gx: [[Double]], gy: [[Double]]
            var levelArg = kw.value("levels")
            if p.count >= 3 {
                z = try PlotArguments.matrix(p[2], interp)
                let xShape = try PlotArguments.shape(p[0], interp)
                let rows = z.count, cols = z.first?.count ?? 0
                if xShape.count == 2 {
                    gx = try PlotArguments.matrix(p[0], interp)
                    gy = try PlotArguments.matrix(p[1], interp)
                } else {
                    let x = try PlotArguments.values(p[0], interp), y = try PlotArguments.values(p[1], interp)
                    guard x.count == cols, y.count == rows else {
                        throw PyException(.typeError, "Length of x (\(x.count)) must match number of columns in z (\(cols))")
                    }
                    gx = (0..<rows).map { _ in x }
                    gy = y.map { yy in [Double](repeating: yy, count: cols) }
                }
                guard gx.count == rows, gy.count == rows, gx.allSatisfy({ $0.count == cols }), gy.allSatisfy({ $0.count == cols }) else {
                    throw PyException(.typeError, "Shapes of x \(shapeText([gx.count, gx.first?.count ?? 0])) and z \(shapeText([rows, cols])) do not match")
                }
                if p.count >= 4 { levelArg = p[3] }
            } else {
                z = try PlotArguments.matrix(p[0], interp)
                let rows = z.count, cols = z.first?.count ?? 0
                gx = (0..<rows).map { _ in (0..<cols).map(Double.init) }
                gy = (0..<rows).map { r in [Double](repeating: Double(r), count: cols) }
                if p.count == 2 { levelArg = p[1] }
            }
            guard z.count >= 2, (z.first?.count ?? 0) >= 2 else {
                throw PyException(.typeError, "Input z must be at least a (2, 2) shaped array, but has shape \(shapeText([z.count, z.first?.count ?? 0]))")
            }
            var levels: [Double]?, count: Int?
            if let l = levelArg, !l.isNone {
                if case .int(let n) = l { count = n } else { levels = try PlotArguments.values(l, interp) }
            }
            var fixed: [PlotColor]?
            if let c = kw.value("colors"), !c.isNone { fixed = try PlotArguments.colors(c, interp) }
            var cmap: Colormap?
            if let name = try kw.string("cmap") {
                guard let m = Colormap(name: name) else { throw PyException(.valueError, "\(PlotFormat.quoted(name)) is not a valid value for cmap; supported values are \(Colormap.names.map { "'\($0)'" }.joined(separator: ", "))") }
                cmap = m
            }
            var set = try plotting {
                try ContourSet(grid: ContourGrid(x: gx, y: gy, z: z), filled: filled, levels: levels, count: count, colors: fixed, colormap: cmap)
            }
            if let lw = kw.value("linewidths", "linewidth"), !lw.isNone { set.lineWidths = try PlotArguments.values(lw, interp) }
            if let ls = try kw.string("linestyles", "linestyle") { set.lineStyle = LineStyle(spec: ls) }
            set.alpha = try kw.double("alpha")
            if let zo = try kw.double("zorder") { set.zorder = zo }
            return handle(ax, ax.axes.add(.contour(set)), "QuadContourSet", "matplotlib.contour.QuadContourSet")
        }
    }

    /// `clabel(CS, levels=None, inline=True, fontsize=None, fmt=None, colors=None)`.
    static func clabel(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        guard case .object(let cs as ArtistObject)? = args.positional.first ?? args.keyword("CS"), cs.kind == "QuadContourSet" else {
            throw PyException(.attributeError, "'\((args.positional.first ?? .none).typeName)' object has no attribute 'clabel'")
        }
        return try label(cs, args: PyArgs(Array(args.positional.dropFirst()), keywords: args.keywords), kw: kw, interp)
    }

    /// `CS.clabel(...)` / `ax.clabel(CS, ...)`: places the labels, returns the texts' list.
    static func label(_ cs: ArtistObject, args: PyArgs, kw: Keywords, _ interp: Interpreter) throws -> PyValue {
        var levels: [Double]?
        if let l = args.positional.first ?? args.keyword("levels"), !l.isNone { levels = try PlotArguments.values(l, interp) }
        let size = try kw.value("fontsize").map { try fontSize($0, interp) } ?? 10
        let inline = try kw.bool("inline") ?? true
        var colors: [PlotColor]?
        if let c = kw.value("colors"), !c.isNone { colors = try PlotArguments.colors(c, interp) }
        var format: ((Double) -> String)?
        if let fmt = kw.value("fmt"), !fmt.isNone {
            switch fmt {
            case .str(let s):
                format = { v in (try? interp.str(interp.binaryOp(.mod, .str(s), .float(v)))) ?? String(v) }
            case .dict(let d):
                format = { v in (try? d.get(.float(v)).map { try interp.str($0) }) ?? nil ?? String(format: "%1.3f", v) }
            default:
                format = { v in (try? interp.str(interp.call(fmt, [.float(v)]))) ?? String(v) }
            }
        }
        let figure = cs.owner.figureObject.figure
        let texts = try plotting {
            try cs.owner.axes.clabel(cs.index, levels: levels, fontSize: size, inline: inline, colors: colors, format: format, figure: figure)
        }
        return .list(PyList(texts.map { _ in .object(ArtistObject(kind: "Text", qualified: "matplotlib.text.Text", owner: cs.owner, index: -1)) }))
    }

    /// `imshow(X, cmap=None, vmin=None, vmax=None, extent=None, origin=None, aspect=None, ...)`.
    static func imshow(_ ax: AxesObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        guard let data = args.positional.first ?? args.keyword("X") else {
            throw PyException(.typeError, "Axes.imshow() missing 1 required positional argument: 'X'")
        }
        let shape = try PlotArguments.shape(data, interp)
        let cmapName = try kw.string("cmap") ?? "viridis"
        guard let cmap = Colormap(name: cmapName) else { throw PyException(.valueError, "\(PlotFormat.quoted(cmapName)) is not a valid value for cmap") }
        var extent: (Double, Double, Double, Double)?
        if let e = kw.value("extent"), !e.isNone {
            let v = try PlotArguments.values(e, interp)
            guard v.count == 4 else { throw PyException(.valueError, "extent must be a 4-tuple") }
            extent = (v[0], v[1], v[2], v[3])
        }
        let upper = (try kw.string("origin") ?? "upper") == "upper"
        var image: ImageArtist
        if shape.count == 3 {
            let flat = try PlotArguments.values(data, interp)
            let (rows, cols, ch) = (shape[0], shape[1], shape[2])
            guard ch == 3 || ch == 4, flat.count == rows * cols * ch else {
                throw PyException(.typeError, "Invalid shape \(shapeText(shape)) for image data")
            }
            image = ImageArtist(values: [[Double]](repeating: [Double](repeating: 0, count: cols), count: rows), colormap: cmap,
                                vmin: 0, vmax: 1, extent: extent, originUpper: upper)
            let scale = flat.contains { $0 > 1 } ? 255.0 : 1.0
            image.rgb = (0..<rows).map { r in (0..<cols).map { c in
                let base = (r * cols + c) * ch
                return PlotColor(flat[base] / scale, flat[base + 1] / scale, flat[base + 2] / scale, ch == 4 ? flat[base + 3] / scale : 1)
            } }
        } else if shape.count == 2 {
            image = ImageArtist(values: try PlotArguments.matrix(data, interp), colormap: cmap, vmin: try kw.double("vmin"),
                                vmax: try kw.double("vmax"), extent: extent, originUpper: upper)
        } else {
            throw PyException(.typeError, "Invalid shape \(shapeText(shape)) for image data")
        }
        image.alpha = try kw.double("alpha")
        ax.axes.add(.image(image))
        let aspect = try kw.string("aspect") ?? "equal"
        if aspect == "equal" { ax.axes.aspect = .equal(adjustBox: true) } else if aspect == "auto" { ax.axes.aspect = .auto }
        return handle(ax, ax.axes.artists.count - 1, "AxesImage", "matplotlib.image.AxesImage")
    }
}

import Plot
import Python

/// The `Figure` methods lessons call.
enum FigureMethods {
    typealias Method = (FigureObject, PyArgs, Interpreter) throws -> PyValue

    static let table: [String: MethodTableObject.Method] = methods.mapValues { m in
        { obj, args, interp in try m(obj as! FigureObject, args, interp) }
    }

    static let methods: [String: Method] = [
        "add_subplot": { fig, args, interp in .object(try addSubplot(fig, args, interp)) },
        "subplots": { fig, args, interp in try subplotsGrid(fig, args, interp) },
        "add_axes": { fig, args, interp in
            let v = try PlotArguments.values(args.positional.first ?? args.keyword("rect") ?? .none, interp)
            guard v.count == 4 else { throw PyException(.valueError, "rect must be a 4-tuple") }
            let a = fig.object(for: fig.figure.addAxes(PlotRect(x0: v[0], y0: v[1], x1: v[0] + v[2], y1: v[1] + v[3])))
            fig.currentAxes = a
            return .object(a)
        },
        "gca": { fig, _, _ in .object(fig.gca()) },
        "suptitle": { fig, args, interp in
            guard let t = args.positional.first ?? args.keyword("t") else {
                throw PyException(.typeError, "Figure.suptitle() missing 1 required positional argument: 't'")
            }
            let text = try interp.str(t)
            fig.figure.suptitle = text
            let kw = Keywords(args, interp)
            if kw.value("fontsize", "size", "fontweight", "weight", "color") != nil { fig.figure.suptitleStyle = try AxesMethods.textStyle(kw, size: 12) }
            return .object(TextHandle(text: "Text(0.5, 0.98, \(PlotFormat.quoted(text)))"))
        },
        "tight_layout": { fig, _, _ in fig.figure.tightLayout = true; return .none },
        "savefig": { fig, args, interp in
            try fig.state?.save(fig, args, interp)
            return .none
        },
        "clf": { fig, _, _ in fig.figure.clear(); fig.axesObjects = []; fig.currentAxes = nil; return .none },
        "colorbar": ColorbarMethods.colorbar,
        "set_size_inches": { fig, args, interp in
            let v = try args.positional.count >= 2 ? args.positional.map { try interp.toDouble($0) } : PlotArguments.values(args.positional.first ?? .none, interp)
            guard v.count >= 2, v[0] > 0, v[1] > 0, v[0].isFinite, v[1].isFinite else {
                throw PyException(.valueError, "figure size must be positive finite not \(try interp.repr(.tuple(v.map { .float($0) })))")
            }
            guard v[0] <= 100, v[1] <= 100 else { throw PyException(.valueError, "gradviz: figures are at most 100 inches wide and high") }
            fig.figure.width = v[0]
            fig.figure.height = v[1]
            return .none
        },
        // fig.show() shows one figure without blocking or closing it.
        "show": { fig, _, interp in
            if let observer = fig.state?.options.observer {
                observer.figureShown(try plotting { try RenderedFigure(fig.figure) }, line: interp.currentLine)
            }
            return .none
        },
    ]

    /// `add_subplot(nrows, ncols, index)`, `add_subplot(221)`, `add_subplot()`, with `projection=`.
    static func addSubplot(_ fig: FigureObject, _ args: PyArgs, _ interp: Interpreter) throws -> AxesObject {
        if let p = args.keyword("projection"), !p.isNone {
            throw UnsupportedFeature("projection=\(try interp.repr(p)) plots", line: interp.currentLine)
        }
        var spec = try args.positional.map { try interp.index($0) }
        if spec.isEmpty { spec = [1, 1, 1] }
        if spec.count == 1 {
            let n = spec[0]
            guard n >= 111 && n <= 999 else {
                throw PyException(.valueError, "Integer subplot specification must be a three-digit number, not \(n)")
            }
            spec = [n / 100, (n / 10) % 10, n % 10]
        }
        guard spec.count == 3 else {
            throw PyException(.typeError, "add_subplot() takes 1 or 3 positional arguments but \(spec.count) were given")
        }
        let (rows, cols, index) = (spec[0], spec[1], spec[2])
        guard rows > 0, cols > 0 else { throw PyException(.valueError, "Number of rows must be a positive integer, not \(rows)") }
        guard index >= 1 && index <= rows * cols else {
            throw PyException(.valueError, "num must be an integer with 1 <= num <= \(rows * cols), not \(index)")
        }
        let a = fig.object(for: fig.figure.addSubplot(rows: rows, cols: cols, row: (index - 1) / cols, col: (index - 1) % cols))
        fig.currentAxes = a
        return a
    }

    /// `sharex`/`sharey`: True or 'all', 'col', 'row', False or 'none'; shared axes keep tick
    /// labels only on the outer side (the bottom row for x, the first column for y).
    static func share(_ grid: [[AxesObject]], x: Bool, _ value: PyValue?, _ interp: Interpreter) throws {
        guard let value, !value.isNone else { return }
        let mode: String
        switch value {
        case .bool(let b): mode = b ? "all" : "none"
        case .str(let s): mode = s
        default: mode = try interp.isTruthy(value) ? "all" : "none"
        }
        let name = x ? "sharex" : "sharey"
        guard ["all", "col", "row", "none"].contains(mode) else {
            throw PyException(.valueError, "\(PlotFormat.quoted(mode)) is not a valid value for \(name). Supported values are 'all', 'row', 'col', 'none', False, True")
        }
        guard mode != "none" else { return }
        let rows = grid.count, cols = grid.first?.count ?? 0
        var groups: [[(Int, Int)]] = []
        switch mode {
        case "all": groups = [(0..<rows).flatMap { r in (0..<cols).map { (r, $0) } }]
        case "col": groups = (0..<cols).map { c in (0..<rows).map { ($0, c) } }
        default: groups = (0..<rows).map { r in (0..<cols).map { (r, $0) } }
        }
        for cells in groups {
            let group = ShareGroup()
            for (r, c) in cells {
                let a = grid[r][c].axes
                group.add(a)
                if x { a.xShare = group } else { a.yShare = group }
            }
        }
        for r in 0..<rows {
            for c in 0..<cols {
                if x && mode != "row" && r < rows - 1 { grid[r][c].axes.hideXTickLabels = true }
                if !x && mode != "col" && c > 0 { grid[r][c].axes.hideYTickLabels = true }
            }
        }
    }

    /// `fig.subplots(nrows=1, ncols=1, squeeze=True)`: one axes, a row, or a grid.
    static func subplotsGrid(_ fig: FigureObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try PyArgs(args.positional, keywords: args.keywords.filter { ["nrows", "ncols", "squeeze"].contains($0.name) })
            .bind(signature: "subplots(nrows=1, ncols=1, squeeze=True)")
        let rows = try interp.index(b["nrows"]), cols = try interp.index(b["ncols"])
        guard rows > 0 else { throw PyException(.valueError, "Number of rows must be a positive integer, not \(rows)") }
        guard cols > 0 else { throw PyException(.valueError, "Number of columns must be a positive integer, not \(cols)") }
        guard rows * cols <= 400 else { throw PyException(.valueError, "too many subplots (\(rows) × \(cols))") }
        if let kw = args.keyword("subplot_kw"), case .dict(let d) = kw, let p = d["projection"], !p.isNone {
            throw UnsupportedFeature("projection=\(try interp.repr(p)) plots", line: interp.currentLine)
        }
        let grid = (0..<rows).map { r in (0..<cols).map { c in fig.object(for: fig.figure.addSubplot(rows: rows, cols: cols, row: r, col: c)) } }
        fig.currentAxes = grid.last?.last
        try share(grid, x: true, args.keyword("sharex"), interp)
        try share(grid, x: false, args.keyword("sharey"), interp)
        let squeeze = try interp.isTruthy(b["squeeze"])
        if squeeze && rows == 1 && cols == 1 { return .object(grid[0][0]) }
        if squeeze && (rows == 1 || cols == 1) { return .object(AxesArray(rows: [grid.flatMap { $0 }], squeezedRow: true)) }
        return .object(AxesArray(rows: grid, squeezedRow: false))
    }
}

/// Methods of returned artists: labels, colours, data, removal.
enum ArtistMethods {
    static let table: [String: MethodTableObject.Method] = [
        "set_label": { obj, args, interp in
            try update(obj, interp) { artist in
                let l = try interp.str(args.positional.first ?? .none)
                switch artist {
                case .line(var x): x.label = l; artist = .line(x)
                case .scatter(var x): x.label = l; artist = .scatter(x)
                case .fill(var x): x.label = l; artist = .fill(x)
                default: break
                }
            }
        },
        "set_data": { obj, args, interp in
            try update(obj, interp) { artist in
                guard case .line(var l) = artist, args.positional.count == 2 else { return }
                l.xs = try PlotArguments.values(args.positional[0], interp)
                l.ys = try PlotArguments.values(args.positional[1], interp)
                artist = .line(l)
            }
        },
        "set_color": { obj, args, interp in
            try update(obj, interp) { artist in
                let spec = args.positional.first ?? .none
                let c = try PlotArguments.color(spec, interp)
                if case .line(var l) = artist { l.color = c; artist = .line(l) }
                if let a = obj as? ArtistObject { a.owner.colorSpecs[a.index] = spec }
            }
        },
        "get_color": { obj, _, _ in
            guard let a = (obj as? ArtistObject), a.owner.axes.artists.indices.contains(a.index),
                  case .line(let l) = a.owner.axes.artists[a.index] else { return .none }
            return a.owner.colorSpecs[a.index] ?? .tuple([.float(l.color.r), .float(l.color.g), .float(l.color.b)])
        },
        "clabel": { obj, args, interp in
            guard let cs = obj as? ArtistObject else { return .none }
            return try AxesMethods.label(cs, args: args, kw: Keywords(args, interp), interp)
        },
        "remove": { obj, _, interp in
            try update(obj, interp) { artist in
                if case .line(var l) = artist { l.xs = []; l.ys = []; l.label = "_removed"; artist = .line(l) }
            }
        },
    ]

    static func update(_ obj: MethodTableObject, _ interp: Interpreter, _ change: (inout Artist) throws -> Void) throws -> PyValue {
        guard let a = obj as? ArtistObject, a.owner.axes.artists.indices.contains(a.index) else { return .none }
        var artist = a.owner.axes.artists[a.index]
        try change(&artist)
        a.owner.axes.replace(a.index, with: artist)
        return .none
    }
}

import Plot
import Python

/// `plt.colorbar(mappable=None, ax=None, label='')` and `fig.colorbar(...)`: a colour scale
/// beside the axes of an image, a contour set or a scatter coloured by values.
enum ColorbarMethods {
    static func colorbar(_ fig: FigureObject, _ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let kw = Keywords(args, interp)
        var mappable: ArtistObject?
        if case .object(let a as ArtistObject)? = args.positional.first ?? args.keyword("mappable") {
            mappable = a
        } else {
            mappable = currentMappable(fig)
        }
        guard let m = mappable, let scale = scale(of: m) else {
            throw PyException(.runtimeError, "No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).")
        }
        var host = m.owner
        if case .object(let a as AxesObject)? = kw.value("ax") { host = a }
        // A second colorbar for the same axes replaces the first.
        fig.figure.removeColorbar(of: host.axes)
        let bar = fig.figure.addColorbar(scale, to: host.axes)
        if let label = try kw.string("label") { bar.colorbar?.label = label }
        return .object(ColorbarObject(bar: bar))
    }

    /// `gci()`: the most recent image, contour set or value-coloured scatter of the current axes.
    static func currentMappable(_ fig: FigureObject) -> ArtistObject? {
        let ax = fig.gca()
        for k in ax.axes.artists.indices.reversed() {
            switch ax.axes.artists[k] {
            case .image: return ArtistObject(kind: "AxesImage", qualified: "matplotlib.image.AxesImage", owner: ax, index: k)
            case .contour: return ArtistObject(kind: "QuadContourSet", qualified: "matplotlib.contour.QuadContourSet", owner: ax, index: k)
            case .scatter(let s) where s.colorScale != nil:
                return ArtistObject(kind: "PathCollection", qualified: "matplotlib.collections.PathCollection", owner: ax, index: k)
            default: continue
            }
        }
        return nil
    }

    static func scale(of m: ArtistObject) -> Colorbar.Scale? {
        guard m.owner.axes.artists.indices.contains(m.index) else { return nil }
        switch m.owner.axes.artists[m.index] {
        case .contour(let c):
            return c.filled ? .bands(levels: c.levels, colors: c.colors) : .lines(levels: c.levels, colors: c.colors)
        case .image(let i): return .continuous(i.colormap, low: i.vmin, high: i.vmax)
        case .scatter(let s):
            guard let (cmap, lo, hi) = s.colorScale else { return nil }
            return .continuous(cmap, low: lo, high: hi)
        default: return nil
        }
    }
}

/// `matplotlib.colorbar.Colorbar`: `set_label` and its axes.
final class ColorbarObject: NativeObject {
    let bar: Axes

    init(bar: Axes) {
        self.bar = bar
    }

    override var typeName: String { "Colorbar" }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "set_label":
            return .object(PyBuiltinFunction(name: name) { [bar] args, interp in
                bar.colorbar?.label = try interp.str(args.positional.first ?? args.keyword("label") ?? .str(""))
                return .none
            })
        default: return nil
        }
    }

    override func repr(interp: Interpreter) throws -> String? { "<matplotlib.colorbar.Colorbar object at \(addressText)>" }
}

/// A figure: its size, its axes and a suptitle (matplotlib's `Figure` with default style).
public final class Figure {
    /// Size in inches (`figsize`).
    public var width: Double
    public var height: Double
    public var dpi: Double
    public private(set) var axes: [Axes] = []
    public var suptitle: String?
    public var suptitleStyle = TextStyle(size: 12)
    public var params = SubplotParams()
    /// Set by `tight_layout()`: the subplot parameters are fitted to the labels when drawn.
    public var tightLayout = false
    public var faceColor = PlotColor.white

    /// A figure of `figsize` inches (6.4 × 4.8 by default) at `dpi` (100).
    public init(width: Double = 6.4, height: Double = 4.8, dpi: Double = 100) {
        self.width = width
        self.height = height
        self.dpi = dpi
    }

    /// Size in points.
    public var size: (Double, Double) { (width * 72, height * 72) }

    /// Adds an axes in a cell of a rows × cols grid (`add_subplot`, `subplots`).
    @discardableResult
    public func addSubplot(rows: Int, cols: Int, row: Int, col: Int) -> Axes {
        let cell = SubplotCell(rows: rows, cols: cols, row: row, col: col)
        if let existing = axes.first(where: { $0.cell == cell }) { return existing }
        let a = Axes(position: params.position(of: cell), cell: cell)
        axes.append(a)
        return a
    }

    /// Adds an axes at a rectangle in figure fractions (`add_axes`).
    @discardableResult
    public func addAxes(_ rect: PlotRect) -> Axes {
        let a = Axes(position: rect)
        axes.append(a)
        return a
    }

    /// Removes one axes.
    public func remove(_ a: Axes) {
        axes.removeAll { $0 === a }
    }

    /// Removes everything (`clf`).
    public func clear() {
        axes = []
        suptitle = nil
        tightLayout = false
        params = SubplotParams()
    }

    /// Places the grid axes by the subplot parameters again, and colorbars beside their axes.
    func placeAxes() {
        for a in axes {
            guard let cell = a.cell else { continue }
            let box = params.position(of: cell)
            if let bar = a.attachedColorbar {
                let (host, barBox) = Colorbar.split(box, figureSize: size)
                a.position = host
                bar.position = barBox
            } else {
                a.position = box
            }
        }
    }

    /// Removes the colorbar beside `host`, giving its box back.
    public func removeColorbar(of host: Axes) {
        guard let bar = host.attachedColorbar else { return }
        remove(bar)
        host.attachedColorbar = nil
        host.position.x1 = host.position.x0 + host.position.width / 0.8
    }

    /// Adds a colorbar beside `host` (`fig.colorbar`): the host gives up the right 20% of its box.
    @discardableResult
    public func addColorbar(_ scale: Colorbar.Scale, to host: Axes) -> Axes {
        let (hostBox, barBox) = Colorbar.split(host.position, figureSize: size)
        host.position = hostBox
        let bar = Axes(position: barBox)
        bar.colorbar = Colorbar(scale: scale, host: host)
        host.attachedColorbar = bar
        axes.append(bar)
        return bar
    }

    /// A deep copy, frozen at this moment (what `show()`/`savefig` hand to observers).
    public func snapshot() -> Figure {
        let f = Figure(width: width, height: height, dpi: dpi)
        f.axes = axes.map { $0.copy() }
        // Shared axes share in the copy too.
        var groups: [ObjectIdentifier: ShareGroup] = [:]
        for (k, a) in axes.enumerated() {
            for (old, set) in [(a.xShare, { (g: ShareGroup) in f.axes[k].xShare = g }), (a.yShare, { (g: ShareGroup) in f.axes[k].yShare = g })] {
                guard let old else { continue }
                let group = groups[ObjectIdentifier(old)] ?? ShareGroup()
                groups[ObjectIdentifier(old)] = group
                group.add(f.axes[k])
                set(group)
            }
        }
        // Keep the links between axes and their colorbars in the copy.
        for (k, a) in axes.enumerated() {
            if let bar = a.attachedColorbar, let j = axes.firstIndex(where: { $0 === bar }) {
                f.axes[k].attachedColorbar = f.axes[j]
                f.axes[j].colorbar?.host = f.axes[k]
            }
        }
        f.suptitle = suptitle
        f.suptitleStyle = suptitleStyle
        f.params = params
        f.tightLayout = tightLayout
        f.faceColor = faceColor
        return f
    }
}

/// `figure.subplot.*`: the grid's margins and gaps in figure fractions / axes fractions.
public struct SubplotParams: Sendable, Equatable {
    public var left = 0.125
    public var right = 0.9
    public var bottom = 0.11
    public var top = 0.88
    public var wspace = 0.2
    public var hspace = 0.2

    public init() {}

    /// The box of a grid cell (`GridSpec.get_grid_positions`).
    public func position(of cell: SubplotCell) -> PlotRect {
        let rows = Double(cell.rows), cols = Double(cell.cols)
        let cellW = (right - left) / (cols + wspace * (cols - 1))
        let cellH = (top - bottom) / (rows + hspace * (rows - 1))
        let x0 = left + Double(cell.colSpan.lowerBound) * cellW * (1 + wspace)
        let x1 = left + Double(cell.colSpan.upperBound) * cellW * (1 + wspace) + cellW
        let y1 = top - Double(cell.rowSpan.lowerBound) * cellH * (1 + hspace)
        let y0 = top - Double(cell.rowSpan.upperBound) * cellH * (1 + hspace) - cellH
        return PlotRect(x0: x0, y0: y0, x1: x1, y1: y1)
    }
}

/// A 256-entry colormap by name (`viridis`, `coolwarm`, any with `_r` reversed).
public struct Colormap: Sendable {
    public let name: String
    private let table: [PlotColor]

    /// The colormap called `name`, or nil when matplotlib has none of that name here.
    public init?(name: String) {
        let reversed = name.hasSuffix("_r")
        let base = reversed ? String(name.dropLast(2)) : name
        guard let runs = ColorTables.colormaps[base] else { return nil }
        let chars = Array(runs.utf8)
        var colors: [PlotColor] = []
        colors.reserveCapacity(256)
        var i = 0
        while i + 6 <= chars.count {
            colors.append(PlotColor(hex: String(decoding: chars[i..<(i + 6)], as: UTF8.self)) ?? .black)
            i += 6
        }
        self.name = name
        self.table = reversed ? colors.reversed() : colors
    }

    /// The names known, sorted.
    public static var names: [String] { ColorTables.colormaps.keys.sorted() }

    /// The colour at `t` in 0...1 (clamped), as matplotlib's lookup into N = 256 bins.
    public func color(at t: Double) -> PlotColor {
        guard t.isFinite else { return PlotColor(0, 0, 0, 0) }
        let i = Int(max(0, min(255, (t * 256).rounded(.down))))
        return table[i]
    }
}

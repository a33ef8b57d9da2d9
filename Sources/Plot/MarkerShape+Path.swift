import Foundation

/// Marker outlines in points around (0, 0), y up, for a marker size (diameter) `size`,
/// as matplotlib's `MarkerStyle` paths scaled by `markersize`.
extension MarkerShape {
    enum Outline {
        case circle(radius: Double)
        case polygon([PlotPoint])
        /// Open strokes (`+`, `x`, `|`, `_`): pairs of points.
        case strokes([(PlotPoint, PlotPoint)])
    }

    func outline(size: Double) -> Outline {
        let h = size / 2
        func regular(_ n: Int, radius: Double, rotation: Double = 0) -> [PlotPoint] {
            (0..<n).map { k in
                let a = Double.pi / 2 + rotation + 2 * Double.pi * Double(k) / Double(n)
                return PlotPoint(radius * cos(a), radius * sin(a))
            }
        }
        switch self {
        case .circle: return .circle(radius: h)
        case .point: return .circle(radius: h / 2)
        case .pixel: return .polygon([PlotPoint(-0.5, -0.5), PlotPoint(0.5, -0.5), PlotPoint(0.5, 0.5), PlotPoint(-0.5, 0.5)])
        case .square: return .polygon([PlotPoint(-h, -h), PlotPoint(h, -h), PlotPoint(h, h), PlotPoint(-h, h)])
        case .triangleUp: return .polygon([PlotPoint(0, h), PlotPoint(-h, -h), PlotPoint(h, -h)])
        case .triangleDown: return .polygon([PlotPoint(0, -h), PlotPoint(h, h), PlotPoint(-h, h)])
        case .triangleLeft: return .polygon([PlotPoint(-h, 0), PlotPoint(h, -h), PlotPoint(h, h)])
        case .triangleRight: return .polygon([PlotPoint(h, 0), PlotPoint(-h, h), PlotPoint(-h, -h)])
        case .diamond:
            let d = h * 2.0.squareRoot()
            return .polygon([PlotPoint(0, -d), PlotPoint(d, 0), PlotPoint(0, d), PlotPoint(-d, 0)])
        case .thinDiamond:
            let d = h * 2.0.squareRoot()
            return .polygon([PlotPoint(0, -d), PlotPoint(0.6 * d, 0), PlotPoint(0, d), PlotPoint(-0.6 * d, 0)])
        case .pentagon: return .polygon(regular(5, radius: h))
        case .hexagon: return .polygon(regular(6, radius: h))
        case .star:
            let outer = regular(5, radius: h), inner = regular(5, radius: h * 0.381966, rotation: Double.pi / 5)
            return .polygon((0..<5).flatMap { [outer[$0], inner[$0]] })
        case .plus: return .strokes([(PlotPoint(-h, 0), PlotPoint(h, 0)), (PlotPoint(0, -h), PlotPoint(0, h))])
        case .x: return .strokes([(PlotPoint(-h, -h), PlotPoint(h, h)), (PlotPoint(-h, h), PlotPoint(h, -h))])
        case .vline: return .strokes([(PlotPoint(0, -h), PlotPoint(0, h))])
        case .hline: return .strokes([(PlotPoint(-h, 0), PlotPoint(h, 0))])
        case .plusFilled:
            let a = h / 3
            return .polygon([(-a, -h), (a, -h), (a, -a), (h, -a), (h, a), (a, a), (a, h), (-a, h), (-a, a), (-h, a), (-h, -a), (-a, -a)]
                .map { PlotPoint($0.0, $0.1) })
        case .xFilled:
            let a = h / 3
            let plus = [(-a, -h), (a, -h), (a, -a), (h, -a), (h, a), (a, a), (a, h), (-a, h), (-a, a), (-h, a), (-h, -a), (-a, -a)]
            let r = Double.pi / 4
            return .polygon(plus.map { PlotPoint($0.0 * cos(r) - $0.1 * sin(r), $0.0 * sin(r) + $0.1 * cos(r)) })
        }
    }
}

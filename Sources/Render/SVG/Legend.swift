/// The key to the pictures, drawn under every caption: each colour with its shape or line style.
enum Legend {
    static let itemWidth = 290.0

    /// The height the legend needs in `width` pixels (items flow in columns of ``itemWidth``).
    static func height(width: Double) -> Double {
        let columns = max(1, Int(width / itemWidth))
        return Double((8 + columns - 1) / columns) * 30 + 4
    }

    static func draw(at origin: Point, width: Double, words: PictureWords, into svg: inout SVGText) {
        let items = words.legend
        let columns = max(1, Int(width / itemWidth))
        let colWidth = width / Double(columns)
        svg.open("g", [("class", "legend")])
        for (i, item) in items.enumerated() {
            let x = origin.x + Double(i % columns) * colWidth
            let y = origin.y + Double(i / columns) * 30
            let chip = Rect(minX: x, minY: y, maxX: x + 34, maxY: y + 22)
            switch item.kind {
            case "gradient":
                svg.open("path", [("d", "M\(SVGText.num(chip.maxX)),\(SVGText.num(chip.center.y)) H\(SVGText.num(chip.minX + 6))"),
                                  ("stroke", Palette.gradient), ("stroke-width", "5"), ("marker-end", "url(#legendgrad)")], close: true)
            case "accumulate":
                svg.open("rect", [("x", SVGText.num(chip.minX)), ("y", SVGText.num(chip.minY)), ("width", "34"), ("height", "22"),
                                  ("fill", Palette.accumulateFill), ("stroke", Palette.accumulateBorder), ("stroke-width", "2.5"),
                                  ("rx", "0"), ("stroke-dasharray", "0")], close: true)
            default:
                let (fill, stroke, rx, dash, w): (String, String, String, String?, String) = {
                    switch item.kind {
                    case "leaf": return (Palette.leafFill, Palette.leafBorder, "8", nil, "2.5")
                    case "result": return (Palette.resultFill, Palette.resultBorder, "8", nil, "2.5")
                    case "plain": return (Palette.plainFill, Palette.plainBorder, "8", nil, "2.5")
                    case "function": return (Palette.functionFill, Palette.functionBorder, "2", nil, "2.5")
                    case "active": return ("#ffffff", Palette.active, "4", nil, "5")
                    default: return ("#ffffff", Palette.new, "4", "6 4", "3.5")
                    }
                }()
                var a: [(String, String)] = [("x", SVGText.num(chip.minX)), ("y", SVGText.num(chip.minY)), ("width", "34"),
                                             ("height", "22"), ("rx", rx), ("fill", fill), ("stroke", stroke), ("stroke-width", w)]
                if let dash { a.append(("stroke-dasharray", dash)) }
                svg.open("rect", a, close: true)
            }
            svg.text(item.label, x: chip.maxX + 10, y: chip.maxY - 3, size: 18, face: .sans, color: Palette.secondary)
        }
        svg.raw("<defs><marker id=\"legendgrad\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerWidth=\"4.5\" markerHeight=\"4.5\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(Palette.gradient)\"/></marker></defs>")
        svg.end("g")
    }
}

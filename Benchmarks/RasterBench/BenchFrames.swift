/// 1920×1080 SVGs shaped like gradviz frames.
enum BenchFrames {
    static let font = "DejaVu Sans, Noto Sans CJK SC, sans-serif"

    /// A lesson-sized frame: a layered graph of labelled boxes joined by curved arrows, a caption,
    /// a chain-rule line, a CJK note and a small loss chart. Frame `step` of a sequence; the highlighted node moves with the step so frames differ.
    static func make(step: Int) -> String {
        var s = """
        <svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080" viewBox="0 0 1920 1080">
        <style>.node rect { stroke: #444; stroke-width: 2 } .hot rect { fill: #ffd27f }</style>
        <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto">\
        <path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>
        <rect x="0" y="0" width="1920" height="1080" fill="#fbfbf8"/>
        <text x="60" y="70" font-family="\(font)" font-size="36" fill="#222">Step \(step + 1): backward through MulBackward0</text>

        """
        let names = ["AccumulateGrad", "MulBackward0", "AddBackward0", "PowBackward0", "SumBackward0", "TanhBackward0"]
        for layer in 0..<5 {
            for slot in 0..<(3 + layer % 2) {
                let id = layer * 10 + slot
                let x = 120 + slot * 420 + (layer % 2) * 200, y = 150 + layer * 150
                let hot = id % 7 == step % 7
                s += """
                <g id="node\(id)" class="node\(hot ? " hot" : "")"><title>\(names[id % names.count]) #\(id)</title>\
                <rect x="\(x)" y="\(y)" width="320" height="84" rx="10" fill="#e8f0fe"/>\
                <text x="\(x + 160)" y="\(y + 36)" text-anchor="middle" font-family="\(font)" font-size="22" fill="#111">\(names[id % names.count])</text>\
                <text x="\(x + 160)" y="\(y + 66)" text-anchor="middle" font-family="\(font)" font-size="16" fill="#555">grad = tensor([\(id).5000, -\(step).2500])</text></g>

                """
                if layer > 0 {
                    let px = 120 + slot * 420 + ((layer - 1) % 2) * 200 + 160
                    s += """
                    <path d="M\(px),\(y - 66) C\(px),\(y - 30) \(x + 160),\(y - 40) \(x + 160),\(y)" fill="none" stroke="#555" stroke-width="2.5" marker-end="url(#arrow)" opacity="0.9"/>

                    """
                }
            }
        }
        s += """
        <text x="60" y="960" font-family="\(font)" font-size="28" fill="#222">∂L/∂x = ∂L/∂y · ∂y/∂x = 2.0 × 12.0 = 24.0</text>
        <text x="60" y="1010" font-family="\(font)" font-size="28" fill="#a33">梯度从损失流回输入：每一步都乘以局部导数。</text>
        <g id="chart"><rect x="1500" y="850" width="380" height="190" fill="white" stroke="#999"/>
        <polyline fill="none" stroke="#36c" stroke-width="2" points="
        """
        for i in 0..<60 {
            let v = 160.0 / (1.0 + Double(i) * 0.15) + Double((i * 37) % 11)
            s += "\(1510 + i * 6),\(1030 - Int(v)) "
        }
        s += "\"/></g>\n</svg>\n"
        return s
    }

    /// A crowded frame: a 24×30 grid of small labelled boxes, each joined to the one above,
    /// as a long chain's graph looks when drawn whole.
    static func dense() -> String {
        var s = """
        <svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080" viewBox="0 0 1920 1080">
        <rect x="0" y="0" width="1920" height="1080" fill="white"/>

        """
        for row in 0..<30 {
            for column in 0..<24 {
                let x = 10 + column * 80, y = 8 + row * 36
                s += """
                <g id="n\(row)_\(column)"><title>node \(row * 24 + column)</title>\
                <rect x="\(x)" y="\(y)" width="72" height="22" rx="4" fill="#e8f0fe" stroke="#446"/>\
                <text x="\(x + 36)" y="\(y + 15)" text-anchor="middle" font-family="\(font)" font-size="10">Mul #\(row * 24 + column)</text></g>

                """
                if row > 0 {
                    s += "<path d=\"M\(x + 36),\(y - 14) L\(x + 36),\(y)\" stroke=\"#555\" stroke-width=\"1.5\"/>\n"
                }
            }
        }
        return s + "</svg>\n"
    }
}

import Trace

/// One line of text in a node or a caption, and how it is set.
struct LabelRow: Hashable, Sendable {
    enum Tone: Hashable, Sendable {
        case title, value, grad, arrived, small, muted, code
    }

    var text: String
    var tone: Tone

    init(_ text: String, _ tone: Tone = .value) {
        self.text = text
        self.tone = tone
    }

    var face: TextMetrics.Face {
        switch tone {
        case .title, .grad, .arrived: return .sansBold
        case .muted: return .sansItalic
        case .code: return .mono
        case .value, .small: return .sans
        }
    }

    var size: Double {
        switch tone {
        case .title: return Palette.titleSize
        case .value, .grad, .arrived: return Palette.valueSize
        case .small, .muted, .code: return Palette.smallSize
        }
    }
}

/// How a node looks in one frame: its kind of box, its emphasis and its text.
struct NodeLook: Sendable {
    enum Style: Sendable {
        case leaf, result, plain, function, accumulate, module
    }

    enum Emphasis: Sendable {
        case none, new, active, released
    }

    var style: Style
    var emphasis: Emphasis
    var rows: [LabelRow]
    /// Hover text: the node's full description.
    var title: String

    /// The look of `node` in a frame.
    static func of(_ node: SceneNode, focus: Bool, isNew: Bool, released: Bool, scene: Scene, backwardRoot: String?,
                   words: PictureWords) -> NodeLook {
        let emphasis: Emphasis = released ? .released : (focus && !isNew ? .active : (isNew ? .new : .none))
        switch node.content {
        case .tensor(let t):
            var rows = [LabelRow(t.name ?? (t.isLeaf ? words.tensor : words.temporary), .title)]
            rows += valueRows(t.value)
            if t.requiresGrad || t.grad != nil {
                if let g = t.grad {
                    rows.append(LabelRow(words.grad(NodeLook.compact(g)), .grad))
                } else if t.isLeaf {
                    rows.append(LabelRow(words.gradNone, .muted))
                }
            }
            if let a = t.arrived, !t.isLeaf {
                let symbol = "∂\(backwardRoot ?? "L")/∂\(t.name ?? "·")"
                rows.append(LabelRow("\(symbol) = " + NodeLook.compact(a), .arrived))
            }
            var flags: [String] = []
            if t.isParameter { flags.append(words.parameter) } else if t.isLeaf && t.requiresGrad { flags.append(words.leaf) }
            if t.requiresGrad { flags.append(words.requiresGrad) }
            if released { flags = [words.released] }
            if !flags.isEmpty { rows.append(LabelRow(flags.joined(separator: " · "), .small)) }
            let style: Style = !t.requiresGrad ? .plain : (t.isLeaf ? .leaf : .result)
            let hover = ([t.names.isEmpty ? "tensor" : t.names.joined(separator: " = ")] +
                         ["value: " + NumberText.values(t.value), "grad: " + (t.grad.map(NumberText.values) ?? "None"),
                          "requires_grad=\(t.requiresGrad ? "True" : "False"), is_leaf=\(t.isLeaf ? "True" : "False")"])
                .joined(separator: "\n")
            return NodeLook(style: style, emphasis: emphasis, rows: rows, title: hover)
        case .function(let f) where !f.members.isEmpty:
            var rows = [LabelRow("\(f.module?.path ?? "") · \(f.name)", .title)]
            let names = Array(Set(f.members)).sorted()
            rows.append(LabelRow(names.joined(separator: ", ").prefixed(44), .small))
            if f.released { rows.append(LabelRow(words.savedFreed, .muted)) }
            return NodeLook(style: .module, emphasis: emphasis, rows: rows,
                            title: "\(f.module?.path ?? "") (\(f.name)): " + f.members.joined(separator: ", "))
        case .function(let f):
            var rows = [LabelRow(f.name, .title)]
            if f.kind == .accumulateGrad {
                if let v = f.variable, let leaf = scene.tensor(v), let n = leaf.name {
                    rows.append(LabelRow(words.into(n), .small))
                }
                return NodeLook(style: .accumulate, emphasis: emphasis, rows: rows,
                                title: "AccumulateGrad: adds the incoming gradient into the leaf's .grad")
            }
            if f.released {
                rows.append(LabelRow(words.savedFreed, .muted))
            } else if !f.saved.isEmpty {
                let saved = f.saved.prefix(3).map { "\($0.name) = " + NumberText.values($0.value).prefixed(14) }
                rows.append(LabelRow(words.saved + " " + saved.joined(separator: ", "), .small))
            }
            if released { rows.append(LabelRow(words.released, .muted)) }
            return NodeLook(style: .function, emphasis: emphasis, rows: rows, title: f.name)
        }
    }

    /// Values on one short line: written out up to 8 elements, else the shape and the norm.
    static func compact(_ v: TensorValues) -> String {
        if let e = v.elements, e.count <= NumberText.listLimit { return NumberText.values(v).prefixed(36) }
        let shape = "[" + v.shape.map(String.init).joined(separator: ", ") + "]"
        switch v.content {
        case .summary(let s): return "\(shape) ‖\(NumberText.number(s.norm))‖"
        case .full(let e): return "\(shape) ‖\(NumberText.number(e.reduce(0) { $0 + $1 * $1 }.squareRoot()))‖"
        }
    }

    /// A tensor's value: one line up to 8 elements, a small matrix row by row, else a summary.
    static func valueRows(_ v: TensorValues) -> [LabelRow] {
        if v.shape.count == 2, let e = v.elements, v.shape[0] <= 4, v.shape[1] <= 4, e.count > 1 {
            let cols = v.shape[1]
            return (0..<v.shape[0]).map { r in
                let row = e[(r * cols)..<((r + 1) * cols)].map { NumberText.number($0, dtype: v.dtype) }.joined(separator: ", ")
                return LabelRow((r == 0 ? "[[" : " [") + row + (r == v.shape[0] - 1 ? "]]" : "],"), .value)
            }
        }
        if let e = v.elements, e.count <= NumberText.listLimit {
            return [LabelRow(NumberText.values(v).prefixed(40), .value)]
        }
        var rows = [LabelRow(compact(v), .value)]
        switch v.content {
        case .summary(let s):
            rows.append(LabelRow("min \(NumberText.number(s.min)) · max \(NumberText.number(s.max))", .small))
        case .full(let e):
            let lo = e.min() ?? 0, hi = e.max() ?? 0
            rows.append(LabelRow("min \(NumberText.number(lo)) · max \(NumberText.number(hi))", .small))
        }
        return rows
    }
}

extension String {
    /// At most `n` characters, with an ellipsis when cut.
    func prefixed(_ n: Int) -> String {
        count <= n ? self : String(prefix(n - 1)) + "…"
    }
}

import Foundation

extension SceneBuilder {
    /// How vertex `i` looks at the current event.
    func vertexLook(_ i: Int) -> VertexLook {
        let v = model.vertices[i]
        let h = highlights[i]
        switch v.kind {
        case .tensor: return tensorLook(v, h)
        case .gradFn: return nodeLook(v, h)
        case .accumulateGrad: return accumulateLook(v, h)
        }
    }

    private func tensorLook(_ v: GraphModel.Vertex, _ h: Highlight?) -> VertexLook {
        let id = v.tensorID ?? -1
        let style: VertexLook.Style
        var rows = [LabelRow(PictureText.clip(v.title), .title)]
        guard let s = values[id] else {
            return VertexLook(style: .constant, emphasis: h?.emphasis ?? .none, rows: rows)
        }
        if v.role == .notRecorded {
            style = .notRecorded
        } else if s.gradFnID != nil {
            style = .result
        } else if s.requiresGrad {
            style = .leaf
        } else {
            style = .constant
        }
        rows += h?.valueRows ?? PictureText.valueRows(s).map { LabelRow(PictureText.clip($0)) }
        if let meta = PictureText.meta(s) { rows.append(LabelRow(meta, .small)) }
        switch style {
        case .notRecorded: rows.append(LabelRow(model.notRecordedReason[id] ?? "not recorded", .muted))
        case .constant: rows.append(LabelRow("requires_grad=False", .small))
        case .leaf: rows.append(LabelRow("leaf · requires_grad", .small))
        default: break
        }
        if let g = h?.gradRows {
            rows += g
        } else if let g = grads[id] {
            switch g {
            case .none:
                rows.append(LabelRow("grad: None", .small))
            case .value(let s):
                let values = PictureText.valueRows(s)
                let lines = PictureText.fit(["grad: \(PictureText.inline(s))"], or: ["grad:"] + values)
                rows += lines.map { LabelRow($0, .gradient) }
            case .zeroed:
                rows.append(LabelRow("grad: \(SceneBuilder.text(g))", .gradient))
            }
        } else if style == .leaf {
            rows.append(LabelRow("grad: None", .small))
        }
        rows += h?.extraRows ?? []
        return VertexLook(style: style, emphasis: h?.emphasis ?? .none, rows: rows)
    }

    private func nodeLook(_ v: GraphModel.Vertex, _ h: Highlight?) -> VertexLook {
        let id = v.nodeID ?? -1
        var rows = [LabelRow(PictureText.clip(v.title), .title)]
        let info = model.nodes[id]
        if let k = info?.creationEvent {
            if let line = events[k].line, let src = events[k].source {
                rows.append(LabelRow(PictureText.clip("line \(line): \(src.trimmingCharacters(in: .whitespaces))", 40), .code))
            }
        } else {
            // Nodes no forward op reported were recorded while a backward ran (create_graph=True).
            rows.append(LabelRow("recorded by a backward pass", .small))
        }
        if let out = info?.output, out.name == nil {
            rows.append(LabelRow(PictureText.clip("result \(PictureText.inline(out))"), .small))
        }
        let isReleased = released.contains(id)
        if isReleased {
            rows.append(LabelRow("saved tensors freed", .muted))
        } else if let saved = info?.snapshot.saved, !saved.isEmpty {
            let custom = info?.snapshot.inputNames.first?.hasPrefix("input") ?? false
            for entry in saved.prefix(3) {
                let name = custom ? "ctx.\(entry.name.replacingOccurrences(of: "saved", with: "saved_tensors"))" : "saved \(entry.name)"
                rows.append(LabelRow(PictureText.clip("\(name) = \(entry.text)", 40), .small))
            }
            if saved.count > 3 { rows.append(LabelRow("… \(saved.count - 3) more saved", .small)) }
        }
        rows += h?.extraRows ?? []
        let emphasis: VertexLook.Emphasis = h?.emphasis ?? (isReleased ? .released : visited.contains(id) ? .visited : .none)
        return VertexLook(style: .gradFn, emphasis: emphasis, rows: rows)
    }

    private func accumulateLook(_ v: GraphModel.Vertex, _ h: Highlight?) -> VertexLook {
        let id = v.nodeID ?? -1
        var rows = [LabelRow(v.title, .title)]
        if let leaf = model.accumulatorLeaf[id],
           let t = model.vertexIndex["t\(leaf)"] {
            rows.append(LabelRow(PictureText.clip("into \(model.vertices[t].title).grad"), .small))
        }
        rows += h?.extraRows ?? []
        let emphasis: VertexLook.Emphasis = h?.emphasis ?? (visited.contains(id) ? .visited : .none)
        return VertexLook(style: .accumulate, emphasis: emphasis, rows: rows)
    }
}

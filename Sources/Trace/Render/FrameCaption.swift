import Foundation

/// The caption of a frame: section title, narration, the source line, the event
/// in words and, for backward nodes, the chain rule with numbers.
enum FrameCaption {
    /// Caption lines wrap at this many display columns.
    static let columns = 90
    static let maxNarrationLines = 6
    static let maxPrintedLines = 6

    static func rows(for e: TraceEvent, builder b: SceneBuilder) -> [LabelRow] {
        var rows: [LabelRow] = []
        if let s = e.section, !s.isEmpty { rows.append(LabelRow(PictureText.clip(s, 70), .heading)) }
        var narration: [String] = []
        for n in e.narration { narration += DisplayWidth.wrap(n, to: columns) }
        if narration.count > maxNarrationLines {
            narration = Array(narration.prefix(maxNarrationLines - 1)) + ["…"]
        }
        rows += narration.map { LabelRow($0, .narration) }
        if let line = e.line {
            var where_ = "line \(line)"
            if let it = e.iteration { where_ += " (iteration \(it + 1))" }
            let src = e.source.map { ":  \($0.trimmingCharacters(in: .whitespaces))" } ?? ""
            rows.append(LabelRow(PictureText.clip(where_ + src, columns), .output))
        }
        for w in words(e, b) {
            rows += DisplayWidth.wrap(w, to: columns).map { LabelRow($0, .body) }
        }
        if e.kind == .print {
            var lines = (e.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            for line in lines.prefix(maxPrintedLines) { rows.append(LabelRow(PictureText.clip(line, columns), .output)) }
            if lines.count > maxPrintedLines { rows.append(LabelRow("…", .output)) }
        }
        if e.kind == .node, let node = e.node {
            for r in ChainRuleText.captionRows(node: node, event: e, model: b.model, root: b.rootName) {
                rows += DisplayWidth.wrap(r, to: columns).map { LabelRow($0, .gradient) }
            }
        }
        return rows
    }

    /// The event in words.
    static func words(_ e: TraceEvent, _ b: SceneBuilder) -> [String] {
        switch e.kind {
        case .forward:
            return [forward(e, b)]
        case .backwardBegin:
            let roots = (e.roots ?? []).map { $0.name ?? "the output" }.joined(separator: ", ")
            let seeds = (e.grads ?? []).map { PictureText.inline($0) }.joined(separator: ", ")
            var s = "backward from \(roots.isEmpty ? "the output" : roots): seed gradient \(seeds.isEmpty ? "1" : seeds)"
            if let inputs = e.tensors, !inputs.isEmpty {
                s += ", for \(inputs.map { $0.name ?? "an input" }.joined(separator: ", "))"
            }
            if e.retainGraph == true { s += " (retain_graph=True)" }
            if e.createGraph == true { s += " (create_graph=True: the backward pass is recorded too)" }
            return [s]
        case .node:
            guard let node = e.node else { return ["a backward node runs"] }
            let incoming = (e.incoming?.first ?? nil).map { PictureText.inline($0) } ?? "nothing"
            let outs = (e.outgoing ?? []).compactMap { $0.map { PictureText.inline($0) } }
            let sends = outs.isEmpty ? "sends nothing" : "sends " + outs.joined(separator: " and ")
            let sentence = "\(node.name) runs: gradient in \(incoming), \(sends) along its next_functions"
            if DisplayWidth.of(sentence) <= columns { return [sentence] }
            return ["\(node.name) runs: gradient in \(PictureText.clip(incoming, 40)), "
                + "\(outs.count) gradient\(outs.count == 1 ? "" : "s") out along its next_functions (on the edges)"]
        case .accumulate:
            let name = e.tensor?.name ?? "the leaf"
            let before = b.accumulatedBefore
            let inc = (e.incoming?.first ?? nil).map { PictureText.inline($0) } ?? "?"
            let after = e.after.map { PictureText.inline($0) } ?? "?"
            return ["AccumulateGrad: \(name).grad = \(before) + \(inc) = \(after)"]
        case .backwardEnd:
            let freed = (e.released ?? []).compactMap { b.model.nodeVertex($0)?.title }
            if freed.isEmpty {
                return [b.retainingGraph ? "backward done; retain_graph=True keeps the saved tensors for another backward"
                                         : "backward done"]
            }
            return ["backward done; saved tensors freed (no retain_graph): \(PictureText.clip(freed.joined(separator: ", "), 70))"]
        case .zeroGrad:
            let names = (e.tensors ?? []).map { ($0.name ?? "param") + ".grad" }.joined(separator: ", ")
            return ["zero_grad: \(PictureText.clip(names, 60)) \(e.setToNone == true ? "set to None" : "filled with zeros")"]
        case .step:
            var lines = ["optimizer step: " + (e.text ?? "parameters updated")]
            for (i, t) in (e.tensors ?? []).enumerated() {
                let before = e.beforeAll.flatMap { i < $0.count ? PictureText.inline($0[i]) : nil } ?? "?"
                let grad = b.grads[t.id].map { "  (grad \(SceneBuilder.text($0)))" } ?? ""
                lines.append("\(t.name ?? "param \(i + 1)"): \(before) → \(PictureText.inline(t))\(grad)")
            }
            return lines
        case .gradMode:
            return [e.enabled == true ? "grad mode on: operations are recorded again" : "grad mode off: new results are not recorded"]
        case .hook:
            let name = e.tensor?.name ?? "a tensor"
            let g = (e.incoming?.first ?? nil).map { PictureText.inline($0) } ?? "?"
            let r = (e.outgoing?.first ?? nil).map { PictureText.inline($0) } ?? "unchanged"
            return ["hook on \(name): gradient \(g) → \(r)"]
        case .print:
            return ["the lesson prints:"]
        }
    }

    private static func forward(_ e: TraceEvent, _ b: SceneBuilder) -> String {
        guard let out = e.output else { return "forward: \(e.op ?? "op")" }
        let inputs = e.inputs ?? []
        let args = inputs.map { $0.name ?? PictureText.inline($0, limit: 3) }.joined(separator: ", ")
        let op = e.op ?? "op"
        let value = PictureText.inline(out)
        let call = inputs.isEmpty ? op : "\(op)(\(args))"
        if e.isInPlace {
            let name = out.name ?? "a tensor"
            let from = e.op == "inplace" ? inputs.first.map { " from \(PictureText.inline($0))" } ?? "" : ""
            var how = ""
            if let node = e.node {
                how = "; its grad_fn is now \(node.name)"
            } else if out.requiresGrad {
                how = b.gradEnabled ? "" : " (grad mode off: not recorded)"
            }
            return "in place: \(name) changes\(from) to \(value)\(how)"
        }
        let lhs = out.name.map { "\($0) = " } ?? ""
        if let node = e.node {
            return "forward: \(lhs)\(call) = \(value); grad_fn \(node.name) recorded"
        }
        if out.requiresGrad && out.isLeaf {
            return "creates the leaf \(out.name ?? "tensor") = \(value) with requires_grad=True"
        }
        if inputs.contains(where: \.requiresGrad) {
            let reason = b.gradEnabled ? "no grad_fn" : "grad mode is off"
            return "forward: \(lhs)\(call) = \(value); not recorded (\(reason))"
        }
        return "forward: \(lhs)\(call) = \(value) (no input requires grad)"
    }
}

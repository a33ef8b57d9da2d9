/// The chain rule at each backward node, and accumulation into `.grad`.
extension EventExplainer {
    /// One input of a node as the chain rule sees it: the slots it fills
    /// (a tensor used twice, as in `y * y`, fills two) and the gradient it receives.
    private struct Branch {
        var slots: [Int]
        var input: TensorSnapshot?
        var label: String
        var downstream: TensorSnapshot
    }

    func node(_ e: TraceEvent) -> [StyledLine] {
        guard let n = e.node else { return [EventExplainer.heading("backward", "a grad_fn runs")] }
        let origin = labels.nodeOrigins[n.id].map { events[$0] }
        let inputs = origin?.inputs ?? []
        let output = origin?.output
        let outLabel = output.map { labels.label($0) } ?? "the output of \(n.name)"
        var lines = [EventExplainer.heading("backward", "\(n.name), the grad_fn of \(outLabel)")]
        if let o = origin, let line = o.line, line != e.line, let src = o.source {
            lines.append(EventExplainer.note("made at line \(line): \(src)"))
        }
        let table = zip(n.inputNames, n.formulas).map { "grad_\($0) = \($1)" }
        if !table.isEmpty {
            lines.append(EventExplainer.item("table", table.joined(separator: "    "), .plain))
        }
        let incoming = e.incoming ?? []
        for (k, u) in incoming.enumerated() {
            guard let u else { continue }
            let which = incoming.count > 1 ? "\(outLabel)[\(k)]" : outLabel
            lines.append(EventExplainer.item("upstream", "\(gradSymbol(which)) = \(ValueText.compact(u))"))
        }
        guard let upstream = incoming.first ?? nil else { return lines }
        for branch in branches(e, node: n, inputs: inputs) {
            lines += chainRule(branch, node: n, origin: origin, outLabel: outLabel, upstream: upstream)
        }
        return lines
    }

    private func branches(_ e: TraceEvent, node n: NodeSnapshot, inputs: [TensorSnapshot]) -> [Branch] {
        let outgoing = e.outgoing ?? []
        var out: [Branch] = []
        var byKey: [Int: Int] = [:]
        for i in n.next.indices {
            guard let edge = n.next[i], i < outgoing.count, let g = outgoing[i] else { continue }
            let input = i < inputs.count ? inputs[i] : nil
            let key = input?.id ?? -(edge.nodeID * 64 + edge.inputNr) - 1
            if let b = byKey[key] {
                out[b].slots.append(i)
                out[b].downstream = EventExplainer.sum(out[b].downstream, g)
            } else {
                byKey[key] = out.count
                let label = input.map { labels.label($0) }
                    ?? edge.variableID.flatMap { labels.name(id: $0) }
                    ?? (i < n.inputNames.count ? n.inputNames[i] : "input\(i)")
                out.append(Branch(slots: [i], input: input, label: label, downstream: g))
            }
        }
        return out
    }

    /// `a + b` elementwise for gradients of one shape (the engine adds them the same way).
    private static func sum(_ a: TensorSnapshot, _ b: TensorSnapshot) -> TensorSnapshot {
        var s = a
        if let x = a.values, let y = b.values, x.count == y.count {
            s.values = zip(x, y).map { $0 + $1 }
            s.text = nil
        } else {
            s.values = nil
        }
        return s
    }

    private func binding(node n: NodeSnapshot, origin: TraceEvent?, outLabel: String) -> FormulaBinding {
        var b = FormulaBinding()
        let inputs = origin?.inputs ?? []
        for (k, name) in n.inputNames.enumerated() where k < inputs.count {
            b.bindings[name] = .tensor(inputs[k], label: labels.label(inputs[k]))
        }
        if let out = origin?.output {
            b.bindings["result"] = .tensor(out, label: outLabel)
            if n.inputNames == ["self"], let x = inputs.first, n.name == "PowBackward0",
               let ex = ValueText.inferExponent(input: x, output: out) {
                b.bindings["exponent"] = .number(ex)
            }
        }
        if let x = inputs.first { b.bindings["n"] = .number(Double(ValueText.count(x))) }
        return b
    }

    /// The local derivative template for input slot `i`: the table's text, or for
    /// `x ** e` with a known exponent the simplified `e·x^(e−1)`.
    private func localTemplate(_ n: NodeSnapshot, slot i: Int, binding b: FormulaBinding) -> String? {
        guard i < n.localDerivatives.count, let t = n.localDerivatives[i] else { return nil }
        if n.name == "PowBackward0", case .number(let e)? = b.bindings["exponent"] {
            if e == 0 { return "0" }
            if e == 1 { return "1" }
            let coefficient = ValueText.number(e)
            let power = e - 1 == 1 ? "self" : ValueText.superscript(e - 1).map { "self" + $0 } ?? "self^(\(ValueText.number(e - 1)))"
            return coefficient + "·" + power
        }
        return t
    }

    private func chainRule(_ br: Branch, node n: NodeSnapshot, origin: TraceEvent?, outLabel: String,
                           upstream u: TensorSnapshot) -> [StyledLine] {
        let b = binding(node: n, origin: origin, outLabel: outLabel)
        let local = "∂" + TensorLabels.grouped(outLabel) + "/∂" + TensorLabels.grouped(br.label)
        let downSymbol = gradSymbol(br.label)
        var lines: [StyledLine] = []
        let templates = br.slots.map { localTemplate(n, slot: $0, binding: b) }
        let d = br.downstream
        let uCount = ValueText.count(u), dCount = ValueText.count(d)
        let elementwise = !templates.contains { $0 == nil } && u.values != nil && d.values != nil
            && (uCount == dCount || uCount == 1)
        if elementwise {
            let ts = templates.compactMap { $0 }
            let symbolic = EventExplainer.combine(ts.map { b.symbolic($0) })
            let ratios = EventExplainer.ratios(upstream: u, downstream: d)
            var localLine = "\(local) = \(symbolic)"
            if dCount == 1, let r = ratios.first ?? nil {
                let value = ValueText.number(r, dtype: d.dtype)
                if value != symbolic { localLine += " = \(value)" }
            }
            lines.append(EventExplainer.item("local", localLine))
            if br.slots.count > 1 {
                let roles = br.slots.map { $0 < n.inputNames.count ? n.inputNames[$0] : "input\($0)" }
                lines.append(EventExplainer.note("\(br.label) is both \(roles.joined(separator: " and ")) here, so the \(br.slots.count) terms add"))
            }
            lines.append(EventExplainer.item("chain rule", "\(downSymbol) = \(gradSymbol(outLabel)) · \(local)"))
            if dCount <= ValueText.elementLimit {
                for j in 0..<dCount {
                    let uj = u.values![uCount == 1 ? 0 : j]
                    let numbers = EventExplainer.combine(ts.map { b.numeric($0, element: j, outShape: d.shape) })
                    let factor = numbers ?? ratios[j].map { ValueText.number($0, dtype: d.dtype) } ?? local
                    let product = "\(ValueText.operand(uj, dtype: u.dtype)) · \(EventExplainer.factor(factor)) = \(ValueText.number(d.values![j], dtype: d.dtype))"
                    let key = dCount == 1 && d.shape.isEmpty ? "" : ValueText.indexText(j, shape: d.shape)
                    lines.append(EventExplainer.item(key.isEmpty ? "" : "  " + key, product, .value))
                }
            } else {
                lines.append(EventExplainer.item("", "elementwise over shape \(d.shapeText)", .dim))
                lines.append(EventExplainer.item("  upstream", ValueText.summary(u), .value))
                lines.append(EventExplainer.item("  result", ValueText.summary(d), .value))
            }
        } else {
            let formulas = br.slots.compactMap { $0 < n.formulas.count ? n.formulas[$0] : nil }
            var withGrad = b
            withGrad.bindings["grad"] = .symbol(gradSymbol(outLabel))
            let text = formulas.map { withGrad.symbolic($0) }.joined(separator: " + ")
            if !text.isEmpty { lines.append(EventExplainer.item("chain rule", "\(downSymbol) = \(text)")) }
            lines.append(EventExplainer.item("result", "\(downSymbol) = \(ValueText.compact(d))", .value))
        }
        lines.append(destination(br, node: n))
        return lines
    }

    private func destination(_ br: Branch, node n: NodeSnapshot) -> StyledLine {
        guard let edge = n.next[br.slots[0]] else { return EventExplainer.note("") }
        if edge.nodeName == "AccumulateGrad" {
            let leaf = edge.variableID.flatMap { labels.name(id: $0) } ?? br.label
            return EventExplainer.note("→ AccumulateGrad, which adds it into \(leaf).grad")
        }
        return EventExplainer.note("→ \(edge.nodeName), the grad_fn of \(br.label), goes on with it")
    }

    /// Terms of one input used in several slots: `2·y` when they agree, else `a + b`.
    private static func combine(_ terms: [String]) -> String {
        guard let first = terms.first else { return "" }
        if terms.count == 1 { return first }
        if terms.allSatisfy({ $0 == first }) { return "\(terms.count)·" + TensorLabels.grouped(first) }
        return terms.joined(separator: " + ")
    }

    private static func combine(_ terms: [String?]) -> String? {
        if terms.contains(where: { $0 == nil }) { return nil }
        return combine(terms.compactMap { $0 })
    }

    /// A local-derivative text as the right factor of a product.
    private static func factor(_ text: String) -> String {
        text.contains(" ") && !(text.hasPrefix("(") && text.hasSuffix(")")) ? "(" + text + ")" : text
    }

    /// Per element of the downstream gradient: downstream / upstream, the local
    /// derivative the engine applied (nil where the upstream gradient is 0).
    private static func ratios(upstream u: TensorSnapshot, downstream d: TensorSnapshot) -> [Double?] {
        guard let uv = u.values, let dv = d.values else { return [] }
        return dv.indices.map { j in
            let x = uv[uv.count == 1 ? 0 : j]
            return x == 0 || !x.isFinite ? nil : dv[j] / x
        }
    }

    // MARK: - Accumulation

    func accumulate(_ e: TraceEvent) -> [StyledLine] {
        let leaf = e.tensor.map { labels.label($0) } ?? "leaf"
        let name = leaf + ".grad"
        var lines = [EventExplainer.heading("accumulate", "AccumulateGrad adds the gradient into \(name)")]
        guard let incoming = e.incoming?.first ?? nil, let after = e.after else { return lines }
        let n = ValueText.count(after)
        if let before = e.before {
            lines.append(EventExplainer.item("rule", "\(name) = \(name) before + \(gradSymbol(leaf))"))
            if n <= ValueText.elementLimit, let bv = before.values, let iv = incoming.values, let av = after.values,
               bv.count == n, iv.count == n, av.count == n {
                for j in 0..<n {
                    let key = name + ValueText.indexText(j, shape: after.shape)
                    let sum = "\(ValueText.number(bv[j], dtype: before.dtype)) + \(ValueText.operand(iv[j], dtype: incoming.dtype)) = \(ValueText.number(av[j], dtype: after.dtype))"
                    lines.append(EventExplainer.item("", "\(key) = \(sum)", .value))
                }
            } else {
                lines.append(EventExplainer.item("before", ValueText.compact(before), .value))
                lines.append(EventExplainer.item("incoming", ValueText.compact(incoming), .value))
                lines.append(EventExplainer.item("after", ValueText.compact(after), .value))
            }
        } else {
            lines.append(EventExplainer.note("\(name) was None, so it becomes the incoming gradient \(gradSymbol(leaf))"))
            lines.append(EventExplainer.item("", "\(name) = \(ValueText.compact(after))", .value))
        }
        return lines
    }
}

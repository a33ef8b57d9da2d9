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

    mutating func node(_ e: TraceEvent) -> [StyledLine] {
        guard let n = e.node else { return [EventExplainer.heading("backward", "a grad_fn runs")] }
        let origin = labels.nodeOrigins[n.id].map { events[$0] }
        let inputs = origin?.inputs ?? []
        let output = origin?.output
        let outLabel = output.map { labels.label($0) } ?? "the output of \(n.name)"
        var lines = [EventExplainer.heading("backward", "\(n.name), the grad_fn of \(outLabel)")]
        if let o = origin, let line = o.line, line != e.line, let src = o.source {
            lines.append(EventExplainer.note("made at line \(line): \(src.trimmingSpaces)"))
        }
        let table = zip(n.inputNames, n.formulas).map { "grad_\($0) = \($1)" }
        if !table.isEmpty {
            lines.append(EventExplainer.item("table", table.joined(separator: "    "), .plain))
        }
        let incoming = e.incoming ?? []
        for (k, u) in incoming.enumerated() {
            guard let u else { continue }
            let which = incoming.count > 1 ? "\(outLabel)[\(k)]" : outLabel
            lines += pathSum(into: EdgeKey(node: n.id, input: k), symbol: gradSymbol(which))
            lines.append(EventExplainer.item("upstream", "\(gradSymbol(which)) = \(ValueText.compact(u))"))
        }
        guard let upstream = incoming.first ?? nil else { return lines }
        for branch in branches(e, node: n, inputs: inputs) {
            lines += chainRule(branch, node: n, origin: origin, outLabel: outLabel, upstream: upstream)
            if let edge = n.next[branch.slots[0]] {
                sent[EdgeKey(node: edge.nodeID, input: edge.inputNr), default: []]
                    .append(Contribution(from: n.name, gradient: branch.downstream))
            }
        }
        return lines
    }

    /// When gradients reached `key` along several paths, how they add up.
    private mutating func pathSum(into key: EdgeKey, symbol: String) -> [StyledLine] {
        guard let parts = sent.removeValue(forKey: key), parts.count > 1 else { return [] }
        let from = parts.map(\.from).joined(separator: ", ")
        var lines = [EventExplainer.note("\(parts.count) paths lead here (from \(from)): their gradients add")]
        let first = parts[0].gradient
        let n = ValueText.count(first)
        let all = parts.compactMap(\.gradient.values)
        if all.count == parts.count, n <= ValueText.elementLimit, all.allSatisfy({ $0.count == n }) {
            for j in 0..<n {
                let terms = all.map { ValueText.operand($0[j], dtype: first.dtype) }.joined(separator: " + ")
                let total = all.reduce(0) { $0 + $1[j] }
                let key = n == 1 && first.shape.isEmpty ? "sum" : "  " + ValueText.indexText(j, shape: first.shape)
                lines.append(EventExplainer.item(key, "\(terms) = \(ValueText.number(total, dtype: first.dtype))", .value))
            }
        } else {
            for p in parts { lines.append(EventExplainer.item("  from", "\(p.from): \(ValueText.compact(p.gradient))", .value)) }
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
        var b = binding(node: n, origin: origin, outLabel: outLabel)
        let local = "∂" + TensorLabels.grouped(outLabel) + "/∂" + TensorLabels.grouped(br.label)
        let downSymbol = gradSymbol(br.label)
        let d = br.downstream
        let uCount = ValueText.count(u), dCount = ValueText.count(d)
        let templates = br.slots.map { localTemplate(n, slot: $0, binding: b) }
        var lines: [StyledLine] = []
        guard !templates.contains(where: { $0 == nil }), let uv = u.values, let dv = d.values else {
            lines += formulaOnly(br, node: n, binding: b, outLabel: outLabel, downstream: d)
            lines += destination(br, node: n)
            return lines
        }
        let ts = templates.compactMap { $0 }
        EventExplainer.bindAlpha(&b, templates: ts, upstream: uv, downstream: dv)
        let broadcast = dCount < uCount && uCount > 1
            && (0..<uCount).allSatisfy { ValueText.broadcastIndex($0, outShape: u.shape, shape: d.shape) != nil }
        guard uCount == dCount || uCount == 1 || broadcast else {
            lines += formulaOnly(br, node: n, binding: b, outLabel: outLabel, downstream: d)
            lines += destination(br, node: n)
            return lines
        }
        let symbolic = EventExplainer.combine(ts.map { b.symbolic($0) })
        let ratios = broadcast ? [] : EventExplainer.ratios(upstream: u, downstream: d)
        var localLine = "\(local) = \(symbolic)"
        if dCount == 1, !broadcast, let r = ratios.first ?? nil {
            let value = ValueText.number(r, dtype: d.dtype)
            if value != symbolic { localLine += " = \(value)" }
        }
        lines.append(EventExplainer.item("local", localLine))
        if br.slots.count > 1 {
            let roles = br.slots.map { $0 < n.inputNames.count ? n.inputNames[$0] : "input\($0)" }
            lines.append(EventExplainer.note("\(br.label) is both \(roles.joined(separator: " and ")) here, so the \(br.slots.count) terms add"))
        }
        if broadcast {
            lines.append(EventExplainer.item("chain rule", "\(downSymbol) = Σ \(gradSymbol(outLabel)) · \(local)"))
            lines.append(EventExplainer.note("\(br.label) (shape \(d.shapeText)) was broadcast to shape \(u.shapeText): the gradients of its copies add"))
            lines += broadcastSums(ts, binding: b, upstream: u, downstream: d)
        } else {
            lines.append(EventExplainer.item("chain rule", "\(downSymbol) = \(gradSymbol(outLabel)) · \(local)"))
            lines += products(ts, binding: b, upstream: u, downstream: d, ratios: ratios)
        }
        lines += destination(br, node: n)
        return lines
    }

    /// One line per element: upstream · local derivative (with the numbers) = downstream.
    private func products(_ ts: [String], binding b: FormulaBinding, upstream u: TensorSnapshot,
                          downstream d: TensorSnapshot, ratios: [Double?]) -> [StyledLine] {
        let uCount = ValueText.count(u), dCount = ValueText.count(d)
        guard dCount <= ValueText.elementLimit, let uv = u.values, let dv = d.values else {
            return [EventExplainer.item("", "elementwise over shape \(d.shapeText)", .dim),
                    EventExplainer.item("  upstream", ValueText.compact(u), .value),
                    EventExplainer.item("  result", ValueText.compact(d), .value)]
        }
        var lines: [StyledLine] = []
        for j in 0..<dCount {
            let uj = ValueText.operand(uv[uCount == 1 ? 0 : j], dtype: u.dtype)
            let ratio = j < ratios.count ? ratios[j] : nil
            let numbers = EventExplainer.combine(ts.map { b.numeric($0, element: j, outShape: d.shape) })
            var product: String
            if let numbers {
                product = "\(uj) · \(EventExplainer.factor(numbers))"
                if let r = ratio, !EventExplainer.isArithmetic(numbers) {
                    product += " = \(uj) · \(ValueText.operand(r, dtype: d.dtype))"
                }
            } else if let r = ratio {
                product = "\(uj) · \(ValueText.operand(r, dtype: d.dtype))"
            } else {
                product = "\(uj) · \(EventExplainer.factor(EventExplainer.combine(ts.map { b.symbolic($0) })))"
            }
            product += " = \(ValueText.number(dv[j], dtype: d.dtype))"
            let key = d.shape.isEmpty ? "" : "  " + ValueText.indexText(j, shape: d.shape)
            lines.append(EventExplainer.item(key, product, .value))
        }
        return lines
    }

    /// For an input broadcast in the forward op: per element of the input, the
    /// sum over its copies of upstream · local derivative.
    private func broadcastSums(_ ts: [String], binding b: FormulaBinding, upstream u: TensorSnapshot,
                               downstream d: TensorSnapshot) -> [StyledLine] {
        let uCount = ValueText.count(u), dCount = ValueText.count(d)
        guard uCount <= ValueText.elementLimit, let uv = u.values, let dv = d.values else {
            return [EventExplainer.item("  upstream", ValueText.compact(u), .value),
                    EventExplainer.item("  result", ValueText.compact(d), .value)]
        }
        var terms = [[String]](repeating: [], count: dCount)
        for j in 0..<uCount {
            guard let k = ValueText.broadcastIndex(j, outShape: u.shape, shape: d.shape),
                  let numbers = EventExplainer.combine(ts.map { b.numeric($0, element: j, outShape: u.shape) }) else {
                return [EventExplainer.item("  upstream", ValueText.compact(u), .value),
                        EventExplainer.item("  result", ValueText.compact(d), .value)]
            }
            terms[k].append("\(ValueText.operand(uv[j], dtype: u.dtype)) · \(EventExplainer.factor(numbers))")
        }
        return (0..<dCount).map { k in
            let key = d.shape.isEmpty ? "" : "  " + ValueText.indexText(k, shape: d.shape)
            return EventExplainer.item(key, terms[k].joined(separator: " + ") + " = " + ValueText.number(dv[k], dtype: d.dtype), .value)
        }
    }

    /// Rules that are not elementwise (`mm`, `expand`, custom Functions): the
    /// formula with the lesson's names, and the resulting gradient.
    private func formulaOnly(_ br: Branch, node n: NodeSnapshot, binding b: FormulaBinding, outLabel: String,
                             downstream d: TensorSnapshot) -> [StyledLine] {
        let formulas = br.slots.compactMap { $0 < n.formulas.count ? n.formulas[$0] : nil }
        var withGrad = b
        withGrad.bindings["grad"] = .symbol(gradSymbol(outLabel))
        let downSymbol = gradSymbol(br.label)
        var lines: [StyledLine] = []
        let text = formulas.map { withGrad.symbolic($0) }.joined(separator: " + ")
        if !text.isEmpty { lines.append(EventExplainer.item("chain rule", "\(downSymbol) = \(text)")) }
        lines.append(EventExplainer.item("result", "\(downSymbol) = \(ValueText.compact(d))", .value))
        return lines
    }

    /// `alpha` of `add`/`sub` is not in the trace; it is 1 unless the lesson passed
    /// another value, which the gradients show: downstream = ±alpha · upstream, summed.
    private static func bindAlpha(_ b: inout FormulaBinding, templates: [String], upstream: [Double], downstream: [Double]) {
        guard b.bindings["alpha"] == nil, templates.contains(where: { $0.contains("alpha") }) else { return }
        let su = upstream.reduce(0, +)
        let sd = downstream.reduce(0, +)
        guard su != 0 else { return }
        let sign: Double = templates.allSatisfy { $0.hasPrefix("−") } ? -1 : 1
        let alpha = sign * sd / su
        if Swift.abs(alpha - alpha.rounded()) < 1e-6 || Swift.abs(alpha - 1) < 1e-6 {
            b.bindings["alpha"] = .number(alpha.rounded() == 0 ? alpha : alpha.rounded())
        }
    }

    /// Whether `text` is numbers and operators only (no function to evaluate).
    private static func isArithmetic(_ text: String) -> Bool {
        text.allSatisfy { $0.isNumber || " .+-−·/()²³⁴⁵⁶⁷⁸⁹⁰¹⁻e".contains($0) }
    }

    private func destination(_ br: Branch, node n: NodeSnapshot) -> [StyledLine] {
        guard let edge = n.next[br.slots[0]] else { return [] }
        if edge.nodeName == "AccumulateGrad" {
            let leaf = edge.variableID.flatMap { labels.name(id: $0) } ?? br.label
            return [EventExplainer.note("→ AccumulateGrad, which adds it into \(leaf).grad")]
        }
        return [EventExplainer.note("→ \(edge.nodeName), the grad_fn of \(br.label), goes on with it")]
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
        let bare = !(text.hasPrefix("(") && text.hasSuffix(")"))
        return bare && (text.contains(" ") || text.hasPrefix("-") || text.hasPrefix("−")) ? "(" + text + ")" : text
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

    mutating func accumulate(_ e: TraceEvent) -> [StyledLine] {
        let leaf = e.tensor.map { labels.label($0) } ?? "leaf"
        let name = leaf + ".grad"
        var lines = [EventExplainer.heading("accumulate", "AccumulateGrad adds the gradient into \(name)")]
        if let id = e.node?.id {
            lines += pathSum(into: EdgeKey(node: id, input: 0), symbol: gradSymbol(leaf))
        }
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

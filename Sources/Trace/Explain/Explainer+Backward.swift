/// The chain rule at each backward node, and accumulation into `.grad`.
extension Explainer {
    /// The name gradients are taken of in the backward pass of event `index` (`z` in `∂z/∂y`).
    func rootName(at index: Int) -> String {
        guard let b = backwardOf[index], case .backwardBegin(let begin) = events[b].kind, let r = begin.roots.first else {
            return "L"
        }
        return tensorNames[r.id] ?? r.name ?? "L"
    }

    /// The lesson's name for the tensor node `id` made.
    func outputName(ofNode id: Int) -> String? {
        if let t = nodeOutput[id], let n = tensorNames[t] { return n }
        if let f = forward(ofNode: id) { return tensorNames[f.output.id] ?? f.output.name ?? name(f.output) }
        return nil
    }

    /// How many gradients the node slot (node, slot) receives in the backward pass of `index`.
    func contributionCount(node: Int, slot: Int, after index: Int) -> Int {
        var i = index + 1
        while i < events.count {
            switch events[i].kind {
            case .node(let n) where n.node.id == node:
                return max(1, slot < n.contributions.count ? n.contributions[slot].count : 1)
            case .accumulate(let a) where a.node.id == node:
                return max(1, a.contributions.count)
            case .backwardEnd:
                return 1
            default:
                break
            }
            i += 1
        }
        return 1
    }

    func node(_ n: NodeEvent, at index: Int, into x: inout Explanation) {
        let node = n.node
        let root = rootName(at: index)
        let out = outputName(ofNode: node.id) ?? expression(ofNode: node) ?? words.outputOf(node.name)
        x.heading = words.nodeRuns(node.name, for: out)
        let upstreamSymbol = words.partial(of: root, by: out)
        guard let upstream = n.incoming.first ?? nil else { return }
        if let parts = n.contributions.first, parts.count > 1 {
            x.sums.append(GradientSum(symbol: upstreamSymbol, target: out, terms: parts.map { NumberText.values($0.value) },
                                      total: NumberText.values(upstream.values)))
        }
        let origin = forward(ofNode: node.id)
        var binder = FormulaBinder()
        binder.bindings["grad"] = .symbol(upstreamSymbol)
        for (k, role) in node.inputNames.enumerated() {
            if let f = origin, k < f.inputs.count {
                let input = f.inputs[k]
                if tensorNames[input.id] == nil, input.name == nil, Explainer.isConstant(input), let v = input.values.scalar {
                    binder.bindings[role] = .number(v)
                } else {
                    binder.bindings[role] = .tensor(name: name(input), values: input.values)
                }
            }
        }
        if let f = origin { binder.bindings["result"] = .tensor(name: out, values: f.output.values) }
        for s in node.saved where binder.bindings[s.name] == nil {
            binder.bindings[s.name] = .tensor(name: s.name, values: s.values)
        }
        for a in node.arguments {
            switch a.value {
            case .double(let d): binder.bindings[a.name] = .number(d)
            case .int(let i): binder.bindings[a.name] = .number(Double(i))
            default: break
            }
        }
        // Which input tensor each edge serves, to tell a tensor used twice (`y * y`).
        var inputIDs: [Int: Int] = [:]
        for i in node.next.indices {
            if let f = origin, i < f.inputs.count { inputIDs[i] = f.inputs[i].id }
        }
        var uses: [Int: [Int]] = [:]
        for (i, id) in inputIDs where node.next[i] != nil { uses[id, default: []].append(i) }

        for (i, edge) in node.next.enumerated() {
            guard let edge, i < n.outgoing.count, let g = n.outgoing[i] else { continue }
            let role = i < node.inputNames.count ? node.inputNames[i] : "input\(i)"
            let inputID = inputIDs[i] ?? edge.variable
            let target = inputID.flatMap { tensorNames[$0] } ?? origin.flatMap { i < $0.inputs.count ? name($0.inputs[i]) : nil }
                ?? outputName(ofNode: edge.node) ?? role
            let shared = inputID.map { (uses[$0]?.count ?? 0) > 1 } ?? false
            let localFormula = i < node.localDerivatives.count ? node.localDerivatives[i] : nil
            let elementwise = localFormula != nil && upstream.values.count > 1
            let localSymbol = words.partial(of: out, by: shared ? role : target)
            var local: Quantity
            if let lf = localFormula {
                local = Quantity(symbol: localSymbol, formula: binder.symbolic(lf), substituted: binder.numeric(lf),
                                 value: Explainer.ratio(g.values, upstream.values) ?? binder.numeric(lf) ?? "?")
            } else {
                let formula = i < node.formulas.count ? node.formulas[i] : "?"
                local = Quantity(symbol: localSymbol, formula: binder.symbolic(formula), value: "")
            }
            let partial = shared || contributionCount(node: edge.node, slot: edge.inputNr, after: index) > 1
            let downSymbol = partial ? words.partOf(words.partial(of: root, by: target), via: role)
                : words.partial(of: root, by: target)
            let times = elementwise ? " ⊙ " : " · "
            let product: String? = localFormula == nil ? nil
                : NumberText.operand(upstream.values) + (elementwise ? " ⊙ " : " × ") + (local.value.isEmpty ? "?" : local.value)
            let down = Quantity(symbol: downSymbol, formula: localFormula == nil ? local.formula : upstreamSymbol + times + localSymbol,
                                substituted: product, value: NumberText.values(g.values))
            if localFormula == nil { local.formula = nil }
            x.chainRule.append(ChainRuleTerm(input: target, role: role,
                                             upstream: Quantity(symbol: upstreamSymbol, value: NumberText.values(upstream.values)),
                                             local: local, downstream: down, elementwise: elementwise))
        }
        // A tensor filling several inputs of this node gets the sum of their gradients.
        for (id, slots) in uses.sorted(by: { $0.key < $1.key }) where slots.count > 1 {
            let values = slots.sorted().compactMap { i in i < n.outgoing.count ? n.outgoing[i]?.values : nil }
            guard values.count == slots.count, let total = Explainer.sum(values) else { continue }
            let target = tensorNames[id] ?? "input"
            x.sums.append(GradientSum(symbol: words.partial(of: root, by: target), target: target,
                                      terms: values.map(NumberText.values), total: NumberText.values(total)))
        }
    }

    func accumulate(_ a: AccumulateEvent, at index: Int, into x: inout Explanation) {
        let leaf = name(a.leaf)
        let before = a.before.map { NumberText.values($0.values) } ?? "None"
        x.heading = words.accumulates(leaf, before: before, incoming: NumberText.values(a.incoming.values),
                                      after: NumberText.values(a.after.values))
        if a.contributions.count > 1 {
            x.sums.append(GradientSum(symbol: words.partial(of: rootName(at: index), by: leaf), target: leaf,
                                      terms: a.contributions.map { NumberText.values($0.value) },
                                      total: NumberText.values(a.incoming.values)))
        }
    }

    /// `down / up` element by element, when both are written out and `up` has no zeros.
    static func ratio(_ down: TensorValues, _ up: TensorValues) -> String? {
        guard let d = down.elements, let u = up.elements, !u.isEmpty, d.count <= NumberText.listLimit else { return nil }
        if u.count == 1, u[0] != 0 {
            return NumberText.values(TensorValues(shape: down.shape, dtype: down.dtype, content: .full(d.map { $0 / u[0] })))
        }
        guard u.count == d.count, !u.contains(0) else { return nil }
        return NumberText.values(TensorValues(shape: down.shape, dtype: down.dtype, content: .full(zip(d, u).map { $0 / $1 })))
    }

    /// The element-wise sum of same-shaped values, when all are written out.
    static func sum(_ values: [TensorValues]) -> TensorValues? {
        guard let first = values.first, var acc = first.elements else { return nil }
        for v in values.dropFirst() {
            guard let e = v.elements, e.count == acc.count else { return nil }
            for k in acc.indices { acc[k] += e[k] }
        }
        return TensorValues(shape: first.shape, dtype: first.dtype, content: .full(acc))
    }
}

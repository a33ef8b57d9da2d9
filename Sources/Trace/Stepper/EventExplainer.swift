/// Puts each trace event into words and formulas for the step-through.
///
/// It walks the trace in order because a backward node's gradients are named
/// after the root of the backward pass that started before it (`∂z/∂y`).
struct EventExplainer {
    let events: [TraceEvent]
    let labels: TensorLabels
    /// The numerator of gradient names in the current backward pass: the root's name, or `L`.
    var root = "L"
    /// Gradients sent along each edge (node id, input number) in this backward
    /// pass and not yet consumed: several mean several paths, which add.
    var sent: [EdgeKey: [Contribution]] = [:]

    struct EdgeKey: Hashable {
        var node: Int
        var input: Int
    }

    struct Contribution {
        var from: String
        var gradient: TensorSnapshot
    }

    init(events: [TraceEvent]) {
        self.events = events
        labels = TensorLabels(events: events)
    }

    /// The lines explaining `e` (not yet wrapped to a width).
    mutating func explain(_ e: TraceEvent) -> [StyledLine] {
        switch e.kind {
        case .forward: return forward(e)
        case .backwardBegin: return backwardBegin(e)
        case .node: return node(e)
        case .accumulate: return accumulate(e)
        case .backwardEnd: return backwardEnd(e)
        case .zeroGrad: return zeroGrad(e)
        case .step: return step(e)
        case .gradMode: return gradMode(e)
        case .hook: return hook(e)
        case .print: return printed(e)
        }
    }

    /// `∂z/∂y` for the tensor labelled `label` in the current backward pass.
    func gradSymbol(_ label: String) -> String {
        "∂" + root + "/∂" + TensorLabels.grouped(label)
    }

    static func heading(_ kind: String, _ text: String) -> StyledLine {
        var l = StyledLine(kind, .heading)
        l.append("  " + text, .value)
        return l
    }

    static func item(_ key: String, _ text: String, _ style: StyledLine.Style = .formula) -> StyledLine {
        var l = StyledLine("  " + DisplayWidth.pad(key, to: max(11, DisplayWidth.of(key) + 1)), .dim)
        l.append(text, style)
        return l
    }

    static func note(_ text: String) -> StyledLine { StyledLine("  " + text, .dim) }

    // MARK: - Forward

    private func forward(_ e: TraceEvent) -> [StyledLine] {
        let op = e.op ?? "op"
        let inputs = e.inputs ?? []
        let inLabels = inputs.map { labels.label($0) }
        guard let out = e.output else { return [EventExplainer.heading("forward", op)] }
        let outLabel = labels.label(out)
        if op == "inplace" { return inPlace(out: out, label: outLabel, before: inputs.first) }
        if inputs.isEmpty { return created(out: out, label: outLabel, op: op) }
        let expr = OpTemplate.any(op: op, inputs: inputs, labels: inLabels, output: out)
        var lines = [EventExplainer.heading("forward", outLabel == expr ? "\(op): \(expr)" : "\(op): \(outLabel) = \(expr)")]
        var shown = Set<Int>()
        for (s, l) in zip(inputs, inLabels) where Double(l) == nil && l != outLabel && shown.insert(s.id).inserted {
            lines.append(EventExplainer.item(l, ValueText.compact(s), .plain))
        }
        lines += forwardArithmetic(op: op, inputs: inputs, inLabels: inLabels, out: out, outLabel: outLabel)
        if let text = EventExplainer.repr(out), ValueText.count(out) <= ValueText.elementLimit {
            lines.append(EventExplainer.item("repr", text, .plain))
        }
        if let fn = out.gradFn {
            var seen = Set<Int>()
            let sources = zip(inputs, inLabels).filter { $0.0.requiresGrad && seen.insert($0.0.id).inserted }.map(\.1)
            let to = sources.isEmpty ? "" : " back to " + sources.joined(separator: " and ")
            lines.append(EventExplainer.item("grad_fn", "\(fn): remembers how to send gradients\(to)", .emphasis))
        } else if inputs.contains(where: \.requiresGrad) {
            lines.append(EventExplainer.note("no grad_fn: gradient recording is off here, so this op is not in the graph"))
        } else if out.dtype.contains("float") {
            lines.append(EventExplainer.note("no grad_fn: no input requires grad, so this op is not in the graph"))
        }
        return lines
    }

    /// PyTorch's printed form of a one-line tensor, with the `requires_grad` or
    /// `grad_fn` suffix the snapshot's value text leaves out.
    static func repr(_ s: TensorSnapshot) -> String? {
        guard var text = s.text, !text.contains("\n"), text.hasSuffix(")") else { return nil }
        text.removeLast()
        if let fn = s.gradFn {
            text += ", grad_fn=<\(fn)>"
        } else if s.requiresGrad {
            text += ", requires_grad=True"
        }
        return text + ")"
    }

    /// A factory (`torch.tensor`, `ones`, `randn`): a new leaf.
    private func created(out: TensorSnapshot, label: String, op: String) -> [StyledLine] {
        [EventExplainer.heading("create", "\(label) = torch.\(op)(…)"),
         EventExplainer.item(label, ValueText.compact(out), .value),
         EventExplainer.note("a leaf: made directly, not computed from other tensors, so it has no grad_fn")]
    }

    /// An in-place op (`add_`, `-=`, `x[i] = v`): the same tensor, new values, a new version.
    private func inPlace(out: TensorSnapshot, label: String, before: TensorSnapshot?) -> [StyledLine] {
        let zeroedGrad = label.hasSuffix(".grad") && out.values?.allSatisfy { $0 == 0 } == true
        var lines = [EventExplainer.heading("in place", zeroedGrad ? "\(label) is set to zero in place" : "\(label) is changed in place")]
        if let b = before { lines.append(EventExplainer.item("before", ValueText.compact(b), .plain)) }
        lines.append(EventExplainer.item("after", ValueText.compact(out), .value))
        if zeroedGrad {
            lines.append(EventExplainer.note("the next backward adds into zeros instead of into the old gradient"))
            return lines
        }
        if let fn = out.gradFn {
            lines.append(EventExplainer.item("grad_fn", "\(fn): the in-place op becomes part of \(label)'s history", .emphasis))
        }
        lines.append(EventExplainer.note("its version counter goes up: backward refuses values saved before the change"))
        return lines
    }

    private func forwardArithmetic(op: String, inputs: [TensorSnapshot], inLabels: [String],
                                   out: TensorSnapshot, outLabel: String) -> [StyledLine] {
        let n = ValueText.count(out)
        guard let values = out.values else { return [EventExplainer.item(outLabel, ValueText.summary(out), .value)] }
        if n <= ValueText.elementLimit,
           let t = OpTemplate.elementwise(op: op, inputs: inputs, labels: inLabels, output: out) {
            let b = OpTemplate.binding(inputs: inputs, labels: inLabels)
            var lines: [StyledLine] = []
            for j in 0..<n {
                guard let numbers = b.numeric(t, element: j, outShape: out.shape) else { break }
                let key = out.shape.isEmpty ? outLabel : TensorLabels.grouped(outLabel) + ValueText.indexText(j, shape: out.shape)
                lines.append(EventExplainer.item(key, "\(numbers) = \(ValueText.number(values[j], dtype: out.dtype))", .value))
            }
            if lines.count == n { return lines }
        }
        if (op == "sum" || op == "mean"), out.shape.isEmpty, let s = inputs.first, let v = s.values,
           !v.isEmpty, v.count <= ValueText.elementLimit {
            var terms = v.map { ValueText.operand($0, dtype: s.dtype) }.joined(separator: " + ")
            if op == "mean" { terms = "(\(terms)) / \(v.count)" }
            return [EventExplainer.item(outLabel, "\(terms) = \(ValueText.number(values[0], dtype: out.dtype))", .value)]
        }
        return [EventExplainer.item(outLabel, ValueText.compact(out), .value)]
    }

    // MARK: - Backward pass boundaries

    private mutating func backwardBegin(_ e: TraceEvent) -> [StyledLine] {
        let roots = e.roots ?? []
        let rootLabels = roots.map { labels.label($0) }
        sent = [:]
        if rootLabels.count == 1, TensorLabels.isAtomic(rootLabels[0]) {
            root = rootLabels[0]
        } else {
            root = "L"
        }
        let from = rootLabels.joined(separator: ", ")
        var lines = [EventExplainer.heading("backward", "the backward pass starts at \(from)")]
        if root == "L" {
            lines.append(EventExplainer.note("gradients below are written ∂L/∂·, with L = \(rootLabels.joined(separator: " and "))"))
        }
        for (s, g) in zip(roots, e.grads ?? []) {
            let seed = ValueText.compact(g)
            lines.append(EventExplainer.item("seed", "\(gradSymbol(labels.label(s))) = \(seed)"))
        }
        if let seeds = e.grads, seeds.count == 1, ValueText.count(seeds[0]) == 1, seeds[0].values?.first == 1 {
            lines.append(EventExplainer.note("the gradient of \(root) with respect to itself is 1; every node multiplies it by a local derivative"))
        } else {
            lines.append(EventExplainer.note("the seed is the gradient= argument; each node multiplies it by its local derivative"))
        }
        if let wrt = e.tensors, !wrt.isEmpty {
            let names = wrt.map { labels.label($0) }.joined(separator: ", ")
            lines.append(EventExplainer.note("only the gradients for \(names) are wanted: they are returned, .grad is not touched"))
        }
        if e.createGraph == true {
            lines.append(EventExplainer.note("create_graph=True: the backward computation is recorded too, so it can be differentiated again"))
        } else if e.retainGraph == true {
            lines.append(EventExplainer.note("retain_graph=True: saved tensors are kept, so backward can run through this graph again"))
        }
        return lines
    }

    private func backwardEnd(_ e: TraceEvent) -> [StyledLine] {
        var lines = [EventExplainer.heading("backward", "the backward pass is done")]
        let freed = e.released?.count ?? 0
        if freed > 0 {
            let nodes = freed == 1 ? "1 node" : "\(freed) nodes"
            lines.append(EventExplainer.note("the saved tensors of \(nodes) were freed: backward through them again needs retain_graph=True"))
        }
        return lines
    }

    // MARK: - Other events

    private func zeroGrad(_ e: TraceEvent) -> [StyledLine] {
        let params = e.tensors ?? []
        let none = e.setToNone == true
        var lines = [EventExplainer.heading("zero_grad", none ? "gradients set to None" : "gradients set to zero")]
        let before = e.beforeAll ?? []
        for (i, p) in params.enumerated() {
            let name = labels.label(p) + ".grad"
            let was = before.count == params.count ? " (was \(ValueText.compact(before[i])))" : ""
            lines.append(EventExplainer.item(name, (none ? "None" : "0") + was, .value))
        }
        lines.append(EventExplainer.note("the next backward starts accumulating from nothing instead of adding to old gradients"))
        return lines
    }

    private func step(_ e: TraceEvent) -> [StyledLine] {
        var lines = [EventExplainer.heading("step", "the optimizer updates the parameters")]
        if let text = e.text {
            for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(EventExplainer.item("rule", String(l)))
            }
        }
        let after = e.tensors ?? []
        let before = e.beforeAll ?? []
        for (a, b) in zip(after, before) {
            let name = labels.label(a)
            if ValueText.isSmall(a), let va = a.values, let vb = b.values, va.count == vb.count {
                for j in va.indices {
                    let key = name + ValueText.indexText(j, shape: a.shape)
                    lines.append(EventExplainer.item(key, "\(ValueText.number(vb[j], dtype: b.dtype)) → \(ValueText.number(va[j], dtype: a.dtype))", .value))
                }
            } else {
                lines.append(EventExplainer.item(name, "before: \(ValueText.compact(b))", .value))
                lines.append(EventExplainer.item("", "after:  \(ValueText.compact(a))", .value))
            }
        }
        return lines
    }

    private func gradMode(_ e: TraceEvent) -> [StyledLine] {
        if e.enabled == true {
            return [EventExplainer.heading("grad mode", "gradient recording is on"),
                    EventExplainer.note("ops on tensors that require grad are recorded in the graph again")]
        }
        return [EventExplainer.heading("grad mode", "gradient recording is off"),
                EventExplainer.note("results get no grad_fn and nothing is recorded for backward (no_grad)")]
    }

    private func hook(_ e: TraceEvent) -> [StyledLine] {
        let name = e.tensor.map { labels.label($0) }
        var lines = [EventExplainer.heading("hook", name.map { "a hook on \($0) sees its gradient" } ?? "a gradient hook runs")]
        if let g = e.incoming?.first ?? nil {
            let symbol = name.map(gradSymbol) ?? "grad"
            lines.append(EventExplainer.item("called with", "\(symbol) = \(ValueText.compact(g))"))
        }
        if let r = e.outgoing?.first ?? nil {
            lines.append(EventExplainer.item("returned", ValueText.compact(r), .value))
            lines.append(EventExplainer.note("the returned tensor replaces the gradient from here on"))
        } else {
            lines.append(EventExplainer.item("returned", "None", .value))
            lines.append(EventExplainer.note("the gradient goes on unchanged"))
        }
        return lines
    }

    private func printed(_ e: TraceEvent) -> [StyledLine] {
        var lines = [EventExplainer.heading("print", "the lesson prints")]
        var text = e.text ?? ""
        if text.hasSuffix("\n") { text.removeLast() }
        for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(StyledLine("    " + l, .value))
        }
        return lines
    }
}

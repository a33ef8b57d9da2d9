import Autograd

/// Forward ops, the start and end of backward, and what a statement changed.
extension Explainer {
    func forward(_ f: ForwardEvent, into x: inout Explanation) {
        let out = name(f.output)
        let args = f.arguments.filter { $0.value != .none }.map { "\($0.name)=\(Explainer.argumentText($0.value))" }
        let operands = f.inputs.map { name($0) } + args
        let call = "\(f.op)(\(operands.joined(separator: ", ")))"
        if f.inPlace {
            let target = f.inputs.first.map(name) ?? out
            x.heading = words.inPlace(target: target, op: f.op, before: f.inputs.first.map { NumberText.values($0.values) } ?? "?",
                                      after: NumberText.values(f.output.values))
            if let n = f.node { x.details.append(words.rebased(target, onto: n.name)) }
            return
        }
        if f.inputs.isEmpty {
            x.heading = words.creates(out, op: f.op, value: NumberText.values(f.output.values), requiresGrad: f.output.requiresGrad)
            return
        }
        x.heading = words.computes(out, call: call, value: NumberText.values(f.output.values))
        if let n = f.node {
            x.details.append(words.records(n.name, for: out))
            let saved = n.saved.map { "\($0.name) = \(NumberText.values($0.values))" }
            if !saved.isEmpty { x.details.append(words.saves(saved)) }
        } else if f.inputs.contains(where: \.requiresGrad) {
            x.details.append(words.notRecorded)
        }
    }

    func backwardBegin(_ b: BackwardBeginEvent, into x: inout Explanation) {
        let roots = b.roots.map(name)
        let seeds = b.grads.map { NumberText.values($0.values) }
        if b.returnsGradients {
            let inputs = (b.inputs ?? []).map(name)
            let symbols = inputs.map { words.partial(of: roots.first ?? "L", by: $0) }
            x.heading = words.gradComputes(symbols)
            x.details.append(words.gradLeavesGradAlone)
        } else {
            x.heading = words.backwardStarts(roots.joined(separator: ", "), seed: seeds.joined(separator: ", "))
        }
        if b.createGraph { x.details.append(words.createsGraph) }
        x.details.append(b.retainGraph ? words.keepsGraph : words.freesGraph)
    }

    func backwardEnd(_ released: [Int], at index: Int, into x: inout Explanation) {
        x.heading = words.backwardDone
        if released.isEmpty {
            x.details.append(words.nothingFreed)
        } else {
            var names: [String] = []
            for id in released {
                if let n = forward(ofNode: id)?.node { names.append(n.name) }
            }
            x.details.append(words.freed(count: released.count, examples: Array(names.prefix(4))))
        }
    }

    /// What the statement at `index` visibly changed: new names, values, `.grad`s, flags, graphs released.
    func changes(at index: Int) -> [String] {
        guard let scene = scenes[index] else { return [] }
        var previous: Scene?
        if let p = sceneOrder.lastIndex(where: { $0 < index }) { previous = scenes[sceneOrder[p]] }
        var out: [String] = []
        let before = Dictionary((previous?.nodes ?? []).compactMap { n -> (SceneNodeID, SceneNode)? in (n.id, n) },
                                uniquingKeysWith: { a, _ in a })
        for n in scene.nodes {
            guard let t = n.tensor, let label = t.name else { continue }
            guard let old = before[n.id]?.tensor else {
                if !(previous?.nodes.isEmpty ?? true) || previous == nil {
                    out.append(words.holds(label, NumberText.values(t.value), requiresGrad: t.requiresGrad))
                }
                continue
            }
            if old.value != t.value { out.append("\(label): \(NumberText.values(old.value)) → \(NumberText.values(t.value))") }
            if old.grad != t.grad {
                out.append("\(label).grad: \(old.grad.map(NumberText.values) ?? "None") → \(t.grad.map(NumberText.values) ?? "None")")
            }
            if old.requiresGrad != t.requiresGrad { out.append("\(label).requires_grad: \(old.requiresGrad ? "True" : "False") → \(t.requiresGrad ? "True" : "False")") }
            if old.names.first != t.names.first, let o = old.name, o != label { out.append(words.renamed(o, label)) }
        }
        let now = Set(scene.nodes.map(\.id))
        let gone = (previous?.nodes ?? []).filter { !now.contains($0.id) }
        let goneNames = gone.compactMap { $0.tensor?.name }
        if !goneNames.isEmpty { out.append(words.released(goneNames)) }
        let goneNodes = gone.filter { $0.function != nil }.count
        if goneNodes > 0 { out.append(words.graphReleased(goneNodes)) }
        return out
    }

    static func argumentText(_ v: OpArgument.Value) -> String {
        switch v {
        case .int(let i): return String(i)
        case .double(let d): return NumberText.number(d, dtype: "torch.float64")
        case .bool(let b): return b ? "True" : "False"
        case .ints(let l): return "(" + l.map(String.init).joined(separator: ", ") + (l.count == 1 ? ",)" : ")")
        case .string(let s): return "'\(s)'"
        case .none: return "None"
        }
    }
}

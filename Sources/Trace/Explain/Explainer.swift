import Python

/// Explains every step of a recorded run: a pure function of the trace, the captured scenes
/// and the lesson's outline (the same inputs give the same ``Explanation``).
public struct Explainer: Sendable {
    public let events: [TraceEvent]
    public let scenes: [Int: Scene]
    public let outline: LessonOutline
    let words: Words

    /// The forward event that recorded each node.
    let origin: [Int: Int]
    /// The lesson's name for each tensor, from the scenes (and the events' own names).
    let tensorNames: [Int: String]
    /// The tensor each node made (its output 0), when a scene showed it.
    let nodeOutput: [Int: Int]
    /// For each event, the `backward_begin` of the backward pass it belongs to.
    let backwardOf: [Int: Int]
    /// Scene event indices in order, for "the scene before this one".
    let sceneOrder: [Int]

    public init(events: [TraceEvent], scenes: [Int: Scene], outline: LessonOutline, language: String? = nil) {
        self.events = events
        self.scenes = scenes
        self.outline = outline
        words = Words(language: language ?? outline.language)
        var origin: [Int: Int] = [:]
        var names: [Int: String] = [:]
        var backwardOf: [Int: Int] = [:]
        var current: Int?
        for e in events {
            switch e.kind {
            case .forward(let f):
                if let n = f.node, origin[n.id] == nil { origin[n.id] = e.index }
                for t in f.inputs + [f.output] { if let n = t.name, names[t.id] == nil { names[t.id] = n } }
            case .backwardBegin(let b):
                current = e.index
                for t in b.roots { if let n = t.name, names[t.id] == nil { names[t.id] = n } }
            case .backwardEnd:
                if let c = current { backwardOf[e.index] = c }
                current = nil
                continue
            default:
                break
            }
            if let c = current { backwardOf[e.index] = c }
        }
        var outputs: [Int: Int] = [:]
        let order = scenes.keys.sorted()
        for i in order {
            for n in scenes[i]!.nodes {
                guard case .tensor(let id) = n.id, let t = n.tensor else { continue }
                if let name = t.name, names[id] == nil || names[id]!.hasSuffix(".grad") { names[id] = name }
                if let fn = t.gradFn, outputs[fn] == nil { outputs[fn] = id }
            }
        }
        self.origin = origin
        tensorNames = names
        nodeOutput = outputs
        self.backwardOf = backwardOf
        sceneOrder = order
    }

    /// The explanation of event `index`.
    public func explain(_ index: Int) -> Explanation {
        let e = events[index]
        var x = Explanation(heading: "")
        if let top = e.context.topLine ?? e.context.line { x.section = outline.section(at: top)?.title }
        if let line = e.context.line {
            x.line = line
            let statement = outline.statement(at: line)
            x.source = statement?.source
            x.narration = statement?.narration ?? []
        }
        switch e.kind {
        case .statement, .statementEnd:
            x.heading = x.source ?? ""
            x.details = changes(at: index)
        case .iteration(let i):
            x.heading = words.iteration(i + 1, line: e.context.line ?? 0)
        case .loopEnd(let n):
            x.heading = words.loopEnd(n, line: e.context.line ?? 0)
        case .forward(let f):
            forward(f, into: &x)
        case .backwardBegin(let b):
            backwardBegin(b, into: &x)
        case .nodeBegin(let n):
            x.heading = words.nodeBegins(n.name)
        case .node(let n):
            node(n, at: index, into: &x)
        case .accumulate(let a):
            accumulate(a, at: index, into: &x)
        case .hook(let h):
            x.heading = words.hook(on: h.tensor.map(name) ?? "a tensor", sees: NumberText.values(h.incoming.values),
                                   returns: h.outgoing.map { NumberText.values($0.values) })
        case .backwardEnd(let released):
            backwardEnd(released, at: index, into: &x)
        case .zeroGrad(let z):
            x.heading = words.zeroGrad(z.tensors.map(name), setToNone: z.setToNone)
        case .step(let s):
            x.heading = words.step(s.optimizer, s.after.map(name))
            x.details = s.rule.split(separator: "\n").map(String.init)
            for (b, a) in zip(s.before, s.after) {
                x.details.append("\(name(a)): \(NumberText.values(b.values)) → \(NumberText.values(a.values))")
            }
        case .gradMode(let on):
            x.heading = words.gradMode(on)
        case .print(let text):
            x.heading = words.prints
            x.printed = text
        case .plot(let p):
            x.heading = p.savedTo.map { words.saves(figureTo: $0) } ?? words.showsFigure
        case .error(let err):
            x.heading = words.raises(err.type)
            x.error = ErrorText(type: err.type, message: err.message, node: err.node?.name)
        }
        return x
    }

    /// The lesson's name for a snapshot's tensor; a Python number the op wrapped as a tensor
    /// is written as the number; else the expression that made it, or a description.
    func name(_ t: TensorSnapshot) -> String {
        if let n = tensorNames[t.id] ?? t.name { return n }
        if Explainer.isConstant(t), let x = t.values.scalar { return NumberText.number(x, dtype: t.dtype) }
        return expression(of: t) ?? words.unnamed(t.values)
    }

    /// An unnamed 0-dim tensor that needs no gradient: a number in the lesson's expression.
    static func isConstant(_ t: TensorSnapshot) -> Bool {
        t.shape.isEmpty && !t.requiresGrad && t.gradFn == nil
    }

    /// The recorded op that made node `id` (its forward event), if the trace has it.
    func forward(ofNode id: Int) -> ForwardEvent? {
        guard let o = origin[id], case .forward(let f) = events[o].kind else { return nil }
        return f
    }

    /// The lesson's name for tensor `id`, if it has one.
    func name(id: Int) -> String? { tensorNames[id] }
}

import Autograd

/// Collects trace events from the engine and from the interpreter.
///
/// Install it with `EngineObservers.current = recorder`; the interpreter tells it
/// which statement runs (`enterStatement`) and which names tensors get (`name`).
public final class Recorder: EngineObserver {
    public private(set) var events: [TraceEvent] = []
    /// Events beyond this count are dropped (counted in `droppedEvents`).
    public var eventLimit: Int
    public private(set) var droppedEvents = 0

    private var names: [Int: String] = [:]
    private var line: Int?
    private var source: String?
    private var section: String?
    private var narration: [String] = []
    private var iteration: Int?
    /// Index of the first event of the current statement, for naming results retroactively.
    private var statementStart = 0

    /// Where the interpreter is now, when it can say (after a call returns, the
    /// caller's statement again); nil falls back to the last `enterStatement`.
    public var contextProvider: (() -> StatementContext?)?

    /// A statement as events record it.
    public struct StatementContext {
        public var line: Int
        public var source: String
        public var section: String?
        public var narration: [String]
        public var iteration: Int?

        public init(line: Int, source: String, section: String?, narration: [String], iteration: Int?) {
            self.line = line
            self.source = source
            self.section = section
            self.narration = narration
            self.iteration = iteration
        }
    }

    public init(eventLimit: Int = 200_000) {
        self.eventLimit = eventLimit
    }

    // MARK: - From the interpreter

    /// A statement starts: later events carry its line, source, section and narration.
    public func enterStatement(line: Int, source: String, section: String?, narration: [String], iteration: Int?) {
        self.line = line
        self.source = source
        self.section = section
        self.narration = narration
        self.iteration = iteration
        statementStart = events.count
    }

    /// The lesson bound `name` to tensor `t`: later snapshots use the name, and the
    /// current statement's events that produced `t` are patched to show it.
    public func name(_ t: Tensor, _ name: String) {
        names[t.id] = name
        var i = events.count - 1
        while i >= statementStart {
            if events[i].output?.id == t.id { events[i].output?.name = name }
            i -= 1
        }
    }

    /// The name the lesson gave tensor `id`, if any.
    public func name(of id: Int) -> String? { names[id] }

    public func printed(_ text: String) {
        var e = make(.print)
        e.text = text
        append(e)
    }

    /// Gradients reset by `zero_grad` (an optimizer's or a module's) or `grad.zero_()`.
    public func zeroGrad(_ tensors: [Tensor], before: [Tensor?], setToNone: Bool) {
        var e = make(.zeroGrad)
        e.tensors = tensors.map(snap)
        e.beforeAll = before.compactMap { $0.map { TensorSnapshot($0) } }
        e.setToNone = setToNone
        append(e)
    }

    /// An optimizer step: parameters before and after, with the update rule in words and numbers.
    public func step(_ params: [Tensor], before: [Tensor], rule: String) {
        var e = make(.step)
        e.tensors = params.map(snap)
        e.beforeAll = zip(params, before).map { p, b in
            var s = TensorSnapshot(b)
            s.id = p.id
            s.name = names[p.id]
            return s
        }
        e.text = rule
        append(e)
    }

    // MARK: - From the engine

    public func forward(op: String, inputs: [Tensor], output: Tensor) {
        var e = make(.forward)
        e.op = op
        e.inputs = inputs.map(snap)
        e.output = snap(output)
        if let fn = output.gradFn { e.node = NodeSnapshot(fn) }
        append(e)
    }

    public func backwardBegan(roots: [Tensor], grads: [Tensor], inputs: [Tensor]?, retainGraph: Bool, createGraph: Bool) {
        var e = make(.backwardBegin)
        e.roots = roots.map(snap)
        e.grads = grads.map { TensorSnapshot($0) }
        e.tensors = inputs?.map(snap)
        e.retainGraph = retainGraph
        e.createGraph = createGraph
        append(e)
    }

    public func nodeApplied(_ node: Node, incoming: [Tensor?], outgoing: [Tensor?]) {
        var e = make(.node)
        e.node = NodeSnapshot(node)
        e.incoming = incoming.map { $0.map { TensorSnapshot($0) } }
        e.outgoing = outgoing.map { $0.map { TensorSnapshot($0) } }
        append(e)
    }

    public func accumulated(into leaf: Tensor, before: Tensor?, incoming: Tensor, after: Tensor) {
        if let n = names[leaf.id] { names[after.id] = n + ".grad" }
        var e = make(.accumulate)
        e.tensor = snap(leaf)
        e.before = before.map { TensorSnapshot($0) }
        e.incoming = [TensorSnapshot(incoming)]
        e.after = TensorSnapshot(after)
        if let acc = leaf.gradAccumulatorNode { e.node = NodeSnapshot(acc) }
        append(e)
    }

    public func hookCalled(on tensor: Tensor?, node: Node?, grad: Tensor, result: Tensor?) {
        var e = make(.hook)
        e.tensor = tensor.map(snap)
        e.incoming = [TensorSnapshot(grad)]
        e.outgoing = [result.map { TensorSnapshot($0) }]
        append(e)
    }

    public func backwardEnded(released: [Node]) {
        var e = make(.backwardEnd)
        e.released = released.map(\.id)
        append(e)
    }

    public func gradModeChanged(enabled: Bool) {
        var e = make(.gradMode)
        e.enabled = enabled
        append(e)
    }

    // MARK: - Helpers

    private func snap(_ t: Tensor) -> TensorSnapshot { TensorSnapshot(t, name: names[t.id]) }

    private func make(_ kind: TraceEvent.Kind) -> TraceEvent {
        if let c = contextProvider?() {
            return TraceEvent(index: events.count, kind: kind, line: c.line, source: c.source, section: c.section,
                              narration: c.narration, iteration: c.iteration)
        }
        return TraceEvent(index: events.count, kind: kind, line: line, source: source, section: section,
                          narration: narration, iteration: iteration)
    }

    private func append(_ e: TraceEvent) {
        if events.count >= eventLimit {
            droppedEvents += 1
            return
        }
        events.append(e)
    }
}

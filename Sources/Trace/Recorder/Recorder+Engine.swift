import Autograd

/// What the engine (and the Python parts of torch.nn and torch.optim) report.
extension Recorder: EngineObserver {
    public func forward(_ op: ForwardReport) {
        let output = op.output
        if let l = line {
            tensorLines[output.id] = l
            if let fn = output.gradFn, nodeLines[fn.id] == nil { nodeLines[fn.id] = l }
        }
        if !op.inPlace { temporaries.append(WeakTensorRef(tensor: output)) }
        if let m = modules.last {
            tensorModules[output.id] = m
            if let fn = output.gradFn, nodeModules[fn.id] == nil { nodeModules[fn.id] = m }
        }
        append(.forward(ForwardEvent(op: op.op, arguments: op.arguments, inputs: op.inputs.map(snap), output: snap(output),
                                     node: output.gradFn.map(NodeSnapshot.init), inPlace: op.inPlace)))
    }

    public func backwardBegan(roots: [Tensor], grads: [Tensor], inputs: [Tensor]?, returnsGradients: Bool,
                              retainGraph: Bool, createGraph: Bool) {
        var state = BackwardState(roots: roots)
        for (r, g) in zip(roots, grads) {
            state.seeds[r.id] = TensorValues(elements: g.values, shape: g.shape, dtype: g.dtype.torchName)
        }
        backward = state
        append(.backwardBegin(BackwardBeginEvent(roots: roots.map(snap), grads: grads.map { snap($0) },
                                                 inputs: inputs?.map(snap), returnsGradients: returnsGradients,
                                                 retainGraph: retainGraph, createGraph: createGraph)))
        backward?.seeds = [:]
    }

    public func nodeWillApply(_ node: Node, incoming: [Tensor?]) {
        applying.append(node)
        if node is CustomFunctionNode { append(.nodeBegin(NodeSnapshot(node))) }
    }

    public func nodeApplied(_ node: Node, incoming: [Tensor?], outgoing: [Tensor?]) {
        if let last = applying.last, last === node { applying.removeLast() }
        let snapshot = NodeSnapshot(node)
        let contributions = (0..<incoming.count).map { slot in backward?.contributions[BackwardState.Slot(node: node.id, slot: slot)] ?? [] }
        // The gradient reached the tensors this node made (∂root/∂y for a non-leaf y).
        for (slot, g) in incoming.enumerated() {
            guard let g else { continue }
            backward?.arrivedAtNode[BackwardState.Slot(node: node.id, slot: slot)] =
                TensorValues(elements: g.values, shape: g.shape, dtype: g.dtype.torchName)
        }
        // What this node sends along each edge, for the picture of this step and the sums of later ones.
        var flows: [SceneCapture.EdgeKey: TensorValues] = [:]
        for (i, edge) in node.nextEdges.enumerated() {
            guard let edge, i < outgoing.count, let g = outgoing[i] else { continue }
            let value = TensorValues(elements: g.values, shape: g.shape, dtype: g.dtype.torchName)
            flows[SceneCapture.EdgeKey(from: .function(node.id), input: i)] = value
            backward?.contributions[BackwardState.Slot(node: edge.node.id, slot: edge.inputNr), default: []]
                .append(Contribution(from: node.id, input: i, value: value))
        }
        backward?.flows = flows
        append(.node(NodeEvent(node: snapshot, incoming: incoming.map { $0.map(snap) }, outgoing: outgoing.map { $0.map(snap) },
                               contributions: contributions.map { $0.count > 1 ? $0 : [] })))
        backward?.flows = [:]
    }

    public func accumulated(into leaf: Tensor, before: Tensor?, incoming: Tensor, after: Tensor) {
        if let n = names[leaf.id] { names[after.id] = n + ".grad" }
        let acc = leaf.gradAccumulatorNode
        let snapshot = acc.map(NodeSnapshot.init)
        if let acc {
            backward?.arrivedAtNode[BackwardState.Slot(node: acc.id, slot: 0)] =
                TensorValues(elements: incoming.values, shape: incoming.shape, dtype: incoming.dtype.torchName)
        }
        guard let snapshot, let acc else { return }
        let parts = backward?.contributions[BackwardState.Slot(node: acc.id, slot: 0)] ?? []
        backward?.accumulating = [acc.id: TensorValues(elements: incoming.values, shape: incoming.shape,
                                                       dtype: incoming.dtype.torchName)]
        append(.accumulate(AccumulateEvent(leaf: snap(leaf), node: snapshot, before: before.map { snap($0) },
                                           incoming: snap(incoming), after: snap(after),
                                           contributions: parts.count > 1 ? parts : [])))
        backward?.accumulating = [:]
    }

    public func hookCalled(on tensor: Tensor?, node: Node?, grad: Tensor, result: Tensor?) {
        append(.hook(HookEvent(tensor: tensor.map(snap), incoming: snap(grad), outgoing: result.map { snap($0) })))
    }

    public func backwardEnded(released: [Node]) {
        applying.removeAll()
        append(.backwardEnd(released: released.map(\.id)))
        backward = nil
    }

    public func gradModeChanged(enabled: Bool) {
        append(.gradMode(enabled: enabled))
    }

    public func gradientsReset(_ tensors: [Tensor], before: [Tensor?], setToNone: Bool) {
        append(.zeroGrad(ZeroGradEvent(tensors: tensors.map(snap), before: before.map { $0.map { snap($0) } }, setToNone: setToNone)))
    }

    public func optimizerStepped(_ optimizer: String, params: [Tensor], before: [Tensor], rule: String) {
        let beforeSnaps = zip(params, before).map { p, b -> TensorSnapshot in
            var s = snap(b)
            s.id = p.id
            s.name = names[p.id]
            return s
        }
        append(.step(StepEvent(optimizer: optimizer, before: beforeSnaps, after: params.map(snap), rule: rule)))
    }
}

extension Recorder {
    public func moduleEntered(_ module: ModuleReport) {
        let path = roots?.path(of: module.object) ?? modules.last.map { $0.path + ".?" } ?? module.type
        var enclosing = modules.last?.enclosing ?? [:]
        if let outer = modules.last { enclosing[outer.path] = outer.label }
        modules.append(ModuleRef(path: path, label: module.label, enclosing: enclosing))
    }

    public func moduleExited() {
        if !modules.isEmpty { modules.removeLast() }
    }
}

/// What a running backward pass has done so far.
struct BackwardState {
    typealias Slot = NodeSlot

    /// The roots, held while backward runs (a root may be a temporary: `(x * 2).sum().backward()`).
    var roots: [Tensor]
    /// Seed gradients entering the roots' grad_fns, shown at the first step only.
    var seeds: [Int: TensorValues] = [:]
    /// The gradients that reached each node's output slot (summed), as they arrived.
    var arrivedAtNode: [Slot: TensorValues] = [:]
    /// Each edge's gradient delivered into a node's output slot.
    var contributions: [Slot: [Contribution]] = [:]
    /// Gradients travelling at the current step.
    var flows: [SceneCapture.EdgeKey: TensorValues] = [:]
    /// The gradient an AccumulateGrad is adding at the current step, by node id.
    var accumulating: [Int: TensorValues] = [:]
}

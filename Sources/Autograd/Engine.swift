/// The backward engine: PyTorch's execution order and rules, without recursion.
///
/// Nodes run once all gradients flowing into them have arrived (dependency
/// counting); among ready nodes the one created last runs first, and leaf
/// accumulators run as soon as they are ready — the order PyTorch's engine uses,
/// so hooks fire and `.grad`s change in the same sequence.
public enum Engine {
    /// `torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph, inputs)`.
    public static func backward(_ tensors: [Tensor], gradTensors: [Tensor?], retainGraph: Bool? = nil,
                                createGraph: Bool = false, inputs: [Tensor]? = nil) throws {
        if let inputs, inputs.isEmpty {
            throw AutogradError.runtime("backward() received an empty list of inputs")
        }
        let grads = try makeGrads(tensors, gradTensors, isGradsBatched: false)
        try checkRootsRequireGrad(tensors)
        if let inputs {
            for t in inputs where !t.requiresGrad {
                throw AutogradError.runtime("One of the differentiated Tensors does not require grad")
            }
        }
        _ = try run(roots: tensors, grads: grads, inputs: inputs, accumulate: true,
                    retainGraph: retainGraph ?? createGraph, createGraph: createGraph, allowUnused: true)
    }

    /// `torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)`:
    /// the gradients of `outputs` with respect to `inputs`, leaving `.grad` untouched.
    public static func grad(outputs: [Tensor], inputs: [Tensor], gradOutputs: [Tensor?], retainGraph: Bool? = nil,
                            createGraph: Bool = false, allowUnused: Bool = false) throws -> [Tensor?] {
        let grads = try makeGrads(outputs, gradOutputs, isGradsBatched: false)
        try checkRootsRequireGrad(outputs)
        for t in inputs where !t.requiresGrad {
            throw AutogradError.runtime("One of the differentiated Tensors does not require grad")
        }
        return try run(roots: outputs, grads: grads, inputs: inputs, accumulate: false,
                       retainGraph: retainGraph ?? createGraph, createGraph: createGraph, allowUnused: allowUnused)
    }

    /// `_make_grads` of torch/autograd/__init__.py: implicit ones for scalars, shape checks.
    static func makeGrads(_ outputs: [Tensor], _ grads: [Tensor?], isGradsBatched: Bool) throws -> [Tensor?] {
        guard grads.count == outputs.count else {
            throw AutogradError.runtime("grad requires one gradient per output: got \(grads.count) gradients for \(outputs.count) outputs")
        }
        var out: [Tensor?] = []
        for (i, (o, g)) in zip(outputs, grads).enumerated() {
            if let g {
                if g.shape != o.shape {
                    throw AutogradError.runtime("Mismatch in shape: grad_output[\(i)] has a shape of torch.Size([\(g.shape.map(String.init).joined(separator: ", "))]) and output[\(i)] has a shape of torch.Size([\(o.shape.map(String.init).joined(separator: ", "))]).")
                }
                if g.dtype.isFloatingPoint != o.dtype.isFloatingPoint {
                    throw AutogradError.runtime("For complex Tensors, both grad_output and output are required to have the same dtype. Mismatch in dtype: grad_output[\(i)] has a dtype of \(g.dtype.torchName) and output[\(i)] has a dtype of \(o.dtype.torchName).")
                }
                out.append(g)
            } else if o.requiresGrad {
                if o.numel != 1 {
                    throw AutogradError.runtime("grad can be implicitly created only for scalar outputs")
                }
                if !o.dtype.isFloatingPoint {
                    throw AutogradError.runtime("grad can be implicitly created only for real scalar outputs but got \(o.dtype.torchName)")
                }
                out.append(o.fullLike(1))
            } else {
                out.append(nil)
            }
        }
        return out
    }

    static func checkRootsRequireGrad(_ roots: [Tensor]) throws {
        for (i, t) in roots.enumerated() where !t.requiresGrad {
            throw AutogradError.runtime("element \(i) of tensors does not require grad and does not have a grad_fn")
        }
    }

    private struct Capture {
        var value: Tensor?
    }

    // swiftlint:disable:next function_body_length
    private static func run(roots: [Tensor], grads: [Tensor?], inputs: [Tensor]?, accumulate: Bool,
                            retainGraph: Bool, createGraph: Bool, allowUnused: Bool) throws -> [Tensor?] {
        EngineObservers.current?.backwardBegan(roots: roots, grads: grads.compactMap { $0 }, inputs: inputs,
                                               returnsGradients: !accumulate, retainGraph: retainGraph, createGraph: createGraph)
        // Root edges and their gradients.
        var rootEdges: [(Edge, Tensor)] = []
        for (t, g) in zip(roots, grads) {
            if let e = t.gradientEdge, let g { rootEdges.append((e, g)) }
        }

        // Graph discovery: iterative DFS giving dependency counts and a post-order. Per-node
        // state lives in `node.run`, stamped with this run; a run nested inside a hook saves
        // the outer run's state of the nodes it visits and restores it when done.
        let state = ThreadState.current
        state.nextRunStamp += 1
        let stamp = state.nextRunStamp
        var saved: [(Node, RunScratch)] = []
        defer { for (node, scratch) in saved.reversed() { node.run = scratch } }
        func visit(_ node: Node) -> Bool {
            if node.run.stamp == stamp { return false }
            if node.run.stamp != 0 { saved.append((node, node.run)) }
            node.run = RunScratch(stamp: stamp, outputs: node.numOutputs)
            return true
        }
        var postOrder: [Node] = []
        var stack: [(Node, Int)] = []
        for (e, _) in rootEdges where visit(e.node) {
            stack.append((e.node, 0))
            while !stack.isEmpty {
                let (node, next) = stack[stack.count - 1]
                if next < node.nextEdges.count {
                    stack[stack.count - 1].1 = next + 1
                    if let child = node.nextEdges[next]?.node {
                        let fresh = visit(child)
                        child.run.deps += 1
                        if fresh { stack.append((child, 0)) }
                    }
                } else {
                    postOrder.append(node)
                    stack.removeLast()
                }
            }
        }

        // Gradients left in nodes that never ran (unused paths, errors) are dropped at the end.
        defer { for node in postOrder where node.run.stamp == stamp { node.run.dropGrads() } }

        // Which tensors' gradients to capture (autograd.grad) or to restrict accumulation to (backward inputs=).
        var leafTargets: [ObjectIdentifier: [Int]] = [:]     // AccumulateGrad -> input indices (a tensor may be listed twice)
        var slotTargets: [ObjectIdentifier: [(slot: Int, index: Int)]] = [:]
        if let inputs {
            for (k, t) in inputs.enumerated() {
                if let fn = t.gradFn {
                    slotTargets[ObjectIdentifier(fn), default: []].append((t.outputNr, k))
                } else {
                    leafTargets[ObjectIdentifier(t.gradAccumulator()), default: []].append(k)
                }
            }
            // With targets, only nodes on a path to a target run (post-order: children first).
            for node in postOrder {
                let id = ObjectIdentifier(node)
                if leafTargets[id] != nil { node.run.needed = true; continue }
                node.run.needed = slotTargets[id] != nil
                    || node.nextEdges.contains { $0.map { $0.node.run.stamp == stamp && $0.node.run.needed } ?? false }
            }
        }

        var captured = [Tensor?](repeating: nil, count: inputs?.count ?? 0)
        let reporting = EngineObservers.current != nil
        var ready = ReadyQueue()
        var released: [Node] = []

        func addToBuffer(_ edge: Edge, _ g: Tensor?) throws {
            guard let g else { return }
            let node = edge.node
            if let old = node.run[edge.inputNr] {
                node.run[edge.inputNr] = try GradMode.with(createGraph) { try old.add(g) }
            } else {
                node.run[edge.inputNr] = g
            }
        }

        for (e, g) in rootEdges { try addToBuffer(e, g) }
        var rootQueued = Set<ObjectIdentifier>()
        for (e, _) in rootEdges where e.node.run.deps == 0 && rootQueued.insert(ObjectIdentifier(e.node)).inserted {
            ready.push(e.node)
        }

        let previousMute = EngineObservers.muteForward
        EngineObservers.muteForward = true
        defer { EngineObservers.muteForward = previousMute }

        /// After `node` ran: frees its saved tensors (unless retained) and passes each
        /// input's gradient along its edge, queueing nodes whose gradients are complete.
        func propagate(from node: Node, _ gradient: (Int) -> Tensor?) throws {
            if !retainGraph, let op = node as? OpNode, op.releaseSaved(), reporting {
                released.append(node)
            }
            for (i, edge) in node.nextEdges.enumerated() {
                guard let edge else { continue }
                try addToBuffer(edge, gradient(i))
                edge.node.run.deps -= 1
                if edge.node.run.deps == 0 { ready.push(edge.node) }
            }
        }
        // Nothing to report and no captures: table ops with one output skip the per-node arrays.
        let plain = inputs == nil && !reporting

        while let node = ready.pop() {
            if plain, let op = node as? OpNode, op.nextEdges.count <= 2,
               op.tensorPreHooks.isEmpty, op.retainedOutputs.isEmpty {
                let g = op.run.first
                op.run.first = nil
                guard let g else {
                    try propagate(from: op) { _ in nil }
                    continue
                }
                let (a, b) = try GradMode.with(createGraph) { try op.applyPair(g) }
                try propagate(from: op) { $0 == 0 ? a : b }
                continue
            }
            var inGrads = node.run.takeGrads(outputs: node.numOutputs)
            if !node.run.needed { continue }
            let id = ObjectIdentifier(node)

            // Tensor hooks of the outputs, then retain_grad, then captures.
            if !node.tensorPreHooks.isEmpty {
                for (slot, hooks) in node.tensorPreHooks.sorted(by: { $0.key < $1.key }) {
                    for hook in hooks {
                        guard let g = inGrads[slot] else { continue }
                        let r = try GradMode.with(createGraph) { try hook.fn(g) }
                        EngineObservers.current?.hookCalled(on: hook.tensor.tensor, node: node, grad: g, result: r)
                        if let r { inGrads[slot] = r }
                    }
                }
            }
            for (slot, weak) in node.retainedOutputs {
                guard let t = weak.tensor, let g = inGrads[slot] else { continue }
                try retain(g, into: t, createGraph: createGraph)
            }
            if inputs != nil, let targets = slotTargets[id] {
                for (slot, k) in targets {
                    if accumulate {
                        if let t = inputs?[k], let g = inGrads[slot], !t.retainsGrad {
                            try retain(g, into: t, createGraph: createGraph)
                        }
                    } else {
                        captured[k] = inGrads[slot]
                    }
                }
            }

            var outGrads: [Tensor?] = []
            if let acc = node as? AccumulateGrad {
                guard var g = inGrads[0] else { continue }
                for hook in acc.variable.hooks {
                    let r = try GradMode.with(createGraph) { try hook.fn(g) }
                    EngineObservers.current?.hookCalled(on: acc.variable, node: node, grad: g, result: r)
                    if let r { g = r }
                }
                if inputs != nil, let ks = leafTargets[id] {
                    if accumulate {
                        _ = try GradMode.with(createGraph) { try acc.apply([g]) }
                    } else {
                        for k in ks { captured[k] = g }
                    }
                } else if accumulate && inputs == nil {
                    _ = try GradMode.with(createGraph) { try acc.apply([g]) }
                }
                continue
            } else if inGrads.contains(where: { $0 != nil }) {
                EngineObservers.current?.nodeWillApply(node, incoming: inGrads)
                outGrads = try GradMode.with(createGraph) { try node.apply(inGrads) }
                EngineObservers.current?.nodeApplied(node, incoming: inGrads, outgoing: outGrads)
            } else {
                outGrads = nilArray(node.nextEdges.count, of: Tensor.self)
            }
            if !retainGraph && !(node is OpNode) { node.releaseSavedTensors() }
            try propagate(from: node) { $0 < outGrads.count ? outGrads[$0] : nil }
        }
        EngineObservers.current?.backwardEnded(released: released)

        if let inputs, !accumulate, !allowUnused {
            for (k, _) in inputs.enumerated() where captured[k] == nil {
                throw AutogradError.runtime("The differentiated Tensor at index \(k) appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
            }
        }
        return captured
    }

    /// `retain_grad()`'s accumulation into a non-leaf's `.grad`.
    private static func retain(_ g: Tensor, into t: Tensor, createGraph: Bool) throws {
        if let old = t.grad {
            t.grad = try GradMode.with(createGraph) { try old.add(g) }
        } else {
            t.grad = createGraph ? try GradMode.with(true) { try g.clone() } : g.snapshot()
        }
    }
}

/// Ready nodes ordered as PyTorch's ready queue: highest sequence number first
/// (leaf accumulators have the highest of all).
struct ReadyQueue {
    private var heap: [Node] = []

    mutating func push(_ n: Node) {
        heap.append(n)
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if heap[p].sequenceNr >= heap[i].sequenceNr { break }
            heap.swapAt(p, i)
            i = p
        }
    }

    mutating func pop() -> Node? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && heap[l].sequenceNr > heap[m].sequenceNr { m = l }
                if r < heap.count && heap[r].sequenceNr > heap[m].sequenceNr { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}

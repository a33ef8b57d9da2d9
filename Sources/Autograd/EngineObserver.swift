/// Receives what the engine does, for traces and pictures. With no observer
/// installed each report costs one nil check.
public protocol EngineObserver: AnyObject {
    /// A forward op ran (recorded into the graph or not: see `output.gradFn`).
    func forward(op: String, inputs: [Tensor], output: Tensor)
    /// Backward (or `autograd.grad`) starts from `roots` with gradients `grads`.
    func backwardBegan(roots: [Tensor], grads: [Tensor], inputs: [Tensor]?, retainGraph: Bool, createGraph: Bool)
    /// One grad_fn was applied: gradients in (per output) and out (per next edge).
    func nodeApplied(_ node: Node, incoming: [Tensor?], outgoing: [Tensor?])
    /// A leaf's `.grad` changed from `before` by adding `incoming`.
    func accumulated(into leaf: Tensor, before: Tensor?, incoming: Tensor, after: Tensor)
    /// A tensor hook ran on a gradient.
    func hookCalled(on tensor: Tensor?, node: Node?, grad: Tensor, result: Tensor?)
    /// Backward finished; `released` lists nodes whose saved tensors were freed.
    func backwardEnded(released: [Node])
    /// `torch.set_grad_enabled` / `no_grad` / `enable_grad` changed the mode.
    func gradModeChanged(enabled: Bool)
}

/// The observer the engine reports to on this thread, if any.
public enum EngineObservers {
    public static var current: EngineObserver? {
        get { ThreadState.current.observer }
        set { ThreadState.current.observer = newValue }
    }
    /// Set while backward runs: ops inside backward formulas are not lesson steps.
    public static var muteForward: Bool {
        get { ThreadState.current.muteForward }
        set { ThreadState.current.muteForward = newValue }
    }
}

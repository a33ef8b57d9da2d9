/// Receives what the engine does, for traces and pictures. With no observer
/// installed each report costs one nil check.
///
/// The Python parts of torch.nn and torch.optim report optimizer steps and `zero_grad`
/// through the same protocol, so a recorder has one engine-side route.
public protocol EngineObserver: AnyObject {
    /// A forward op ran (recorded into the graph or not: see `output.gradFn`).
    func forward(_ op: ForwardReport)
    /// Backward (or `autograd.grad`, when `returnsGradients`) starts from `roots` with gradients `grads`.
    func backwardBegan(roots: [Tensor], grads: [Tensor], inputs: [Tensor]?, returnsGradients: Bool,
                       retainGraph: Bool, createGraph: Bool)
    /// A grad_fn is about to run with these gradients of its outputs.
    func nodeWillApply(_ node: Node, incoming: [Tensor?])
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
    /// `zero_grad` reset these parameters' gradients (`before`: each `.grad` before, nil for None).
    func gradientsReset(_ tensors: [Tensor], before: [Tensor?], setToNone: Bool)
    /// An optimizer (`optimizer`: its class name) updated `params` from the values `before` by `rule`.
    func optimizerStepped(_ optimizer: String, params: [Tensor], before: [Tensor], rule: String)
    /// An `nn.Module` starts its forward: what it computes until `moduleExited` belongs to it.
    func moduleEntered(_ module: ModuleReport)
    /// The innermost running module's forward returned (or raised).
    func moduleExited()
}

/// An `nn.Module` whose forward runs: the object (its identity) and how to call it.
public struct ModuleReport {
    /// The module object, for finding the name the lesson reaches it by (`model.0`).
    public let object: AnyObject
    /// `Linear`, `Sequential`, a lesson's own class name.
    public let type: String
    /// Its `extra_repr()`: `in_features=1, out_features=32, bias=True`.
    public let details: String

    public init(object: AnyObject, type: String, details: String) {
        self.object = object
        self.type = type
        self.details = details
    }

    /// `Linear(1 → 32)`, `Tanh`, `Conv2d(1, 8, kernel_size=(3, 3))`.
    public var label: String {
        if details.isEmpty { return type }
        var fields: [String: String] = [:]
        for part in details.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " ") }
            if kv.count == 2 { fields[kv[0]] = kv[1] }
        }
        if let a = fields["in_features"], let b = fields["out_features"] { return "\(type)(\(a) → \(b))" }
        let shown = details.count > 32 ? String(details.prefix(31)) + "…" : details
        return "\(type)(\(shown))"
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

/// A forward op as the engine reports it.
public struct ForwardReport {
    /// The derivative table's key (`mul`), a custom Function's name, or the name of an op without a rule.
    public let op: String
    /// The op's derivative rule, when it has one.
    public let rule: DerivativeRule?
    /// The recorded attributes (read through `rule`'s argument declarations).
    public let attrs: OpAttributes
    public let inputs: [Tensor]
    public let output: Tensor
    /// An in-place op: `inputs[0]` holds the values before the change and `output` is the changed tensor.
    public let inPlace: Bool

    public init(op: String, rule: DerivativeRule?, attrs: OpAttributes = OpAttributes(), inputs: [Tensor], output: Tensor,
                inPlace: Bool = false) {
        self.op = op
        self.rule = rule
        self.attrs = attrs
        self.inputs = inputs
        self.output = output
        self.inPlace = inPlace
    }

    /// The op's non-tensor arguments, by name.
    public var arguments: [OpArgument] { rule?.arguments(attrs) ?? [] }
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

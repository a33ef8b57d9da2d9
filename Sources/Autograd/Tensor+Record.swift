extension Tensor {
    /// Attaches `rule`'s grad_fn to `output` when grad mode is on and some input
    /// requires grad, saving only what the pullbacks of those inputs read; then
    /// reports the op to the observer.
    @discardableResult
    static func record(_ rule: DerivativeRule, inputs: [Tensor], output: Tensor,
                       attrs: OpAttributes = OpAttributes()) -> Tensor {
        output.adoptLayout(rule.resultLayout, operands: inputs)
        let state = ThreadState.current
        if state.gradEnabled && output.dtype.isFloatingPoint && inputs.contains(where: \.requiresGrad) {
            attach(rule, count: inputs.count, { inputs[$0] }, output: output, attrs: attrs)
        }
        if let observer = state.observer {
            if !state.muteForward {
                observer.forward(ForwardReport(op: rule.op, rule: rule, attrs: attrs, inputs: inputs, output: output))
            } else if state.capturingInPlaceOp {
                state.inPlaceOp = (rule, attrs)
            }
        }
        return output
    }

    /// `record` for a binary op: the same, without an array of the operands unless
    /// something needs one (the elementwise arithmetic of scalar loops and of backward formulas).
    @discardableResult
    static func record(_ rule: DerivativeRule, _ a: Tensor, _ b: Tensor, output: Tensor,
                       attrs: OpAttributes = OpAttributes()) -> Tensor {
        if !a.isContiguous || !b.isContiguous { output.adoptLayout(rule.resultLayout, operands: [a, b]) }
        let state = ThreadState.current
        if state.gradEnabled && output.dtype.isFloatingPoint && (a.requiresGrad || b.requiresGrad) {
            attach(rule, count: 2, { $0 == 0 ? a : b }, output: output, attrs: attrs)
        }
        if let observer = state.observer {
            if !state.muteForward {
                observer.forward(ForwardReport(op: rule.op, rule: rule, attrs: attrs, inputs: [a, b], output: output))
            } else if state.capturingInPlaceOp {
                state.inPlaceOp = (rule, attrs)
            }
        }
        return output
    }

    /// Makes `output`'s grad_fn: edges to the inputs that need a gradient, their shapes
    /// and dtypes, and the saved values their pullbacks read.
    @inline(__always)
    private static func attach(_ rule: DerivativeRule, count: Int, _ input: (Int) -> Tensor,
                               output: Tensor, attrs: OpAttributes) {
        let edges: [Edge?]
        switch count {
        case 1: edges = [input(0).gradientEdge]
        case 2: edges = [input(0).gradientEdge, input(1).gradientEdge]
        default: edges = (0..<count).map { input($0).gradientEdge }
        }
        let node = OpNode(rule: rule, edges: edges, inputs: InputMetas(count: count, input), output: output, attrs: attrs)
        for i in 0..<count where edges[i] != nil {
            for slot in rule.saves(forInput: i) {
                switch slot {
                case .input(let j): node.save(input(j), slot: j, isOutput: false)
                case .output: node.save(output, slot: count, isOutput: true)
                }
            }
        }
        output.gradFn = node
        output.outputNr = 0
    }

    /// Reports an op that has no derivative (comparisons, integer results) to the observer.
    @discardableResult
    static func unrecorded(_ op: String, inputs: [Tensor], output: Tensor) -> Tensor {
        if output.dim > 1 && inputs.contains(where: { !$0.isContiguous }) {
            output.adoptLayout(ResultLayout.of(op), operands: inputs)
        }
        if !EngineObservers.muteForward { EngineObservers.current?.forward(ForwardReport(op: op, rule: nil, inputs: inputs, output: output)) }
        return output
    }
}

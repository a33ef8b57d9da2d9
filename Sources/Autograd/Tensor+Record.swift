extension Tensor {
    /// Attaches `rule`'s grad_fn to `output` when grad mode is on and some input
    /// requires grad, saving only what the pullbacks of those inputs read; then
    /// reports the op to the observer.
    @discardableResult
    static func record(_ rule: DerivativeRule, inputs: [Tensor], output: Tensor,
                       attrs: OpAttributes = OpAttributes()) -> Tensor {
        let state = ThreadState.current
        if state.gradEnabled && output.dtype.isFloatingPoint {
            if inputs.contains(where: \.requiresGrad) {
                let edges = mapSmall(inputs) { $0.gradientEdge }
                let node = OpNode(rule: rule, edges: edges, inputs: inputs, output: output, attrs: attrs)
                for i in inputs.indices where edges[i] != nil {
                    for slot in rule.saves(forInput: i) {
                        switch slot {
                        case .input(let j): node.save(inputs[j], slot: j, isOutput: false)
                        case .output: node.save(output, slot: inputs.count, isOutput: true)
                        }
                    }
                }
                output.gradFn = node
                output.outputNr = 0
            }
        }
        if !state.muteForward, let observer = state.observer { observer.forward(op: rule.op, inputs: inputs, output: output) }
        return output
    }

    /// Reports an op that has no derivative (comparisons, integer results) to the observer.
    @discardableResult
    static func unrecorded(_ op: String, inputs: [Tensor], output: Tensor) -> Tensor {
        if !EngineObservers.muteForward { EngineObservers.current?.forward(op: op, inputs: inputs, output: output) }
        return output
    }
}

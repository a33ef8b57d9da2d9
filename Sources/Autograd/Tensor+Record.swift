extension Tensor {
    /// Attaches `rule`'s grad_fn to `output` when grad mode is on and some input
    /// requires grad, saving only what the pullbacks of those inputs read; then
    /// reports the op to the observer.
    @discardableResult
    static func record(_ rule: DerivativeRule, inputs: [Tensor], output: Tensor,
                       attrs: OpAttributes = OpAttributes()) -> Tensor {
        if GradMode.isEnabled && output.dtype.isFloatingPoint {
            var edges = nilArray(inputs.count, of: Edge.self)
            var any = false
            for i in inputs.indices {
                if let e = inputs[i].gradientEdge { edges[i] = e; any = true }
            }
            if any {
                let node = OpNode(rule: rule, edges: edges, inputs: inputs, attrs: attrs)
                for i in inputs.indices where edges[i] != nil {
                    for slot in rule.saves(forInput: i) {
                        switch slot {
                        case .input(let j): node.save(inputs[j], slot: j, isOutput: false)
                        case .output: node.save(output, slot: inputs.count, isOutput: true)
                        }
                    }
                }
                node.outputShapes = [output.shape]
                node.outputDTypes = [output.dtype]
                output.gradFn = node
                output.outputNr = 0
            }
        }
        if !EngineObservers.muteForward { EngineObservers.current?.forward(op: rule.op, inputs: inputs, output: output) }
        return output
    }

    /// Reports an op that has no derivative (comparisons, integer results) to the observer.
    @discardableResult
    static func unrecorded(_ op: String, inputs: [Tensor], output: Tensor) -> Tensor {
        if !EngineObservers.muteForward { EngineObservers.current?.forward(op: op, inputs: inputs, output: output) }
        return output
    }
}

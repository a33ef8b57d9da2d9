import Autograd

/// One step of a lesson run, as the recorder saw it: where it happened (``EventContext``)
/// and what happened (``Kind``), each kind with exactly its own fields.
///
/// The JSON Lines form (`--trace`) is documented in docs/trace-schema.md.
public struct TraceEvent: Sendable, Equatable {
    /// 0-based position in the trace.
    public var index: Int
    public var context: EventContext
    public var kind: Kind

    public init(index: Int, context: EventContext, kind: Kind) {
        self.index = index
        self.context = context
        self.kind = kind
    }

    /// The large payloads are boxed (`indirect`): a trace holds hundreds of thousands of
    /// events, most of them small (statements, iterations), and an inline enum is as large as
    /// its largest case.
    public enum Kind: Sendable, Equatable {
        /// A statement of the lesson starts; `header` for a compound statement (`for`, `if`,
        /// `with`…), whose body's statements follow as statements of their own.
        case statement(header: Bool)
        /// A simple statement finished without raising.
        case statementEnd
        /// The loop at `context.line` starts its iteration `index` (0-based).
        case iteration(index: Int)
        /// The loop at `context.line` has finished after `iterations` iterations.
        case loopEnd(iterations: Int)
        /// An op ran.
        indirect case forward(ForwardEvent)
        /// `backward()` or `torch.autograd.grad` starts.
        indirect case backwardBegin(BackwardBeginEvent)
        /// A grad_fn is about to run (reported for custom Functions, whose backward is lesson code).
        indirect case nodeBegin(NodeSnapshot)
        /// A grad_fn was applied.
        indirect case node(NodeEvent)
        /// A leaf's `.grad` changed.
        indirect case accumulate(AccumulateEvent)
        /// A tensor hook ran.
        indirect case hook(HookEvent)
        /// The backward pass finished; `released` lists the nodes whose saved tensors were freed.
        case backwardEnd(released: [Int])
        /// Gradients were reset by `zero_grad` (an optimizer's or a module's).
        indirect case zeroGrad(ZeroGradEvent)
        /// An optimizer updated its parameters.
        indirect case step(StepEvent)
        /// `no_grad`, `enable_grad` or `set_grad_enabled` changed the grad mode.
        case gradMode(enabled: Bool)
        /// The lesson printed `text` (with its `end`).
        case print(text: String)
        /// An exception was raised at `context.line` (caught or not).
        indirect case error(ErrorEvent)
        /// The lesson showed (`plt.show()`) or saved (`savefig`) a figure.
        indirect case plot(PlotEvent)
    }

    /// The kind's name in the JSON trace (`forward`, `backward_begin`, …).
    public var kindName: String {
        switch kind {
        case .statement: return "statement"
        case .statementEnd: return "statement_end"
        case .iteration: return "iteration"
        case .loopEnd: return "loop_end"
        case .forward: return "forward"
        case .backwardBegin: return "backward_begin"
        case .nodeBegin: return "node_begin"
        case .node: return "node"
        case .accumulate: return "accumulate"
        case .hook: return "hook"
        case .backwardEnd: return "backward_end"
        case .zeroGrad: return "zero_grad"
        case .step: return "step"
        case .gradMode: return "grad_mode"
        case .print: return "print"
        case .error: return "error"
        case .plot: return "plot"
        }
    }
}

/// An op ran: its table key, the non-tensor arguments it was called with, inputs and output.
public struct ForwardEvent: Sendable, Equatable {
    /// The derivative table's key (`mul`, `pow`, `sum`), a custom Function's class name, or
    /// the op's name for ops without a derivative (`eq`, `argmax`).
    public var op: String
    /// The op's non-tensor arguments, by the names of its Python signature (`exponent`, `dim`).
    public var arguments: [OpArgument]
    public var inputs: [TensorSnapshot]
    public var output: TensorSnapshot
    /// The grad_fn recorded for the output; nil when nothing was recorded (grad mode off, no
    /// input requires grad).
    public var node: NodeSnapshot?
    /// An in-place op: `inputs[0]` holds the values before the change, `output` after.
    public var inPlace: Bool

    public init(op: String, arguments: [OpArgument], inputs: [TensorSnapshot], output: TensorSnapshot,
                node: NodeSnapshot?, inPlace: Bool) {
        self.op = op
        self.arguments = arguments
        self.inputs = inputs
        self.output = output
        self.node = node
        self.inPlace = inPlace
    }
}

/// `backward()` or `torch.autograd.grad` starts from `roots` with the seed gradients `grads`.
public struct BackwardBeginEvent: Sendable, Equatable {
    public var roots: [TensorSnapshot]
    public var grads: [TensorSnapshot]
    /// The `inputs=` of backward, or the tensors `autograd.grad` differentiates with respect to.
    public var inputs: [TensorSnapshot]?
    /// `torch.autograd.grad`: gradients are returned, `.grad` is left alone.
    public var returnsGradients: Bool
    public var retainGraph: Bool
    public var createGraph: Bool
}

/// A grad_fn was applied: one gradient per output in, one per `next_functions` entry out.
public struct NodeEvent: Sendable, Equatable {
    public var node: NodeSnapshot
    public var incoming: [TensorSnapshot?]
    public var outgoing: [TensorSnapshot?]
    /// For each output: the gradients that were summed into `incoming` (one per edge that
    /// delivered one), when more than one edge delivered; a tensor used twice (`y * y`) gets two.
    public var contributions: [[Contribution]]
}

/// One edge's part of a node's incoming gradient.
public struct Contribution: Sendable, Equatable {
    /// The node that sent it.
    public var from: Int
    /// Which of that node's inputs (`next_functions` index) the edge serves.
    public var input: Int
    public var value: TensorValues
}

/// A leaf's `.grad` went from `before` (nil: None) by adding `incoming` to `after`.
public struct AccumulateEvent: Sendable, Equatable {
    public var leaf: TensorSnapshot
    /// The AccumulateGrad node.
    public var node: NodeSnapshot
    public var before: TensorSnapshot?
    public var incoming: TensorSnapshot
    public var after: TensorSnapshot
    /// The gradients summed into `incoming`, when more than one edge delivered one.
    public var contributions: [Contribution]
}

/// A tensor hook saw `incoming` and returned `outgoing` (nil: left unchanged).
public struct HookEvent: Sendable, Equatable {
    public var tensor: TensorSnapshot?
    public var incoming: TensorSnapshot
    public var outgoing: TensorSnapshot?
}

/// `zero_grad`: the parameters' gradients set to None or filled with zeros.
public struct ZeroGradEvent: Sendable, Equatable {
    public var tensors: [TensorSnapshot]
    /// Each parameter's `.grad` before (nil where it was None).
    public var before: [TensorSnapshot?]
    public var setToNone: Bool
}

/// An optimizer step: the parameters before and after, and the update rule with its numbers.
public struct StepEvent: Sendable, Equatable {
    /// The optimizer's class (`SGD`, `Adam`).
    public var optimizer: String
    public var before: [TensorSnapshot]
    public var after: [TensorSnapshot]
    public var rule: String
}

/// An exception raised at a statement.
public struct ErrorEvent: Sendable, Equatable {
    /// The exception's type as Python prints it (`RuntimeError`).
    public var type: String
    /// Its message.
    public var message: String
    /// The grad_fn that was running when backward failed, if any.
    public var node: NodeSnapshot?
}

/// A figure the lesson showed or saved, drawn as matplotlib would draw it.
public struct PlotEvent: Sendable, Equatable {
    /// The figure as SVG (sizes in points).
    public var svg: String
    /// The figure's size in inches.
    public var width: Double
    public var height: Double
    /// The file `savefig` wrote, as the lesson named it; nil for `plt.show()`.
    public var savedTo: String?

    public init(svg: String, width: Double, height: Double, savedTo: String?) {
        self.svg = svg
        self.width = width
        self.height = height
        self.savedTo = savedTo
    }
}

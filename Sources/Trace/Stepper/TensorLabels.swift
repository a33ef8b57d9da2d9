/// What the step-through calls each tensor and where each grad_fn came from,
/// gathered in one pass over the trace.
///
/// A tensor the lesson named is called by its name (the first name it had);
/// an unnamed result of an op by a short expression of its inputs' labels
/// (`2·x`, `exp(a)`); a gradient a leaf holds as `w.grad`; a Python number
/// that took part in an op by its value.
struct TensorLabels {
    private var names: [Int: String] = [:]
    private var expressions: [Int: String] = [:]
    /// grad_fn id -> index of the forward event that created it.
    private(set) var nodeOrigins: [Int: Int] = [:]

    /// Expressions longer than this fall back to a numbered placeholder.
    static let expressionLimit = 16

    init(events: [TraceEvent]) {
        for e in events {
            for s in e.allSnapshots {
                if let n = s.name, names[s.id] == nil { names[s.id] = n }
            }
        }
        for e in events where e.kind == .accumulate {
            // The tensor `.grad` holds after accumulating: the lesson reads it as `w.grad`.
            if let leaf = e.tensor, let after = e.after, names[after.id] == nil, let n = names[leaf.id] {
                names[after.id] = n + ".grad"
            }
        }
        for (i, e) in events.enumerated() where e.kind == .forward {
            guard let out = e.output else { continue }
            let fnID = e.node?.id ?? out.gradFnID
            if let id = fnID, nodeOrigins[id] == nil { nodeOrigins[id] = i }
            let computed = !(e.inputs ?? []).isEmpty && e.op != "inplace"
            if computed && names[out.id] == nil && expressions[out.id] == nil {
                let inputs = e.inputs ?? []
                let text = OpTemplate.any(op: e.op ?? "op", inputs: inputs, labels: inputs.map { label($0) }, output: out)
                if DisplayWidth.of(text) <= TensorLabels.expressionLimit { expressions[out.id] = text }
            }
        }
    }

    /// The name the lesson gave tensor `id`, if any.
    package func name(id: Int) -> String? { names[id] }

    /// The label of a tensor in formulas.
    func label(_ s: TensorSnapshot) -> String {
        if let n = names[s.id] { return n }
        if let x = expressions[s.id] { return x }
        if s.shape.isEmpty, !s.requiresGrad, let v = s.values?.first { return TensorSnapshot.number(v, dtype: s.dtype) }
        return "t" + TensorLabels.subscriptDigits(s.id)
    }

    /// Whether `label` can stand inside `∂z/∂…` without parentheses.
    static func isAtomic(_ label: String) -> Bool {
        label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    /// `label` parenthesised when it is an expression.
    static func grouped(_ label: String) -> String {
        isAtomic(label) || isCall(label) ? label : "(" + label + ")"
    }

    /// `f(…)`, `x.sum()`: a name followed by one parenthesised group that ends the label.
    static func isCall(_ label: String) -> Bool {
        let chars = Array(label)
        var i = 0
        while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == ".") { i += 1 }
        guard i > 0, i < chars.count, chars[i] == "(" else { return false }
        var depth = 0
        while i < chars.count {
            if chars[i] == "(" { depth += 1 }
            if chars[i] == ")" {
                depth -= 1
                if depth == 0 { return i == chars.count - 1 }
            }
            i += 1
        }
        return false
    }

    static func subscriptDigits(_ n: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}

extension TraceEvent {
    /// Every tensor snapshot the event carries.
    var allSnapshots: [TensorSnapshot] {
        var out: [TensorSnapshot] = []
        out += inputs ?? []
        if let o = output { out.append(o) }
        if let t = tensor { out.append(t) }
        out += tensors ?? []
        out += roots ?? []
        return out
    }
}

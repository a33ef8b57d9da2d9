/// How a forward op reads as a formula over its inputs `a`, `b`: `a·b`, `exp(a)`.
/// One table serves the labels of unnamed results and the per-element arithmetic.
enum OpTemplate {
    /// The formula of `op` over `inputs`, elementwise ops only; nil for the others.
    /// `output` lets `pow` with a Python exponent recover the exponent.
    static func elementwise(op: String, inputs: [TensorSnapshot], labels: [String], output: TensorSnapshot?) -> String? {
        func isNumber(_ i: Int) -> Bool { i < labels.count && Double(labels[i]) != nil }
        switch (op, inputs.count) {
        case ("add", 2): return "a + b"
        case ("sub", 2): return "a − b"
        case ("rsub", 2): return "b − a"
        case ("mul", 2): return isNumber(1) && !isNumber(0) ? "b·a" : "a·b"
        case ("div", 2): return "a / b"
        case ("pow", 2): return "a^b"
        case ("pow", 1):
            guard let out = output, let e = ValueText.inferExponent(input: inputs[0], output: out) else { return nil }
            return ValueText.superscript(e).map { "a" + $0 } ?? "a^" + ValueText.operand(e)
        case ("neg", 1): return "−a"
        case ("sigmoid", 1): return "σ(a)"
        case ("sqrt", 1): return "√a"
        case ("abs", 1): return "|a|"
        case ("exp", 1), ("log", 1), ("sin", 1), ("cos", 1), ("tanh", 1), ("relu", 1), ("sign", 1):
            return op + "(a)"
        default: return nil
        }
    }

    /// A short formula for any op, for naming an unnamed result: elementwise
    /// templates, `a @ b`, `aᵀ`, `a.sum()`, else `op(a, b)`.
    static func any(op: String, inputs: [TensorSnapshot], labels: [String], output: TensorSnapshot?) -> String {
        if let t = elementwise(op: op, inputs: inputs, labels: labels, output: output) {
            return binding(inputs: inputs, labels: labels).symbolic(t)
        }
        let g = labels.map(TensorLabels.grouped)
        switch (op, labels.count) {
        case ("mm", 2), ("matmul", 2), ("mv", 2), ("dot", 2): return "\(g[0]) @ \(g[1])"
        case ("t", 1): return "\(g[0])ᵀ"
        case ("sum", 1), ("mean", 1): return "\(g[0]).\(op)()"
        default: return "\(op)(" + labels.joined(separator: ", ") + ")"
        }
    }

    /// `a`, `b` bound to the op's inputs.
    static func binding(inputs: [TensorSnapshot], labels: [String]) -> FormulaBinding {
        var b = FormulaBinding()
        let names = ["a", "b"]
        for i in 0..<min(inputs.count, labels.count, 2) {
            b.bindings[names[i]] = .tensor(inputs[i], label: labels[i])
        }
        return b
    }
}

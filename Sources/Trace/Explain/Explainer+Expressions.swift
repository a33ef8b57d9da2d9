import Autograd

extension Explainer {
    /// A tensor the lesson never named, written as the expression that made it, with the
    /// lesson's names for its operands: `xs[1] * xs[0]`, `… * 1.0001`, `sin(x)`, `w @ x`.
    /// An unnamed operand is written as its own expression when all of that one's operands
    /// have names, else as `…`. Nil when no op made the tensor (or the trace does not know it).
    func expression(of t: TensorSnapshot) -> String? {
        guard let f = t.gradFnID.flatMap(forward(ofNode:)) else { return nil }
        return expression(of: f, inner: true)?.text
    }

    /// Binding strength of an infix operator, Python's: `**` over `*` `/` `@` `%` over `+` `-`.
    private static let infix: [String: (symbol: String, strength: Int)] = [
        "add": ("+", 1), "sub": ("-", 1), "mul": ("*", 2), "div": ("/", 2), "mm": ("@", 2), "matmul": ("@", 2),
        "mv": ("@", 2), "bmm": ("@", 2), "remainder_tensor": ("%", 2), "pow": ("**", 4),
    ]

    /// The expression and how strongly it binds (a call or a name: 5). With `inner` false,
    /// nil unless every operand has a name or is a number.
    private func expression(of f: ForwardEvent, inner: Bool) -> (text: String, strength: Int)? {
        var operands: [(text: String, strength: Int)] = []
        for input in f.inputs {
            if let n = tensorNames[input.id] ?? input.name {
                operands.append((n, 5))
            } else if Explainer.isConstant(input), let x = input.values.scalar {
                operands.append((NumberText.number(x, dtype: input.dtype), x < 0 ? 3 : 5))
            } else if inner, let g = input.gradFnID.flatMap(forward(ofNode:)), let e = expression(of: g, inner: false) {
                operands.append(e)
            } else if inner {
                operands.append(("…", 5))
            } else {
                return nil
            }
        }
        return Explainer.format(op: f.op, operands: operands, arguments: f.arguments)
    }

    /// The output of a node no recorded op made (the derivative graph `create_graph=True`
    /// builds during backward), written from the node itself: its op and arguments, each
    /// input by the lesson's name (or the number the node saved for it), else `…`.
    func expression(ofNode node: NodeSnapshot) -> String? {
        guard let op = node.op else { return nil }
        var operands: [(text: String, strength: Int)] = []
        for (i, edge) in node.next.enumerated() {
            let role = i < node.inputNames.count ? node.inputNames[i] : ""
            if let e = edge, let n = e.variable.flatMap({ tensorNames[$0] }) ?? outputName(ofNode: e.node) {
                operands.append((n, FormulaBinder.isSimpleName(n) ? 5 : 0))
            } else if edge == nil, let x = node.saved.first(where: { $0.name == role })?.values.scalar {
                operands.append((NumberText.number(x), x < 0 ? 3 : 5))
            } else {
                operands.append(("…", 5))
            }
        }
        return Explainer.format(op: op, operands: operands, arguments: node.arguments)?.text
    }

    /// `op` applied to `operands` written as Python would: infix operators with their
    /// precedence, `x ** 2` for a power by a number, else a call `op(a, b)`.
    static func format(op: String, operands: [(text: String, strength: Int)], arguments: [OpArgument]) -> (text: String, strength: Int)? {
        func wrapped(_ e: (text: String, strength: Int), _ needed: Int) -> String {
            e.strength < needed ? "(" + e.text + ")" : e.text
        }
        if operands.count == 2, let infix = Explainer.infix[op] {
            // Left-associative except `**`: the right operand of `a - (b - c)` keeps its parentheses.
            let left = infix.symbol == "**" ? infix.strength + 1 : infix.strength
            let right = infix.symbol == "**" ? infix.strength : infix.strength + 1
            return (wrapped(operands[0], left) + " " + infix.symbol + " " + wrapped(operands[1], right), infix.strength)
        }
        if operands.count == 1 {
            if op == "pow", let e = arguments.first(where: { $0.name == "exponent" }), let x = Explainer.number(e.value) {
                return (wrapped(operands[0], 5) + " ** " + NumberText.operand(x), 4)
            }
            if op == "rsub", let o = arguments.first(where: { $0.name == "other" }), let x = Explainer.number(o.value) {
                return (NumberText.number(x) + " - " + wrapped(operands[0], 2), 1)
            }
            if op == "neg" { return ("-" + wrapped(operands[0], 3), 3) }
        }
        guard op.first?.isLetter ?? false, op.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        // The table's keys for an op's overloads (`sum_dim`, `clamp_tensor`) read as the op.
        var name = Substring(op)
        for suffix in ["_dim", "_tensor", "_scalar"] where name.hasSuffix(suffix) { name = name.dropLast(suffix.count) }
        return (name + "(" + operands.map(\.text).joined(separator: ", ") + ")", 5)
    }

    private static func number(_ v: OpArgument.Value) -> Double? {
        switch v {
        case .double(let x): return x
        case .int(let i): return Double(i)
        default: return nil
        }
    }
}

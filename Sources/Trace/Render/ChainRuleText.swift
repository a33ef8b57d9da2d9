/// The chain rule of one backward node written out with the lesson's names and
/// numbers: the local derivative on the node, upstream × local = downstream in
/// the caption. Formula texts come from the derivative table (`NodeSnapshot`).
enum ChainRuleText {
    /// Identifiers in table formulas that name functions, not inputs.
    static let functionWords: Set<String> = ["exp", "ln", "log", "cos", "sin", "tanh", "sign", "sqrt", "σ"]

    /// The values the identifiers of a node's formulas stand for: its inputs by
    /// their rule names, `result`, and `grad` (the incoming gradient).
    static func bindings(node: NodeSnapshot, incoming: TensorSnapshot?, model: GraphModel) -> [String: TensorSnapshot] {
        var b: [String: TensorSnapshot] = [:]
        if let info = model.nodes[node.id] {
            for (i, name) in node.inputNames.enumerated() where i < info.inputs.count {
                b[name] = info.inputs[i]
            }
            if let out = info.output { b["result"] = out }
        }
        if let incoming { b["grad"] = incoming }
        return b
    }

    /// `template` with every identifier replaced by its value; nil when one is
    /// unknown or its value too large to write inline.
    static func substitute(_ template: String, _ b: [String: TensorSnapshot]) -> String? {
        let tokens = tokenize(template)
        let alone = tokens.filter { $0.isIdentifier }.count == 1 && tokens.count == 1
        var out = ""
        for t in tokens {
            guard t.isIdentifier, !functionWords.contains(t.text) else {
                out += t.text
                continue
            }
            guard let s = b[t.text], let v = s.values, v.count <= 4 else { return nil }
            if s.shape.isEmpty || v.count == 1 {
                out += alone ? PictureText.number(v[0], dtype: s.dtype) : PictureText.operand(v[0], dtype: s.dtype)
            } else {
                out += PictureText.inline(s)
            }
        }
        return out
    }

    /// Label rows for the node being applied: each input's local derivative with numbers.
    static func localRows(node: NodeSnapshot, event e: TraceEvent, model: GraphModel) -> [LabelRow] {
        let incoming = e.incoming?.first ?? nil
        let b = bindings(node: node, incoming: incoming, model: model)
        var rows: [LabelRow] = []
        for (slot, out) in (e.outgoing ?? []).enumerated() {
            guard let out else { continue }
            let x = inputName(node: node, slot: slot, model: model)
            let y = outputName(node: node, model: model)
            var text: String
            if let local = entry(node.localDerivatives, slot) ?? nil {
                text = "∂\(y)/∂\(x) = \(local)"
                let sub = substitute(local, b)
                if let sub, sub != local { text += " = \(sub)" }
                if let r = ratio(out, incoming), r != sub { text += " = \(r)" }
            } else {
                let formula = entry(node.formulas, slot) ?? "grad"
                text = "∂/∂\(x): \(formula)"
            }
            rows.append(LabelRow(PictureText.clip(text, 48), .body))
        }
        return rows
    }

    /// Caption rows: upstream gradient × local derivative = downstream gradient, per input.
    static func captionRows(node: NodeSnapshot, event e: TraceEvent, model: GraphModel, root: String?) -> [String] {
        let incoming = e.incoming?.first ?? nil
        let b = bindings(node: node, incoming: incoming, model: model)
        let outgoing = e.outgoing ?? []
        let names = outgoing.indices.map { inputName(node: node, slot: $0, model: model) }
        let l = root ?? "out"
        let y = outputName(node: node, model: model)
        var rows: [String] = []
        for (slot, out) in outgoing.enumerated() {
            guard let out else { continue }
            let x = names[slot]
            var lhs = "∂\(l)/∂\(x)"
            if names.filter({ $0 == x }).count > 1 { lhs += " (as \(entry(node.inputNames, slot) ?? "input \(slot)"))" }
            let local = entry(node.localDerivatives, slot) ?? nil
            let localValue = local.flatMap { substitute($0, b) }.flatMap { Double($0) != nil ? $0 : nil } ?? ratio(out, incoming)
            if let g = incoming, isScalar(g), isScalar(out), local != nil, let lv = localValue {
                rows.append("\(lhs) = ∂\(l)/∂\(y) · ∂\(y)/∂\(x) = \(PictureText.inline(g)) × \(lv) = \(PictureText.inline(out))")
            } else {
                let formula = entry(node.formulas, slot) ?? "grad"
                var text = "\(lhs) = \(formula)"
                let sub = substitute(formula, b)
                if let sub, sub != formula { text += " = \(sub)" }
                if let g = incoming, g.shape != out.shape, !formula.contains("shape") {
                    text += ", summed to the shape of \(x)"
                }
                let result = PictureText.inline(out)
                rows.append(sub == result ? text : text + " = \(result)")
            }
        }
        return rows
    }

    /// The lesson's name for input `slot` of `node`, else its name in the rule (`self`).
    static func inputName(node: NodeSnapshot, slot: Int, model: GraphModel) -> String {
        if let s = model.inputSnapshot(node: node.id, slot: slot), let name = s.name { return name }
        if let ref = entry(node.next, slot) ?? nil, let leaf = ref.variableID, let v = model.tensorVertex(leaf) { return v.title }
        return entry(node.inputNames, slot) ?? "input\(slot)"
    }

    /// The lesson's name for the node's result, else `out`.
    static func outputName(node: NodeSnapshot, model: GraphModel) -> String {
        model.nodes[node.id]?.output?.name ?? "out"
    }

    /// out / in for one-element gradients, the local derivative in numbers.
    static func ratio(_ out: TensorSnapshot, _ incoming: TensorSnapshot?) -> String? {
        guard let g = incoming, isScalar(g), isScalar(out), let a = out.values?.first, let d = g.values?.first, d != 0 else { return nil }
        return PictureText.number(a / d, dtype: out.dtype)
    }

    static func isScalar(_ s: TensorSnapshot) -> Bool { s.values?.count == 1 }

    private static func entry<T>(_ a: [T], _ i: Int) -> T? {
        if i < a.count { return a[i] }
        return a.count == 1 ? a[0] : nil
    }

    struct Token {
        var text: String
        var isIdentifier: Bool
    }

    /// Splits formula text into identifiers (letters, digits, `_`, and `'` so that
    /// `self's` stays one unknown word) and everything else.
    static func tokenize(_ s: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var inIdentifier = false
        for c in s {
            let isID = c.isLetter || c == "_" || (inIdentifier && ((c.isASCII && c.isNumber) || c == "'"))
            if isID != inIdentifier, !current.isEmpty {
                tokens.append(Token(text: current, isIdentifier: inIdentifier))
                current = ""
            }
            inIdentifier = isID
            current.append(c)
        }
        if !current.isEmpty { tokens.append(Token(text: current, isIdentifier: inIdentifier)) }
        return tokens
    }
}

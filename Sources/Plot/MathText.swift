/// A small part of matplotlib's mathtext, as pango markup: text between `$…$` gets italic
/// letters, upright digits, `^`/`_` as superscripts/subscripts, `\alpha`-style commands as
/// their symbols, `\mathdefault{…}`/`\mathrm{…}` upright. Text without `$` is plain.
enum MathText {
    /// Pango markup for `text`, or nil when it has no math (draw it as plain text).
    static func markup(_ text: String, size: Double = 10) -> String? {
        guard text.filter({ $0 == "$" }).count >= 2 else { return nil }
        var out = ""
        var inMath = false
        var chunk = ""
        for c in text {
            if c == "$" {
                out += inMath ? math(chunk, size: size) : escape(chunk)
                chunk = ""
                inMath.toggle()
            } else {
                chunk.append(c)
            }
        }
        out += inMath ? escape("$" + chunk) : escape(chunk)
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ",
        "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
        "Psi": "Ψ", "Omega": "Ω", "nabla": "∇", "partial": "∂", "cdot": "·", "times": "×", "div": "÷", "pm": "±",
        "infty": "∞", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
        "rightarrow": "→", "to": "→", "leftarrow": "←", "Rightarrow": "⇒", "sum": "∑", "prod": "∏", "int": "∫",
        "sqrt": "√", "in": "∈", "forall": "∀", "exists": "∃", "cdots": "⋯", "ldots": "…", "dots": "…", "circ": "∘",
        "prime": "′", "star": "⋆", "quad": "  ", "qquad": "    ", ",": " ", ";": " ", "!": "", " ": " ", "{": "{", "}": "}",
        "%": "%", "$": "$", "_": "_", "#": "#", "&": "&amp;", "log": "log", "exp": "exp", "sin": "sin", "cos": "cos",
        "tan": "tan", "ln": "ln", "max": "max", "min": "min", "arg": "arg", "lim": "lim",
    ]

    /// One `$…$` expression as markup (iterative over a character list; groups by a stack).
    static func math(_ source: String, size: Double = 10) -> String {
        // Scripts at 70% size, raised 0.4 em or lowered 0.15 em (pango rise is in 1/1024 pt).
        func open(_ tag: String) -> String {
            tag == "sup" ? "<span size=\"\(Int(size * 0.7 * 1024))\" rise=\"\(Int(size * 0.4 * 1024))\">"
                : "<span size=\"\(Int(size * 0.7 * 1024))\" rise=\"-\(Int(size * 0.15 * 1024))\">"
        }
        let close = "</span>"
        // Spacing around relations and binary operators, as mathtext spaces them.
        let relations: Set<Character> = ["=", "<", ">"]
        let binary: Set<Character> = ["+", "*"]
        let chars = Array(source)
        var i = 0
        var out = ""
        // Closing tags to emit when a `{…}` group ends; nil entries are plain groups.
        var groupClosers: [String] = []
        var pendingScript: String?
        var upright = 0
        func emit(_ s: String, letter: Bool) {
            var piece = s
            if letter && upright == 0 { piece = "<i>" + piece + "</i>" }
            if let tag = pendingScript {
                out += open(tag) + piece + close
                pendingScript = nil
            } else {
                out += piece
            }
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "^", "_":
                pendingScript = c == "^" ? "sup" : "sub"
                i += 1
            case "{":
                if let tag = pendingScript {
                    out += open(tag)
                    groupClosers.append(close)
                    pendingScript = nil
                } else {
                    groupClosers.append("")
                }
                i += 1
            case "}":
                let closer = groupClosers.popLast() ?? ""
                if closer == "</upright>" { upright = max(0, upright - 1) } else { out += closer }
                i += 1
            case "\\":
                var j = i + 1
                while j < chars.count, chars[j].isLetter { j += 1 }
                if j == i + 1, j < chars.count { j += 1 }
                let name = String(chars[(i + 1)..<j])
                i = j
                if ["mathdefault", "mathrm", "rm", "text", "mathbf", "operatorname"].contains(name) {
                    if i < chars.count, chars[i] == "{" {
                        i += 1
                        upright += 1
                        if let tag = pendingScript {
                            out += open(tag)
                            groupClosers.append(close)
                            groupClosers.append("</upright>")
                            pendingScript = nil
                        } else {
                            groupClosers.append("</upright>")
                        }
                    }
                } else if name == "frac" || name == "left" || name == "right" || name == "mathit" {
                    continue
                } else if ["cdot", "times", "pm", "div"].contains(name) && pendingScript == nil {
                    out += "\u{2005}" + (symbols[name] ?? name) + "\u{2005}"
                } else if ["leq", "le", "geq", "ge", "neq", "ne", "approx", "rightarrow", "to", "in"].contains(name) && pendingScript == nil {
                    out += "\u{2004}" + (symbols[name] ?? name) + "\u{2004}"
                } else {
                    emit(symbols[name] ?? escape(name), letter: false)
                }
            case "-":
                // Binary after an operand, a sign otherwise.
                let operand = !out.isEmpty && !out.hasSuffix("(") && !out.hasSuffix("\u{2004}") && !out.hasSuffix("\u{2005}") && !out.hasSuffix(">") || out.hasSuffix("</i>") || out.hasSuffix("</span>")
                if operand && pendingScript == nil { out += "\u{2005}−\u{2005}" } else { emit("−", letter: false) }
                i += 1
            case _ where relations.contains(c) && pendingScript == nil:
                out += "\u{2004}" + escape(String(c)) + "\u{2004}"
                i += 1
            case _ where binary.contains(c) && pendingScript == nil:
                out += "\u{2005}" + escape(String(c)) + "\u{2005}"
                i += 1
            case " ":
                i += 1
            default:
                emit(escape(String(c)), letter: c.isLetter)
                i += 1
            }
        }
        // Close whatever the source left open.
        while let closer = groupClosers.popLast() {
            if closer != "</upright>" { out += closer }
        }
        return out
    }
}

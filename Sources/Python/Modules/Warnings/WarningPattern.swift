/// The regular expressions of `warnings.filterwarnings` (`message`, `module`), matched as
/// `re.match` does: anchored at the start, not at the end. Covers literals, `.`, escapes
/// (`\d \w \s` and escaped punctuation), character sets, the quantifiers `* + ?` and `^ $`;
/// groups, alternation and counted repetition are reported as unsupported. Matching simulates
/// all positions at once, so its work is bounded by pattern length × text length.
struct WarningPattern: Equatable {
    private enum Atom: Equatable {
        case any
        case literal(Character)
        case digit, word, space
        indirect case negated(Atom)
        case set([ClosedRange<Character>], negated: Bool)

        func matches(_ c: Character, ignoringCase: Bool) -> Bool {
            switch self {
            case .any: return c != "\n"
            case .literal(let l):
                return ignoringCase ? l.lowercased() == c.lowercased() : l == c
            case .digit: return c.isNumber
            case .word: return c.isLetter || c.isNumber || c == "_"
            case .space: return c.isWhitespace
            case .negated(let a): return !a.matches(c, ignoringCase: ignoringCase)
            case .set(let ranges, let negated):
                let hit = ranges.contains { r in
                    r.contains(c) || (ignoringCase && (r.contains(Character(c.lowercased())) || r.contains(Character(c.uppercased()))))
                }
                return hit != negated
            }
        }
    }

    private struct Piece: Equatable {
        var atom: Atom
        var min: Int
        var unbounded: Bool
    }

    /// The pattern as written.
    let text: String
    private let pieces: [Piece]
    private let anchoredEnd: Bool
    private let ignoringCase: Bool

    /// Parses `text`, or throws naming the construct it cannot handle.
    init(_ text: String, ignoringCase: Bool) throws(PatternError) {
        self.text = text
        self.ignoringCase = ignoringCase
        var chars = Array(text)
        if chars.first == "^" { chars.removeFirst() }
        var end = false
        if chars.last == "$" && !(chars.count >= 2 && chars[chars.count - 2] == "\\") {
            chars.removeLast()
            end = true
        }
        anchoredEnd = end
        var result: [Piece] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            var atom: Atom
            switch c {
            case "(", ")", "|", "{", "}": throw PatternError(construct: String(c))
            case "*", "+", "?": throw PatternError(construct: "nothing to repeat")
            case ".": atom = .any
            case "\\":
                i += 1
                guard i < chars.count else { throw PatternError(construct: "trailing backslash") }
                atom = Self.escape(chars[i])
            case "[":
                var j = i + 1
                var negated = false
                if j < chars.count && chars[j] == "^" {
                    negated = true
                    j += 1
                }
                var ranges: [ClosedRange<Character>] = []
                var first = true
                while j < chars.count && (chars[j] != "]" || first) {
                    var lo = chars[j]
                    if lo == "\\" && j + 1 < chars.count {
                        j += 1
                        lo = chars[j]
                    }
                    if j + 2 < chars.count && chars[j + 1] == "-" && chars[j + 2] != "]" {
                        let hi = chars[j + 2]
                        if hi < lo { throw PatternError(construct: "bad character range") }
                        ranges.append(lo...hi)
                        j += 3
                    } else {
                        ranges.append(lo...lo)
                        j += 1
                    }
                    first = false
                }
                guard j < chars.count else { throw PatternError(construct: "unterminated character set") }
                atom = .set(ranges, negated: negated)
                i = j
            default: atom = .literal(c)
            }
            i += 1
            var piece = Piece(atom: atom, min: 1, unbounded: false)
            if i < chars.count {
                switch chars[i] {
                case "*": piece = Piece(atom: atom, min: 0, unbounded: true)
                case "+": piece = Piece(atom: atom, min: 1, unbounded: true)
                case "?": piece = Piece(atom: atom, min: 0, unbounded: false)
                default: break
                }
                if piece.min != 1 || piece.unbounded {
                    i += 1
                    if i < chars.count && chars[i] == "?" { i += 1 }  // lazy: same set of matches
                }
            }
            result.append(piece)
        }
        pieces = result
    }

    private static func escape(_ c: Character) -> Atom {
        switch c {
        case "d": return .digit
        case "D": return .negated(.digit)
        case "w": return .word
        case "W": return .negated(.word)
        case "s": return .space
        case "S": return .negated(.space)
        case "n": return .literal("\n")
        case "t": return .literal("\t")
        default: return .literal(c)
        }
    }

    /// Whether the pattern matches a prefix of `s` (all of it, or all but a final newline, with `$`).
    func matches(_ s: String) -> Bool {
        let text = Array(s)
        // The states are the indices of the next piece to match.
        var states = closure([0])
        func accepted(at pos: Int) -> Bool {
            guard states.contains(pieces.count) else { return false }
            return !anchoredEnd || pos == text.count || (pos == text.count - 1 && text[pos] == "\n")
        }
        if accepted(at: 0) { return true }
        for (pos, c) in text.enumerated() {
            var next = Set<Int>()
            for s in states where s < pieces.count && pieces[s].atom.matches(c, ignoringCase: ignoringCase) {
                next.insert(s + 1)
                if pieces[s].unbounded { next.insert(s) }
            }
            states = closure(next)
            if states.isEmpty { return false }
            if accepted(at: pos + 1) { return true }
        }
        return false
    }

    /// Adds the states reached by skipping optional pieces.
    private func closure(_ states: Set<Int>) -> Set<Int> {
        var result = states
        var work = Array(states)
        while let s = work.popLast() {
            if s < pieces.count && pieces[s].min == 0 && !result.contains(s + 1) {
                result.insert(s + 1)
                work.append(s + 1)
            }
        }
        return result
    }
}

/// A pattern construct ``WarningPattern`` does not handle.
struct PatternError: Error {
    let construct: String
}

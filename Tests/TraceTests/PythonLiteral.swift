/// Reads back what a test program printed: Python literals (numbers, `None`, `True`/`False`,
/// quoted strings, nested lists) separated by spaces.
enum PythonLiteral: Equatable {
    case number(Double)
    case none
    case bool(Bool)
    case string(String)
    case list([PythonLiteral])

    /// The literals of `text`, in order; nil when it does not parse.
    static func parseAll(_ text: String) -> [PythonLiteral]? {
        var chars = Array(text)
        var i = 0
        var out: [PythonLiteral] = []
        while true {
            while i < chars.count && chars[i] == " " { i += 1 }
            if i >= chars.count { return out }
            guard let v = parse(&chars, &i) else { return nil }
            out.append(v)
        }
    }

    /// One literal at `i`, iteratively for lists (an explicit stack of open lists).
    private static func parse(_ c: inout [Character], _ i: inout Int) -> PythonLiteral? {
        var stack: [[PythonLiteral]] = []
        while i < c.count {
            while i < c.count && (c[i] == " " || c[i] == ",") && !stack.isEmpty { i += 1 }
            guard i < c.count else { return nil }
            var value: PythonLiteral?
            if c[i] == "[" {
                stack.append([])
                i += 1
                continue
            } else if c[i] == "]" {
                guard let items = stack.popLast() else { return nil }
                i += 1
                value = .list(items)
            } else if c[i] == "'" || c[i] == "\"" {
                let q = c[i]
                var j = i + 1
                while j < c.count && c[j] != q { j += 1 }
                value = .string(String(c[(i + 1)..<min(j, c.count)]))
                i = j + 1
            } else {
                var j = i
                while j < c.count && c[j] != " " && c[j] != "," && c[j] != "]" { j += 1 }
                let word = String(c[i..<j])
                i = j
                switch word {
                case "None": value = PythonLiteral.none
                case "True": value = .bool(true)
                case "False": value = .bool(false)
                case "nan": value = .number(.nan)
                case "inf": value = .number(.infinity)
                case "-inf": value = .number(-.infinity)
                default:
                    value = Double(word).map(PythonLiteral.number) ?? .string(word)
                }
            }
            if stack.isEmpty { return value }
            stack[stack.count - 1].append(value!)
        }
        return nil
    }

    /// The numbers of a (nested) list or a number, row-major.
    var flat: [Double]? {
        switch self {
        case .number(let d): return [d]
        case .list(let items):
            var out: [Double] = []
            var stack: [PythonLiteral] = items.reversed()
            while let v = stack.popLast() {
                switch v {
                case .number(let d): out.append(d)
                case .list(let inner): stack.append(contentsOf: inner.reversed())
                default: return nil
                }
            }
            return out
        default: return nil
        }
    }
}

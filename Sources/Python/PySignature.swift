import Foundation

/// A callable's parameter list, used to bind ``PyArgs`` with CPython's error texts.
public struct PySignature {
    /// How a parameter receives its argument.
    public enum Kind: Sendable {
        case positionalOnly, positionalOrKeyword, keywordOnly, varPositional, varKeyword
    }

    /// One parameter.
    public struct Parameter {
        public var name: String
        /// The default; nil for a required parameter.
        public var defaultValue: PyValue?
        public var kind: Kind

        /// Creates a parameter.
        public init(name: String, defaultValue: PyValue? = nil, kind: Kind = .positionalOrKeyword) {
            self.name = name
            self.defaultValue = defaultValue
            self.kind = kind
        }
    }

    /// The name used in error messages (`f`, `Net.__init__`).
    public var name: String
    /// The parameters in declaration order.
    public var parameters: [Parameter]
    let positionalCount: Int
    let varPositionalIndex: Int?
    let varKeywordIndex: Int?

    /// Creates a signature from its parameters.
    public init(name: String, parameters: [Parameter]) {
        self.name = name
        self.parameters = parameters
        positionalCount = parameters.filter { $0.kind == .positionalOnly || $0.kind == .positionalOrKeyword }.count
        varPositionalIndex = parameters.firstIndex { $0.kind == .varPositional }
        varKeywordIndex = parameters.firstIndex { $0.kind == .varKeyword }
    }

    /// Parses a signature written as Python: `"add(input, other, *, alpha=1)"`,
    /// `"sum(input, dim=None, keepdim=False, *, dtype=None)"`, `"f(x, /, *args, **kwargs)"`.
    public init(_ text: String) {
        let open = text.firstIndex(of: "(") ?? text.endIndex
        let name = String(text[..<open]).trimmingCharacters(in: .whitespaces)
        var inner = open < text.endIndex ? String(text[text.index(after: open)...]) : ""
        if inner.hasSuffix(")") { inner.removeLast() }
        var params: [Parameter] = []
        var keywordOnly = false
        for raw in PySignature.splitTopLevel(inner) {
            let part = raw.trimmingCharacters(in: .whitespaces)
            if part.isEmpty { continue }
            if part == "/" {
                for i in params.indices where params[i].kind == .positionalOrKeyword { params[i].kind = .positionalOnly }
            } else if part == "*" {
                keywordOnly = true
            } else if part.hasPrefix("**") {
                params.append(Parameter(name: String(part.dropFirst(2)), kind: .varKeyword))
            } else if part.hasPrefix("*") {
                params.append(Parameter(name: String(part.dropFirst()), kind: .varPositional))
                keywordOnly = true
            } else if let eq = part.firstIndex(of: "=") {
                let pname = part[..<eq].trimmingCharacters(in: .whitespaces)
                let literal = part[part.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                params.append(Parameter(name: pname, defaultValue: PySignature.parseLiteral(literal),
                                        kind: keywordOnly ? .keywordOnly : .positionalOrKeyword))
            } else {
                params.append(Parameter(name: part, kind: keywordOnly ? .keywordOnly : .positionalOrKeyword))
            }
        }
        self.init(name: name, parameters: params)
    }

    private nonisolated(unsafe) static var cache: [String: PySignature] = [:]
    private static let cacheLock = NSLock()

    /// The parsed form of `text`, parsed once per distinct text.
    public static func cached(_ text: String) -> PySignature {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let s = cache[text] { return s }
        let s = PySignature(text)
        cache[text] = s
        return s
    }

    /// The index of the parameter called `name`.
    public func index(of name: String) -> Int? {
        parameters.firstIndex { $0.name == name }
    }

    /// Binds `args`, producing CPython's TypeError texts on mismatch.
    public func bind(_ args: PyArgs) throws -> PyBoundArgs {
        var values = [PyValue?](repeating: nil, count: parameters.count)
        let given = args.positional.count
        let direct = min(given, positionalCount)
        var p = 0
        for i in parameters.indices where p < direct {
            let kind = parameters[i].kind
            if kind == .positionalOnly || kind == .positionalOrKeyword {
                values[i] = args.positional[p]
                p += 1
            }
        }
        if let v = varPositionalIndex {
            values[v] = .tuple(given > positionalCount ? Array(args.positional[positionalCount...]) : [])
        }
        var extra: PyDict?
        if let v = varKeywordIndex {
            let d = PyDict()
            extra = d
            values[v] = .dict(d)
        }
        for (kwName, value) in args.keywords {
            let target = parameters.firstIndex {
                $0.name == kwName && ($0.kind == .positionalOrKeyword || $0.kind == .keywordOnly)
            }
            if let t = target {
                if values[t] != nil {
                    throw PyException(.typeError, "\(name)() got multiple values for argument '\(kwName)'")
                }
                values[t] = value
            } else if let extra {
                if try extra.contains(.str(kwName)) {
                    throw PyException(.typeError, "\(name)() got multiple values for keyword argument '\(kwName)'")
                }
                try extra.set(.str(kwName), value)
            } else {
                throw PyException(.typeError, "\(name)() got an unexpected keyword argument '\(kwName)'")
            }
        }
        if given > positionalCount && varPositionalIndex == nil {
            throw PyException(.typeError, tooManyPositional(given: given, args: args))
        }
        var missing: [String] = []
        var missingKeywordOnly: [String] = []
        for i in parameters.indices where values[i] == nil {
            let param = parameters[i]
            if let d = param.defaultValue {
                values[i] = d
            } else if param.kind == .keywordOnly {
                missingKeywordOnly.append(param.name)
            } else {
                missing.append(param.name)
            }
        }
        if !missing.isEmpty {
            throw PyException(.typeError, "\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(PySignature.nameList(missing))")
        }
        if !missingKeywordOnly.isEmpty {
            let n = missingKeywordOnly.count
            throw PyException(.typeError, "\(name)() missing \(n) required keyword-only argument\(n == 1 ? "" : "s"): \(PySignature.nameList(missingKeywordOnly))")
        }
        return PyBoundArgs(values: values.map { $0! }, signature: self)
    }

    private func tooManyPositional(given: Int, args: PyArgs) -> String {
        let withDefaults = parameters.filter {
            ($0.kind == .positionalOnly || $0.kind == .positionalOrKeyword) && $0.defaultValue != nil
        }.count
        let takes: String
        if withDefaults > 0 {
            takes = "from \(positionalCount - withDefaults) to \(positionalCount) positional arguments"
        } else {
            takes = "\(positionalCount) positional argument\(positionalCount == 1 ? "" : "s")"
        }
        let keywordOnlyGiven = args.keywords.filter { kw in
            parameters.contains { $0.name == kw.name && $0.kind == .keywordOnly }
        }.count
        if keywordOnlyGiven > 0 {
            return "\(name)() takes \(takes) but \(given) positional argument\(given == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only argument\(keywordOnlyGiven == 1 ? "" : "s")) were given"
        }
        return "\(name)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given"
    }

    /// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as CPython lists missing arguments.
    static func nameList(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        switch quoted.count {
        case 1: return quoted[0]
        case 2: return "\(quoted[0]) and \(quoted[1])"
        default: return quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
        }
    }

    private static func splitTopLevel(_ s: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for c in s {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"": quote = c; current.append(c)
            case "(", "[": depth += 1; current.append(c)
            case ")", "]": depth -= 1; current.append(c)
            case "," where depth == 0: parts.append(current); current = ""
            default: current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    private static func parseLiteral(_ s: String) -> PyValue {
        switch s {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "()": return .tuple([])
        default: break
        }
        if s.hasPrefix("("), s.hasSuffix(")") {
            let inner = String(s.dropFirst().dropLast())
            return .tuple(splitTopLevel(inner).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(parseLiteral))
        }
        if let i = Int(s) { return .int(i) }
        if let d = Double(s) { return .float(d) }
        if s.count >= 2, let f = s.first, (f == "'" || f == "\""), s.last == f {
            return .str(String(s.dropFirst().dropLast()))
        }
        preconditionFailure("unsupported default literal \(s) in signature")
    }
}

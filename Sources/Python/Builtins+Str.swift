/// Methods of `str`, and `str.format`.
extension Interpreter {
    func method(_ name: String, _ receiver: PyValue, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) -> PyValue {
        .object(PyBuiltinFunction(name: name, boundTo: receiver, body))
    }

    static let strMethodNames: Set<String> = [
        "capitalize", "casefold", "center", "count", "endswith", "find", "format", "format_map", "index", "isalnum", "isalpha",
        "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isprintable", "expandtabs", "isnumeric", "isspace", "istitle", "isupper", "join", "ljust", "lower",
        "lstrip", "maketrans", "translate", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition",
        "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "upper", "zfill",
    ]

    func strArg(_ v: PyValue, _ what: String) throws -> String {
        guard case .str(let s) = v else {
            throw PyException(.typeError, "\(what) must be str, not \(v.typeName)")
        }
        return s
    }

    /// Resolves Python's optional `start`/`end` arguments against a length.
    func bounds(_ args: [PyValue], from i: Int, count: Int) throws -> (Int, Int) {
        func norm(_ v: PyValue, _ d: Int) throws -> Int {
            if v.isNone { return d }
            var x = try index(v)
            if x < 0 { x = Swift.max(0, x + count) }
            return Swift.min(x, count)
        }
        let start = args.count > i ? try norm(args[i], 0) : 0
        let end = args.count > i + 1 ? try norm(args[i + 1], count) : count
        return (start, end)
    }

    static func findScalars(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], _ start: Int, _ end: Int, reverse: Bool) -> Int? {
        if needle.count > end - start { return nil }
        let positions = Array(start...(end - needle.count))
        for p in reverse ? positions.reversed() : positions where hay[p..<(p + needle.count)].elementsEqual(needle) {
            return p
        }
        return nil
    }

    static func isPythonSpace(_ u: Unicode.Scalar) -> Bool {
        u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{0B}" || u == "\u{0C}" || u.properties.isWhitespace
    }

    func strMethod(_ s: String, _ name: String) -> PyValue? {
        guard Interpreter.strMethodNames.contains(name) else { return nil }
        let receiver = PyValue.str(s)
        return method(name, receiver) { args, interp in
            try interp.callStrMethod(s, name, args)
        }
    }

    func callStrMethod(_ s: String, _ name: String, _ args: PyArgs) throws -> PyValue {
        let p = args.positional
        let scalars = Array(s.unicodeScalars)
        func one() throws -> PyValue {
            try Interpreter.expectArgs(args, name, min: 1, max: 1)
            return p[0]
        }
        func none() throws {
            if !p.isEmpty || !args.keywords.isEmpty {
                throw PyException(.typeError, "str.\(name)() takes no arguments (\(p.count) given)")
            }
        }
        func stripSet(_ i: Int) throws -> ((Unicode.Scalar) -> Bool) {
            if p.count > i, case .str(let chars) = p[i] {
                let set = Set(chars.unicodeScalars)
                return { set.contains($0) }
            }
            if p.count > i, !p[i].isNone { throw PyException(.typeError, "\(name) arg must be None or str") }
            return Interpreter.isPythonSpace
        }
        switch name {
        case "upper": try none(); return .str(s.uppercased())
        case "lower", "casefold": try none(); return .str(s.lowercased())
        case "swapcase":
            try none()
            return .str(String(s.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }))
        case "capitalize":
            try none()
            guard let f = s.first else { return .str("") }
            return .str(f.uppercased() + s.dropFirst().lowercased())
        case "title":
            try none()
            var out = ""
            var prevLetter = false
            for c in s {
                out += prevLetter ? c.lowercased() : c.uppercased()
                prevLetter = c.isLetter
            }
            return .str(out)
        case "strip", "lstrip", "rstrip":
            try Interpreter.expectArgs(args, name, min: 0, max: 1)
            let drop = try stripSet(0)
            var lo = 0, hi = scalars.count
            if name != "rstrip" { while lo < hi && drop(scalars[lo]) { lo += 1 } }
            if name != "lstrip" { while hi > lo && drop(scalars[hi - 1]) { hi -= 1 } }
            return .str(String(String.UnicodeScalarView(scalars[lo..<hi])))
        case "split", "rsplit":
            let b = try args.bind(PySignature.cached("split(sep=None, maxsplit=-1)"))
            return .list(PyList(try splitString(s, b[0], try index(b[1]), fromRight: name == "rsplit").map { .str($0) }))
        case "splitlines":
            let b = try args.bind(PySignature.cached("splitlines(keepends=False)"))
            let keep = try isTruthy(b[0])
            var lines: [PyValue] = []
            var current = ""
            var i = 0
            while i < scalars.count {
                let u = scalars[i]
                if u == "\n" || u == "\r" || u == "\u{0B}" || u == "\u{0C}" || u == "\u{1C}" || u == "\u{1D}" || u == "\u{1E}" || u == "\u{85}" || u == "\u{2028}" || u == "\u{2029}" {
                    var ending = String(u)
                    if u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
                        ending = "\r\n"
                        i += 1
                    }
                    lines.append(.str(keep ? current + ending : current))
                    current = ""
                } else {
                    current.unicodeScalars.append(u)
                }
                i += 1
            }
            if !current.isEmpty { lines.append(.str(current)) }
            return .list(PyList(lines))
        case "join":
            let items = try iterate(try one())
            var parts: [String] = []
            for (i, v) in items.enumerated() {
                guard case .str(let t) = v else {
                    throw PyException(.typeError, "sequence item \(i): expected str instance, \(v.typeName) found")
                }
                parts.append(t)
            }
            return .str(parts.joined(separator: s))
        case "replace":
            try Interpreter.expectArgs(args, name, min: 2, max: 3)
            let old = try strArg(p[0], "replace() argument 1")
            let new = try strArg(p[1], "replace() argument 2")
            let count = p.count > 2 ? try index(p[2]) : -1
            return .str(Interpreter.replace(s, old, new, count))
        case "startswith", "endswith":
            try Interpreter.expectArgs(args, name, min: 1, max: 3)
            let (start, end) = try bounds(p, from: 1, count: scalars.count)
            let candidates: [PyValue]
            if case .tuple(let t) = p[0] { candidates = t } else { candidates = [p[0]] }
            for c in candidates {
                guard case .str(let affix) = c else {
                    throw PyException(.typeError, "\(name) first arg must be str or a tuple of str, not \(c.typeName)")
                }
                let a = Array(affix.unicodeScalars)
                if start > end || a.count > end - start { continue }
                let slice = name == "startswith" ? scalars[start..<(start + a.count)] : scalars[(end - a.count)..<end]
                if slice.elementsEqual(a) { return .bool(true) }
            }
            return .bool(false)
        case "find", "rfind", "index", "rindex", "count":
            try Interpreter.expectArgs(args, name, min: 1, max: 3)
            let needle = Array(try strArg(p[0], "must be str, not \(p[0].typeName)").unicodeScalars)
            let (start, end) = try bounds(p, from: 1, count: scalars.count)
            if name == "count" {
                if start > end { return .int(0) }
                if needle.isEmpty { return .int(end - start + 1) }
                var n = 0
                var i = start
                while i + needle.count <= end {
                    if scalars[i..<(i + needle.count)].elementsEqual(needle) {
                        n += 1
                        i += needle.count
                    } else {
                        i += 1
                    }
                }
                return .int(n)
            }
            let found = start <= end ? Interpreter.findScalars(scalars, needle, start, end, reverse: name.hasPrefix("r")) : nil
            if let found { return .int(found) }
            if name.hasSuffix("index") { throw PyException(.valueError, "substring not found") }
            return .int(-1)
        case "center", "ljust", "rjust":
            try Interpreter.expectArgs(args, name, min: 1, max: 2)
            let width = try index(p[0])
            var fill: Unicode.Scalar = " "
            if p.count > 1 {
                let f = try strArg(p[1], "\(name)() argument 2")
                guard f.unicodeScalars.count == 1 else {
                    throw PyException(.typeError, "The fill character must be exactly one character long")
                }
                fill = f.unicodeScalars.first!
            }
            let margin = width - scalars.count
            if margin <= 0 { return receiverValue(s) }
            try checkLength(width)
            let left: Int
            switch name {
            case "ljust": left = 0
            case "rjust": left = margin
            default: left = margin / 2 + (margin & width & 1)
            }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: repeatElement(fill, count: left))
            out.append(contentsOf: scalars)
            out.append(contentsOf: repeatElement(fill, count: margin - left))
            return .str(String(out))
        case "zfill":
            let width = try index(try one())
            let margin = width - scalars.count
            if margin <= 0 { return .str(s) }
            try checkLength(width)
            var body = scalars
            var sign: [Unicode.Scalar] = []
            if let f = body.first, f == "+" || f == "-" {
                sign = [f]
                body.removeFirst()
            }
            return .str(String(String.UnicodeScalarView(sign + Array(repeating: "0", count: margin) + body)))
        case "partition", "rpartition":
            let sep = Array(try strArg(try one(), "partition() argument").unicodeScalars)
            if sep.isEmpty { throw PyException(.valueError, "empty separator") }
            guard let i = Interpreter.findScalars(scalars, sep, 0, scalars.count, reverse: name == "rpartition") else {
                return name == "partition" ? .tuple([.str(s), .str(""), .str("")]) : .tuple([.str(""), .str(""), .str(s)])
            }
            return .tuple([.str(String(String.UnicodeScalarView(scalars[..<i]))), .str(String(String.UnicodeScalarView(sep))),
                           .str(String(String.UnicodeScalarView(scalars[(i + sep.count)...])))])
        case "removeprefix":
            let a = try strArg(try one(), "removeprefix() argument")
            return .str(s.hasPrefix(a) ? String(s.unicodeScalars.dropFirst(a.unicodeScalars.count)) : s)
        case "removesuffix":
            let a = try strArg(try one(), "removesuffix() argument")
            return .str(!a.isEmpty && s.hasSuffix(a) ? String(s.unicodeScalars.dropLast(a.unicodeScalars.count)) : s)
        case "isdigit", "isdecimal", "isnumeric":
            try none()
            return .bool(!scalars.isEmpty && scalars.allSatisfy { $0.properties.numericType != nil })
        case "isalpha":
            try none()
            return .bool(!scalars.isEmpty && scalars.allSatisfy { $0.properties.isAlphabetic })
        case "isalnum":
            try none()
            return .bool(!scalars.isEmpty && scalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        case "isspace":
            try none()
            return .bool(!scalars.isEmpty && scalars.allSatisfy(Interpreter.isPythonSpace))
        case "isupper":
            try none()
            let cased = scalars.filter { $0.properties.isCased }
            return .bool(!cased.isEmpty && cased.allSatisfy { $0.properties.isUppercase })
        case "islower":
            try none()
            let cased = scalars.filter { $0.properties.isCased }
            return .bool(!cased.isEmpty && cased.allSatisfy { $0.properties.isLowercase })
        case "istitle":
            try none()
            let titled = try callStrMethod(s, "title", PyArgs()).asString
            return .bool(!s.isEmpty && s == titled)
        case "format":
            return .str(try formatString(s, args))
        case "format_map":
            guard p.count == 1, args.keywords.isEmpty else {
                if !args.keywords.isEmpty { throw PyException(.typeError, "str.format_map() takes no keyword arguments") }
                throw PyException(.typeError, "str.format_map() takes exactly one argument (\(p.count) given)")
            }
            return .str(try formatString(s, PyArgs(), mapping: p[0]))
        case "maketrans":
            return try strMaketrans(args)
        case "translate":
            return try strTranslate(s, args)
        case "isascii":
            try none()
            return .bool(scalars.allSatisfy { $0.isASCII })
        case "isidentifier":
            try none()
            guard let first = scalars.first, Lexer.isIdentifierStart(first) else { return .bool(false) }
            return .bool(scalars.dropFirst().allSatisfy(Lexer.isIdentifierContinue))
        case "isprintable":
            try none()
            return .bool(scalars.allSatisfy { $0 == " " || (!Interpreter.isPythonSpace($0) && Interpreter.quote(String($0)).count == 3) })
        case "expandtabs":
            let b = try args.bind(PySignature.cached("expandtabs(tabsize=8)"))
            let size = try index(b[0])
            guard size <= Int(Int32.max) && size >= Int(Int32.min) else {
                throw PyException(.overflowError, "Python int too large to convert to C int")
            }
            var expanded = 0
            for u in scalars {
                if u == "\t" { expanded += size > 0 ? size : 0 } else { expanded += 1 }
                if expanded > Interpreter.maxSequenceLength { try checkLength(expanded) }
            }
            var out = String.UnicodeScalarView()
            var column = 0
            for u in scalars {
                if u == "\t" {
                    let spaces = size > 0 ? size - column % size : 0
                    out.append(contentsOf: repeatElement(" ", count: spaces))
                    column += spaces
                } else {
                    out.append(u)
                    column = (u == "\n" || u == "\r") ? 0 : column + 1
                }
            }
            return .str(String(out))
        default:
            return .none
        }
    }

    private func receiverValue(_ s: String) -> PyValue { .str(s) }

    static func replace(_ s: String, _ old: String, _ new: String, _ count: Int) -> String {
        if count == 0 { return s }
        let hay = Array(s.unicodeScalars)
        let needle = Array(old.unicodeScalars)
        var out = String.UnicodeScalarView()
        var done = 0
        if needle.isEmpty {
            for u in hay {
                if count < 0 || done < count {
                    out.append(contentsOf: new.unicodeScalars)
                    done += 1
                }
                out.append(u)
            }
            if count < 0 || done < count { out.append(contentsOf: new.unicodeScalars) }
            return String(out)
        }
        var i = 0
        while i < hay.count {
            if (count < 0 || done < count) && i + needle.count <= hay.count && hay[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: new.unicodeScalars)
                i += needle.count
                done += 1
            } else {
                out.append(hay[i])
                i += 1
            }
        }
        return String(out)
    }

    func splitString(_ s: String, _ sepValue: PyValue, _ maxsplit: Int, fromRight: Bool) throws -> [String] {
        let scalars = Array(s.unicodeScalars)
        func text(_ r: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(r)) }
        if sepValue.isNone {
            var parts: [String] = []
            if !fromRight {
                var i = 0
                while i < scalars.count {
                    while i < scalars.count && Interpreter.isPythonSpace(scalars[i]) { i += 1 }
                    if i >= scalars.count { break }
                    if maxsplit >= 0 && parts.count == maxsplit {
                        var end = scalars.count
                        while end > i && Interpreter.isPythonSpace(scalars[end - 1]) { end -= 1 }
                        parts.append(text(scalars[i..<end]))
                        break
                    }
                    let start = i
                    while i < scalars.count && !Interpreter.isPythonSpace(scalars[i]) { i += 1 }
                    parts.append(text(scalars[start..<i]))
                }
                return parts
            }
            var i = scalars.count
            while i > 0 {
                while i > 0 && Interpreter.isPythonSpace(scalars[i - 1]) { i -= 1 }
                if i == 0 { break }
                if maxsplit >= 0 && parts.count == maxsplit {
                    var start = 0
                    while start < i && Interpreter.isPythonSpace(scalars[start]) { start += 1 }
                    parts.append(text(scalars[start..<i]))
                    break
                }
                let end = i
                while i > 0 && !Interpreter.isPythonSpace(scalars[i - 1]) { i -= 1 }
                parts.append(text(scalars[i..<end]))
            }
            return parts.reversed()
        }
        let sep = Array(try strArg(sepValue, "must be str or None, not \(sepValue.typeName)").unicodeScalars)
        if sep.isEmpty { throw PyException(.valueError, "empty separator") }
        var pieces: [String] = []
        if !fromRight {
            var start = 0
            var i = 0
            while i + sep.count <= scalars.count {
                if (maxsplit < 0 || pieces.count < maxsplit) && scalars[i..<(i + sep.count)].elementsEqual(sep) {
                    pieces.append(text(scalars[start..<i]))
                    i += sep.count
                    start = i
                } else {
                    i += 1
                }
            }
            pieces.append(text(scalars[start...]))
            return pieces
        }
        var end = scalars.count
        var i = scalars.count - sep.count
        while i >= 0 {
            if (maxsplit < 0 || pieces.count < maxsplit) && scalars[i..<(i + sep.count)].elementsEqual(sep) {
                pieces.append(text(scalars[(i + sep.count)..<end]))
                end = i
                i -= sep.count
            } else {
                i -= 1
            }
        }
        pieces.append(text(scalars[..<end]))
        return pieces.reversed()
    }

    /// `template.format(*args, **kwargs)`.
    /// `str.format`, or with `mapping` `str.format_map` (names looked up by `mapping[name]`).
    func formatString(_ template: String, _ args: PyArgs, mapping: PyValue? = nil) throws -> String {
        let s = Array(template.unicodeScalars)
        var out = ""
        var i = 0
        var auto = 0
        var usedAuto = false
        var usedManual = false
        func lookupField(_ field: String) throws -> PyValue {
            var name = field
            var rest = ""
            if let idx = field.firstIndex(where: { $0 == "." || $0 == "[" }) {
                name = String(field[..<idx])
                rest = String(field[idx...])
            }
            var value: PyValue
            if mapping != nil, name.isEmpty || Int(name) != nil {
                throw PyException(.valueError, "Format string contains positional fields")
            }
            if let mapping {
                value = try getItem(mapping, .str(name))
            } else if name.isEmpty {
                if usedManual {
                    throw PyException(.valueError, "cannot switch from manual field specification to automatic field numbering")
                }
                usedAuto = true
                guard auto < args.positional.count else {
                    throw PyException(.indexError, "Replacement index \(auto) out of range for positional args tuple")
                }
                value = args.positional[auto]
                auto += 1
            } else if let n = Int(name) {
                if usedAuto {
                    throw PyException(.valueError, "cannot switch from automatic field numbering to manual field specification")
                }
                usedManual = true
                guard n < args.positional.count else {
                    throw PyException(.indexError, "Replacement index \(n) out of range for positional args tuple")
                }
                value = args.positional[n]
            } else {
                guard let v = args.keyword(name) else { throw PyException.keyError(.str(name)) }
                value = v
            }
            var r = Substring(rest)
            while let c = r.first {
                if c == "." {
                    r = r.dropFirst()
                    let attr = r.prefix { $0 != "." && $0 != "[" }
                    r = r.dropFirst(attr.count)
                    value = try getAttribute(value, String(attr))
                } else {
                    r = r.dropFirst()
                    let key = r.prefix { $0 != "]" }
                    r = r.dropFirst(key.count + 1)
                    value = try getItem(value, Int(key).map { .int($0) } ?? .str(String(key)))
                }
            }
            return value
        }
        while i < s.count {
            let c = s[i]
            if c == "}" {
                guard i + 1 < s.count, s[i + 1] == "}" else {
                    throw PyException(.valueError, "Single '}' encountered in format string")
                }
                out += "}"
                i += 2
                continue
            }
            if c != "{" {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            if i + 1 < s.count && s[i + 1] == "{" {
                out += "{"
                i += 2
                continue
            }
            var depth = 1
            var j = i + 1
            while j < s.count && depth > 0 {
                if s[j] == "{" { depth += 1 } else if s[j] == "}" { depth -= 1 }
                if depth > 0 { j += 1 }
            }
            guard j < s.count else {
                if i + 1 >= s.count { throw PyException(.valueError, "Single '{' encountered in format string") }
                throw PyException(.valueError, "expected '}' before end of string")
            }
            let inner = String(String.UnicodeScalarView(s[(i + 1)..<j]))
            i = j + 1
            var fieldName = inner
            var conversion: Character?
            var spec = ""
            if let colon = inner.firstIndex(of: ":") {
                fieldName = String(inner[..<colon])
                spec = String(inner[inner.index(after: colon)...])
            }
            if let bang = fieldName.firstIndex(of: "!") {
                let conv = fieldName[fieldName.index(after: bang)...]
                guard conv.count == 1, let ch = conv.first, "rsa".contains(ch) else {
                    throw PyException(.valueError, "Unknown conversion specifier \(conv)")
                }
                conversion = ch
                fieldName = String(fieldName[..<bang])
            }
            var value = try lookupField(fieldName)
            if spec.contains("{") { spec = try formatString(spec, PyArgs(Array(args.positional[Swift.min(auto, args.positional.count)...]), keywords: args.keywords)) }
            switch conversion {
            case "r": value = .str(try repr(value))
            case "s": value = .str(try str(value))
            case "a": value = .str(Interpreter.asciiEscaped(try repr(value)))
            default: break
            }
            out += try format(value, spec: spec)
        }
        return out
    }
}

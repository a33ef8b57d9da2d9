/// Parses JSON text into Python values as CPython's `json.loads` does, raising its
/// `JSONDecodeError` messages and positions.
struct JsonDecoder {
    private let chars: [Unicode.Scalar]
    private let text: String
    private let interp: Interpreter
    private let errorClass: PyClass
    var objectHook: PyValue?
    private var pos = 0

    init(text: String, interp: Interpreter, errorClass: PyClass) {
        self.text = text
        self.chars = Array(text.unicodeScalars)
        self.interp = interp
        self.errorClass = errorClass
    }

    mutating func decodeDocument() throws -> PyValue {
        skipSpace()
        let value = try decodeValue(depth: 0)
        skipSpace()
        if pos != chars.count { throw error("Extra data", at: pos) }
        return value
    }

    private func error(_ message: String, at index: Int) -> PyException {
        var line = 1
        var lastNewline = -1
        for i in 0..<Swift.min(index, chars.count) where chars[i] == "\n" {
            line += 1
            lastNewline = i
        }
        let column = index - lastNewline
        let e = PyException(errorClass, "\(message): line \(line) column \(column) (char \(index))")
        e.instance.attributes["msg"] = .str(message)
        e.instance.attributes["doc"] = .str(text)
        e.instance.attributes["pos"] = .int(index)
        e.instance.attributes["lineno"] = .int(line)
        e.instance.attributes["colno"] = .int(column)
        return e
    }

    private mutating func skipSpace() {
        while pos < chars.count, chars[pos] == " " || chars[pos] == "\t" || chars[pos] == "\n" || chars[pos] == "\r" { pos += 1 }
    }

    private func startsWith(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        return pos + w.count <= chars.count && Array(chars[pos..<(pos + w.count)]) == w
    }

    private mutating func decodeValue(depth: Int) throws -> PyValue {
        guard pos < chars.count else { throw error("Expecting value", at: pos) }
        if depth > interp.recursionLimit {
            throw PyException(.recursionError, "maximum recursion depth exceeded while decoding a JSON document")
        }
        switch chars[pos] {
        case "\"":
            return .str(try decodeString())
        case "{":
            return try decodeObject(depth: depth)
        case "[":
            return try decodeArray(depth: depth)
        default:
            for (word, value) in [("null", PyValue.none), ("true", .bool(true)), ("false", .bool(false)),
                                  ("NaN", .float(.nan)), ("Infinity", .float(.infinity)), ("-Infinity", .float(-.infinity))]
            where startsWith(word) {
                pos += word.unicodeScalars.count
                return value
            }
            if let number = try decodeNumber() { return number }
            throw error("Expecting value", at: pos)
        }
    }

    /// `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`, or nil when no number starts here.
    private mutating func decodeNumber() throws -> PyValue? {
        func isDigit(_ i: Int) -> Bool { i < chars.count && chars[i].value >= 48 && chars[i].value <= 57 }
        var i = pos
        if i < chars.count && chars[i] == "-" { i += 1 }
        guard isDigit(i) else { return nil }
        if chars[i] == "0" { i += 1 } else { while isDigit(i) { i += 1 } }
        var isFloat = false
        if i < chars.count && chars[i] == "." && isDigit(i + 1) {
            i += 1
            while isDigit(i) { i += 1 }
            isFloat = true
        }
        if i < chars.count && (chars[i] == "e" || chars[i] == "E") {
            var j = i + 1
            if j < chars.count && (chars[j] == "+" || chars[j] == "-") { j += 1 }
            if isDigit(j) {
                while isDigit(j) { j += 1 }
                i = j
                isFloat = true
            }
        }
        var literal = String.UnicodeScalarView()
        literal.append(contentsOf: chars[pos..<i])
        let s = String(literal)
        pos = i
        if isFloat { return .float(Double(s) ?? .nan) }
        guard let n = Int(s) else { throw interp.overflow() }
        return .int(n)
    }

    private mutating func decodeString() throws -> String {
        let start = pos
        pos += 1
        var out = String.UnicodeScalarView()
        while true {
            guard pos < chars.count else { throw error("Unterminated string starting at", at: start) }
            let c = chars[pos]
            if c == "\"" {
                pos += 1
                return String(out)
            }
            if c.value < 0x20 { throw error("Invalid control character at", at: pos) }
            if c != "\\" {
                out.append(c)
                pos += 1
                continue
            }
            guard pos + 1 < chars.count else { throw error("Unterminated string starting at", at: start) }
            let e = chars[pos + 1]
            switch e {
            case "\"", "\\", "/": out.append(e)
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u":
                guard var unit = hex4(at: pos + 2) else { throw error("Invalid \\uXXXX escape", at: pos + 1) }
                pos += 6
                if unit >= 0xD800 && unit < 0xDC00, pos + 1 < chars.count, chars[pos] == "\\", chars[pos + 1] == "u",
                   let low = hex4(at: pos + 2), low >= 0xDC00 && low < 0xE000 {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    pos += 6
                }
                // A lone surrogate cannot be held in a string here; it becomes U+FFFD.
                out.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                continue
            default:
                throw error("Invalid \\escape", at: pos)
            }
            pos += 2
        }
    }

    private func hex4(at i: Int) -> UInt32? {
        guard i + 4 <= chars.count else { return nil }
        var v: UInt32 = 0
        for c in chars[i..<(i + 4)] {
            guard let d = Character(c).hexDigitValue else { return nil }
            v = v * 16 + UInt32(d)
        }
        return v
    }

    private mutating func decodeArray(depth: Int) throws -> PyValue {
        pos += 1
        var items: [PyValue] = []
        skipSpace()
        if pos < chars.count && chars[pos] == "]" {
            pos += 1
            return .list(PyList(items))
        }
        while true {
            skipSpace()
            items.append(try decodeValue(depth: depth + 1))
            skipSpace()
            guard pos < chars.count else { throw error("Expecting ',' delimiter", at: pos) }
            if chars[pos] == "]" {
                pos += 1
                return .list(PyList(items))
            }
            guard chars[pos] == "," else { throw error("Expecting ',' delimiter", at: pos) }
            pos += 1
        }
    }

    private mutating func decodeObject(depth: Int) throws -> PyValue {
        pos += 1
        let d = PyDict()
        skipSpace()
        if pos < chars.count && chars[pos] == "}" {
            pos += 1
            return try finish(d)
        }
        while true {
            skipSpace()
            guard pos < chars.count, chars[pos] == "\"" else {
                throw error("Expecting property name enclosed in double quotes", at: pos)
            }
            let key = try decodeString()
            skipSpace()
            guard pos < chars.count, chars[pos] == ":" else { throw error("Expecting ':' delimiter", at: pos) }
            pos += 1
            skipSpace()
            try d.set(.str(key), try decodeValue(depth: depth + 1))
            skipSpace()
            guard pos < chars.count else { throw error("Expecting ',' delimiter", at: pos) }
            if chars[pos] == "}" {
                pos += 1
                return try finish(d)
            }
            guard chars[pos] == "," else { throw error("Expecting ',' delimiter", at: pos) }
            pos += 1
        }
    }

    private func finish(_ d: PyDict) throws -> PyValue {
        guard let objectHook else { return .dict(d) }
        return try interp.call(objectHook, [.dict(d)])
    }
}

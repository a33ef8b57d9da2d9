/// A Python exception raised while formatting: its type name (`ValueError`,
/// `OverflowError`) and CPython's message.
public struct PythonFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The Python exception class name.
    public var type: String
    /// The exception message, worded as CPython words it.
    public var message: String

    public init(type: String, message: String) {
        self.type = type
        self.message = message
    }

    public var description: String { "\(type): \(message)" }

    /// For output too long to build: the length asked for (a width or a precision).
    public var requestedLength: Int?

    static func valueError(_ message: String) -> PythonFormatError {
        PythonFormatError(type: "ValueError", message: message)
    }

    /// A width or precision whose output would be longer than ``PythonFormatSpec/maximumLength``
    /// (CPython raises MemoryError when it cannot allocate it).
    static func tooLong(_ length: Int) -> PythonFormatError {
        var e = PythonFormatError(type: "MemoryError", message: "")
        e.requestedLength = length
        return e
    }
}

/// A parsed standard format specifier (CPython 3.11's
/// `parse_internal_render_format_spec`):
///
///     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
struct PythonFormatSpec {
    enum Grouping: Equatable {
        case none
        /// `,` every three digits.
        case comma
        /// `_` every three digits (every four for `b`, `o`, `x`, `X`).
        case underscore
    }

    var fill: Unicode.Scalar = " "
    var align: Unicode.Scalar
    var alternate = false
    var noNegativeZero = false
    /// `+`, `-`, ` ` or nil when not given.
    var sign: Unicode.Scalar?
    /// -1 when not given.
    var width = -1
    var grouping = Grouping.none
    /// -1 when not given.
    var precision = -1
    /// nil when not given and the type has no default.
    var type: Unicode.Scalar?

    /// Parses `text` for an object of Python type `typeName`.
    init(
        _ text: String, typeName: String,
        defaultType: Unicode.Scalar?, defaultAlign: Unicode.Scalar
    ) throws {
        let s = Array(text.unicodeScalars)
        let end = s.count
        var pos = 0
        align = defaultAlign
        type = defaultType
        var fillSpecified = false
        var alignSpecified = false

        func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }

        if end - pos >= 2 && isAlign(s[pos + 1]) {
            align = s[pos + 1]
            fill = s[pos]
            fillSpecified = true
            alignSpecified = true
            pos += 2
        } else if end - pos >= 1 && isAlign(s[pos]) {
            align = s[pos]
            alignSpecified = true
            pos += 1
        }
        if end - pos >= 1 && (s[pos] == " " || s[pos] == "+" || s[pos] == "-") {
            sign = s[pos]
            pos += 1
        }
        if end - pos >= 1 && s[pos] == "z" {
            noNegativeZero = true
            pos += 1
        }
        if end - pos >= 1 && s[pos] == "#" {
            alternate = true
            pos += 1
        }
        // A leading 0 means zero padding after the sign, for numbers only.
        if !fillSpecified && end - pos >= 1 && s[pos] == "0" {
            fill = "0"
            if !alignSpecified && defaultAlign == ">" { align = "=" }
            pos += 1
        }
        if let w = try Self.integer(s, &pos) { width = w }
        if pos < end && s[pos] == "," {
            grouping = .comma
            pos += 1
        }
        if pos < end && s[pos] == "_" {
            if grouping != .none { throw PythonFormatError.valueError("Cannot specify both ',' and '_'.") }
            grouping = .underscore
            pos += 1
        }
        if pos < end && s[pos] == "," && grouping == .underscore {
            throw PythonFormatError.valueError("Cannot specify both ',' and '_'.")
        }
        if pos < end && s[pos] == "." {
            pos += 1
            guard let p = try Self.integer(s, &pos) else {
                throw PythonFormatError.valueError("Format specifier missing precision")
            }
            precision = p
        }
        if end - pos > 1 {
            throw PythonFormatError.valueError(
                "Invalid format specifier '\(text)' for object of type '\(typeName)'")
        }
        if end - pos == 1 { type = s[pos] }

        if grouping != .none {
            let allowed: Bool
            switch type {
            case nil, "d", "e", "f", "g", "E", "G", "%", "F": allowed = true
            // PEP 515: underscores group binary, octal and hex digits by four.
            case "b", "o", "x", "X": allowed = grouping == .underscore
            default: allowed = false
            }
            if !allowed {
                let specifier = grouping == .comma ? "," : "_"
                throw PythonFormatError.valueError(
                    "Cannot specify '\(specifier)' with '\(Self.describe(type!))'.")
            }
        }
    }

    /// The longest output formatting builds; longer widths and precisions throw
    /// ``PythonFormatError/tooLong(_:)`` before anything is allocated.
    public static let maximumLength = 100_000_000

    /// Throws when the width (or a float's precision, short of "precision too big") asks for
    /// more than ``maximumLength`` characters.
    func checkLength(precisionCounts: Bool = false) throws {
        var longest = width
        if precisionCounts && precision <= Int(Int32.max) { longest = Swift.max(longest, precision) }
        if longest > Self.maximumLength { throw PythonFormatError.tooLong(longest) }
    }

    /// Reads a run of decimal digits (any Unicode decimal digit, as CPython's
    /// `get_integer`); nil when there is none.
    private static func integer(_ s: [Unicode.Scalar], _ pos: inout Int) throws -> Int? {
        var accumulator = 0
        var count = 0
        while pos < s.count, s[pos].properties.numericType == .decimal,
              let value = s[pos].properties.numericValue {
            let digit = Int(value)
            if accumulator > (Int.max - digit) / 10 {
                throw PythonFormatError.valueError("Too many decimal digits in format string")
            }
            accumulator = accumulator * 10 + digit
            count += 1
            pos += 1
        }
        return count == 0 ? nil : accumulator
    }

    /// A presentation type as CPython's messages show it: the character when
    /// printable ASCII, `\x..` otherwise.
    static func describe(_ c: Unicode.Scalar) -> String {
        if c.value > 32 && c.value < 128 { return String(Character(c)) }
        return "\\x" + String(c.value, radix: 16)
    }

    /// `Unknown format code 'd' for object of type 'float'`.
    static func unknownType(_ c: Unicode.Scalar?, typeName: String) -> PythonFormatError {
        .valueError("Unknown format code '\(describe(c ?? "\0"))' for object of type '\(typeName)'")
    }
}

/// `format(x, spec)` / `f"{x:spec}"` for a Python float: the standard format
/// specifier mini-language with types `e E f F g G n %` and the empty type
/// (shortest `repr` digits without a precision, `g` keeping one decimal with one).
///
/// - Throws: `PythonFormatError` with CPython's type and message for an
///   invalid specifier, e.g. `Unknown format code 'd' for object of type 'float'`.
public func pythonFormat(_ v: Double, spec: String) throws -> String {
    if spec.isEmpty { return pythonStr(v) }
    let format = try PythonFormatSpec(spec, typeName: "float", defaultType: nil, defaultAlign: ">")
    try format.checkLength(precisionCounts: true)
    switch format.type {
    case nil, "e", "E", "f", "F", "g", "G", "n", "%":
        return try formatFloat(v, format)
    default:
        throw PythonFormatSpec.unknownType(format.type, typeName: "float")
    }
}

/// `format(n, spec)` / `f"{n:spec}"` for a Python int: types `b c d o x X n`,
/// and `e E f F g G %` through conversion to float.
///
/// - Throws: `PythonFormatError` as CPython raises it (`ValueError`, or
///   `OverflowError` for a `c` code point out of range).
public func pythonFormat(_ v: Int, spec: String) throws -> String {
    if spec.isEmpty { return String(v) }
    let format = try PythonFormatSpec(spec, typeName: "int", defaultType: "d", defaultAlign: ">")
    try format.checkLength(precisionCounts: format.type.map { "eEfFgG%".unicodeScalars.contains($0) } ?? false)
    switch format.type {
    case "b", "c", "d", "o", "x", "X", "n":
        return try formatInteger(v, format)
    case "e", "E", "f", "F", "g", "G", "%":
        return try formatFloat(Double(v), format)
    default:
        throw PythonFormatSpec.unknownType(format.type, typeName: "int")
    }
}

/// `format(s, spec)` / `f"{s:spec}"` for a Python str: fill, alignment,
/// width and precision (truncation), counted in code points as Python does.
///
/// - Throws: `PythonFormatError` as CPython raises it.
public func pythonFormat(_ s: String, spec: String) throws -> String {
    if spec.isEmpty { return s }
    let format = try PythonFormatSpec(spec, typeName: "str", defaultType: "s", defaultAlign: "<")
    try format.checkLength()
    guard format.type == "s" else { throw PythonFormatSpec.unknownType(format.type, typeName: "str") }
    if let sign = format.sign {
        throw PythonFormatError.valueError(
            sign == " " ? "Space not allowed in string format specifier"
                : "Sign not allowed in string format specifier")
    }
    if format.noNegativeZero {
        throw PythonFormatError.valueError(
            "Negative zero coercion (z) not allowed in string format specifier")
    }
    if format.alternate {
        throw PythonFormatError.valueError("Alternate form (#) not allowed in string format specifier")
    }
    if format.align == "=" {
        throw PythonFormatError.valueError("'=' alignment not allowed in string format specifier")
    }
    var scalars = Array(s.unicodeScalars)
    if format.precision >= 0 && scalars.count > format.precision {
        scalars.removeLast(scalars.count - format.precision)
    }
    let total = max(format.width, scalars.count)
    let left: Int
    switch format.align {
    case ">": left = total - scalars.count
    case "^": left = (total - scalars.count) / 2
    default: left = 0
    }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: repeatElement(format.fill, count: left))
    out.append(contentsOf: scalars)
    out.append(contentsOf: repeatElement(format.fill, count: total - scalars.count - left))
    return String(out)
}

/// CPython's `format_float_internal`.
private func formatFloat(_ value: Double, _ format: PythonFormatSpec) throws -> String {
    if format.precision > Int(Int32.max) {
        throw PythonFormatError.valueError("precision too big")
    }
    var type = format.type ?? "r"
    var addDot0 = false
    var defaultPrecision = 6
    if format.type == nil {
        addDot0 = true
        defaultPrecision = 0
    }
    if type == "n" { type = "g" }
    var value = value
    var addPercent = false
    if type == "%" {
        type = "f"
        value *= 100
        addPercent = true
    }
    var precision = format.precision
    if precision < 0 {
        precision = defaultPrecision
    } else if type == "r" {
        type = "g"
    }
    let style: FloatStyle
    switch type {
    case "e", "E": style = .exponent
    case "f", "F": style = .fixed
    case "g", "G": style = .general
    default: style = .repr
    }
    var text = Array(formatFloatShort(
        value, style: style, precision: precision, addDot0IfInteger: addDot0,
        alternate: format.alternate, noNegativeZero: format.noNegativeZero,
        uppercase: type == "E" || type == "F" || type == "G"
    ).unicodeScalars)
    if addPercent { text.append("%") }

    let negative = text.first == "-"
    if negative { text.removeFirst() }
    let integerEnd = text.firstIndex { !("0"..."9").contains($0) } ?? text.count
    let hasDecimal = integerEnd < text.count && text[integerEnd] == "."
    let remainder = text[(hasDecimal ? integerEnd + 1 : integerEnd)...]
    return layoutNumber(
        negative: negative, prefix: [], digits: text[..<integerEnd], hasDecimal: hasDecimal,
        remainder: remainder, format: format,
        grouping: format.type == "n" ? .none : format.grouping, groupSize: 3)
}

/// CPython's `format_long_internal`.
private func formatInteger(_ value: Int, _ format: PythonFormatSpec) throws -> String {
    if format.precision != -1 {
        throw PythonFormatError.valueError("Precision not allowed in integer format specifier")
    }
    if format.noNegativeZero {
        throw PythonFormatError.valueError(
            "Negative zero coercion (z) not allowed in integer format specifier")
    }
    if format.type == "c" {
        if format.sign != nil {
            throw PythonFormatError.valueError("Sign not allowed with integer format specifier 'c'")
        }
        if format.alternate {
            throw PythonFormatError.valueError(
                "Alternate form (#) not allowed with integer format specifier 'c'")
        }
        guard value >= 0 && value <= 0x10FFFF else {
            throw PythonFormatError(type: "OverflowError", message: "%c arg not in range(0x110000)")
        }
        // A lone surrogate has no Swift representation; it shows as U+FFFD.
        let character = Unicode.Scalar(UInt32(value)) ?? "\u{FFFD}"
        return layoutNumber(
            negative: false, prefix: [], digits: [], hasDecimal: false, remainder: [character],
            format: format, grouping: .none, groupSize: 3)
    }
    let base: Int
    let prefix: String
    switch format.type {
    case "b": base = 2; prefix = "0b"
    case "o": base = 8; prefix = "0o"
    case "x": base = 16; prefix = "0x"
    case "X": base = 16; prefix = "0X"
    default: base = 10; prefix = ""
    }
    let uppercase = format.type == "X"
    let digits = String(value.magnitude, radix: base, uppercase: uppercase)
    return layoutNumber(
        negative: value < 0, prefix: format.alternate ? Array(prefix.unicodeScalars) : [],
        digits: Array(digits.unicodeScalars)[...], hasDecimal: false, remainder: [],
        format: format, grouping: format.type == "n" ? .none : format.grouping,
        groupSize: base == 10 ? 3 : 4)
}

/// CPython's `calc_number_widths` and `fill_number`: the output is
///
///     <left padding><sign><prefix><sign padding><grouped digits><.><remainder><right padding>
///
/// where at most one of the three paddings is non-empty. With `0` fill and
/// `=` alignment the padding goes into the digits, zeros taking part in grouping.
private func layoutNumber(
    negative: Bool, prefix: [Unicode.Scalar], digits: ArraySlice<Unicode.Scalar>,
    hasDecimal: Bool, remainder: ArraySlice<Unicode.Scalar>, format: PythonFormatSpec,
    grouping: PythonFormatSpec.Grouping, groupSize: Int
) -> String {
    let sign: Unicode.Scalar?
    switch format.sign {
    case "+": sign = negative ? "-" : "+"
    case " ": sign = negative ? "-" : " "
    default: sign = negative ? "-" : nil
    }
    let nonDigitWidth = (sign == nil ? 0 : 1) + prefix.count + (hasDecimal ? 1 : 0) + remainder.count
    let minWidth = format.fill == "0" && format.align == "=" ? format.width - nonDigitWidth : 0
    let separator: Unicode.Scalar? = switch grouping {
    case .none: nil
    case .comma: ","
    case .underscore: "_"
    }
    let grouped = digits.isEmpty
        ? [] : groupDigits(digits, minWidth: minWidth, groupSize: groupSize, separator: separator)

    let padding = max(0, format.width - (nonDigitWidth + grouped.count))
    var left = 0, inner = 0, right = 0
    switch format.align {
    case "<": right = padding
    case "^": left = padding / 2; right = padding - left
    case "=": inner = padding
    default: left = padding
    }

    var out = String.UnicodeScalarView()
    out.append(contentsOf: repeatElement(format.fill, count: left))
    if let sign { out.append(sign) }
    out.append(contentsOf: prefix)
    out.append(contentsOf: repeatElement(format.fill, count: inner))
    out.append(contentsOf: grouped)
    if hasDecimal { out.append(".") }
    out.append(contentsOf: remainder)
    out.append(contentsOf: repeatElement(format.fill, count: right))
    return String(out)
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: inserts `separator` every
/// `groupSize` digits from the right and left-pads with zeros, grouped too,
/// until the result is `minWidth` wide. Without a separator only the zero
/// padding applies.
private func groupDigits(
    _ digits: ArraySlice<Unicode.Scalar>, minWidth: Int, groupSize: Int, separator: Unicode.Scalar?
) -> [Unicode.Scalar] {
    var reversed: [Unicode.Scalar] = []
    var remaining = digits.count
    var minWidth = minWidth
    var next = digits.endIndex
    var useSeparator = false

    func emit(_ length: Int) {
        let zeros = max(0, length - remaining)
        let chars = max(0, min(remaining, length))
        if useSeparator, let separator { reversed.append(separator) }
        for index in stride(from: next - 1, through: next - chars, by: -1) {
            reversed.append(digits[index])
        }
        next -= chars
        reversed.append(contentsOf: repeatElement("0", count: zeros))
        remaining -= chars
    }

    if separator != nil {
        while true {
            let length = min(groupSize, max(remaining, minWidth, 1))
            emit(length)
            useSeparator = true
            minWidth -= length
            if remaining <= 0 && minWidth <= 0 { return reversed.reversed() }
            minWidth -= 1
        }
    }
    emit(max(remaining, minWidth, 1))
    return reversed.reversed()
}

/// `repr(x)` for a Python float: the shortest digits that read back as `x`,
/// in exponent form when the decimal exponent is below -4 or at least 16
/// (`1e-05`, `0.0001`, `123.0`, `1e+16`, `inf`, `nan`, `-0.0`).
public func pythonRepr(_ v: Double) -> String {
    formatFloatShort(v, style: .repr, precision: 0, addDot0IfInteger: true)
}

/// `str(x)` for a Python float, which is the same text as `repr(x)`.
public func pythonStr(_ v: Double) -> String {
    pythonRepr(v)
}

/// The conversion styles of CPython's `PyOS_double_to_string`.
package enum FloatStyle {
    /// `e`: `precision` digits after the point, always with an exponent.
    case exponent
    /// `f`: `precision` digits after the point, never an exponent.
    case fixed
    /// `g`: `precision` significant digits, exponent form for large and small values.
    case general
    /// `r`: shortest round-trip digits, as `repr`.
    case repr
}

/// A port of CPython's `PyOS_double_to_string` / `format_float_short`
/// (Python/pystrtod.c): the digits come from `dtoa` in the mode the style
/// asks for, then get padded with zeros, a decimal point and an exponent.
///
/// - Parameters:
///   - addDot0IfInteger: keep `.0` on integral values (`repr` and the empty
///     format type); also moves the exponent threshold of `g` by one digit.
///   - alternate: the `#` flag: keep the decimal point and, for `g`, trailing zeros.
///   - noNegativeZero: the `z` flag: drop the sign of a result that rounds to zero.
///   - uppercase: `E`, `F`, `G`: `INF`, `NAN` and `E` for the exponent.
package func formatFloatShort(
    _ d: Double, style: FloatStyle, precision requested: Int,
    alwaysAddSign: Bool = false, addDot0IfInteger: Bool = false,
    alternate: Bool = false, noNegativeZero: Bool = false, uppercase: Bool = false
) -> String {
    var out: [UInt8] = []
    var negative = d.sign == .minus
    if !d.isFinite {
        if d.isNaN { negative = false }
        if negative { out.append(UInt8(ascii: "-")) } else if alwaysAddSign { out.append(UInt8(ascii: "+")) }
        let word = d.isNaN ? (uppercase ? "NAN" : "nan") : (uppercase ? "INF" : "inf")
        out.append(contentsOf: word.utf8)
        return String(decoding: out, as: UTF8.self)
    }

    var precision = requested
    let decimal: DecimalDigits
    switch style {
    case .exponent:
        precision += 1
        decimal = .significant(d.magnitude, count: precision)
    case .fixed:
        decimal = .fixed(d.magnitude, fractionDigits: precision)
    case .general:
        if precision == 0 { precision = 1 }
        decimal = .significant(d.magnitude, count: precision)
    case .repr:
        decimal = .shortest(d.magnitude)
    }
    let digits = decimal.digits
    let digitsLength = digits.count
    var decpt = decimal.decimalPoint

    if noNegativeZero && negative
        && (digitsLength == 0 || (digitsLength == 1 && digits[0] == UInt8(ascii: "0"))) {
        negative = false
    }

    // Output the slice vdigits[vdigitsStart..<vdigitsEnd] of `digits` padded
    // with zeros on both sides, with the point placed before index `decpt`.
    var vdigitsEnd = digitsLength
    var useExponent = false
    switch style {
    case .exponent:
        useExponent = true
        vdigitsEnd = precision
    case .fixed:
        vdigitsEnd = decpt + precision
    case .general:
        if decpt <= -4 || decpt > (addDot0IfInteger ? precision - 1 : precision) { useExponent = true }
        if alternate { vdigitsEnd = precision }
    case .repr:
        if decpt <= -4 || decpt > 16 { useExponent = true }
    }

    var exponent = 0
    if useExponent {
        exponent = decpt - 1
        decpt = 1
    }
    let vdigitsStart = decpt <= 0 ? decpt - 1 : 0
    if !useExponent && addDot0IfInteger {
        vdigitsEnd = max(vdigitsEnd, decpt + 1)
    } else {
        vdigitsEnd = max(vdigitsEnd, decpt)
    }

    let zero = UInt8(ascii: "0"), point = UInt8(ascii: ".")
    if negative { out.append(UInt8(ascii: "-")) } else if alwaysAddSign { out.append(UInt8(ascii: "+")) }

    if decpt <= 0 {
        out.append(contentsOf: repeatElement(zero, count: decpt - vdigitsStart))
        out.append(point)
        out.append(contentsOf: repeatElement(zero, count: -decpt))
    } else {
        out.append(contentsOf: repeatElement(zero, count: -vdigitsStart))
    }

    if decpt > 0 && decpt <= digitsLength {
        out.append(contentsOf: digits[0..<decpt])
        out.append(point)
        out.append(contentsOf: digits[decpt...])
    } else {
        out.append(contentsOf: digits)
    }

    if digitsLength < decpt {
        out.append(contentsOf: repeatElement(zero, count: decpt - digitsLength))
        out.append(point)
        out.append(contentsOf: repeatElement(zero, count: vdigitsEnd - decpt))
    } else {
        out.append(contentsOf: repeatElement(zero, count: vdigitsEnd - digitsLength))
    }

    if out.last == point && !alternate { out.removeLast() }

    if useExponent {
        out.append(uppercase ? UInt8(ascii: "E") : UInt8(ascii: "e"))
        out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = String(exponent.magnitude)
        if magnitude.utf8.count < 2 { out.append(zero) }
        out.append(contentsOf: magnitude.utf8)
    }
    return String(decoding: out, as: UTF8.self)
}

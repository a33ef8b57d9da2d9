#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The decimal digits of a finite double, in the shape David Gay's `dtoa`
/// hands them to CPython: a digit string without leading or trailing zeros
/// and the position of the decimal point relative to its first digit.
///
/// The value is `0.d₁d₂…dₙ × 10^decimalPoint`. Zero is the single digit `"0"`
/// with `decimalPoint == 1`; a value that rounds away entirely in fixed mode
/// has no digits and `decimalPoint == -fractionDigits`, as in `dtoa`.
struct DecimalDigits: Equatable {
    /// ASCII digits.
    var digits: [UInt8]
    var decimalPoint: Int

    /// The shortest digit string that reads back as `magnitude` (CPython's
    /// `repr` mode 0); among equally short strings, the closest one.
    static func shortest(_ magnitude: Double) -> DecimalDigits {
        if magnitude == 0 { return .zero }
        // Swift's description is the shortest round-trip, closest digit string too.
        return parse(Array(magnitude.description.utf8))
    }

    /// `count` significant digits, correctly rounded, half to even on exact
    /// ties (`dtoa` mode 2); trailing zeros removed.
    static func significant(_ magnitude: Double, count: Int) -> DecimalDigits {
        if magnitude == 0 { return .zero }
        return parse(cFormatted(magnitude, conversion: "e", precision: count - 1))
    }

    /// Rounded to `fractionDigits` digits after the decimal point (`dtoa` mode 3).
    static func fixed(_ magnitude: Double, fractionDigits: Int) -> DecimalDigits {
        if magnitude == 0 { return .zero }
        let parsed = parse(cFormatted(magnitude, conversion: "f", precision: fractionDigits))
        if parsed.digits.isEmpty {
            return DecimalDigits(digits: [], decimalPoint: -fractionDigits)
        }
        return parsed
    }

    private static let zero = DecimalDigits(digits: [UInt8(ascii: "0")], decimalPoint: 1)

    /// Reads `[digits][.digits][e±exponent]` into normalized digits.
    private static func parse(_ text: [UInt8]) -> DecimalDigits {
        var mantissa: [UInt8] = []
        var pointIndex: Int?
        var exponent = 0
        var index = 0
        while index < text.count {
            let c = text[index]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(index + 1)...], as: UTF8.self)) ?? 0
                break
            }
            if c == UInt8(ascii: ".") {
                pointIndex = mantissa.count
            } else {
                mantissa.append(c)
            }
            index += 1
        }
        var decimalPoint = (pointIndex ?? mantissa.count) + exponent
        let firstNonZero = mantissa.firstIndex { $0 != UInt8(ascii: "0") }
        guard let first = firstNonZero else {
            return DecimalDigits(digits: [], decimalPoint: decimalPoint)
        }
        decimalPoint -= first
        let last = mantissa.lastIndex { $0 != UInt8(ascii: "0") }!
        return DecimalDigits(digits: Array(mantissa[first...last]), decimalPoint: decimalPoint)
    }
}

/// `printf("%.*e")` / `printf("%.*f")`: the C library converts the exact binary
/// value with correct rounding, which is what `dtoa` modes 2 and 3 promise.
private func cFormatted(_ value: Double, conversion: String, precision: Int) -> [UInt8] {
    // 309 integer digits at most, plus sign, point, exponent and terminator.
    let capacity = precision + 330
    var buffer = [CChar](repeating: 0, count: capacity)
    let written = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
        if let strfromd = CFloatFormat.strfromd {
            return strfromd(out.baseAddress, capacity, "%.\(precision)" + conversion, value)
        }
        return withVaList([Int32(precision), value]) { arguments in
            vsnprintf(out.baseAddress, capacity, "%.*" + conversion, arguments)
        }
    }
    return buffer[0..<Int(written)].map { UInt8(bitPattern: $0) }
}

/// glibc's `strfromd`, when the C library has it: the same conversion as `printf`
/// without a variable argument list, whose Swift form (`withVaList`) casts every
/// argument dynamically and cost more than the conversion itself.
private enum CFloatFormat {
    typealias StrFromD = @convention(c) (UnsafeMutablePointer<CChar>?, Int, UnsafePointer<CChar>?, Double) -> Int32

    static let strfromd: StrFromD? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "strfromd") else { return nil }
        return unsafeBitCast(symbol, to: StrFromD.self)
        #else
        return nil
        #endif
    }()
}

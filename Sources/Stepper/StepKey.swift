/// A key press of the interactive step-through.
enum StepKey: Equatable {
    case next, back, first, last, quit, help, escape
    /// Any other key (it closes the help screen).
    case other

    /// The keys in `bytes` as a terminal in raw mode sends them: Enter, space,
    /// `n` and → go on; `b` and ← go back; `g`/`G` (Home/End) jump to the ends;
    /// `q`, Ctrl-C and Ctrl-D quit; `?` toggles help; anything else is `.other`.
    static func parse(_ bytes: [UInt8]) -> [StepKey] {
        var keys: [StepKey] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B {
                let (key, length) = escapeSequence(bytes, at: i)
                if let key { keys.append(key) }
                i += length
                continue
            }
            switch b {
            case 0x0D, 0x0A, 0x20, UInt8(ascii: "n"), UInt8(ascii: "N"): keys.append(.next)
            case UInt8(ascii: "b"), UInt8(ascii: "B"), 0x7F: keys.append(.back)
            case UInt8(ascii: "g"): keys.append(.first)
            case UInt8(ascii: "G"): keys.append(.last)
            case UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x03, 0x04: keys.append(.quit)
            case UInt8(ascii: "?"), UInt8(ascii: "h"): keys.append(.help)
            default: if b < 0x80 || b >= 0xC0 { keys.append(.other) }
            }
            i += 1
        }
        return keys
    }

    /// An escape sequence at `start`: CSI (`ESC [ … final`) or SS3 (`ESC O x`).
    private static func escapeSequence(_ bytes: [UInt8], at start: Int) -> (StepKey?, Int) {
        guard start + 1 < bytes.count else { return (.escape, 1) }
        let kind = bytes[start + 1]
        if kind == UInt8(ascii: "O"), start + 2 < bytes.count {
            return (arrow(bytes[start + 2], parameter: nil) ?? .other, 3)
        }
        guard kind == UInt8(ascii: "[") else { return (.escape, 1) }
        var j = start + 2
        var parameter = 0
        var hasParameter = false
        while j < bytes.count, (0x30...0x3F).contains(bytes[j]) {
            if (0x30...0x39).contains(bytes[j]) {
                parameter = parameter * 10 + Int(bytes[j] - 0x30)
                hasParameter = true
            }
            j += 1
        }
        guard j < bytes.count else { return (.other, bytes.count - start) }
        return (arrow(bytes[j], parameter: hasParameter ? parameter : nil) ?? .other, j - start + 1)
    }

    private static func arrow(_ final: UInt8, parameter: Int?) -> StepKey? {
        switch final {
        case UInt8(ascii: "C"): return .next
        case UInt8(ascii: "D"): return .back
        case UInt8(ascii: "H"): return .first
        case UInt8(ascii: "F"): return .last
        case UInt8(ascii: "~"):
            switch parameter {
            case 1, 7: return .first
            case 4, 8: return .last
            case 5: return .back
            case 6: return .next
            default: return nil
            }
        default: return nil
        }
    }
}

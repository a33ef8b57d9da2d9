/// How many terminal columns text occupies.
///
/// East Asian Wide and Fullwidth characters (CJK ideographs, kana, Hangul,
/// fullwidth forms) and emoji take two columns; combining marks, zero-width
/// joiners and variation selectors take none; everything else takes one.
/// Widths are counted per grapheme cluster, so `e` + U+0301 is one column and
/// an emoji sequence joined with U+200D is two, as current terminals draw them.
public enum DisplayWidth {
    /// The columns `text` occupies on a terminal (control characters count 0).
    /// - Complexity: O(n) in the length of `text`.
    public static func of(_ text: String) -> Int {
        // Printable ASCII is one column a byte: counted without forming grapheme clusters.
        var ascii = 0
        for b in text.utf8 {
            guard b >= 0x20 && b < 0x7F else { ascii = -1; break }
            ascii += 1
        }
        if ascii >= 0 { return ascii }
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// The columns one grapheme cluster occupies.
    public static func of(_ c: Character) -> Int {
        var width = 0
        var first = true
        for s in c.unicodeScalars {
            if s.value == 0xFE0F { return 2 }  // emoji presentation selector
            if first {
                width = of(s)
                first = false
            } else if width == 0 {
                width = of(s)
            }
        }
        return width
    }

    /// The columns one scalar occupies on its own.
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(s) { return 0 }
        return isWide(v) ? 2 : 1
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: break
        }
        let v = s.value
        return (0x1160...0x11FF).contains(v)  // Hangul medial vowels and final consonants join the syllable
            || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v)
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, plus the emoji blocks
    /// terminals draw two columns wide.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x231A...0x231B,    // watch, hourglass
        0x2329...0x232A,    // angle brackets
        0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE,
        0x2614...0x2615,
        0x2648...0x2653,
        0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD,
        0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
        0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK
        0x3400...0x4DBF,    // CJK Extension A
        0x4E00...0x9FFF,    // CJK Unified Ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo Extended-A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth forms
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4, 0x17000...0x18CFF,  // Tangut
        0x1AFF0...0x1B2FF,  // Kana supplement and extensions
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F251,  // enclosed ideographic supplement
        0x1F300...0x1F64F,  // pictographs, emoticons
        0x1F680...0x1F6FF,  // transport and map symbols
        0x1F7E0...0x1F7EB,
        0x1F90C...0x1F9FF,  // supplemental symbols and pictographs
        0x1FA70...0x1FAFF,  // symbols and pictographs extended-A
        0x20000...0x2FFFD,  // CJK Extensions B–F, compatibility supplement
        0x30000...0x3FFFD,  // CJK Extension G and beyond
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound {
                hi = mid - 1
            } else if v > r.upperBound {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// `text` cut to at most `columns` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        if of(text) <= columns { return text }
        if columns <= 0 { return "" }
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces on the right to `columns` columns.
    public static func pad(_ text: String, to columns: Int) -> String {
        let w = of(text)
        return w >= columns ? text : text + String(repeating: " ", count: columns - w)
    }

    /// `text` broken into lines of at most `columns` columns: at spaces where it
    /// can, between wide characters (CJK has no spaces), and inside a word only
    /// when the word alone is wider than a line. Continuation lines repeat the
    /// leading indentation of `text`.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        if of(text) <= columns || columns < 8 { return [text] }
        let indent = String(text.prefix { $0 == " " })
        let indentWidth = indent.count
        let limit = max(columns - indentWidth, 4)
        let body = Array(text.dropFirst(indentWidth))
        var lines: [String] = []
        var start = 0
        while start < body.count {
            var used = 0
            var end = start
            var lastBreak: Int?
            while end < body.count {
                let w = of(body[end])
                if used + w > limit { break }
                used += w
                if body[end] == " " {
                    lastBreak = end
                } else if w == 2 {
                    lastBreak = end + 1
                }
                end += 1
            }
            if end >= body.count {
                lines.append(String(body[start..<end]))
                break
            }
            var cut = end
            if body[end] == " " {
                cut = end
            } else if let b = lastBreak, b > start {
                cut = b
            }
            lines.append(String(body[start..<cut]).trailingSpacesRemoved)
            start = cut
            while start < body.count && body[start] == " " { start += 1 }
        }
        return lines.map { indent + $0 }
    }
}

extension String {
    public var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

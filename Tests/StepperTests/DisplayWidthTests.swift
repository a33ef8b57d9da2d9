import Testing
@testable import Trace

/// Terminal column widths: East Asian Wide/Fullwidth and emoji take two
/// columns, combining marks none; cutting and wrapping never split a wide character.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3),
        ("", 0),
        ("∂z/∂y = 2·y", 11),
        ("梯度", 4),                       // CJK Unified Ideographs
        ("链式法则", 8),
        ("ひらがなカタカナ", 16),            // Hiragana, Katakana
        ("ｱｲｳ", 3),                        // halfwidth Katakana stay narrow
        ("한국어", 6),                      // Hangul syllables
        ("\u{1100}\u{1161}\u{11A8}", 2),   // conjoining Jamo: one syllable, two columns
        ("ＡＢＣ", 6),                      // fullwidth forms
        ("、。「」", 8),                    // CJK punctuation
        ("e\u{0301}", 1),                  // combining acute
        ("x\u{200B}y", 2),                 // zero-width space
        ("🙂", 2),
        ("❤\u{FE0F}", 2),                  // emoji presentation selector
        ("👩\u{200D}💻", 2),               // ZWJ sequence drawn as one glyph
        ("\u{1B}\t", 0),                   // control characters
        ("𠀀", 2),                          // CJK Extension B (outside the BMP)
    ])
    func width(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        let t = DisplayWidth.truncate("梯度下降法", to: 6)
        #expect(t == "梯度…")
        #expect(DisplayWidth.of(t) <= 6)
        #expect(DisplayWidth.truncate("梯度", to: 4) == "梯度")
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    }

    @Test(arguments: [6, 9, 10, 17, 30])
    func wrapKeepsEveryLineWithinTheWidth(_ width: Int) {
        let text = "  这是链式法则：上游梯度乘以局部导数等于下游梯度。 then some English words follow here"
        let lines = DisplayWidth.wrap(text, to: width)
        for l in lines where width >= 8 {
            #expect(DisplayWidth.of(l) <= width, "\(l)")
        }
        let joined = lines.map { $0.filter { $0 != " " } }.joined()
        #expect(joined == text.filter { $0 != " " }, "wrapping lost or reordered characters")
    }

    @Test func wrapBreaksAtSpacesAndKeepsTheIndent() {
        #expect(DisplayWidth.wrap("  one two three four", to: 12) == ["  one two", "  three four"])
    }

    @Test func padCountsColumnsNotCharacters() {
        #expect(DisplayWidth.pad("梯度", to: 6) == "梯度  ")
        #expect(DisplayWidth.pad("abcdef", to: 3) == "abcdef")
    }
}

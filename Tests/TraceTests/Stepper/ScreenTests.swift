import Testing
@testable import Trace

/// The full-screen layout: exactly the terminal's rows, no line wider than its
/// columns (CJK narration included), the current line visible and marked.
@Suite struct ScreenTests {
    static func stripANSI(_ s: String) -> String {
        var out = ""
        var inEscape = false
        for c in s.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(c.value) && c != "[" { inEscape = false }
                continue
            }
            if c == "\u{1B}" { inEscape = true; continue }
            out.unicodeScalars.append(c)
        }
        return out
    }

    @Test(arguments: [(24, 80), (10, 40), (5, 20), (3, 12), (1, 10), (50, 200), (24, 23)])
    func screenFillsTheTerminalExactly(_ rows: Int, _ columns: Int) throws {
        for stepper in [try IsolatedTrace.stepper(.cjk),
                        try IsolatedTrace.stepper(.seed)] {
            for step in 0..<stepper.stepCount {
                for help in [false, true] {
                    for color in [false, true] {
                        let lines = stepper.screen(.init(step: step, help: help), rows: rows, columns: columns, color: color)
                        #expect(lines.count == rows)
                        for l in lines {
                            #expect(DisplayWidth.of(Self.stripANSI(l)) <= columns, "\(l)")
                        }
                    }
                }
            }
        }
    }

    @Test func screenShowsSourceCaptionAndChainRule() throws {
        let stepper = try IsolatedTrace.stepper(.seed)
        let lines = stepper.screen(.init(step: 4), rows: 40, columns: 100, color: false)
        let text = lines.joined(separator: "\n")
        #expect(lines[0].contains("Step 5/9 · line 15 · Backward"))
        #expect(text.contains(" ▶ 15 │ z.backward()"))
        #expect(text.contains("∂z/∂y = 2·y = 12"))
        #expect(text.contains("1 · 2·6 = 12"))
        #expect(lines.last?.contains("q quit") == true)
    }

    @Test func cjkNarrationWrapsByColumns() throws {
        let stepper = try IsolatedTrace.stepper(.cjk)
        let lines = stepper.screen(.init(step: 0), rows: 24, columns: 30, color: false)
        let caption = lines.filter { $0.contains("梯度") || $0.contains("平方") && !$0.contains("│") }
        #expect(!caption.isEmpty)
        for l in lines { #expect(DisplayWidth.of(l) <= 30, "\(l)") }
        let joined = lines.joined()
        #expect(joined.contains("한국어도"), "the caption is wrapped, not cut")
    }

    @Test func tooMuchTextSaysHowMuchIsHidden() throws {
        let stepper = try IsolatedTrace.stepper(.seed)
        let lines = stepper.screen(.init(step: 4), rows: 8, columns: 60, color: false)
        #expect(lines.count == 8)
        #expect(lines.contains { $0.contains("more lines: enlarge the window") })
    }

    @Test func renderDrawsFromTheTopAndClearsLeftovers() throws {
        let stepper = try IsolatedTrace.stepper(.seed)
        let out = stepper.render(["a", "b"])
        #expect(out == "\u{1B}[Ha\u{1B}[K\r\nb\u{1B}[K\u{1B}[J")
    }
}

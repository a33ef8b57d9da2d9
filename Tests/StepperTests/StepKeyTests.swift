import Testing
@testable import Stepper
@testable import Trace

/// Raw terminal bytes to step-through keys, and what the keys do to the view.
@Suite struct StepKeyTests {
    @Test(arguments: [
        ("\r", [StepKey.next]), ("\n", [.next]), (" ", [.next]), ("n", [.next]),
        ("\u{1B}[C", [.next]), ("\u{1B}OC", [.next]),
        ("b", [.back]), ("\u{1B}[D", [.back]), ("\u{1B}OD", [.back]),
        ("q", [.quit]), ("\u{03}", [.quit]), ("\u{04}", [.quit]),
        ("?", [.help]), ("g", [.first]), ("G", [.last]), ("\u{1B}[H", [.first]), ("\u{1B}[4~", [.last]),
        ("\u{1B}[6~", [.next]), ("\u{1B}[5~", [.back]),
        ("\u{1B}[1;5C", [.next]),
        ("nn\u{1B}[Db", [.next, .next, .back, .back]),
        ("x", [.other]), ("\u{1B}[A", [.other]), ("\u{1B}", [.escape]),
    ])
    func parse(_ bytes: String, _ expected: [StepKey]) {
        #expect(StepKey.parse(Array(bytes.utf8)) == expected)
    }

    @Test func multibyteCharactersAreOneKey() {
        #expect(StepKey.parse(Array("é".utf8)) == [.other])
    }

    @Test func viewStateStaysInBoundsAndHelpClosesOnAnyKey() {
        var s = StepThrough.ViewState()
        let kept = s.apply(.back, count: 3)
        #expect(kept)
        #expect(s.step == 0)
        for _ in 0..<5 { _ = s.apply(.next, count: 3) }
        #expect(s.step == 2)
        _ = s.apply(.first, count: 3)
        #expect(s.step == 0)
        _ = s.apply(.help, count: 3)
        #expect(s.help)
        _ = s.apply(.next, count: 3)
        #expect(!s.help && s.step == 0, "a key that closes help does nothing else")
        _ = s.apply(.last, count: 3)
        #expect(s.step == 2)
        let goesOn = s.apply(.quit, count: 3)
        #expect(!goesOn)
        var empty = StepThrough.ViewState()
        _ = empty.apply(.next, count: 0)
        #expect(empty.step == 0)
    }
}

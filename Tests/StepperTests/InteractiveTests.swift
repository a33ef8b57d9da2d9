#if os(Linux)
import Foundation
import Glibc
import Testing
@testable import Stepper
@testable import Trace

/// `runInteractive()` on a real pseudo-terminal: keys move through the steps,
/// and the terminal is restored after `q`, Ctrl-C and SIGINT.
@Suite(.serialized) struct InteractiveTests {
    static let enter = "\u{1B}[?1049h"
    static let leave = "\u{1B}[?1049l"
    static let hideCursor = "\u{1B}[?25l"
    static let showCursor = "\u{1B}[?25h"

    func start() throws -> PseudoTerminal {
        let pty = try PseudoTerminal(scenario: .seed)
        #expect(pty.isCooked())
        let started = pty.wait(for: "Step 1/19")
        #expect(started, "the full-screen view did not appear; child log:\n\(pty.childLog())")
        return pty
    }

    /// The last switch to the alternate screen is followed by a switch back, and the cursor is shown again.
    func expectRestored(_ pty: PseudoTerminal, settings before: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let text = pty.text
        let lastEnter = text.range(of: Self.enter, options: .backwards)
        #expect(lastEnter != nil, "never entered the alternate screen", sourceLocation: sourceLocation)
        if let e = lastEnter {
            #expect(text[e.upperBound...].contains(Self.leave), "the alternate screen was not left", sourceLocation: sourceLocation)
        }
        if let h = text.range(of: Self.hideCursor, options: .backwards) {
            #expect(text[h.upperBound...].contains(Self.showCursor), "the cursor was left hidden", sourceLocation: sourceLocation)
        }
        #expect(pty.settings() == before, "termios settings differ from before", sourceLocation: sourceLocation)
        #expect(pty.isCooked(), sourceLocation: sourceLocation)
    }

    @Test func nextBackHelpAndQuitRestoreTheTerminal() throws {
        let pty = try start()
        #expect(!pty.isCooked(), "raw mode is on while stepping")

        var mark = pty.output.count
        pty.send("n")
        #expect(pty.wait(for: "Step 2/19", from: mark))
        mark = pty.output.count
        pty.send("\r")
        #expect(pty.wait(for: "Step 3/19", from: mark))
        mark = pty.output.count
        pty.send(" ")
        #expect(pty.wait(for: "Step 4/19", from: mark))
        mark = pty.output.count
        pty.send("\u{1B}[C")
        #expect(pty.wait(for: "Step 5/19", from: mark))
        #expect(pty.wait(for: "line 14", from: mark))
        mark = pty.output.count
        pty.send("b")
        #expect(pty.wait(for: "Step 4/19", from: mark))
        mark = pty.output.count
        pty.send("\u{1B}[D")
        #expect(pty.wait(for: "Step 3/19", from: mark))
        mark = pty.output.count
        pty.send("?")
        #expect(pty.wait(for: "previous step", from: mark))
        mark = pty.output.count
        pty.send("x")
        #expect(pty.wait(for: "the lesson prints", from: mark))
        mark = pty.output.count
        pty.send("G")
        #expect(pty.wait(for: "Step 19/19", from: mark))

        pty.send("q")
        let reason = pty.waitForExit()
        #expect(reason == .exit, "child log:\n\(pty.childLog())")
        #expect(pty.process.terminationStatus == 0, "child log:\n\(pty.childLog())")
        expectRestored(pty, settings: pty.initialSettings)
    }

    @Test func ctrlCKeyQuitsAndRestores() throws {
        let pty = try start()
        pty.send("\u{03}")
        #expect(pty.waitForExit() == .exit)
        expectRestored(pty, settings: pty.initialSettings)
    }

    @Test func sigintRestoresTheTerminalAndEndsTheProcess() throws {
        let pty = try start()
        kill(pty.process.processIdentifier, SIGINT)
        #expect(pty.waitForExit() == .uncaughtSignal)
        #expect(pty.process.terminationStatus == SIGINT)
        expectRestored(pty, settings: pty.initialSettings)
    }

    @Test func withoutATerminalItPrintsTheWholeTranscript() throws {
        let data = try ChildProcess.run(mode: "run", scenario: .seed, environment: ["COLUMNS": "72"])
        let text = String(decoding: data, as: UTF8.self)
        let expected = try Scenario.seed.stepper().transcript(color: false, width: 72)
        #expect(text == expected)
        #expect(!text.contains("\u{1B}"), "no colour and no screen control when stdout is not a terminal")
    }

    @Test func resizeRedrawsAtTheNewWidth() throws {
        let pty = try start()
        let mark = pty.output.count
        pty.resize(rows: 30, columns: 100)
        #expect(pty.wait(for: "\u{1B}[2J", from: mark))
        #expect(pty.wait(for: "Step 1/19", from: mark))
        let wide = String(repeating: "─", count: 100)
        #expect(pty.wait(for: wide, from: mark), "the separator was not redrawn 100 columns wide")
        pty.send("q")
        #expect(pty.waitForExit() == .exit)
    }
}
#endif

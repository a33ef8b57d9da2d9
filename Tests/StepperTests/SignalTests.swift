#if os(Linux)
import Foundation
import Glibc
import Testing
@testable import Stepper
@testable import Trace

/// The step-through gives the terminal back on every signal that ends it, on a suspension
/// (restoring raw mode and redrawing when continued), and never draws a window larger
/// than a real terminal could be.
@Suite(.serialized) struct SignalTests {
    let interactive = InteractiveTests()

    @Test(arguments: [SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE])
    func anEndingSignalRestoresTheTerminal(_ sig: Int32) throws {
        let pty = try interactive.start()
        kill(pty.process.processIdentifier, sig)
        if pty.hasExited(within: 5) {
            #expect(pty.process.terminationReason == .uncaughtSignal)
            #expect(pty.process.terminationStatus == sig)
        } else {
            // Ignored by whoever started the child (the test runner ignores SIGPIPE): it stays
            // ignored, the view goes on, and quits normally.
            #expect(!pty.isCooked())
            pty.send("q")
            #expect(pty.waitForExit() == .exit)
        }
        interactive.expectRestored(pty, settings: pty.initialSettings)
    }

    /// Suspended: cooked terminal, main screen; continued: raw mode again, the view redrawn.
    func suspendAndContinue(_ pty: PseudoTerminal, suspend: () -> Void) {
        let mark = pty.output.count
        suspend()
        #expect(pty.wait(forState: "T"), "the process did not stop (state \(String(describing: pty.state())))")
        #expect(pty.isCooked(), "the terminal is usable while suspended")
        #expect(pty.wait(for: InteractiveTests.leave, from: mark), "the main screen is back while suspended")
        let resumed = pty.output.count
        kill(pty.process.processIdentifier, SIGCONT)
        #expect(pty.wait(for: "Step 1/19", from: resumed), "not redrawn after SIGCONT")
        #expect(pty.wait(for: InteractiveTests.enter, from: resumed))
        #expect(!pty.isCooked(), "raw mode again")
        pty.send("n")
        #expect(pty.wait(for: "Step 2/19", from: resumed), "keys work after SIGCONT")
        pty.send("q")
        #expect(pty.waitForExit() == .exit)
        interactive.expectRestored(pty, settings: pty.initialSettings)
    }

    @Test func sigtstpSuspendsAndSigcontResumes() throws {
        let pty = try interactive.start()
        suspendAndContinue(pty) { kill(pty.process.processIdentifier, SIGTSTP) }
    }

    @Test func ctrlZSuspends() throws {
        let pty = try interactive.start()
        suspendAndContinue(pty) { pty.send("\u{1A}") }
    }

    @Test func aHugeColumnsValueIsClamped() throws {
        let data = try ChildProcess.run(mode: "run", scenario: .seed, environment: ["COLUMNS": "1000000000"])
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.count <= Terminal.maxColumns })
    }

    @Test func aHugeWindowIsDrawnAtTheLargestSize() throws {
        let stepper = try Scenario.seed.stepper()
        let screen = stepper.screen(StepThrough.ViewState(), rows: 1_000_000_000, columns: 1_000_000_000, color: false)
        #expect(screen.count == Terminal.maxRows)
        #expect(screen.allSatisfy { DisplayWidth.of($0) <= Terminal.maxColumns })
    }
}
#endif

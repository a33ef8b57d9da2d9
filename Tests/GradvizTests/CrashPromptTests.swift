#if os(Linux)
import Foundation
import Glibc
import Testing

/// On a terminal, a crash reports and ends at once: the Swift runtime's interactive
/// crash prompt ("Press space to interact … (30s)") is turned off for gradviz.
@Suite struct CrashPromptTests {
    /// gradviz on a pseudo-terminal (standard input, output and error), its output collected.
    final class OnTerminal {
        let master: Int32
        let slave: Int32
        let process = Process()
        private(set) var output: [UInt8] = []

        init(_ arguments: [String], in dir: URL, environment: [String: String]) throws {
            var m: Int32 = -1, s: Int32 = -1
            var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
            guard openpty(&m, &s, nil, nil, &size) == 0 else { throw CocoaError(.fileWriteUnknown) }
            master = m
            slave = s
            _ = fcntl(master, F_SETFD, FD_CLOEXEC)
            _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
            process.executableURL = CLIRunner.executable
            process.arguments = arguments
            process.currentDirectoryURL = dir
            process.environment = environment
            let tty = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
            process.standardInput = tty
            process.standardOutput = tty
            process.standardError = tty
            try Scratch.withSignalsUnblocked { try process.run() }
        }

        deinit {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            close(master)
            close(slave)
        }

        var text: String { String(decoding: output, as: UTF8.self) }

        func pump() {
            var buf = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buf.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if n <= 0 { return }
                output += buf[0..<n]
            }
        }

        func wait(for needle: String, seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline && !text.contains(needle) {
                pump()
                usleep(20_000)
            }
            return text.contains(needle)
        }

        /// Seconds until the process ended, or nil after `seconds`.
        func waitForExit(seconds: Double) -> Double? {
            let start = Date()
            while Date().timeIntervalSince(start) < seconds {
                pump()
                if !process.isRunning { return Date().timeIntervalSince(start) }
                usleep(20_000)
            }
            return nil
        }
    }

    @Test func aCrashOnATerminalDoesNotWaitForAKey() throws {
        let s = try Scratch("crash")
        defer { s.remove() }
        try s.lesson()
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SWIFT_BACKTRACE")
        env["TERM"] = "xterm-256color"
        let t = try OnTerminal(["lesson.txt", "--step"], in: s.url, environment: env)
        #expect(t.wait(for: "Step 1/", seconds: 60), "the step-through did not start:\n\(t.text)")
        // gradviz restarted itself with the runtime's prompt turned off.
        let environ = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(t.process.processIdentifier)/environ"))) ?? Data()
        #expect(environ.split(separator: 0).contains(Data("SWIFT_BACKTRACE=interactive=no".utf8)))
        // The runtime's crash handler reports a SIGSEGV however it came; with the prompt on,
        // it would wait 30 s for a key before the report ends.
        kill(t.process.processIdentifier, SIGSEGV)
        // Built with AddressSanitizer (scripts/asan_tests.sh), the sanitizer reports instead of the runtime.
        if t.wait(for: "AddressSanitizer", seconds: 2) { return }
        #expect(t.wait(for: "Backtrace took", seconds: 25), "no report after 25 s:\n\(t.text.suffix(600))")
        #expect(t.text.contains("Program crashed"))
        // The prompt, when on, follows the report.
        #expect(!t.wait(for: "Press space to interact", seconds: 2))
    }
}
#endif

#if os(Linux)
import Foundation
import Glibc

/// A child process on a real pseudo-terminal: this test binary run again with
/// `--filter` on the one test that calls `runInteractive()` (the package has no
/// other executable that reaches it), its standard input and output the PTY,
/// standard error a log file. Every wait has a deadline, so nothing hangs.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32
    let process = Process()
    private(set) var output: [UInt8] = []
    let log: URL
    /// The terminal settings before the child started.
    private(set) var initialSettings: [UInt8] = []

    /// Starts the step-through of `scenario` in a child on a `rows`×`columns` terminal.
    init(scenario: Scenario, rows: UInt16 = 24, columns: UInt16 = 80) throws {
        var m: Int32 = -1, s: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&m, &s, nil, nil, &size) == 0 else { throw PTYError.setup("openpty failed: \(errno)") }
        master = m
        slave = s
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        log = FileManager.default.temporaryDirectory.appendingPathComponent("stepper-pty-\(getpid())-\(m).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)

        process.executableURL = URL(fileURLWithPath: try ChildProcess.testBinary())
        process.arguments = ChildProcess.arguments()
        process.environment = ChildProcess.environment(mode: "run", scenario: scenario,
                                                       extra: ["NO_COLOR": "1", "TERM": "xterm-256color",
                                                               // No crash report: it would wait for a key on the PTY, and
                                                               // under AddressSanitizer take longer than any test waits.
                                                               "SWIFT_BACKTRACE": "enable=no"])
        process.standardInput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardError = try FileHandle(forWritingTo: log)
        initialSettings = settings()
        // The test runner's worker threads block most signals, and a child inherits the mask:
        // the child starts with none blocked, as from a shell.
        var none = sigset_t(), old = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        try process.run()
    }

    /// The child's state letter from /proc (`T` when stopped).
    func state() -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(close, offsetBy: 2)...].first
    }

    /// Waits until the child's state is `state`.
    func wait(forState wanted: Character, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if state() == wanted { return true }
            pump(milliseconds: 20)
        }
        return state() == wanted
    }

    /// Whether the child has ended (reading its output meanwhile), within `seconds`.
    func hasExited(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            pump(milliseconds: 20)
            if !process.isRunning { return true }
        }
        return !process.isRunning
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        close(master)
        close(slave)
        try? FileManager.default.removeItem(at: log)
    }

    /// Everything the child wrote, as text.
    var text: String { String(decoding: output, as: UTF8.self) }

    /// What the child wrote since byte offset `from`.
    func text(from offset: Int) -> String { String(decoding: output[min(offset, output.count)...], as: UTF8.self) }

    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads what is there, waiting up to `milliseconds` for something to arrive.
    private func pump(milliseconds: Int32) {
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, milliseconds) > 0 else { return }
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buf.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            output += buf[0..<n]
        }
    }

    /// Waits until `needle` appears after byte offset `from`.
    @discardableResult
    func wait(for needle: String, from offset: Int = 0, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if text(from: offset).contains(needle) { return true }
            pump(milliseconds: 50)
        }
        return text(from: offset).contains(needle)
    }

    /// Waits for the child to exit, reading its output meanwhile.
    func waitForExit(seconds: Double = 30) -> Process.TerminationReason? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            pump(milliseconds: 20)
            if !process.isRunning {
                pump(milliseconds: 20)
                return process.terminationReason
            }
        }
        return nil
    }

    /// The slave's terminal settings, as comparable bytes.
    func settings() -> [UInt8] {
        var t = termios()
        _ = tcgetattr(slave, &t)
        return withUnsafeBytes(of: &t) { Array($0) }
    }

    /// Whether the slave is in canonical (cooked) mode with echo.
    func isCooked() -> Bool {
        var t = termios()
        _ = tcgetattr(slave, &t)
        return t.c_lflag & tcflag_t(ICANON) != 0 && t.c_lflag & tcflag_t(ECHO) != 0
    }

    func resize(rows: UInt16, columns: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        // The child has no controlling terminal, so the kernel does not signal it.
        kill(process.processIdentifier, SIGWINCH)
    }

    func childLog() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    enum PTYError: Error {
        case setup(String)
    }
}
#endif

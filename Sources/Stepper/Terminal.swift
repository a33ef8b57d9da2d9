#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal could not be put into (or taken out of) full-screen mode.
public struct TerminalError: Error, CustomStringConvertible {
    /// What went wrong, with the system's reason.
    public let description: String
}

/// A terminal in full-screen raw mode: alternate screen, hidden cursor, keys
/// read one by one. `leave()` puts everything back; so does any of the signals
/// that end the program (Ctrl-C from another process, `kill`, a crash), from
/// inside the signal handler, before the signal goes on as it would have, and
/// a suspension (Ctrl-Z, SIGTSTP) until the process is continued.
final class Terminal {
    enum Input {
        case bytes([UInt8])
        case resized
        case closed
    }

    let input: Int32
    let output: Int32
    private var active = false

    static let enterSequence = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J"
    static let leaveSequence = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"

    init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    static func isTTY(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Raw mode on `input`, alternate screen and hidden cursor on `output`.
    func enter() throws {
        var original = termios()
        if tcgetattr(input, &original) != 0 {
            throw TerminalError(description: "cannot read the terminal settings: \(String(cString: strerror(errno)))")
        }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        try TerminalSignals.install(restoring: original, raw: raw, input: input, output: output)
        if tcsetattr(input, TCSAFLUSH, &raw) != 0 {
            let reason = String(cString: strerror(errno))
            TerminalSignals.uninstall()
            throw TerminalError(description: "cannot switch the terminal to raw mode: \(reason)")
        }
        active = true
        write(Terminal.enterSequence)
    }

    /// Leaves the alternate screen, shows the cursor and restores the settings `enter()` found.
    func leave() {
        guard active else { return }
        active = false
        write(Terminal.leaveSequence)
        var saved = TerminalSignals.saved.pointee
        _ = tcsetattr(input, TCSAFLUSH, &saved)
        TerminalSignals.uninstall()
    }

    /// The largest window drawn: anything larger is drawn at this size, so a bogus size
    /// (`COLUMNS=1000000000`) costs no more than a very large real window.
    static let maxRows = 1000
    static let maxColumns = 1000

    /// `columns` within 1…`maxColumns`.
    static func clampColumns(_ columns: Int) -> Int { min(max(columns, 1), maxColumns) }

    /// The window size, 24×80 when the terminal does not say, at most `maxRows`×`maxColumns`.
    func size() -> (rows: Int, columns: Int) {
        var ws = winsize()
        #if os(Linux)
        let r = ioctl(output, UInt(TIOCGWINSZ), &ws)
        #else
        let r = ioctl(output, TIOCGWINSZ, &ws)
        #endif
        if r != 0 || ws.ws_row == 0 || ws.ws_col == 0 { return (24, 80) }
        return (min(Int(ws.ws_row), Terminal.maxRows), Terminal.clampColumns(Int(ws.ws_col)))
    }

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                #if canImport(Glibc)
                Glibc.write(output, buf.baseAddress! + offset, buf.count - offset)
                #else
                Darwin.write(output, buf.baseAddress! + offset, buf.count - offset)
                #endif
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Waits for keys or a window resize.
    func read() -> Input {
        while true {
            var fds = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: TerminalSignals.wakeRead, events: Int16(POLLIN), revents: 0)]
            let r = poll(&fds, nfds_t(fds.count), -1)
            if r < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                TerminalSignals.drainWake()
                return .resized
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                var buf = [UInt8](repeating: 0, count: 64)
                let n = buf.withUnsafeMutableBytes { p in
                    #if canImport(Glibc)
                    Glibc.read(input, p.baseAddress!, p.count)
                    #else
                    Darwin.read(input, p.baseAddress!, p.count)
                    #endif
                }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return .closed }
                return .bytes(Array(buf[0..<n]))
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signal handling while the terminal is in full-screen raw mode.
///
/// A signal that ends the program restores the terminal first (only
/// async-signal-safe calls: `write`, `tcsetattr`, `sigaction`, `raise`), then
/// puts back the handler that was there before and raises the signal again, so
/// the program ends the way it would have (and crash reporters still run).
/// SIGWINCH writes a byte to a pipe the key loop polls, so a resize redraws at once.
enum TerminalSignals {
    /// Signals after which the terminal must not stay in raw mode.
    static let ending: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP]

    // The handlers read only these: fixed addresses, set before any handler is installed.
    nonisolated(unsafe) static let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 64)
    nonisolated(unsafe) static let leaveBytes: UnsafeMutableBufferPointer<UInt8> = {
        let bytes = Array(Terminal.leaveSequence.utf8)
        let p = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = p.initialize(from: bytes)
        return p
    }()
    nonisolated(unsafe) static var inputFD: Int32 = 0
    nonisolated(unsafe) static var outputFD: Int32 = 1
    nonisolated(unsafe) static var wakeRead: Int32 = -1
    nonisolated(unsafe) static var wakeWrite: Int32 = -1
    nonisolated(unsafe) static var previousWinch = sigaction()

    static func install(restoring original: termios, input: Int32, output: Int32) throws {
        saved.pointee = original
        _ = leaveBytes
        inputFD = input
        outputFD = output
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 { throw TerminalError(description: "cannot create a pipe for resize events") }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        for sig in ending {
            var action = makeAction(endingHandler)
            sigaction(sig, &action, previous + Int(sig))
        }
        var winch = makeAction(winchHandler)
        winch.sa_flags |= Int32(SA_RESTART)
        sigaction(SIGWINCH, &winch, &previousWinch)
    }

    static func uninstall() {
        for sig in ending { sigaction(sig, previous + Int(sig), nil) }
        sigaction(SIGWINCH, &previousWinch, nil)
        if wakeRead >= 0 { close(wakeRead) }
        if wakeWrite >= 0 { close(wakeWrite) }
        wakeRead = -1
        wakeWrite = -1
    }

    static func drainWake() {
        var buf = [UInt8](repeating: 0, count: 64)
        while buf.withUnsafeMutableBytes({ read(wakeRead, $0.baseAddress!, $0.count) }) > 0 {}
    }

    private static func makeAction(_ handler: @convention(c) (Int32) -> Void) -> sigaction {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        return action
    }
}

private let endingHandler: @convention(c) (Int32) -> Void = { sig in
    _ = write(TerminalSignals.outputFD, TerminalSignals.leaveBytes.baseAddress, TerminalSignals.leaveBytes.count)
    _ = tcsetattr(TerminalSignals.inputFD, TCSAFLUSH, TerminalSignals.saved)
    sigaction(sig, TerminalSignals.previous + Int(sig), nil)
    raise(sig)
}

private let winchHandler: @convention(c) (Int32) -> Void = { _ in
    var byte: UInt8 = 1
    _ = write(TerminalSignals.wakeWrite, &byte, 1)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signal handling while the terminal is in full-screen raw mode.
///
/// A signal that ends the program restores the terminal first (only
/// async-signal-safe calls: `write`, `tcsetattr`, `sigaction`, `sigprocmask`,
/// `raise`), then puts back the handler that was there before and raises the
/// signal again, so the program ends the way it would have (and crash reporters
/// still run); should that handler return, the signal's default action follows.
/// A signal that was ignored when the view started stays ignored.
///
/// SIGTSTP (`kill -TSTP`, or Ctrl-Z, which raw mode reads as a key) restores the
/// terminal, then stops the process as the default action would; SIGCONT (`fg`)
/// puts the terminal back into raw mode and asks for a redraw. SIGWINCH and SIGCONT
/// write a byte to a pipe the key loop polls, so the view is redrawn at once.
enum TerminalSignals {
    /// Signals after which the terminal must not stay in raw mode.
    static let ending: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
                                  SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP]
    /// Job control: suspend and resume.
    static let jobControl: [Int32] = [SIGTSTP, SIGCONT]

    // The handlers read only these: fixed addresses, set before any handler is installed.
    nonisolated(unsafe) static let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) static let raw = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) static let ours = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) static let handled = UnsafeMutablePointer<Bool>.allocate(capacity: 65)
    nonisolated(unsafe) static let leaveBytes = bytes(Terminal.leaveSequence)
    nonisolated(unsafe) static let enterBytes = bytes(Terminal.enterSequence)
    nonisolated(unsafe) static var inputFD: Int32 = 0
    nonisolated(unsafe) static var outputFD: Int32 = 1
    nonisolated(unsafe) static var wakeRead: Int32 = -1
    nonisolated(unsafe) static var wakeWrite: Int32 = -1
    nonisolated(unsafe) static var previousWinch = sigaction()

    static func install(restoring original: termios, raw rawSettings: termios, input: Int32, output: Int32) throws {
        saved.pointee = original
        raw.pointee = rawSettings
        _ = leaveBytes
        _ = enterBytes
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
        handled.initialize(repeating: false, count: 65)
        for sig in ending { catchUnlessIgnored(sig, endingHandler) }
        catchUnlessIgnored(SIGTSTP, suspendHandler)
        catchUnlessIgnored(SIGCONT, resumeHandler, flags: Int32(SA_RESTART))
        var winch = makeAction(wakeHandler)
        winch.sa_flags |= Int32(SA_RESTART)
        sigaction(SIGWINCH, &winch, &previousWinch)
    }

    static func uninstall() {
        for sig in ending + jobControl where handled[Int(sig)] {
            sigaction(sig, previous + Int(sig), nil)
            handled[Int(sig)] = false
        }
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

    private static func catchUnlessIgnored(_ sig: Int32, _ handler: @convention(c) (Int32) -> Void, flags: Int32 = 0) {
        sigaction(sig, nil, previous + Int(sig))
        #if os(Linux)
        let current = unsafeBitCast(previous[Int(sig)].__sigaction_handler.sa_handler, to: Int.self)
        #else
        let current = unsafeBitCast(previous[Int(sig)].__sigaction_u.__sa_handler, to: Int.self)
        #endif
        // SIG_IGN is 1: a signal ignored by whoever started us (nohup, CPython's SIGPIPE) stays ignored.
        if current == 1 { return }
        ours[Int(sig)] = makeAction(handler)
        ours[Int(sig)].sa_flags |= flags
        sigaction(sig, ours + Int(sig), nil)
        handled[Int(sig)] = true
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

    private static func bytes(_ text: String) -> UnsafeMutableBufferPointer<UInt8> {
        let bytes = Array(text.utf8)
        let p = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = p.initialize(from: bytes)
        return p
    }

    /// Leaves the alternate screen and puts the original settings back (async-signal-safe).
    static func restoreFromHandler() {
        _ = write(outputFD, leaveBytes.baseAddress, leaveBytes.count)
        _ = tcsetattr(inputFD, TCSAFLUSH, saved)
    }

    /// Raises `sig` with its default action from inside its own handler, where it is blocked.
    static func raiseUnblocked(_ sig: Int32) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        raise(sig)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }
}

private let endingHandler: @convention(c) (Int32) -> Void = { sig in
    TerminalSignals.restoreFromHandler()
    sigaction(sig, TerminalSignals.previous + Int(sig), nil)
    TerminalSignals.handled[Int(sig)] = false
    TerminalSignals.raiseUnblocked(sig)
    // Still here: the previous handler returned (the runtime's crash reporter does, after its
    // report). The view is gone, so end as the signal's default action ends the program.
    var defaultAction = sigaction()
    sigemptyset(&defaultAction.sa_mask)
    sigaction(sig, &defaultAction, nil)
    TerminalSignals.raiseUnblocked(sig)
}

private let suspendHandler: @convention(c) (Int32) -> Void = { sig in
    TerminalSignals.restoreFromHandler()
    // Stop as SIGTSTP's default action stops, then catch it again once continued.
    var defaultAction = sigaction()
    sigemptyset(&defaultAction.sa_mask)
    sigaction(sig, &defaultAction, nil)
    TerminalSignals.raiseUnblocked(sig)
    sigaction(sig, TerminalSignals.ours + Int(sig), nil)
}

private let resumeHandler: @convention(c) (Int32) -> Void = { _ in
    _ = tcsetattr(TerminalSignals.inputFD, TCSAFLUSH, TerminalSignals.raw)
    _ = write(TerminalSignals.outputFD, TerminalSignals.enterBytes.baseAddress, TerminalSignals.enterBytes.count)
    var byte: UInt8 = 1
    _ = write(TerminalSignals.wakeWrite, &byte, 1)
}

private let wakeHandler: @convention(c) (Int32) -> Void = { _ in
    var byte: UInt8 = 1
    _ = write(TerminalSignals.wakeWrite, &byte, 1)
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary outputs that a signal must not leave behind.
///
/// While any temporary folder or file is registered, SIGINT, SIGTERM and SIGHUP are
/// caught (those not ignored when the first one was registered). The handler only
/// writes the signal's number to a pipe, which is async-signal-safe; a watcher thread
/// reads it, waits until no swap is half done, removes every registered path, puts
/// back the previous disposition and raises the signal again, so the process ends as
/// the signal would have ended it, with nothing left behind.
enum OutputCleanup {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    // Guards everything below, and swaps in progress (see `exclusive`).
    private static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var paths: [String: Int] = [:]
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]
    nonisolated(unsafe) private static var watcherStarted = false
    nonisolated(unsafe) private static var pipeRead: Int32 = -1
    // Read by the signal handler: set once, before any handler is installed.
    nonisolated(unsafe) static var pipeWrite: Int32 = -1

    /// Removes `path` (and what it holds) if a signal ends the process before `unregister`.
    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        if paths.isEmpty { install() }
        paths[path, default: 0] += 1
    }

    static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let n = paths[path] else { return }
        paths[path] = n > 1 ? n - 1 : nil
        if paths.isEmpty { uninstall() }
    }

    /// Runs `body` with cleanup held off, so a signal never lands between the renames of a swap.
    static func exclusive<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The paths registered now.
    static var registered: [String] {
        lock.lock()
        defer { lock.unlock() }
        return Array(paths.keys)
    }

    private static func install() {
        startWatcher()
        guard pipeWrite >= 0 else { return }
        for sig in signals {
            var old = sigaction()
            sigaction(sig, nil, &old)
            // A signal ignored by whoever started us (nohup, a background job) stays ignored.
            if OutputCleanup.handlerAddress(old) == OutputCleanup.ignoreAddress { continue }
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = cleanupHandler
            #else
            action.__sigaction_u.__sa_handler = cleanupHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_RESTART)
            sigaction(sig, &action, nil)
            previous[sig] = old
        }
    }

    private static func uninstall() {
        for (sig, old) in previous {
            var action = old
            sigaction(sig, &action, nil)
        }
        previous = [:]
    }

    private static func startWatcher() {
        guard !watcherStarted else { return }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        pipeRead = fds[0]
        pipeWrite = fds[1]
        watcherStarted = true
        let thread = Thread { watch() }
        thread.name = "gradviz output cleanup"
        thread.start()
    }

    private static func watch() {
        while true {
            var sig: Int32 = 0
            let n = withUnsafeMutableBytes(of: &sig) { read(pipeRead, $0.baseAddress, $0.count) }
            if n == MemoryLayout<Int32>.size {
                handle(sig)
            } else if n <= 0 && errno != EINTR {
                return
            }
        }
    }

    private static func handle(_ sig: Int32) {
        lock.lock()
        defer { lock.unlock() }
        for path in paths.keys { removeTree(path) }
        paths = [:]
        uninstall()
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
    }

    /// Removes `path`, retrying while another thread is still writing into it.
    static func removeTree(_ path: String) {
        for _ in 0..<5 {
            if OutputPath.kind(atPath: path) == .missing { return }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    private static func handlerAddress(_ action: sigaction) -> UnsafeRawPointer? {
        #if os(Linux)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: UnsafeRawPointer?.self)
        #else
        return unsafeBitCast(action.__sigaction_u.__sa_handler, to: UnsafeRawPointer?.self)
        #endif
    }

    private static let ignoreAddress = UnsafeRawPointer(bitPattern: 1)
}

private let cleanupHandler: @convention(c) (Int32) -> Void = { sig in
    var number = sig
    _ = withUnsafeBytes(of: &number) { write(OutputCleanup.pipeWrite, $0.baseAddress, $0.count) }
}

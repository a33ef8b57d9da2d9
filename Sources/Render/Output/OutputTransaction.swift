import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Outputs written all together or not at all.
///
/// Inside `perform`, `AtomicOutput` only stages: each folder or file is built in a hidden
/// sibling (`.NAME.gradviz-new-PID`) and nothing the user had is touched. When the body
/// has returned, every staged output is swapped in; if one swap fails, the ones before
/// it are swapped back. So a failure anywhere (a lesson too long to draw, a full disk)
/// leaves every earlier output as it was.
///
/// Outputs that are devices or pipes (`--trace /dev/stdout`, a FIFO) are written into
/// first, as `open()` would write them; they cannot be swapped back.
public final class OutputTransaction: @unchecked Sendable {
    @TaskLocal static var current: OutputTransaction?

    enum Staged {
        /// A new folder at `temp`, to take `target`'s place.
        case directory(target: OutputPath, temp: String)
        /// A new regular file at `temp`, to take `target`'s place.
        case file(target: OutputPath, temp: String)
        /// Bytes to write into the device or pipe at `target`.
        case stream(target: OutputPath, data: Data)
    }

    private let lock = NSLock()
    private var staged: [Staged] = []
    private var done = false

    init() {}

    /// Runs `body`, in which `AtomicOutput` stages its outputs, then swaps them all in.
    ///
    /// If `body` throws, or a swap fails, every staged temporary is removed and the
    /// outputs that were already swapped in are swapped back.
    public static func perform<T>(_ body: () throws -> T) throws -> T {
        let transaction = OutputTransaction()
        defer { transaction.discard() }
        let result = try $current.withValue(transaction) { try body() }
        try transaction.commit()
        return result
    }

    /// Adds an output built by `AtomicOutput`; without a transaction it is swapped in at once.
    static func stage(_ item: Staged) throws {
        if let t = current {
            t.lock.lock()
            defer { t.lock.unlock() }
            t.staged.append(item)
            return
        }
        let t = OutputTransaction()
        t.staged = [item]
        defer { t.discard() }
        try t.commit()
    }

    /// The staged outputs' destinations.
    var targets: [OutputPath] {
        lock.lock()
        defer { lock.unlock() }
        return staged.map { item in
            switch item {
            case .directory(let target, _), .file(let target, _), .stream(let target, _): return target
            }
        }
    }

    /// Swaps every staged output in, streams first (they cannot be undone, and a full
    /// device fails there before anything was replaced).
    func commit() throws {
        lock.lock()
        defer { lock.unlock() }
        for case .stream(let target, let data) in staged {
            try OutputSwap.writeInto(target, data: data)
        }
        try OutputCleanup.exclusive {
            var applied: [OutputSwap.Applied] = []
            do {
                for item in staged {
                    switch item {
                    case .directory(let target, let temp):
                        applied.append(try OutputSwap.replaceDirectory(target, with: temp))
                    case .file(let target, let temp):
                        applied.append(try OutputSwap.replaceFile(target, with: temp))
                    case .stream:
                        break
                    }
                }
            } catch {
                for a in applied.reversed() { OutputSwap.undo(a) }
                throw error
            }
            for a in applied { OutputSwap.finish(a) }
        }
        done = true
    }

    /// Removes the temporaries of outputs never swapped in.
    func discard() {
        lock.lock()
        defer { lock.unlock() }
        for item in staged {
            switch item {
            case .directory(_, let temp), .file(_, let temp):
                if !done { OutputCleanup.removeTree(temp) }
                OutputCleanup.unregister(temp)
            case .stream:
                break
            }
        }
        staged = []
    }
}

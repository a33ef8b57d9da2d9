import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The renames that put a staged output in place, each one undoable until `finish`.
///
/// A folder is swapped with `renameat2(RENAME_EXCHANGE)` where the kernel and file
/// system have it, so the destination is never missing, not even for an instant; the
/// old folder ends up under the temporary name and is removed afterwards. Elsewhere
/// the old folder is first renamed to `.NAME.gradviz-old-PID`; a kill between the two
/// renames leaves it there, and the next run puts it back (`sweep`).
enum OutputSwap {
    /// A rename done, and how to take it back.
    enum Applied {
        /// `temp` now holds the old folder.
        case exchanged(target: OutputPath, temp: String)
        /// The old folder was moved to `old`, then `temp` to the destination.
        case movedAside(target: OutputPath, temp: String, old: String)
        /// Nothing was at the destination; `temp` was renamed there.
        case created(target: OutputPath, temp: String)
        /// A regular file replaced by rename; `backup` is a hard link to the old one.
        case fileReplaced(target: OutputPath, temp: String, backup: String?)
    }

    typealias Failure = AtomicOutput.Failure

    /// The hidden sibling names of `target`: `.NAME.gradviz-new-PID` and its `old`/`bak` kin.
    static func sibling(of target: OutputPath, _ role: String, pid: Int32 = getpid()) -> String {
        target.parent + "/" + siblingPrefix(of: target) + "\(role)-\(pid)"
    }

    static func siblingPrefix(of target: OutputPath) -> String {
        // Names stay under NAME_MAX (255 bytes) whatever the destination's length.
        var name = ""
        for c in target.name where name.utf8.count + String(c).utf8.count <= 200 { name.append(c) }
        return "." + name + ".gradviz-"
    }

    static func replaceDirectory(_ target: OutputPath, with temp: String) throws -> Applied {
        switch target.kind {
        case .missing:
            try rename(temp, target.path, target)
            return .created(target: target, temp: temp)
        case .directory:
            try AtomicOutput.checkReplaceable(target)
            if exchange(temp, target.path) == 0 { return .exchanged(target: target, temp: temp) }
            let old = sibling(of: target, "old")
            try rename(target.path, old, target)
            do {
                try rename(temp, target.path, target)
            } catch {
                _ = posixRename(old, target.path)
                throw error
            }
            return .movedAside(target: target, temp: temp, old: old)
        default:
            throw Failure(description: "cannot write \(target.path): it exists and is not a folder")
        }
    }

    static func replaceFile(_ target: OutputPath, with temp: String) throws -> Applied {
        switch target.kind {
        case .missing:
            try rename(temp, target.path, target)
            return .fileReplaced(target: target, temp: temp, backup: nil)
        case .regularFile:
            let backup = sibling(of: target, "bak")
            unlink(backup)
            let linked = link(target.path, backup) == 0
            do {
                try rename(temp, target.path, target)
            } catch {
                if linked { unlink(backup) }
                throw error
            }
            return .fileReplaced(target: target, temp: temp, backup: linked ? backup : nil)
        case .directory:
            throw Failure(description: "cannot write \(target.path): [Errno 21] Is a directory")
        default:
            throw Failure(description: "cannot write \(target.path): it is not a regular file")
        }
    }

    /// Puts back what `applied` replaced; the new output returns to its temporary name.
    static func undo(_ applied: Applied) {
        switch applied {
        case .exchanged(let target, let temp):
            _ = exchange(temp, target.path)
        case .movedAside(let target, let temp, let old):
            _ = posixRename(target.path, temp)
            _ = posixRename(old, target.path)
        case .created(let target, let temp):
            _ = posixRename(target.path, temp)
        case .fileReplaced(let target, let temp, let backup):
            if let backup {
                _ = posixRename(target.path, temp)
                _ = posixRename(backup, target.path)
            } else {
                _ = posixRename(target.path, temp)
            }
        }
    }

    /// Removes what `applied` replaced, now that every output is in place.
    static func finish(_ applied: Applied) {
        switch applied {
        case .exchanged(_, let temp): OutputCleanup.removeTree(temp)
        case .movedAside(_, _, let old): OutputCleanup.removeTree(old)
        case .created: break
        case .fileReplaced(_, _, let backup): if let backup { unlink(backup) }
        }
    }

    /// Writes `data` into the device or pipe at `target`, as Python's `open(path, 'w')` writes.
    static func writeInto(_ target: OutputPath, data: Data) throws {
        let fd = open(target.path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot write \(target.path): \(OutputPath.reason(errno))") }
        defer { close(fd) }
        if let code = writeAll(fd, data) {
            throw Failure(description: "cannot write \(target.path): \(OutputPath.reason(code))")
        }
    }

    /// Writes all of `data` to `fd`; the errno of the first failure, or nil.
    static func writeAll(_ fd: Int32, _ data: Data) -> Int32? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                offset += n
            }
            return nil
        }
    }

    /// Swaps two paths atomically; 0, or the errno (ENOSYS/EINVAL where unsupported).
    static func exchange(_ a: String, _ b: String) -> Int32 {
        #if os(Linux)
        guard let renameat2 = renameat2Function else { return ENOSYS }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 ? 0 : errno
        #else
        return ENOSYS
        #endif
    }

    #if os(Linux)
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc 2.28's `renameat2`, which Swift's Glibc module leaves out (it needs _GNU_SOURCE).
    static let renameat2Function: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    static let renameExchange: UInt32 = 1 << 1
    #endif

    static func posixRename(_ from: String, _ to: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.rename(from, to)
        #else
        Darwin.rename(from, to)
        #endif
    }

    private static func rename(_ from: String, _ to: String, _ target: OutputPath) throws {
        guard posixRename(from, to) == 0 else {
            throw Failure(description: "cannot replace \(target.path): \(OutputPath.reason(errno))")
        }
    }

    /// Removes the temporaries of runs that were killed (their process no longer exists):
    /// new outputs are removed; an old output or backup goes back to the destination when
    /// the destination is missing (the kill came between two renames), else it is removed.
    static func sweep(_ target: OutputPath) {
        let prefix = siblingPrefix(of: target)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: target.parent) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            let parts = rest.split(separator: "-", maxSplits: 1)
            guard parts.count == 2, ["new", "old", "bak"].contains(parts[0]), let pid = Int32(parts[1]),
                  !isAlive(pid) else { continue }
            let path = target.parent + "/" + entry
            if parts[0] != "new" && target.kind == .missing {
                _ = posixRename(path, target.path)
            } else {
                OutputCleanup.removeTree(path)
            }
        }
    }

    static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}

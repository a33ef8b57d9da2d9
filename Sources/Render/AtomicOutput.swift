import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces an output folder or file all at once: the new content is built in a
/// hidden sibling, then swapped in (see `OutputSwap`); on any failure the sibling is
/// removed and what was there before stays untouched. Inside
/// `OutputTransaction.perform` the swap waits until every output of the run is built.
///
/// Only what gradviz may replace is replaced: a missing path, an empty folder, a folder
/// gradviz wrote (its `marker` lists every file, and nothing else was added), a regular
/// file. A device or a pipe is written into, never replaced. Paths are resolved by the
/// filesystem (`OutputPath`).
enum AtomicOutput {
    struct Failure: Error, CustomStringConvertible, Equatable {
        var description: String
    }

    /// The file in every folder gradviz writes, listing what it wrote there; a later run
    /// replaces the folder only if it holds nothing else.
    static let marker = ".gradviz-output"
    static let markerHeading = "# Written by gradviz, which replaces this folder when asked to write it again. Its files:"

    /// Builds `dir` anew with `build` (given the temporary folder to fill), then swaps it in.
    ///
    /// The parent folder must exist.
    static func replaceDirectory(_ dir: URL, build: (URL) throws -> Void) throws {
        let target = try resolve(dir)
        switch target.kind {
        case .missing: break
        case .directory: try checkReplaceable(target)
        default: throw Failure(description: "cannot write \(target.path): it exists and is not a folder")
        }
        OutputSwap.sweep(target)
        let temp = OutputSwap.sibling(of: target, "new")
        OutputCleanup.register(temp)
        var staged = false
        defer {
            if !staged {
                OutputCleanup.removeTree(temp)
                OutputCleanup.unregister(temp)
            }
        }
        OutputCleanup.removeTree(temp)
        guard mkdir(temp, 0o777) == 0 else {
            throw Failure(description: "cannot write \(target.path): \(OutputPath.reason(errno))")
        }
        do {
            try build(URL(fileURLWithPath: temp, isDirectory: true))
            try writeMarker(in: temp)
        } catch let error as CocoaError {
            throw Failure(description: "cannot write \(target.path): \(reason(error))")
        }
        staged = true
        try OutputTransaction.stage(.directory(target: target, temp: temp))
    }

    /// Writes `data` to a hidden sibling of `file`, then renames it over `file`; a device
    /// or pipe gets `data` written into it instead.
    static func replaceFile(_ file: URL, data: Data) throws {
        let target = try resolve(file)
        switch target.kind {
        case .missing, .regularFile: break
        case .characterDevice, .fifo:
            try OutputTransaction.stage(.stream(target: target, data: data))
            return
        case .directory: throw Failure(description: "cannot write \(target.path): [Errno 21] Is a directory")
        default: throw Failure(description: "cannot write \(target.path): it is neither a regular file, a character device nor a pipe")
        }
        OutputSwap.sweep(target)
        let temp = OutputSwap.sibling(of: target, "new")
        OutputCleanup.register(temp)
        var staged = false
        defer {
            if !staged {
                unlink(temp)
                OutputCleanup.unregister(temp)
            }
        }
        unlink(temp)
        // A replaced file keeps its permissions, as it would if written in place.
        var st = stat()
        let mode = target.kind == .regularFile && stat(target.path, &st) == 0 ? mode_t(st.st_mode & 0o7777) : 0o666
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(description: "cannot write \(target.path): \(OutputPath.reason(errno))") }
        if target.kind == .regularFile { _ = fchmod(fd, mode) }
        let failed = OutputSwap.writeAll(fd, data) ?? (fsync(fd) == 0 ? nil : errno)
        close(fd)
        if let failed { throw Failure(description: "cannot write \(target.path): \(OutputPath.reason(failed))") }
        staged = true
        try OutputTransaction.stage(.file(target: target, temp: temp))
    }

    /// Refuses a folder that is not empty and is not gradviz output with nothing added.
    static func checkReplaceable(_ target: OutputPath) throws {
        let fm = FileManager.default
        let top = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
        if top.isEmpty { return }
        guard let text = try? String(contentsOfFile: target.path + "/" + marker, encoding: .utf8) else {
            throw Failure(description: "refusing to replace \(target.path): it is a folder gradviz did not write "
                + "(it has no \(marker)); choose another folder, or empty or remove this one")
        }
        let listed = Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
        var foreign: [String] = []
        for path in subpaths(of: target.path) where path != marker && !listed.contains(path) {
            foreign.append(path)
            if foreign.count == 3 { break }
        }
        if !foreign.isEmpty {
            throw Failure(description: "refusing to replace \(target.path): it holds files gradviz did not write ("
                + foreign.joined(separator: ", ") + (foreign.count == 3 ? ", …" : "") + "); move them elsewhere first")
        }
    }

    /// Every path under `folder`, relative to it, without following symbolic links.
    static func subpaths(of folder: String) -> [String] {
        var out: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? [] {
                let path = relative.isEmpty ? name : relative + "/" + name
                out.append(path)
                if OutputPath.kind(atPath: folder + "/" + path) == .directory { pending.append(path) }
            }
        }
        return out.sorted()
    }

    static func writeMarker(in folder: String) throws {
        let text = ([markerHeading] + subpaths(of: folder)).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + marker))
    }

    private static func resolve(_ url: URL) throws -> OutputPath {
        let target: OutputPath
        do {
            target = try OutputPath.resolve(url.path)
        } catch let e as OutputPath.Failure {
            throw Failure(description: "cannot write \(url.path): \(e.description)")
        }
        guard OutputPath.kind(atPath: target.parent) == .directory else {
            throw Failure(description: "cannot write \(target.path): the folder \(target.parent) does not exist")
        }
        return target
    }

    /// The operating system's words for a file error (`Permission denied`).
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}

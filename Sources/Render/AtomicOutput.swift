import Foundation

/// Replaces an output folder or file all at once: the new content is built in a
/// hidden sibling, then swapped in by rename; on any failure the sibling is
/// removed and what was there before stays untouched.
enum AtomicOutput {
    struct Failure: Error, CustomStringConvertible, Equatable {
        var description: String
    }

    /// Marks a folder as gradviz output, so a later run may replace it.
    static let marker = "manifest.json"

    /// Builds `dir` anew with `build` (given the temporary folder to fill), then swaps it in.
    ///
    /// An existing `dir` is replaced only if it is empty or holds gradviz output
    /// (a `manifest.json`); the parent folder must exist.
    static func replaceDirectory(_ dir: URL, build: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let target = dir.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(description: "cannot write \(target.path): the folder \(parent.path) does not exist")
        }
        if fm.fileExists(atPath: target.path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw Failure(description: "cannot write \(target.path): it exists and is not a folder")
            }
            let contents = try fm.contentsOfDirectory(atPath: target.path)
            if !contents.isEmpty && !contents.contains(marker) {
                throw Failure(description: "refusing to replace \(target.path): it is not empty and holds no gradviz output (\(marker))")
            }
        }
        let name = target.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let temp = parent.appendingPathComponent(".\(name).gradviz-new-\(pid)")
        let old = parent.appendingPathComponent(".\(name).gradviz-old-\(pid)")
        try? fm.removeItem(at: temp)
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
        } catch {
            throw Failure(description: "cannot write \(target.path): \(reason(error))")
        }
        do {
            try build(temp)
        } catch let error as CocoaError {
            try? fm.removeItem(at: temp)
            throw Failure(description: "cannot write \(target.path): \(reason(error))")
        } catch {
            try? fm.removeItem(at: temp)
            throw error
        }
        if fm.fileExists(atPath: target.path) {
            try? fm.removeItem(at: old)
            do {
                try fm.moveItem(at: target, to: old)
            } catch {
                try? fm.removeItem(at: temp)
                throw Failure(description: "cannot replace \(target.path): \(reason(error))")
            }
            do {
                try fm.moveItem(at: temp, to: target)
            } catch {
                try? fm.moveItem(at: old, to: target)
                try? fm.removeItem(at: temp)
                throw Failure(description: "cannot replace \(target.path): \(reason(error))")
            }
            try? fm.removeItem(at: old)
        } else {
            do {
                try fm.moveItem(at: temp, to: target)
            } catch {
                try? fm.removeItem(at: temp)
                throw Failure(description: "cannot write \(target.path): \(reason(error))")
            }
        }
    }

    /// Writes `data` to a hidden sibling of `file`, then renames it over `file`.
    static func replaceFile(_ file: URL, data: Data) throws {
        let target = file.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(description: "cannot write \(target.path): the folder \(parent.path) does not exist")
        }
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDir), isDir.boolValue {
            throw Failure(description: "cannot write \(target.path): it is a folder")
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let temp = parent.appendingPathComponent(".\(target.lastPathComponent).gradviz-new-\(pid)")
        do {
            try data.write(to: temp)
            guard rename(temp.path, target.path) == 0 else {
                throw Failure(description: "cannot write \(target.path): \(String(cString: strerror(errno)))")
            }
        } catch let error as Failure {
            try? FileManager.default.removeItem(at: temp)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw Failure(description: "cannot write \(target.path): \(reason(error))")
        }
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

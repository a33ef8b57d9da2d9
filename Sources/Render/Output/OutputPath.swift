#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A destination named on the command line, resolved the way the kernel resolves it:
/// `link/../out` is `out` beside what `link` points to, not beside `link`; a symbolic
/// link at the end is followed to the file it names, as `open()` follows it.
///
/// The folder part is resolved by `realpath` as far as it exists; the rest (folders
/// still to be created) is plain names, so the result is absolute and free of
/// symbolic links, `.` and `..`.
public struct OutputPath: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The absolute folder that holds the destination.
    public let parent: String
    /// The destination's name in `parent`.
    public let name: String

    /// What is at a path now.
    public enum Kind: Equatable, Sendable {
        case missing, regularFile, directory, characterDevice, fifo, socket, blockDevice, symbolicLink, other
    }

    /// A resolution failure, worded as the operating system words it.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The absolute path.
    public var path: String { parent == "/" ? "/" + name : parent + "/" + name }
    public var description: String { path }

    /// The most symbolic links followed at the end of a path, as Linux's `MAXSYMLINKS`.
    static let maxLinks = 40

    init(parent: String, name: String) {
        self.parent = parent
        self.name = name
    }

    /// Resolves `raw` (relative to the current folder) without creating anything.
    public static func resolve(_ raw: String) throws -> OutputPath {
        guard !raw.isEmpty else { throw Failure(description: "[Errno 2] No such file or directory: ''") }
        var current = raw
        for _ in 0..<maxLinks {
            let (folder, last) = split(current)
            if last == "." || last == ".." || last.isEmpty {
                // `out/..`, `.`, `/`: the folder itself, which must exist.
                let real = try realPath(current)
                guard real != "/" else { throw Failure(description: "cannot write to the root folder /") }
                let (p, n) = split(real)
                return OutputPath(parent: p.isEmpty ? "/" : p, name: n)
            }
            let parent = try existingPrefixResolved(folder)
            let candidate = OutputPath(parent: parent, name: last)
            guard candidate.kind == .symbolicLink, let target = readLink(candidate.path) else { return candidate }
            current = target.hasPrefix("/") ? target : candidate.parent + "/" + target
        }
        throw Failure(description: "[Errno 40] Too many levels of symbolic links: '\(raw)'")
    }

    /// What is at the path now (a symbolic link is reported as one, not followed).
    public var kind: Kind { OutputPath.kind(atPath: path) }

    static func kind(atPath path: String) -> Kind {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .directory
        case S_IFCHR: return .characterDevice
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFBLK: return .blockDevice
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Whether `other` is this path or lies inside it.
    public func contains(_ other: OutputPath) -> Bool {
        other.path == path || other.path.hasPrefix(path == "/" ? "/" : path + "/")
    }

    /// Creates the missing folders of `parent`, as `mkdir -p`.
    public func createParent() throws {
        var prefix = ""
        for component in parent.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
                throw Failure(description: "cannot create the folder \(prefix): \(OutputPath.reason(errno))")
            }
        }
    }

    /// The folder part (textual, unresolved) and the last name of `path`, trailing slashes ignored.
    static func split(_ path: String) -> (folder: String, last: String) {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        if p == "/" { return ("/", "") }
        guard let slash = p.lastIndex(of: "/") else { return (".", String(p)) }
        let folder = p[..<slash]
        return (folder.isEmpty ? "/" : String(folder), String(p[p.index(after: slash)...]))
    }

    /// `folder` resolved by `realpath` as far as it exists; the missing rest appended as names
    /// (a folder that does not exist yet cannot be a link, so `..` after it is textual).
    static func existingPrefixResolved(_ folder: String) throws -> String {
        if let real = try? realPath(folder) {
            guard kind(atPath: real) == .directory else {
                throw Failure(description: "[Errno 20] Not a directory: '\(folder)'")
            }
            return real
        }
        var missing: [String] = []
        var rest = folder
        while true {
            let (up, last) = split(rest)
            missing.insert(last, at: 0)
            if let real = try? realPath(up) {
                guard kind(atPath: real) == .directory else { throw Failure(description: "[Errno 20] Not a directory: '\(up)'") }
                var parts = real == "/" ? [] : real.split(separator: "/").map(String.init)
                for name in missing where name != "." && !name.isEmpty {
                    if name == ".." {
                        if !parts.isEmpty { parts.removeLast() }
                    } else {
                        parts.append(name)
                    }
                }
                return "/" + parts.joined(separator: "/")
            }
            guard up != rest, up != "/", up != "." else {
                throw Failure(description: "[Errno 2] No such file or directory: '\(folder)'")
            }
            rest = up
        }
    }

    static func realPath(_ path: String) throws -> String {
        guard let p = realpath(path, nil) else {
            throw Failure(description: "\(reason(errno)): '\(path)'")
        }
        defer { free(p) }
        return String(cString: p)
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `[Errno 2] No such file or directory`, as Python words an OSError.
    static func reason(_ code: Int32) -> String {
        "[Errno \(code)] \(String(cString: strerror(code)))"
    }
}

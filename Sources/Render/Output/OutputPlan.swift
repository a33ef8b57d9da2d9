#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files and folders one run is asked to write, checked before anything is drawn:
/// no two name the same path, none lies inside an output folder (which is replaced as
/// a whole), and none is an input or holds one, so a lesson never overwrites itself.
public struct OutputPlan: Sendable {
    /// One requested output: the option that named it and where it resolves to.
    public struct Output: Equatable, Sendable {
        public var option: String
        public var path: OutputPath
        /// A folder of frames (replaced as a whole), not a single file.
        public var isFolder: Bool
    }

    /// A conflict between the outputs and the inputs, worded for the command line.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public let outputs: [Output]

    /// Resolves each `(option, path, isFolder)` through the filesystem (`OutputPath`).
    public init(_ requested: [(option: String, path: String, isFolder: Bool)]) throws {
        outputs = try requested.map { r in
            do {
                return Output(option: r.option, path: try OutputPath.resolve(r.path), isFolder: r.isFolder)
            } catch let e as OutputPath.Failure {
                throw Failure(description: "cannot write \(r.option) '\(r.path)': \(e.description)")
            }
        }
    }

    /// Throws when two outputs clash or an output would overwrite one of `inputs` (paths of files read).
    public func check(inputs: [String]) throws {
        for (i, a) in outputs.enumerated() {
            for b in outputs[(i + 1)...] {
                // Devices such as /dev/null may take several outputs: each is written into, never replaced.
                let device = [.characterDevice, .fifo].contains(a.path.kind)
                if !device && (a.path == b.path || sameFile(a.path.path, b.path.path)) {
                    throw Failure(description: "\(a.option) and \(b.option) both name \(a.path.path); give each its own path")
                }
                for (outer, inner) in [(a, b), (b, a)] where outer.isFolder && outer.path.contains(inner.path) {
                    throw Failure(description: "\(inner.option) \(inner.path.path) lies inside the \(outer.option) folder "
                        + "\(outer.path.path), which is replaced as a whole; write it elsewhere")
                }
            }
        }
        for input in inputs {
            guard let real = try? OutputPath.resolve(input), [.regularFile, .directory].contains(real.kind) else { continue }
            for out in outputs {
                if out.path == real || sameFile(out.path.path, real.path) {
                    throw Failure(description: "refusing to write \(out.option) to \(out.path.path): it is the lesson being run")
                }
                if out.isFolder && out.path.contains(real) {
                    throw Failure(description: "refusing to replace the \(out.option) folder \(out.path.path): "
                        + "it holds the lesson \(real.path)")
                }
            }
        }
        for out in outputs {
            try checkDestination(out)
        }
    }

    /// What is at an output's path now must be something gradviz may replace or write into.
    private func checkDestination(_ out: Output) throws {
        let kind = out.path.kind
        if out.isFolder {
            guard kind == .missing || kind == .directory else {
                throw Failure(description: "cannot write \(out.option) \(out.path.path): it exists and is not a folder")
            }
            if kind == .directory {
                do {
                    try AtomicOutput.checkReplaceable(out.path)
                } catch let e as AtomicOutput.Failure {
                    throw Failure(description: e.description)
                }
            }
            return
        }
        switch kind {
        case .missing, .regularFile, .characterDevice, .fifo: return
        case .directory: throw Failure(description: "cannot write \(out.option) \(out.path.path): [Errno 21] Is a directory")
        default: throw Failure(description: "cannot write \(out.option) \(out.path.path): it is neither a regular file, a character device nor a pipe")
        }
    }

    /// Creates the missing folders that will hold the outputs.
    public func createParents() throws {
        for out in outputs {
            do {
                try out.path.createParent()
            } catch let e as OutputPath.Failure {
                throw Failure(description: e.description)
            }
        }
    }

    /// Whether two existing paths are one file (hard links, bind mounts).
    private func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        let kind = sa.st_mode & S_IFMT
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && (kind == S_IFREG || kind == S_IFDIR)
    }
}

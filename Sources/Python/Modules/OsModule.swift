import Foundation

/// The `os` module's read-only basics: `os.path`, `os.environ`, `os.getcwd`, `os.sep`.
extension Interpreter {
    func makeOsModule() throws -> PyModuleObject {
        let m = PyModuleObject(name: "os")
        let path = makeOsPathModule()
        modules["os.path"] = path
        m.set("path", .object(path))
        m.set([("sep", .str("/")), ("linesep", .str("\n")), ("name", .str("posix")), ("curdir", .str(".")),
               ("pardir", .str("..")), ("extsep", .str(".")), ("pathsep", .str(":")), ("devnull", .str("/dev/null"))])
        let environ = PyDict()
        for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) { try environ.set(.str(k), .str(v)) }
        m.set("environ", .dict(environ))
        func define(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            m.set(name, .object(PyBuiltinFunction(name: name, body)))
        }
        define("getcwd") { args, _ in
            try Interpreter.expectArgs(args, "getcwd", min: 0, max: 0)
            return .str(FileManager.default.currentDirectoryPath)
        }
        define("getenv") { args, _ in
            let b = try args.bind(PySignature.cached("getenv(key, default=None)"))
            return try environ.get(b[0]) ?? b[1]
        }
        define("cpu_count") { _, _ in .int(ProcessInfo.processInfo.activeProcessorCount) }
        define("getpid") { _, _ in .int(Int(getpid())) }
        define("fspath") { args, _ in
            let b = try args.bind(PySignature.cached("fspath(path)"))
            guard case .str = b[0] else {
                throw PyException(.typeError, "expected str, bytes or os.PathLike object, not \(b[0].typeName)")
            }
            return b[0]
        }
        define("listdir") { args, interp in
            let b = try args.bind(PySignature.cached("listdir(path=None)"))
            let dir = b[0].isNone ? "." : try Interpreter.pathArgument(b[0], "listdir")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
                throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Interpreter.quote(dir))")
            }
            return .list(PyList(names.map { .str($0) }))
        }
        for name in ["makedirs", "mkdir", "remove", "unlink", "rmdir", "rename", "chdir", "system"] {
            define(name) { _, interp in throw UnsupportedFeature("os.\(name)", line: interp.currentLine) }
        }
        return m
    }

    static func pathArgument(_ v: PyValue, _ function: String) throws -> String {
        guard case .str(let s) = v else {
            throw PyException(.typeError, "\(function): path should be string, bytes or os.PathLike, not \(v.typeName)")
        }
        return s
    }

    /// `os.path` with POSIX semantics (`posixpath`).
    func makeOsPathModule() -> PyModuleObject {
        let m = PyModuleObject(name: "posixpath")
        func define(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            m.set(name, .object(PyBuiltinFunction(name: name, body)))
        }
        func text(_ v: PyValue, _ function: String) throws -> String {
            guard case .str(let s) = v else {
                throw PyException(.typeError, "expected str, bytes or os.PathLike object, not \(v.typeName)")
            }
            return s
        }
        m.set("sep", .str("/"))
        define("join") { args, _ in
            guard let first = args.positional.first else {
                throw PyException(.typeError, "join() missing 1 required positional argument: 'a'")
            }
            var result = try text(first, "join")
            for part in args.positional.dropFirst() {
                let p = try text(part, "join")
                if p.hasPrefix("/") {
                    result = p
                } else if result.isEmpty || result.hasSuffix("/") {
                    result += p
                } else {
                    result += "/" + p
                }
            }
            return .str(result)
        }
        define("split") { args, _ in
            try Interpreter.expectArgs(args, "split", min: 1, max: 1)
            let (head, tail) = PosixPath.split(try text(args.positional[0], "split"))
            return .tuple([.str(head), .str(tail)])
        }
        define("basename") { args, _ in
            try Interpreter.expectArgs(args, "basename", min: 1, max: 1)
            return .str(PosixPath.split(try text(args.positional[0], "basename")).tail)
        }
        define("dirname") { args, _ in
            try Interpreter.expectArgs(args, "dirname", min: 1, max: 1)
            return .str(PosixPath.split(try text(args.positional[0], "dirname")).head)
        }
        define("splitext") { args, _ in
            try Interpreter.expectArgs(args, "splitext", min: 1, max: 1)
            let (root, ext) = PosixPath.splitext(try text(args.positional[0], "splitext"))
            return .tuple([.str(root), .str(ext)])
        }
        define("normpath") { args, _ in
            try Interpreter.expectArgs(args, "normpath", min: 1, max: 1)
            return .str(PosixPath.normalize(try text(args.positional[0], "normpath")))
        }
        define("abspath") { args, _ in
            try Interpreter.expectArgs(args, "abspath", min: 1, max: 1)
            let p = try text(args.positional[0], "abspath")
            return .str(PosixPath.normalize(p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p))
        }
        define("isabs") { args, _ in
            try Interpreter.expectArgs(args, "isabs", min: 1, max: 1)
            return .bool(try text(args.positional[0], "isabs").hasPrefix("/"))
        }
        define("expanduser") { args, _ in
            try Interpreter.expectArgs(args, "expanduser", min: 1, max: 1)
            let p = try text(args.positional[0], "expanduser")
            guard p == "~" || p.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return .str(p) }
            let rest = p.dropFirst()
            return .str(home.hasSuffix("/") && rest.hasPrefix("/") ? home + rest.dropFirst() : home + rest)
        }
        for (name, test) in [("exists", { (isDir: Bool) in true }), ("isdir", { $0 }), ("isfile", { !$0 })] {
            define(name) { args, _ in
                try Interpreter.expectArgs(args, name, min: 1, max: 1)
                guard case .str(let p) = args.positional[0] else { return .bool(false) }
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else { return .bool(false) }
                return .bool(test(isDir.boolValue))
            }
        }
        define("getsize") { args, _ in
            try Interpreter.expectArgs(args, "getsize", min: 1, max: 1)
            let p = try text(args.positional[0], "getsize")
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: p),
                  let size = attributes[.size] as? NSNumber else {
                throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Interpreter.quote(p))")
            }
            return .int(size.intValue)
        }
        return m
    }
}

/// Path arithmetic as Python's `posixpath` does it.
enum PosixPath {
    /// `(head, tail)`: tail after the last slash; head without trailing slashes unless it is all slashes.
    static func split(_ p: String) -> (head: String, tail: String) {
        guard let slash = p.lastIndex(of: "/") else { return ("", p) }
        var head = String(p[...slash])
        let tail = String(p[p.index(after: slash)...])
        if !head.allSatisfy({ $0 == "/" }) {
            while head.hasSuffix("/") { head.removeLast() }
        }
        return (head, tail)
    }

    /// `(root, ext)`: the extension starts at the last dot of the last component, unless the
    /// component starts with dots only before it.
    static func splitext(_ p: String) -> (root: String, ext: String) {
        let chars = Array(p)
        guard let dot = chars.lastIndex(of: ".") else { return (p, "") }
        let slash = chars.lastIndex(of: "/") ?? -1
        if dot < slash { return (p, "") }
        var i = slash + 1
        while i < dot {
            if chars[i] != "." { return (String(chars[..<dot]), String(chars[dot...])) }
            i += 1
        }
        return (p, "")
    }

    /// `normpath`: collapses `//`, `.` and `dir/..`.
    static func normalize(_ p: String) -> String {
        if p.isEmpty { return "." }
        let initialSlashes = p.hasPrefix("//") && !p.hasPrefix("///") ? 2 : (p.hasPrefix("/") ? 1 : 0)
        var parts: [Substring] = []
        for component in p.split(separator: "/") where component != "." {
            if component != ".." || (initialSlashes == 0 && parts.isEmpty) || parts.last == ".." {
                parts.append(component)
            } else if !parts.isEmpty {
                parts.removeLast()
            }
        }
        let joined = String(repeating: "/", count: initialSlashes) + parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}

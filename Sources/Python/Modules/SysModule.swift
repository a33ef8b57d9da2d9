/// The `sys` module: the Python version gradviz follows, `argv`, `exit`, the standard streams,
/// `maxsize`, `float_info` and the recursion limit.
extension Interpreter {
    /// The CPython release whose behaviour gradviz reproduces.
    static let pythonVersion = (major: 3, minor: 11, micro: 7)

    /// The deepest Python recursion the interpreter's stack holds, whatever
    /// `sys.setrecursionlimit` asks for.
    static let maximumRecursionLimit = 20_000

    func makeSysModule() throws -> PyModuleObject {
        let m = PyModuleObject(name: "sys")
        let v = Interpreter.pythonVersion
        m.set("version", .str("\(v.major).\(v.minor).\(v.micro) (main) [gradviz]"))
        m.set("version_info", try structSequence("sys.version_info", ["major", "minor", "micro", "releaselevel", "serial"],
                                                 [.int(v.major), .int(v.minor), .int(v.micro), .str("final"), .int(0)]))
        m.set("hexversion", .int(v.major << 24 | v.minor << 16 | v.micro << 8 | 0xf0))
        m.set("implementation", try structSequence("namespace", ["name", "cache_tag"], [.str("cpython"), .none]))
        m.set("float_info", try structSequence(
            "sys.float_info",
            ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
            [.float(.greatestFiniteMagnitude), .int(1024), .int(308), .float(.leastNormalMagnitude), .int(-1021), .int(-307),
             .int(15), .int(53), .float(.ulpOfOne), .int(2), .int(1)]))
        m.set("argv", .list(PyList(argv.map { .str($0) })))
        m.set("maxsize", .int(Int.max))
        m.set("platform", .str("linux"))
        m.set("byteorder", .str("little"))
        m.set("executable", .str("/usr/bin/python3"))
        m.set("path", .list(PyList([.str("")])))
        m.set("stdout", .object(PyTextStream(name: "<stdout>", isError: false)))
        m.set("stderr", .object(PyTextStream(name: "<stderr>", isError: true)))
        m.set("modules", .dict(PyDict()))
        func define(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            m.set(name, .object(PyBuiltinFunction(name: name, body)))
        }
        define("exit") { args, _ in
            try Interpreter.expectArgs(args, "exit", min: 0, max: 1)
            throw PyException(.systemExit, args: args.positional)
        }
        define("getrecursionlimit") { args, interp in
            try Interpreter.expectArgs(args, "getrecursionlimit", min: 0, max: 0)
            return .int(interp.requestedRecursionLimit ?? interp.recursionLimit)
        }
        define("setrecursionlimit") { args, interp in
            try Interpreter.expectArgs(args, "setrecursionlimit", min: 1, max: 1)
            guard case .int(let n) = args.positional[0] else {
                throw PyException(.typeError, "'\(args.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            if n < 1 { throw PyException(.valueError, "recursion limit must be greater or equal than 1") }
            if n <= interp.frames.count {
                throw PyException(.recursionError, "cannot set the recursion limit to \(n) at the recursion depth \(interp.frames.count): the limit is too low")
            }
            interp.requestedRecursionLimit = n
            interp.recursionLimit = min(n, Interpreter.maximumRecursionLimit)
            return .none
        }
        define("getsizeof") { args, interp in
            throw UnsupportedFeature("sys.getsizeof", line: interp.currentLine)
        }
        return m
    }

    /// A struct sequence such as `sys.version_info`: a named tuple printed with its full name.
    func structSequence(_ name: String, _ fields: [String], _ values: [PyValue]) throws -> PyValue {
        let shortName = String(name.split(separator: ".").last ?? Substring(name))
        let cls = try makeNamedTuple(PyArgs([.str(shortName), .list(PyList(fields.map { .str($0) }))],
                                            keywords: [("module", .str("sys"))]))
        guard case .object(let c as PyClass) = cls, case .object(let t as PyNamedTuple) = try call(cls, values) else {
            return .tuple(values)
        }
        return .object(PyNamedTuple(cls: c, values: t.values, layout: t.layout, reprName: name))
    }
}

/// `sys.stdout` and `sys.stderr`: text streams whose `write` goes where `print` goes.
final class PyTextStream: NativeObject {
    let name: String
    let isError: Bool

    init(name: String, isError: Bool) {
        self.name = name
        self.isError = isError
    }

    override var typeName: String { "TextIOWrapper" }

    /// Writes `text` to the stream.
    func write(_ text: String, _ interp: Interpreter) {
        if isError { interp.writeError(text) } else { interp.write(text) }
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        let receiver = PyValue.object(self)
        switch name {
        case "write":
            return .object(PyBuiltinFunction(name: "write", boundTo: receiver) { args, interp in
                try Interpreter.expectArgs(args, "write", min: 1, max: 1)
                guard case .str(let s) = args.positional[0] else {
                    throw PyException(.typeError, "write() argument must be str, not \(args.positional[0].typeName)")
                }
                self.write(s, interp)
                return .int(s.unicodeScalars.count)
            })
        case "flush":
            return .object(PyBuiltinFunction(name: "flush", boundTo: receiver) { _, _ in .none })
        case "isatty":
            return .object(PyBuiltinFunction(name: "isatty", boundTo: receiver) { _, _ in .bool(false) })
        case "encoding": return .str("utf-8")
        case "name": return .str(self.name)
        default: return nil
        }
    }

    override func repr(interp: Interpreter) throws -> String? {
        "<_io.TextIOWrapper name='\(name)' mode='w' encoding='utf-8'>"
    }
}

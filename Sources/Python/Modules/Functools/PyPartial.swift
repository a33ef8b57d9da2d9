/// `functools.partial(func, *args, **keywords)`: a callable with some arguments fixed.
final class PyPartial: NativeObject {
    let function: PyValue
    let arguments: [PyValue]
    let keywords: [(name: String, value: PyValue)]

    init(function: PyValue, arguments: [PyValue], keywords: [(name: String, value: PyValue)]) {
        self.function = function
        self.arguments = arguments
        self.keywords = keywords
    }

    /// `functools.partial`; a partial of a partial is flattened, as CPython does.
    static let type = NativeType("partial", module: "functools") { _, args, interp in
        guard let first = args.positional.first else {
            throw PyException(.typeError, "type 'partial' takes at least one argument")
        }
        guard try interp.isCallable(first) else { throw PyException(.typeError, "the first argument must be callable") }
        var function = first
        var arguments = Array(args.positional.dropFirst())
        var keywords = args.keywords
        if case .object(let inner as PyPartial) = first {
            function = inner.function
            arguments = inner.arguments + arguments
            var merged = inner.keywords
            for (k, v) in keywords {
                if let i = merged.firstIndex(where: { $0.name == k }) { merged[i].value = v } else { merged.append((k, v)) }
            }
            keywords = merged
        }
        return .object(PyPartial(function: function, arguments: arguments, keywords: keywords))
    }

    override var typeName: String { "partial" }

    override var nativeClass: NativeClass? { PyPartial.type }

    override var isCallable: Bool { true }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        var keywords = self.keywords
        for (k, v) in args.keywords {
            if let i = keywords.firstIndex(where: { $0.name == k }) { keywords[i].value = v } else { keywords.append((k, v)) }
        }
        return try interp.call(function, PyArgs(arguments + args.positional, keywords: keywords))
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "func": return function
        case "args": return .tuple(arguments)
        case "keywords": return .dict(PyDict(keywords.map { ($0.name, $0.value) }))
        default: return nil
        }
    }

    override func repr(interp: Interpreter) throws -> String? {
        var parts = [try interp.repr(function)]
        parts += try arguments.map { try interp.repr($0) }
        parts += try keywords.map { "\($0.name)=\(try interp.repr($0.value))" }
        return "functools.partial(\(parts.joined(separator: ", ")))"
    }
}

/// `operator.itemgetter`, `operator.attrgetter` and `operator.methodcaller`: callables that
/// fetch items or (dotted) attributes of their argument, or call one of its methods.
final class OperatorGetter: NativeObject, NativeTyped {
    enum Kind {
        case items([PyValue])
        /// Each attribute path split at its dots.
        case attributes([[String]], names: [String])
        case method(String, PyArgs)
    }

    let kind: Kind
    let nativeType: NativeType

    init(_ kind: Kind, type: NativeType) {
        self.kind = kind
        self.nativeType = type
    }

    static let itemgetterType = NativeType("itemgetter", module: "operator") { type, args, _ in
        if !args.keywords.isEmpty { throw PyException(.typeError, "itemgetter() takes no keyword arguments") }
        if args.positional.isEmpty { throw PyException(.typeError, "itemgetter expected 1 argument, got 0") }
        return .object(OperatorGetter(.items(args.positional), type: type))
    }

    static let attrgetterType = NativeType("attrgetter", module: "operator") { type, args, _ in
        if !args.keywords.isEmpty { throw PyException(.typeError, "attrgetter() takes no keyword arguments") }
        if args.positional.isEmpty { throw PyException(.typeError, "attrgetter expected 1 argument, got 0") }
        var names: [String] = []
        for a in args.positional {
            guard case .str(let s) = a else { throw PyException(.typeError, "attribute name must be a string") }
            names.append(s)
        }
        return .object(OperatorGetter(.attributes(names.map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }, names: names), type: type))
    }

    static let methodcallerType = NativeType("methodcaller", module: "operator") { type, args, _ in
        guard let first = args.positional.first else {
            throw PyException(.typeError, "methodcaller needs at least one argument, the method name")
        }
        guard case .str(let name) = first else { throw PyException(.typeError, "method name must be a string") }
        return .object(OperatorGetter(.method(name, PyArgs(Array(args.positional.dropFirst()), keywords: args.keywords)), type: type))
    }

    override var typeName: String { nativeType.name }

    override var nativeClass: NativeClass? { nativeType }

    override var isCallable: Bool { true }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        if !args.keywords.isEmpty { throw PyException(.typeError, "\(nativeType.name)() takes no keyword arguments") }
        guard args.positional.count == 1 else {
            throw PyException(.typeError, "\(nativeType.name) expected 1 argument, got \(args.positional.count)")
        }
        let target = args.positional[0]
        switch kind {
        case .items(let keys):
            if keys.count == 1 { return try interp.getItem(target, keys[0]) }
            return .tuple(try keys.map { try interp.getItem(target, $0) })
        case .attributes(let paths, _):
            func resolve(_ path: [String]) throws -> PyValue {
                var v = target
                for part in path { v = try interp.getAttribute(v, part) }
                return v
            }
            if paths.count == 1 { return try resolve(paths[0]) }
            return .tuple(try paths.map(resolve))
        case .method(let name, let callArgs):
            return try interp.call(try interp.getAttribute(target, name), callArgs)
        }
    }

    override func repr(interp: Interpreter) throws -> String? {
        let inner: String
        switch kind {
        case .items(let keys): inner = try keys.map { try interp.repr($0) }.joined(separator: ", ")
        case .attributes(_, let names): inner = try names.map { try interp.repr(.str($0)) }.joined(separator: ", ")
        case .method(let name, let args):
            inner = try ([try interp.repr(.str(name))] + args.positional.map { try interp.repr($0) }
                + args.keywords.map { "\($0.name)=\(try interp.repr($0.value))" }).joined(separator: ", ")
        }
        return "operator.\(nativeType.name)(\(inner))"
    }
}

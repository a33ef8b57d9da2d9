/// What a ``PyDict`` is: a plain `dict` or one of the dict subclasses of `collections`.
public enum DictKind {
    case dict
    /// `collections.OrderedDict`: order matters for equality; `move_to_end`, `popitem(last=)`.
    case ordered
    /// `collections.defaultdict`: a missing key is filled in by calling the factory (None: KeyError).
    case defaultDict(factory: PyValue)
    /// `collections.Counter`: a missing key counts 0.
    case counter

    /// `type(d).__name__`.
    public var typeName: String {
        switch self {
        case .dict: return "dict"
        case .ordered: return "OrderedDict"
        case .defaultDict: return "defaultdict"
        case .counter: return "Counter"
        }
    }
}

extension PyClass {
    /// `collections.OrderedDict`.
    static let orderedDict = PyClass.collectionsDict("OrderedDict", .ordered)
    /// `collections.defaultdict`.
    static let defaultDict = PyClass.collectionsDict("defaultdict", .defaultDict(factory: .none))
    /// `collections.Counter`.
    static let counter = PyClass.collectionsDict("Counter", .counter)

    private static func collectionsDict(_ name: String, _ kind: DictKind) -> PyClass {
        let cls = PyClass(builtin: name, base: .dict, kind: .dict, module: "collections")
        cls.constructor = { _, args, interp in try interp.makeCollectionsDict(kind, args) }
        return cls
    }

    /// The class of a dict of `kind`.
    static func dictClass(_ kind: DictKind) -> PyClass {
        switch kind {
        case .dict: return .dict
        case .ordered: return .orderedDict
        case .defaultDict: return .defaultDict
        case .counter: return .counter
        }
    }
}

/// The behaviour of the `collections` dict kinds inside the interpreter's dict operations.
extension Interpreter {
    /// `d[key]` for a key that is absent: `__missing__` of defaultdict and Counter, or KeyError.
    func missingDictItem(_ d: PyDict, _ key: PyValue) throws -> PyValue {
        switch d.kind {
        case .defaultDict(let factory) where !factory.isNone:
            let value = try call(factory, [])
            try d.set(key, value)
            return value
        case .counter:
            return .int(0)
        default:
            throw PyException.keyError(key)
        }
    }

    /// `repr(d)` for the dict kinds of `collections`.
    func dictRepr(_ d: PyDict) throws -> String {
        func plain() throws -> String {
            "{" + (try d.items.map { "\(try repr($0.key)): \(try repr($0.value))" }.joined(separator: ", ")) + "}"
        }
        switch d.kind {
        case .dict:
            return try plain()
        case .ordered:
            if d.count == 0 { return "OrderedDict()" }
            return "OrderedDict([" + (try d.items.map { try repr(.tuple([$0.key, $0.value])) }.joined(separator: ", ")) + "])"
        case .defaultDict(let factory):
            return "defaultdict(\(try repr(factory)), \(try plain()))"
        case .counter:
            if d.count == 0 { return "Counter()" }
            let items = try counterMostCommon(d)
            return "Counter({" + (try items.map { "\(try repr($0.key)): \(try repr($0.value))" }.joined(separator: ", ")) + "})"
        }
    }

    /// Constructs `OrderedDict(...)`, `defaultdict(factory, ...)` or `Counter(...)`.
    func makeCollectionsDict(_ kind: DictKind, _ args: PyArgs) throws -> PyValue {
        let d = PyDict()
        d.kind = kind
        switch kind {
        case .defaultDict:
            var rest = args
            let factory = rest.positional.isEmpty ? PyValue.none : rest.positional.removeFirst()
            if !factory.isNone, !(try isCallable(factory)) {
                throw PyException(.typeError, "first argument must be callable or None")
            }
            d.kind = .defaultDict(factory: factory)
            try fillDict(d, rest, "defaultdict")
        case .counter:
            if args.positional.count > 1 { throw PyException(.typeError, "expected at most 1 argument, got \(args.positional.count)") }
            try counterUpdate(d, args, subtract: false)
        default:
            try fillDict(d, args, kind.typeName)
        }
        return .dict(d)
    }

    private func fillDict(_ d: PyDict, _ args: PyArgs, _ name: String) throws {
        if args.positional.count > 1 {
            throw PyException(.typeError, "\(name) expected at most 1 argument, got \(args.positional.count)")
        }
        if let first = args.positional.first { try updateDict(d, from: first) }
        for (k, v) in args.keywords { try d.set(.str(k), v) }
    }
}

extension Interpreter {
    /// Methods and attributes that a dict kind of `collections` adds to or changes in `dict`.
    func collectionsDictMethod(_ d: PyDict, _ name: String) -> PyValue? {
        let receiver = PyValue.dict(d)
        switch d.kind {
        case .dict:
            return nil
        case .counter:
            if name == "fromkeys" {
                return method(name, receiver) { _, _ in
                    throw PyException(.notImplementedError, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
                }
            }
            return counterMethod(d, name)
        case .defaultDict(let factory):
            return name == "default_factory" ? factory : nil
        case .ordered:
            switch name {
            case "move_to_end":
                return method(name, receiver) { args, interp in
                    let b = try args.bind(PySignature.cached("move_to_end(key, last=True)"))
                    if try !d.move(b[0], toEnd: try interp.isTruthy(b[1])) { throw PyException.keyError(b[0]) }
                    return .none
                }
            case "popitem":
                return method(name, receiver) { args, interp in
                    let b = try args.bind(PySignature.cached("popitem(last=True)"))
                    let entry = try interp.isTruthy(b[0]) ? d.popLast() : d.popFirst()
                    guard let (k, v) = entry else { throw PyException(.keyError, "dictionary is empty") }
                    return .tuple([k, v])
                }
            default:
                return nil
            }
        }
    }
}

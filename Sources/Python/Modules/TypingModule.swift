/// The `typing` module: the special forms lessons write in annotations, printed as CPython
/// prints them (`typing.List[int]`); they do nothing at run time.
extension Interpreter {
    func makeTypingModule() -> PyModuleObject {
        let m = PyModuleObject(name: "typing")
        let aliases: [(String, String?)] = [
            ("List", "list"), ("Dict", "dict"), ("Tuple", "tuple"), ("Set", "set"), ("FrozenSet", "frozenset"),
            ("Type", "type"), ("DefaultDict", "collections.defaultdict"), ("OrderedDict", "collections.OrderedDict"),
            ("Counter", "collections.Counter"), ("Deque", "collections.deque"),
            ("Iterable", nil), ("Iterator", nil), ("Sequence", nil), ("Mapping", nil), ("MutableMapping", nil),
            ("MutableSequence", nil), ("Callable", nil), ("Generator", nil), ("Collection", nil), ("Hashable", nil),
            ("Sized", nil), ("Awaitable", nil), ("Coroutine", nil), ("AsyncIterator", nil), ("Container", nil),
        ]
        for (name, builtin) in aliases { m.set(name, .object(PyTypingForm(name: name, instantiable: builtin))) }
        for name in ["Any", "Optional", "Union", "NoReturn", "Literal", "Final", "ClassVar", "Annotated", "Never", "Self"] {
            m.set(name, .object(PyTypingForm(name: name, instantiable: nil)))
        }
        m.set("TYPE_CHECKING", .bool(false))
        func define(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            m.set(name, .object(PyBuiltinFunction(name: name, body)))
        }
        define("cast") { args, _ in
            let b = try args.bind(PySignature.cached("cast(typ, val)"))
            return b[1]
        }
        define("TypeVar") { args, _ in
            guard case .str(let name)? = args.positional.first else {
                throw PyException(.typeError, "TypeVar() missing required argument 'name' (pos 1)")
            }
            return .object(PyTypeVariable(name: name))
        }
        for name in ["overload", "final", "no_type_check", "runtime_checkable"] {
            define(name) { args, _ in
                try Interpreter.expectArgs(args, name, min: 1, max: 1)
                return args.positional[0]
            }
        }
        return m
    }

    /// How `typing` prints a type inside brackets (`int`, `collections.OrderedDict`, `...`).
    func typeReprForTyping(_ v: PyValue) throws -> String {
        switch v {
        case .none: return "None"
        case .list(let l): return "[" + (try l.items.map { try typeReprForTyping($0) }.joined(separator: ", ")) + "]"
        case .object(let c as PyClass):
            if c === PyClass.noneType { return "None" }
            return c.moduleName == "builtins" ? c.name : "\(c.moduleName).\(c.name)"
        case .object(is PyEllipsisType): return "..."
        case .object(let f as PyFunction): return f.name
        default: return try repr(v)
        }
    }
}

/// A special form or generic alias of `typing` (`List`, `Optional[int]`).
final class PyTypingForm: NativeObject {
    let name: String
    /// The builtin class that `List()` and friends point to in their error.
    let instantiable: String?
    /// The subscript, once subscripted.
    let parameters: [PyValue]?

    init(name: String, instantiable: String?, parameters: [PyValue]? = nil) {
        self.name = name
        self.instantiable = instantiable
        self.parameters = parameters
    }

    override var typeName: String { parameters == nil ? "_SpecialForm" : "_GenericAlias" }

    override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        if parameters != nil { throw PyException(.typeError, "typing.\(name)[...] cannot be subscripted again") }
        var items: [PyValue]
        if case .tuple(let t) = key { items = t } else { items = [key] }
        if name == "Optional" {
            if items.count != 1 { throw PyException(.typeError, "typing.Optional requires a single type.") }
            if items[0].isNone { return .object(PyClass.noneType) }
        }
        if name == "Union" {
            var unique: [PyValue] = []
            for item in items where !unique.contains(where: { $0.isIdentical(to: item) }) { unique.append(item) }
            if unique.count == 1 { return unique[0] }
            if unique.count == 2, let none = unique.firstIndex(where: \.isNone) {
                return .object(PyTypingForm(name: "Optional", instantiable: nil, parameters: [unique[1 - none]]))
            }
            items = unique
        }
        return .object(PyTypingForm(name: name, instantiable: instantiable, parameters: items))
    }

    override var isCallable: Bool { true }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        if let builtin = instantiable {
            throw PyException(.typeError, "Type \(name) cannot be instantiated; use \(builtin)() instead")
        }
        throw PyException(.typeError, "Cannot instantiate typing.\(name)")
    }

    override func repr(interp: Interpreter) throws -> String? {
        guard let parameters else { return "typing.\(name)" }
        if parameters.isEmpty { return "typing.\(name)[()]" }
        return "typing.\(name)[" + (try parameters.map { try interp.typeReprForTyping($0) }.joined(separator: ", ")) + "]"
    }
}

/// `typing.TypeVar('T')`, printed `~T`.
final class PyTypeVariable: NativeObject {
    let name: String

    init(name: String) {
        self.name = name
    }

    override var typeName: String { "TypeVar" }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        name == "__name__" ? .str(self.name) : nil
    }

    override func repr(interp: Interpreter) throws -> String? { "~\(name)" }
}

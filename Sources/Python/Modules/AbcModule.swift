/// The `abc` module: `ABC` as a base class and `abstractmethod`; a class deriving from `ABC`
/// cannot be instantiated while an abstract method is left without an override.
extension Interpreter {
    func makeAbcModule() -> PyModuleObject {
        let m = PyModuleObject(name: "abc")
        let abc = PyClass(name: "ABC", base: nil, moduleName: "abc")
        abc.abstractMethods = []
        m.set("ABC", .object(abc))
        m.set("abstractmethod", .object(PyBuiltinFunction(name: "abstractmethod") { args, interp in
            try Interpreter.expectArgs(args, "abstractmethod", min: 1, max: 1)
            let f = args.positional[0]
            try interp.setAttribute(f, "__isabstractmethod__", .bool(true))
            return f
        }))
        return m
    }

    /// Computes the abstract methods of a class deriving from `abc.ABC` as `ABCMeta` does when
    /// the class is created: its own abstract definitions, and its bases' abstract methods it
    /// does not override.
    func recordAbstractMethods(_ cls: PyClass) throws {
        guard let base = cls.base, base.abstractMethods != nil else { return }
        var names = Set<String>()
        for (name, value) in cls.dict where try isAbstract(value) { names.insert(name) }
        for name in base.abstractMethods ?? [] {
            if let value = cls.lookup(name), try isAbstract(value) { names.insert(name) }
        }
        cls.abstractMethods = names.sorted()
    }

    /// CPython's TypeError for instantiating a class with abstract methods left.
    func checkAbstractMethods(_ cls: PyClass) throws {
        guard let abstract = cls.abstractMethods, !abstract.isEmpty else { return }
        throw PyException(.typeError, "Can't instantiate abstract class \(cls.name) with abstract method\(abstract.count == 1 ? "" : "s") \(abstract.joined(separator: ", "))")
    }

    private func isAbstract(_ v: PyValue) throws -> Bool {
        switch v {
        case .object(let p as PyProperty):
            for f in [p.getter, p.setter, p.deleter] where !f.isNone { if try isAbstract(f) { return true } }
            return false
        case .object(let s as PyStaticMethod): return try isAbstract(s.function)
        case .object(let c as PyClassMethod): return try isAbstract(c.function)
        case .object(let f as PyFunction):
            guard let flag = try f.attributeDict?.get(.str("__isabstractmethod__")) else { return false }
            return try isTruthy(flag)
        default: return false
        }
    }
}

/// A class of a standard-library module written in Swift (`itertools.chain`,
/// `collections.deque`): calling it constructs an instance (the constructor is given the class
/// itself, for the instances to point back to); it prints as `<class 'module.name'>`.
final class NativeType: NativeClass {
    /// The module that defines the class.
    let module: String
    private let construct: (NativeType, PyArgs, Interpreter) throws -> PyValue
    /// Class attributes (`chain.from_iterable`).
    var classAttributes: [String: PyValue] = [:]

    init(_ name: String, module: String, _ construct: @escaping (NativeType, PyArgs, Interpreter) throws -> PyValue) {
        self.module = module
        self.construct = construct
        super.init(name: name)
    }

    override var qualifiedName: String { "\(module).\(name)" }

    override var isCallable: Bool { true }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        try construct(self, args, interp)
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "__name__", "__qualname__": return .str(self.name)
        case "__module__": return .str(module)
        default: return classAttributes[name]
        }
    }

    override func isInstance(_ value: PyValue) -> Bool {
        guard case .object(let o) = value, let typed = o as? NativeTyped else { return false }
        return typed.nativeType === self
    }
}

/// An object whose class is a ``NativeType``.
protocol NativeTyped: AnyObject {
    var nativeType: NativeType { get }
}

/// A lazy iterator of a standard-library module (`itertools.islice`, `itertools.groupby`),
/// driven by a Swift closure.
final class ModuleIterator: PyIterator, NativeTyped {
    let nativeType: NativeType
    private let body: (Interpreter) throws -> PyValue?
    private let describe: ((Interpreter) throws -> String)?

    /// An iterator of class `type`; `repr` replaces `<module.name object at 0x...>`.
    init(_ type: NativeType, repr: ((Interpreter) throws -> String)? = nil, _ body: @escaping (Interpreter) throws -> PyValue?) {
        self.nativeType = type
        self.body = body
        self.describe = repr
    }

    override var typeName: String { nativeType.name }

    override func next(interp: Interpreter) throws -> PyValue? { try body(interp) }

    override func pythonType(interp: Interpreter) -> PyObject? { nativeType }

    override func repr(interp: Interpreter) throws -> String? {
        if let describe { return try describe(interp) }
        return "<\(nativeType.qualifiedName) object at \(addressText)>"
    }
}

/// An instance of a class defined in Python (including exception instances).
public final class PyInstance: PyObject {
    /// `type(self)`.
    public let cls: PyClass
    /// `self.__dict__`.
    @exclusivity(unchecked) public var attributes: [String: PyValue] = [:]
    /// The attribute names in the order they were first set, as `__dict__` lists them.
    var attributeOrder: [String] = []
    /// State attached by a native base class (see ``NativeClass/initInstance(_:args:interp:)``).
    public var nativeState: AnyObject?
    /// `self.args` for exception instances.
    public var exceptionArgs: [PyValue] = []
    /// Traceback, context and cause of an exception object.
    var exceptionState = ExceptionState()

    /// `__dict__`'s items, in insertion order (names set without ``attributeOrder`` last).
    var orderedAttributes: [(String, PyValue)] {
        var result = attributeOrder.compactMap { name in attributes[name].map { (name, $0) } }
        if result.count < attributes.count {
            let listed = Set(attributeOrder)
            result += attributes.filter { !listed.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        return result
    }
    /// For NameError and AttributeError raised by the interpreter: what was looked up where,
    /// for the "Did you mean" hint of the traceback.
    var suggestionContext: SuggestionContext?

    /// Creates an instance of `cls` with an empty `__dict__`.
    public init(cls: PyClass) {
        self.cls = cls
    }

    deinit {
        guard attributes.values.contains(where: DeferredRelease.mayNest) else { return }
        var values = Array(attributes.values)
        attributes.removeAll()
        DeferredRelease.release(&values)
    }

    public override var typeName: String { cls.name }

    public override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        try interp.instanceGetAttr(self, name)
    }

    public override func setAttr(_ name: String, _ value: PyValue, interp: Interpreter) throws -> Bool {
        try interp.instanceSetAttr(self, name, value)
    }

    public override func delAttr(_ name: String, interp: Interpreter) throws -> Bool {
        try interp.instanceDelAttr(self, name)
    }

    public override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        try interp.callDunder(self, "__call__", args)
    }

    public override func binaryOp(_ op: PyBinaryOp, _ other: PyValue, reflected: Bool, interp: Interpreter) throws -> PyValue? {
        try interp.instanceBinaryOp(self, op, other, reflected: reflected)
    }

    public override func inplaceOp(_ op: PyBinaryOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        try interp.callDunderIfPresent(self, op.inplaceDunder, [other])
    }

    public override func unaryOp(_ op: PyUnaryOp, interp: Interpreter) throws -> PyValue? {
        try interp.callDunderIfPresent(self, op.dunder, [])
    }

    public override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        try interp.callDunderIfPresent(self, op.dunder, [other])
    }

    public override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        try interp.callDunderIfPresent(self, "__getitem__", [key])
    }

    public override func setItem(_ key: PyValue, _ value: PyValue, interp: Interpreter) throws -> Bool {
        try interp.callDunderIfPresent(self, "__setitem__", [key, value]) != nil
    }

    public override func delItem(_ key: PyValue, interp: Interpreter) throws -> Bool {
        try interp.callDunderIfPresent(self, "__delitem__", [key]) != nil
    }

    public override func length(interp: Interpreter) throws -> Int? {
        try interp.instanceLength(self)
    }

    public override func iterate(interp: Interpreter) throws -> PyIterator? {
        try interp.instanceIterate(self)
    }

    public override func contains(_ value: PyValue, interp: Interpreter) throws -> Bool? {
        guard let r = try interp.callDunderIfPresent(self, "__contains__", [value]) else { return nil }
        return try interp.isTruthy(r)
    }

    public override func truthiness(interp: Interpreter) throws -> Bool? {
        guard let r = try interp.callDunderIfPresent(self, "__bool__", []) else { return nil }
        guard case .bool(let b) = r else {
            throw PyException(.typeError, "__bool__ should return bool, returned \(r.typeName)")
        }
        return b
    }

    public override func repr(interp: Interpreter) throws -> String? {
        try interp.instanceRepr(self)
    }

    public override func str(interp: Interpreter) throws -> String? {
        try interp.instanceStr(self)
    }

    public override func format(spec: String, interp: Interpreter) throws -> String? {
        guard let r = try interp.callDunderIfPresent(self, "__format__", [.str(spec)]) else { return nil }
        return r.asString
    }

    public override func toFloat(interp: Interpreter) throws -> Double? {
        try interp.callDunderIfPresent(self, "__float__", [])?.asDouble
    }

    public override func toInt(interp: Interpreter) throws -> Int? {
        try interp.callDunderIfPresent(self, "__int__", [])?.asInt
    }

    public override func toIndex(interp: Interpreter) throws -> Int? {
        try interp.callDunderIfPresent(self, "__index__", [])?.asInt
    }

    public override func enter(interp: Interpreter) throws -> PyValue? {
        try interp.callDunderIfPresent(self, "__enter__", [])
    }

    public override func exit(_ exception: PyException?, interp: Interpreter) throws -> Bool? {
        try interp.instanceExit(self, exception)
    }

    public override func pythonType(interp: Interpreter) -> PyObject? { cls }
}

/// What CPython keeps in `__traceback__`, `__context__`, `__cause__` and `__suppress_context__`.
struct ExceptionState {
    var traceback: [PyTracebackEntry] = []
    /// The frame that added the last traceback entry, so a frame is listed once.
    var lastFrame: ObjectIdentifier?
    var context: PyInstance?
    var cause: PyInstance?
    var suppressContext = false
    /// Set once an interpreter observer has been told this exception was raised.
    var reported = false
}

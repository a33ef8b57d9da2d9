/// An instance of a `collections.namedtuple` class (or of a lesson's subclass of one): a tuple
/// whose items are also attributes.
final class PyNamedTuple: NativeObject {
    let cls: PyClass
    let values: [PyValue]
    let layout: NamedTupleLayout
    /// The name `repr` shows, when it is not the class name (`sys.version_info`).
    let reprName: String?

    init(cls: PyClass, values: [PyValue], layout: NamedTupleLayout, reprName: String? = nil) {
        self.cls = cls
        self.values = values
        self.layout = layout
        self.reprName = reprName
    }

    override var typeName: String { cls.name }

    override func pythonType(interp: Interpreter) -> PyObject? { cls }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        if let i = layout.fields.firstIndex(of: name) { return values[i] }
        if let v = cls.lookup(name) { return try interp.bindForInstance(v, instance: .object(self), cls: cls) }
        switch name {
        case "_asdict":
            return .object(PyBuiltinFunction(name: name, boundTo: .object(self)) { args, _ in
                try Interpreter.expectArgs(args, name, min: 0, max: 0)
                return .dict(PyDict(Array(zip(self.layout.fields, self.values))))
            })
        case "_replace":
            return .object(PyBuiltinFunction(name: name, boundTo: .object(self)) { args, interp in
                var values = self.values
                var unknown: [PyValue] = []
                for (k, v) in args.keywords {
                    if let i = self.layout.fields.firstIndex(of: k) { values[i] = v } else { unknown.append(.str(k)) }
                }
                if !unknown.isEmpty {
                    throw PyException(.valueError, "Got unexpected field names: \(try interp.repr(.list(PyList(unknown))))")
                }
                return .object(PyNamedTuple(cls: self.cls, values: values, layout: self.layout))
            })
        default:
            return try interp.builtinMethod(.tuple(values), name)
        }
    }

    override func setAttr(_ name: String, _ value: PyValue, interp: Interpreter) throws -> Bool {
        if layout.fields.contains(name) { throw PyException(.attributeError, "can't set attribute") }
        throw PyException(.attributeError, "'\(cls.name)' object has no attribute '\(name)'")
    }

    override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        try interp.getItem(.tuple(values), key)
    }

    override func length(interp: Interpreter) throws -> Int? { values.count }

    override func iterate(interp: Interpreter) throws -> PyIterator? {
        PyArrayIterator(values, typeName: "tuple_iterator")
    }

    override func contains(_ value: PyValue, interp: Interpreter) throws -> Bool? {
        try interp.contains(.tuple(values), value)
    }

    override func hashKey() throws -> PyHashKey {
        try PyValue.tuple(values).hashKey()
    }

    /// The items as a plain tuple when `v` is a tuple or a namedtuple.
    static func tupleValues(_ v: PyValue) -> [PyValue]? {
        switch v {
        case .tuple(let t): return t
        case .object(let n as PyNamedTuple): return n.values
        default: return nil
        }
    }

    override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        if let m = cls.lookup(op.dunder) { return try interp.call(try interp.bindForInstance(m, instance: .object(self), cls: cls), [other]) }
        guard let others = PyNamedTuple.tupleValues(other) else { return nil }
        return try interp.compare(op, .tuple(values), .tuple(others))
    }

    override func binaryOp(_ op: PyBinaryOp, _ other: PyValue, reflected: Bool, interp: Interpreter) throws -> PyValue? {
        switch op {
        case .add:
            guard let others = PyNamedTuple.tupleValues(other) else { return nil }
            return .tuple(reflected ? others + values : values + others)
        case .mul:
            return try interp.binaryOp(.mul, .tuple(values), other)
        case .mod where reflected:
            guard case .str(let format) = other else { return nil }
            return .str(try interp.percentFormat(format, .tuple(values)))
        default:
            return nil
        }
    }

    override func repr(interp: Interpreter) throws -> String? {
        if let m = cls.lookup("__repr__") {
            return try interp.str(try interp.call(try interp.bindForInstance(m, instance: .object(self), cls: cls), []))
        }
        let parts = try zip(layout.fields, values).map { "\($0)=\(try interp.repr($1))" }
        return "\(reprName ?? cls.name)(\(parts.joined(separator: ", ")))"
    }

    override func str(interp: Interpreter) throws -> String? {
        if let m = cls.lookup("__str__") {
            return try interp.str(try interp.call(try interp.bindForInstance(m, instance: .object(self), cls: cls), []))
        }
        return try repr(interp: interp)
    }

    override func attributeNames(interp: Interpreter) -> [String]? {
        layout.fields + ["_asdict", "_field_defaults", "_fields", "_make", "_replace", "count", "index"]
    }
}

/// The fields and defaults of a namedtuple class.
final class NamedTupleLayout {
    let fields: [String]
    /// Default values of the last fields.
    let defaults: [PyValue]

    init(fields: [String], defaults: [PyValue]) {
        self.fields = fields
        self.defaults = defaults
    }

    /// Parameters of `__new__`, for CPython's argument errors.
    func signature(_ typeName: String) -> PySignature {
        let first = fields.count - defaults.count
        let parameters = [PySignature.Parameter(name: "_cls")] + fields.enumerated().map { i, name in
            PySignature.Parameter(name: name, defaultValue: i >= first ? defaults[i - first] : nil)
        }
        return PySignature(name: "\(typeName).__new__", parameters: parameters)
    }
}

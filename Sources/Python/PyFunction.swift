/// A function defined in Python (`def` or `lambda`).
public final class PyFunction: PyObject {
    /// `__name__` (assignable, as `functools.wraps` does).
    public internal(set) var name: String
    /// `__qualname__` (`Net.forward`).
    public internal(set) var qualname: String
    /// `__doc__` once assigned (the docstring until then).
    var assignedDoc: PyValue?
    /// `__module__` once assigned.
    var assignedModule: PyValue?
    /// `__dict__`: attributes a lesson sets on the function (`f.calls = 0`, `__wrapped__`),
    /// made on first use.
    var attributeDict: PyDict?

    var attributes: PyDict {
        if let d = attributeDict { return d }
        let d = PyDict()
        attributeDict = d
        return d
    }
    let code: CodeObject
    /// Default values of the parameters, aligned with `code.parameters` (nil: required).
    var defaults: [PyValue?]
    /// The frame of the enclosing function, for free variables.
    let closure: Frame?
    /// The module whose globals the function sees.
    let module: PyModuleObject
    /// The class whose body defined the function, for zero-argument `super()`.
    var definingClass: PyClass?
    let signature: PySignature

    init(code: CodeObject, defaults: [PyValue?], closure: Frame?, module: PyModuleObject) {
        self.name = code.name
        self.qualname = code.qualname
        self.code = code
        self.defaults = defaults
        self.closure = closure
        self.module = module
        var params = code.parameters
        for i in params.indices { params[i].defaultValue = defaults[i] }
        self.signature = PySignature(name: code.qualname, parameters: params)
    }

    public override var typeName: String { "function" }

    public override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        try interp.callFunction(self, args)
    }

    public override func repr(interp: Interpreter) throws -> String? {
        "<function \(qualname) at \(addressText)>"
    }

    public override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        if let v = attributeDict?[name] { return v }
        switch name {
        case "__name__": return .str(self.name)
        case "__qualname__": return .str(qualname)
        case "__module__": return assignedModule ?? .str(module.name)
        case "__doc__": return assignedDoc ?? code.docstring.map { .str($0) } ?? PyValue.none
        case "__dict__": return .dict(attributes)
        case "__defaults__":
            let given = defaults.compactMap { $0 }
            return given.isEmpty ? PyValue.none : .tuple(given)
        default: return nil
        }
    }

    public override func setAttr(_ name: String, _ value: PyValue, interp: Interpreter) throws -> Bool {
        switch name {
        case "__name__", "__qualname__":
            guard case .str(let s) = value else {
                throw PyException(.typeError, "\(name) must be set to a string object")
            }
            if name == "__name__" { self.name = s } else { qualname = s }
        case "__doc__": assignedDoc = value
        case "__module__": assignedModule = value
        case "__dict__":
            guard case .dict(let d) = value else {
                throw PyException(.typeError, "__dict__ must be set to a dictionary, not a '\(value.typeName)'")
            }
            attributes.removeAll()
            for (k, v) in d.items { try attributes.set(k, v) }
        default:
            try attributes.set(.str(name), value)
        }
        return true
    }

    public override func delAttr(_ name: String, interp: Interpreter) throws -> Bool {
        if try attributeDict?.remove(.str(name)) == nil {
            throw PyException(.attributeError, "'function' object has no attribute '\(name)'")
        }
        return true
    }
}

/// A function bound to its first argument (`obj.method`).
public final class PyBoundMethod: PyObject {
    /// The underlying function.
    public let function: PyValue
    /// The bound first argument (the instance, or the class for classmethods).
    public let receiver: PyValue

    /// Binds `function` to `receiver`.
    public init(function: PyValue, receiver: PyValue) {
        self.function = function
        self.receiver = receiver
    }

    public override var typeName: String { "method" }

    public override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        var a = args
        a.positional.insert(receiver, at: 0)
        return try interp.call(function, a)
    }

    public override func repr(interp: Interpreter) throws -> String? {
        let fname: String
        if case .object(let f as PyFunction) = function { fname = f.qualname } else { fname = "?" }
        return "<bound method \(fname) of \(try interp.repr(receiver))>"
    }

    public override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "__self__": return receiver
        case "__func__": return function
        default: return try interp.getAttributeIfPresent(function, name)
        }
    }
}

/// `staticmethod(f)`.
public final class PyStaticMethod: PyObject {
    /// The wrapped callable.
    public let function: PyValue

    /// Wraps `function`.
    public init(_ function: PyValue) { self.function = function }

    public override var typeName: String { "staticmethod" }

    public override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        try interp.call(function, args)
    }
}

/// `classmethod(f)`.
public final class PyClassMethod: PyObject {
    /// The wrapped callable.
    public let function: PyValue

    /// Wraps `function`.
    public init(_ function: PyValue) { self.function = function }

    public override var typeName: String { "classmethod" }
}

/// `property(fget, fset)`, including the `@x.setter` form.
public final class PyProperty: PyObject {
    /// `fget` (None when absent).
    public let getter: PyValue
    /// `fset` (None for a read-only property).
    public let setter: PyValue
    /// `fdel` (None when absent).
    public let deleter: PyValue

    /// Creates a property from its accessor functions.
    public init(getter: PyValue, setter: PyValue = .none, deleter: PyValue = .none) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
    }

    public override var typeName: String { "property" }

    public override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "setter":
            return .object(PyBuiltinFunction(name: "setter") { [getter, deleter] args, _ in
                .object(PyProperty(getter: getter, setter: args.positional.first ?? .none, deleter: deleter))
            })
        case "getter":
            return .object(PyBuiltinFunction(name: "getter") { [setter, deleter] args, _ in
                .object(PyProperty(getter: args.positional.first ?? .none, setter: setter, deleter: deleter))
            })
        case "deleter":
            return .object(PyBuiltinFunction(name: "deleter") { [getter, setter] args, _ in
                .object(PyProperty(getter: getter, setter: setter, deleter: args.positional.first ?? .none))
            })
        case "fget": return getter
        case "fset": return setter
        default: return nil
        }
    }
}

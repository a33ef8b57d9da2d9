/// The object model: attribute lookup, binding, instantiation and dunder dispatch.
extension Interpreter {
    /// `value.name`, raising Python's AttributeError when absent.
    public func getAttribute(_ value: PyValue, _ name: String) throws -> PyValue {
        if let v = try getAttributeIfPresent(value, name) { return v }
        throw attributeError(value, name)
    }

    /// `value.name`, or nil when absent.
    public func getAttributeIfPresent(_ value: PyValue, _ name: String) throws -> PyValue? {
        if case .object(let o) = value {
            if let v = try o.getAttr(name, interp: self) { return v }
            if name == "__class__" { return .object(typeObject(of: value)) }
            if let c = o as? NativeClass {
                switch name {
                case "__name__": return .str(c.name)
                case "__qualname__": return .str(c.name)
                default: break
                }
            }
            return nil
        }
        if name == "__class__" { return .object(typeObject(of: value)) }
        return try builtinMethod(value, name)
    }

    /// `value.name = newValue`.
    public func setAttribute(_ value: PyValue, _ name: String, _ newValue: PyValue) throws {
        if case .object(let o) = value, try o.setAttr(name, newValue, interp: self) { return }
        if case .object = value { throw attributeError(value, name) }
        if case .dict(let d) = value, case .defaultDict = d.kind, name == "default_factory" {
            d.kind = .defaultDict(factory: newValue)
            return
        }
        if builtinHasAttribute(value, name) {
            throw PyException(.attributeError, "'\(value.typeName)' object attribute '\(name)' is read-only")
        }
        throw attributeError(value, name)
    }

    /// `del value.name`.
    public func deleteAttribute(_ value: PyValue, _ name: String) throws {
        if case .object(let o) = value, try o.delAttr(name, interp: self) { return }
        throw attributeError(value, name)
    }

    func attributeError(_ value: PyValue, _ name: String) -> PyException {
        let e = plainAttributeError(value, name)
        e.instance.suggestionContext = .attribute(name, value)
        return e
    }

    private func plainAttributeError(_ value: PyValue, _ name: String) -> PyException {
        if case .object(let o) = value {
            if let m = o as? PyModuleObject {
                return PyException(.attributeError, "module '\(m.name)' has no attribute '\(name)'")
            }
            if let c = o as? PyClass {
                return PyException(.attributeError, "type object '\(c.name)' has no attribute '\(name)'")
            }
            if let c = o as? NativeClass {
                return PyException(.attributeError, "type object '\(c.name)' has no attribute '\(name)'")
            }
        }
        return PyException(.attributeError, "'\(value.typeName)' object has no attribute '\(name)'")
    }

    /// Binds a class attribute found for an instance access (functions become bound methods).
    func bindForInstance(_ attr: PyValue, instance: PyValue, cls: PyClass) throws -> PyValue {
        guard case .object(let o) = attr else { return attr }
        switch o {
        case is PyFunction, is FunctionLike:
            return .object(PyBoundMethod(function: attr, receiver: instance))
        case let s as PyStaticMethod:
            return s.function
        case let c as PyClassMethod:
            return .object(PyBoundMethod(function: c.function, receiver: .object(cls)))
        case let p as PyProperty:
            if p.getter.isNone { throw PyException(.attributeError, "property object has no getter") }
            return try call(p.getter, [instance])
        case let d as PyInstance:
            if let get = d.cls.lookup("__get__") { return try call(get, [attr, instance, .object(cls)]) }
            return attr
        default:
            return attr
        }
    }

    /// A user descriptor with `__set__` or `__delete__`: it wins over the instance dict.
    func dataDescriptor(_ attr: PyValue?) -> PyInstance? {
        guard case .object(let d as PyInstance)? = attr, d.cls.lookup("__get__") != nil || d.cls.lookup("__set__") != nil,
              d.cls.lookup("__set__") != nil || d.cls.lookup("__delete__") != nil else { return nil }
        return d
    }

    func classGetAttr(_ cls: PyClass, _ name: String) throws -> PyValue? {
        if let v = cls.lookup(name) {
            guard case .object(let o) = v else { return v }
            if let s = o as? PyStaticMethod { return s.function }
            if let c = o as? PyClassMethod { return .object(PyBoundMethod(function: c.function, receiver: .object(cls))) }
            if let d = o as? PyInstance, let get = d.cls.lookup("__get__") { return try call(get, [v, .none, .object(cls)]) }
            return v
        }
        if let native = cls.nativeBase, let v = try native.classAttr(name, of: cls, interp: self) { return v }
        switch name {
        case "__name__", "__qualname__": return .str(cls.name)
        case "__module__": return .str(cls.moduleName)
        case "__bases__": return .tuple(cls.base.map { [.object($0)] } ?? [])
        case "__base__": return cls.base.map { .object($0) } ?? PyValue.none
        case "__mro__": return .tuple(cls.mro.map { .object($0) })
        case "__doc__": return PyValue.none
        case "__dict__":
            return .dict(PyDict(cls.dict.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        default: return try builtinClassAttribute(cls, name)
        }
    }

    func instanceGetAttr(_ inst: PyInstance, _ name: String) throws -> PyValue? {
        let classAttr = inst.cls.lookup(name)
        if let ca = classAttr, case .object(let p as PyProperty) = ca {
            if p.getter.isNone { throw PyException(.attributeError, "property '\(name)' of '\(inst.cls.name)' object has no getter") }
            return try call(p.getter, [.object(inst)])
        }
        if let d = dataDescriptor(classAttr) {
            if let get = d.cls.lookup("__get__") { return try call(get, [.object(d), .object(inst), .object(inst.cls)]) }
            if let v = inst.attributes[name] { return v }
            return .object(d)
        }
        if let v = inst.attributes[name] { return v }
        if let ca = classAttr { return try bindForInstance(ca, instance: .object(inst), cls: inst.cls) }
        if let native = inst.cls.nativeBase, let v = try native.instanceAttr(name, of: inst, interp: self) { return v }
        switch name {
        case "__dict__" where inst.cls !== PyClass.object:
            return .dict(PyDict(inst.orderedAttributes))
        case "args" where inst.cls.isExceptionClass:
            return .tuple(inst.exceptionArgs)
        default:
            break
        }
        if inst.cls.isExceptionClass, let v = exceptionAttribute(inst, name) { return v }
        switch name {
        case "__doc__": return PyValue.none
        case "__module__": return .str(inst.cls.moduleName)
        default: break
        }
        if let builtin = try objectMethod(.object(inst), name) { return builtin }
        if let getattr = inst.cls.lookup("__getattr__") {
            return try call(getattr, [.object(inst), .str(name)])
        }
        return nil
    }

    func instanceSetAttr(_ inst: PyInstance, _ name: String, _ value: PyValue) throws -> Bool {
        if let setattr = inst.cls.lookup("__setattr__") {
            _ = try call(setattr, [.object(inst), .str(name), value])
            return true
        }
        return try rawInstanceSetAttr(inst, name, value)
    }

    /// `object.__setattr__(inst, name, value)`: properties and native state, no user `__setattr__`.
    func rawInstanceSetAttr(_ inst: PyInstance, _ name: String, _ value: PyValue) throws -> Bool {
        if let ca = inst.cls.lookup(name), case .object(let p as PyProperty) = ca {
            if p.setter.isNone {
                throw PyException(.attributeError, "property '\(name)' of '\(inst.cls.name)' object has no setter")
            }
            _ = try call(p.setter, [.object(inst), value])
            return true
        }
        if let d = dataDescriptor(inst.cls.lookup(name)) {
            guard let set = d.cls.lookup("__set__") else { throw PyException(.attributeError, "__set__") }
            _ = try call(set, [.object(d), .object(inst), value])
            return true
        }
        if let native = inst.cls.nativeBase, try native.setInstanceAttr(name, value, of: inst, interp: self) {
            return true
        }
        if inst.cls.isExceptionClass {
            if name == "args" {
                inst.exceptionArgs = try iterate(value)
                return true
            }
            if try setExceptionAttribute(inst, name, value) { return true }
        }
        if inst.attributes.updateValue(value, forKey: name) == nil { inst.attributeOrder.append(name) }
        return true
    }

    func instanceDelAttr(_ inst: PyInstance, _ name: String) throws -> Bool {
        if let delattr = inst.cls.lookup("__delattr__") {
            _ = try call(delattr, [.object(inst), .str(name)])
            return true
        }
        if inst.attributes.removeValue(forKey: name) == nil {
            throw PyException(.attributeError, "'\(inst.cls.name)' object has no attribute '\(name)'")
        }
        inst.attributeOrder.removeAll { $0 == name }
        return true
    }

    /// Looks a special method up on the type (never the instance dict), as Python does.
    func lookupDunder(_ inst: PyInstance, _ name: String) throws -> PyValue? {
        if let v = inst.cls.lookup(name) { return try bindForInstance(v, instance: .object(inst), cls: inst.cls) }
        if let native = inst.cls.nativeBase, let v = try native.instanceAttr(name, of: inst, interp: self) { return v }
        return nil
    }

    /// Calls special method `name` on `inst`; nil when the class does not define it or it
    /// returns NotImplemented.
    func callDunderIfPresent(_ inst: PyInstance, _ name: String, _ args: [PyValue]) throws -> PyValue? {
        guard let m = try lookupDunder(inst, name) else { return nil }
        let r = try call(m, args)
        return r.isNotImplemented ? nil : r
    }

    func callDunder(_ inst: PyInstance, _ name: String, _ args: PyArgs) throws -> PyValue? {
        guard let m = try lookupDunder(inst, name) else { return nil }
        return try call(m, args)
    }

    func instanceBinaryOp(_ inst: PyInstance, _ op: PyBinaryOp, _ other: PyValue, reflected: Bool) throws -> PyValue? {
        try callDunderIfPresent(inst, reflected ? op.reflectedDunder : op.dunder, [other])
    }

    func instanceLength(_ inst: PyInstance) throws -> Int? {
        guard let r = try callDunderIfPresent(inst, "__len__", []) else { return nil }
        guard let n = r.asInt else {
            throw PyException(.typeError, "'\(r.typeName)' object cannot be interpreted as an integer")
        }
        if n < 0 { throw PyException(.valueError, "__len__() should return >= 0") }
        return n
    }

    func instanceIterate(_ inst: PyInstance) throws -> PyIterator? {
        if let it = try callDunderIfPresent(inst, "__iter__", []) {
            if case .object(let o as PyIterator) = it { return o }
            if case .object(let o as PyInstance) = it {
                guard let next = try lookupDunder(o, "__next__") else {
                    throw PyException(.typeError, "iter() returned non-iterator of type '\(o.cls.name)'")
                }
                return PyClosureIterator { interp in
                    do {
                        return try interp.call(next, [])
                    } catch let e as PyException where e.matches(.stopIteration) {
                        return nil
                    }
                }
            }
            return try makeIterator(it)
        }
        if let getitem = try lookupDunder(inst, "__getitem__") {
            var i = 0
            return PyClosureIterator { interp in
                do {
                    defer { i += 1 }
                    return try interp.call(getitem, [.int(i)])
                } catch let e as PyException where e.matches(.indexError) || e.matches(.stopIteration) {
                    return nil
                }
            }
        }
        return nil
    }

    func instanceRepr(_ inst: PyInstance) throws -> String? {
        if let r = try callDunderIfPresent(inst, "__repr__", []) {
            guard case .str(let s) = r else {
                throw PyException(.typeError, "__repr__ returned non-string (type \(r.typeName))")
            }
            return s
        }
        if inst.cls.isExceptionClass {
            let args = inst.exceptionArgs
            if args.count == 1 { return "\(inst.cls.name)(\(try repr(args[0])))" }
            return "\(inst.cls.name)(\(try args.map { try repr($0) }.joined(separator: ", ")))"
        }
        return "<\(inst.cls.moduleName).\(inst.cls.name) object at \(inst.addressText)>"
    }

    func instanceStr(_ inst: PyInstance) throws -> String? {
        if let r = try callDunderIfPresent(inst, "__str__", []) {
            guard case .str(let s) = r else {
                throw PyException(.typeError, "__str__ returned non-string (type \(r.typeName))")
            }
            return s
        }
        if inst.cls.isExceptionClass {
            let args = inst.exceptionArgs
            switch args.count {
            case 0: return ""
            case 1: return inst.cls.isSubclass(of: .keyError) ? try repr(args[0]) : try str(args[0])
            default: return try repr(.tuple(args))
            }
        }
        return try instanceRepr(inst)
    }

    func instanceExit(_ inst: PyInstance, _ exception: PyException?) throws -> Bool? {
        guard let m = try lookupDunder(inst, "__exit__") else { return nil }
        let args: [PyValue]
        if let e = exception {
            args = [.object(e.instance.cls), .object(e.instance), .none]
        } else {
            args = [.none, .none, .none]
        }
        return try isTruthy(try call(m, args))
    }

    func superGetAttr(_ s: PySuper, _ name: String) throws -> PyValue? {
        var c = s.startClass.base
        while let k = c {
            if let v = k.dict[name] {
                let cls: PyClass
                if case .object(let inst as PyInstance) = s.receiver { cls = inst.cls }
                else if case .object(let k2 as PyClass) = s.receiver { cls = k2 }
                else { cls = k }
                if case .object(let cm as PyClassMethod) = v {
                    return .object(PyBoundMethod(function: cm.function, receiver: .object(cls)))
                }
                if case .object(is PyClass) = s.receiver {
                    if case .object(let st as PyStaticMethod) = v { return st.function }
                    return v
                }
                return try bindForInstance(v, instance: s.receiver, cls: cls)
            }
            c = k.base
        }
        if let native = s.startClass.nativeBase {
            if case .object(let inst as PyInstance) = s.receiver {
                if let v = try native.instanceAttr(name, of: inst, interp: self) { return v }
            } else if case .object(let cls as PyClass) = s.receiver {
                if let v = try native.classAttr(name, of: cls, interp: self) { return v }
            }
        }
        return try objectMethod(s.receiver, name)
    }

    /// The methods every object inherits from `object` (and BaseException), bound to `receiver`.
    func objectMethod(_ receiver: PyValue, _ name: String) throws -> PyValue? {
        switch name {
        case "__init__":
            return .object(PyBuiltinFunction(name: "__init__", boundTo: receiver) { args, interp in
                if case .object(let inst as PyInstance) = receiver, inst.cls.isExceptionClass {
                    inst.exceptionArgs = args.positional
                }
                return .none
            })
        case "__setattr__":
            return .object(PyBuiltinFunction(name: "__setattr__", boundTo: receiver) { args, interp in
                guard args.positional.count == 2, case .str(let n) = args.positional[0] else {
                    throw PyException(.typeError, "expected 2 arguments, got \(args.positional.count)")
                }
                if case .object(let inst as PyInstance) = receiver {
                    _ = try interp.rawInstanceSetAttr(inst, n, args.positional[1])
                } else {
                    try interp.setAttribute(receiver, n, args.positional[1])
                }
                return .none
            })
        case "__getattribute__":
            return .object(PyBuiltinFunction(name: "__getattribute__", boundTo: receiver) { args, interp in
                guard args.positional.count == 1, case .str(let n) = args.positional[0] else {
                    throw PyException(.typeError, "expected 1 argument, got \(args.positional.count)")
                }
                return try interp.getAttribute(receiver, n)
            })
        case "__repr__":
            return .object(PyBuiltinFunction(name: "__repr__", boundTo: receiver) { _, interp in
                if case .object(let inst as PyInstance) = receiver {
                    return .str("<\(inst.cls.moduleName).\(inst.cls.name) object at \(inst.addressText)>")
                }
                return .str(try interp.repr(receiver))
            })
        case "__str__":
            return .object(PyBuiltinFunction(name: "__str__", boundTo: receiver) { _, interp in
                .str(try interp.str(receiver))
            })
        case "__eq__":
            return .object(PyBuiltinFunction(name: "__eq__", boundTo: receiver) { args, _ in
                guard let other = args.positional.first else { return .notImplemented }
                return receiver.isIdentical(to: other) ? .bool(true) : .notImplemented
            })
        case "__hash__":
            return .object(PyBuiltinFunction(name: "__hash__", boundTo: receiver) { _, interp in
                .int(try interp.hash(receiver))
            })
        default:
            return nil
        }
    }

    /// `type(value)`.
    public func typeObject(of value: PyValue) -> PyObject {
        switch value {
        case .none: return PyClass.noneType
        case .bool: return PyClass.bool
        case .int: return PyClass.int
        case .float: return PyClass.float
        case .str: return PyClass.str
        case .list: return PyClass.list
        case .tuple: return PyClass.tuple
        case .dict(let d): return PyClass.dictClass(d.kind)
        case .object(let o):
            if let t = o.pythonType(interp: self) { return t }
            switch o {
            case is PyClass, is NativeClass: return PyClass.type
            case is PyFunction: return PyClass.function
            case is PyBuiltinFunction: return PyClass.builtinFunction
            case is PyModuleObject: return PyClass.module
            case is PySet: return PyClass.set
            case is PyRange: return PyClass.range
            default:
                if let t = nativeTypes[o.typeName] { return t }
                let t = PyClass(builtin: o.typeName, base: .object, kind: .native)
                nativeTypes[o.typeName] = t
                return t
            }
        }
    }

    /// `isinstance(value, classinfo)`, where `classinfo` is a class, a native class or a tuple of them.
    public func isInstance(_ value: PyValue, _ classinfo: PyValue) throws -> Bool {
        switch classinfo {
        case .tuple(let items):
            for c in items where try isInstance(value, c) { return true }
            return false
        case .object(let c as PyClass):
            if c === PyClass.object { return true }
            if case .object(let o) = value, !(o is PyInstance), typeObject(of: value) is NativeClass {
                return false
            }
            guard let t = typeObject(of: value) as? PyClass else { return false }
            return t.isSubclass(of: c)
        case .object(let n as NativeClass):
            if case .object(let inst as PyInstance) = value {
                return inst.cls.nativeBase?.isSubclass(of: n) ?? false
            }
            return n.isInstance(value)
        default:
            throw PyException(.typeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
    }

    /// `issubclass(cls, classinfo)`.
    public func isSubclass(_ cls: PyValue, _ classinfo: PyValue) throws -> Bool {
        switch classinfo {
        case .tuple(let items):
            for c in items where try isSubclass(cls, c) { return true }
            return false
        case .object(let target as PyClass):
            switch cls {
            case .object(let c as PyClass): return c.isSubclass(of: target)
            case .object: return target === PyClass.object
            default: throw PyException(.typeError, "issubclass() arg 1 must be a class")
            }
        case .object(let target as NativeClass):
            switch cls {
            case .object(let c as PyClass): return c.nativeBase?.isSubclass(of: target) ?? false
            case .object(let c as NativeClass): return c.isSubclass(of: target)
            default: throw PyException(.typeError, "issubclass() arg 1 must be a class")
            }
        default:
            throw PyException(.typeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
    }

    /// Creates an instance of a user class (or a user exception class) and runs `__init__`.
    func instantiate(_ cls: PyClass, _ args: PyArgs) throws -> PyValue {
        if let make = cls.mro.lazy.compactMap(\.constructor).first { return try make(cls, args, self) }
        if cls.isBuiltin { return try constructBuiltin(cls, args) }
        try checkAbstractMethods(cls)
        let inst = PyInstance(cls: cls)
        if cls.isExceptionClass { inst.exceptionArgs = args.positional }
        if let native = cls.nativeBase { try native.initInstance(inst, args: args, interp: self) }
        if let initializer = cls.lookup("__init__") {
            let r: PyValue
            if case .object(let fn as PyFunction) = initializer {
                var a = args
                a.positional.insert(.object(inst), at: 0)
                r = try callFunction(fn, a)
            } else {
                r = try call(try bindForInstance(initializer, instance: .object(inst), cls: cls), args)
            }
            if !r.isNone {
                throw PyException(.typeError, "__init__() should return None, not '\(r.typeName)'")
            }
        } else if let native = cls.nativeBase, let initializer = try native.instanceAttr("__init__", of: inst, interp: self) {
            _ = try call(initializer, args)
        } else if args.count > 0 && !cls.isExceptionClass {
            throw PyException(.typeError, "\(cls.name)() takes no arguments")
        }
        return .object(inst)
    }
}

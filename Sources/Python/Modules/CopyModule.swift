/// The `copy` module: `copy` and `deepcopy` of containers, instances of lesson classes and
/// objects that define `__copy__`/`__deepcopy__`, with the memo that keeps shared references
/// shared and cycles finite.
extension Interpreter {
    func makeCopyModule() -> PyModuleObject {
        let m = PyModuleObject(name: "copy")
        m.set("copy", .object(PyBuiltinFunction(name: "copy") { args, interp in
            let b = try args.bind(PySignature.cached("copy(x)"))
            return try interp.shallowCopy(b[0])
        }))
        m.set("deepcopy", .object(PyBuiltinFunction(name: "deepcopy") { args, interp in
            let b = try args.bind(PySignature.cached("deepcopy(x, memo=None, _nil=None)"))
            var memo = DeepCopyMemo()
            if case .dict(let given) = b[1] { memo.given = given }
            return try interp.deepCopy(b[0], &memo, depth: 0)
        }))
        m.set("Error", .object(PyClass.copyError))
        return m
    }

    /// True for values that copying returns unchanged (immutable atoms, functions, classes).
    private func isAtomic(_ v: PyValue) -> Bool {
        switch v {
        case .none, .bool, .int, .float, .str: return true
        case .list, .tuple, .dict: return false
        case .object(let o):
            switch o {
            case is PyFunction, is PyBuiltinFunction, is PyClass, is NativeClass, is PyModuleObject, is PyRange,
                 is PyEllipsisType, is PyNotImplementedType, is PyProperty:
                return true
            default:
                return false
            }
        }
    }

    func shallowCopy(_ x: PyValue) throws -> PyValue {
        if isAtomic(x) { return x }
        switch x {
        case .tuple: return x
        case .list(let l): return .list(PyList(l.items))
        case .dict(let d): return .dict(d.copy())
        case .object(let s as PySet): return .object(PySet(storage: s.storage.copy()))
        case .object(is PyNamedTuple): return x
        case .object(let inst as PyInstance):
            if let m = try lookupDunder(inst, "__copy__") { return try call(m, []) }
            let y = PyInstance(cls: inst.cls)
            y.attributes = inst.attributes
            y.attributeOrder = inst.attributeOrder
            y.exceptionArgs = inst.exceptionArgs
            y.nativeState = inst.nativeState
            return .object(y)
        default:
            if let m = try getAttributeIfPresent(x, "__copy__") { return try call(m, []) }
            if let m = try getAttributeIfPresent(x, "copy"), case .object(is PyDeque) = x { return try call(m, []) }
            throw PyException(.typeError, "cannot pickle '\(x.typeName)' object")
        }
    }

    func deepCopy(_ x: PyValue, _ memo: inout DeepCopyMemo, depth: Int) throws -> PyValue {
        if isAtomic(x) { return x }
        if depth > recursionLimit { throw PyException(.recursionError, "maximum recursion depth exceeded") }
        if case .tuple(let items) = x {
            // Tuples are values here, without an identity to remember them by.
            var copies: [PyValue] = []
            for item in items { copies.append(try deepCopy(item, &memo, depth: depth + 1)) }
            return zip(items, copies).allSatisfy({ $0.isIdentical(to: $1) }) ? x : .tuple(copies)
        }
        let id = identity(x)
        if let known = memo.copies[id] { return known }
        if let given = memo.given, let known = try given.get(.int(id)) { return known }
        func remember(_ y: PyValue) throws {
            memo.copies[id] = y
            memo.keepAlive.append(x)
            try memo.given?.set(.int(id), y)
        }
        switch x {
        case .list(let l):
            let y = PyList()
            try remember(.list(y))
            for item in l.items { y.items.append(try deepCopy(item, &memo, depth: depth + 1)) }
            return .list(y)
        case .dict(let d):
            let y = PyDict()
            y.kind = d.kind
            if case .defaultDict(let factory) = d.kind {
                y.kind = .defaultDict(factory: try deepCopy(factory, &memo, depth: depth + 1))
            }
            try remember(.dict(y))
            for (k, v) in d.items {
                try y.set(try deepCopy(k, &memo, depth: depth + 1), try deepCopy(v, &memo, depth: depth + 1))
            }
            return .dict(y)
        case .object(let s as PySet):
            let y = PySet()
            try remember(.object(y))
            for v in s.elements { try y.add(try deepCopy(v, &memo, depth: depth + 1)) }
            return .object(y)
        case .object(let t as PyNamedTuple):
            var copies: [PyValue] = []
            for item in t.values { copies.append(try deepCopy(item, &memo, depth: depth + 1)) }
            let y = PyValue.object(PyNamedTuple(cls: t.cls, values: copies, layout: t.layout))
            try remember(y)
            return y
        case .object(let q as PyDeque):
            let y = PyDeque(maxlen: q.maxlen)
            try remember(.object(y))
            var copies: [PyValue] = []
            for item in q.items { copies.append(try deepCopy(item, &memo, depth: depth + 1)) }
            y.replace(with: copies)
            return .object(y)
        case .object(let inst as PyInstance):
            if let m = try lookupDunder(inst, "__deepcopy__") {
                let y = try call(m, [.dict(memo.dictionary())])
                try remember(y)
                return y
            }
            let y = PyInstance(cls: inst.cls)
            try remember(.object(y))
            y.nativeState = inst.nativeState
            for item in inst.exceptionArgs { y.exceptionArgs.append(try deepCopy(item, &memo, depth: depth + 1)) }
            for (k, v) in inst.orderedAttributes { y.attributes[k] = try deepCopy(v, &memo, depth: depth + 1) }
            y.attributeOrder = inst.attributeOrder
            return .object(y)
        default:
            if let m = try getAttributeIfPresent(x, "__deepcopy__") {
                let y = try call(m, [.dict(memo.dictionary())])
                try remember(y)
                return y
            }
            throw PyException(.typeError, "cannot pickle '\(x.typeName)' object")
        }
    }
}

/// The copies made so far by one `deepcopy`, by the identity of the original.
struct DeepCopyMemo {
    var copies: [Int: PyValue] = [:]
    /// The originals, kept alive so that their identities stay unique during the copy.
    var keepAlive: [PyValue] = []
    /// A memo dict passed by the caller (`deepcopy(x, memo)`), updated as CPython updates it.
    var given: PyDict?

    /// The memo as the dict `__deepcopy__(memo)` receives.
    mutating func dictionary() -> PyDict {
        if let given { return given }
        let d = PyDict()
        for (k, v) in copies { try? d.set(.int(k), v) }
        given = d
        return d
    }
}

extension PyClass {
    /// `copy.Error`.
    static let copyError = PyClass(builtin: "Error", base: .exception, kind: .baseException, module: "copy")
}

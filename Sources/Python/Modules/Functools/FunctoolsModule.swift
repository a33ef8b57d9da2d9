/// The `functools` module: `partial`, `reduce`, `lru_cache`/`cache`, `wraps`/`update_wrapper`,
/// `cmp_to_key`.
extension Interpreter {
    func makeFunctoolsModule() -> PyModuleObject {
        let m = PyModuleObject(name: "functools")
        func define(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            m.set(name, .object(PyBuiltinFunction(name: name, body)))
        }
        m.set("partial", .object(PyPartial.type))
        define("reduce") { args, interp in
            try Interpreter.expectArgs(args, "reduce", min: 2, max: 3)
            let fn = args.positional[0]
            let it = try interp.makeIterator(args.positional[1])
            let start = args.positional.count == 3 ? args.positional[2] : try it.next(interp: interp)
            guard var value = start else {
                throw PyException(.typeError, "reduce() of empty iterable with no initial value")
            }
            while let next = try it.next(interp: interp) {
                value = try interp.call(fn, [value, next])
            }
            return value
        }
        let cacheInfo = try? makeNamedTuple(PyArgs([.str("CacheInfo"), .str("hits misses maxsize currsize")],
                                                    keywords: [("module", .str("functools"))]))
        define("lru_cache") { args, interp in
            let b = try args.bind(PySignature.cached("lru_cache(maxsize=128, typed=False)"))
            if case .object(let o) = b[0], try interp.isCallable(b[0]), !(o is PyClass) {
                return try PyLRUCache.wrap(b[0], maxsize: 128, typed: try interp.isTruthy(b[1]), info: cacheInfo, interp)
            }
            var maxsize: Int?
            if !b[0].isNone {
                guard case .int(let n) = b[0] else { throw PyException(.typeError, "Expected first argument to be an integer, a callable, or None") }
                maxsize = max(0, n)
            }
            let typed = try interp.isTruthy(b[1])
            return .object(PyBuiltinFunction(name: "decorating_function") { args, interp in
                try Interpreter.expectArgs(args, "decorating_function", min: 1, max: 1)
                return try PyLRUCache.wrap(args.positional[0], maxsize: maxsize, typed: typed, info: cacheInfo, interp)
            })
        }
        define("cache") { args, interp in
            try Interpreter.expectArgs(args, "cache", min: 1, max: 1)
            return try PyLRUCache.wrap(args.positional[0], maxsize: nil, typed: false, info: cacheInfo, interp)
        }
        define("update_wrapper") { args, interp in
            let b = try args.bind(PySignature.cached("update_wrapper(wrapper, wrapped)"))
            return try interp.updateWrapper(b[0], b[1])
        }
        define("wraps") { args, interp in
            let b = try args.bind(PySignature.cached("wraps(wrapped)"))
            let wrapped = b[0]
            return .object(PyBuiltinFunction(name: "update_wrapper") { args, interp in
                try Interpreter.expectArgs(args, "update_wrapper", min: 1, max: 1)
                return try interp.updateWrapper(args.positional[0], wrapped)
            })
        }
        define("cmp_to_key") { args, _ in
            let b = try args.bind(PySignature.cached("cmp_to_key(mycmp)"))
            let compare = b[0]
            return .object(PyBuiltinFunction(name: "K") { args, _ in
                try Interpreter.expectArgs(args, "K", min: 1, max: 1)
                return .object(PyComparisonKey(value: args.positional[0], compare: compare))
            })
        }
        return m
    }

    /// `functools.update_wrapper`: copies `__module__`, `__name__`, `__qualname__`, `__doc__`,
    /// merges `__dict__` and sets `__wrapped__`.
    func updateWrapper(_ wrapper: PyValue, _ wrapped: PyValue) throws -> PyValue {
        for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
            guard let value = try? getAttributeIfPresent(wrapped, name) else { continue }
            try setAttribute(wrapper, name, value)
        }
        if case .dict(let source)? = try? getAttributeIfPresent(wrapped, "__dict__"),
           case .dict(let target)? = try? getAttributeIfPresent(wrapper, "__dict__") {
            for (k, v) in source.items { try target.set(k, v) }
        }
        try setAttribute(wrapper, "__wrapped__", wrapped)
        return wrapper
    }
}

/// What `functools.cmp_to_key(f)(x)` returns: compares by `f(a, b) < 0` and so on.
final class PyComparisonKey: NativeObject {
    let value: PyValue
    let compare: PyValue

    init(value: PyValue, compare: PyValue) {
        self.value = value
        self.compare = compare
    }

    override var typeName: String { "functools.KeyWrapper" }

    override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        guard case .object(let o as PyComparisonKey) = other else {
            throw PyException(.typeError, "other argument must be K instance")
        }
        let r = try interp.call(compare, [value, o.value])
        return try interp.compare(op, r, .int(0))
    }

    override func hashKey() throws -> PyHashKey {
        throw PyException(.typeError, "unhashable type: 'functools.KeyWrapper'")
    }
}

/// What `functools.lru_cache` and `functools.cache` return: the function with a memo of its
/// results by arguments, evicting the least recently used entry beyond `maxsize`.
final class PyLRUCache: NativeObject, FunctionLike {
    let function: PyValue
    let maxsize: Int?
    let typed: Bool
    private let info: PyValue?
    private let cache = PyDict()
    private var hits = 0
    private var misses = 0
    private let attributes = PyDict()

    private init(function: PyValue, maxsize: Int?, typed: Bool, info: PyValue?) {
        self.function = function
        self.maxsize = maxsize
        self.typed = typed
        self.info = info
    }

    /// Wraps `function`, copying its name and docstring as `update_wrapper` does.
    static func wrap(_ function: PyValue, maxsize: Int?, typed: Bool, info: PyValue?, _ interp: Interpreter) throws -> PyValue {
        guard try interp.isCallable(function) else { throw PyException(.typeError, "the first argument must be callable") }
        let wrapper = PyValue.object(PyLRUCache(function: function, maxsize: maxsize, typed: typed, info: info))
        return try interp.updateWrapper(wrapper, function)
    }

    override var typeName: String { "functools._lru_cache_wrapper" }

    override var isCallable: Bool { true }

    /// CPython's `_make_key`: a lone int or str argument is its own key, anything else a tuple
    /// (so `f(1)` and `f(1.0)` are cached apart even though `1 == 1.0`).
    private func key(_ args: PyArgs, _ interp: Interpreter) -> PyValue {
        if args.keywords.isEmpty, args.positional.count == 1, !typed {
            switch args.positional[0] {
            case .int, .str: return args.positional[0]
            default: break
            }
        }
        var parts = args.positional
        if !args.keywords.isEmpty {
            parts.append(.object(PyLRUCache.keywordMark))
            for (k, v) in args.keywords { parts += [.str(k), v] }
        }
        if typed {
            parts += args.positional.map { .object(interp.typeObject(of: $0)) }
            parts += args.keywords.map { .object(interp.typeObject(of: $0.value)) }
        }
        return .tuple(parts)
    }

    private static let keywordMark = PyInstance(cls: .object)

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        let k = key(args, interp)
        if maxsize == 0 {
            misses += 1
            return try interp.call(function, args)
        }
        if let v = try cache.get(k) {
            hits += 1
            _ = try cache.move(k, toEnd: true)
            return v
        }
        misses += 1
        let result = try interp.call(function, args)
        try cache.set(k, result)
        if let m = maxsize, cache.count > m { _ = cache.popFirst() }
        return result
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        if let v = attributes[name] { return v }
        let receiver = PyValue.object(self)
        switch name {
        case "cache_info":
            return .object(PyBuiltinFunction(name: name, boundTo: receiver) { _, interp in
                let values: [PyValue] = [.int(self.hits), .int(self.misses), self.maxsize.map { .int($0) } ?? .none, .int(self.cache.count)]
                guard let info = self.info else { return .tuple(values) }
                return try interp.call(info, values)
            })
        case "cache_clear":
            return .object(PyBuiltinFunction(name: name, boundTo: receiver) { _, _ in
                self.cache.removeAll()
                self.hits = 0
                self.misses = 0
                return .none
            })
        case "cache_parameters":
            return .object(PyBuiltinFunction(name: name, boundTo: receiver) { _, _ in
                .dict(PyDict([("maxsize", self.maxsize.map { .int($0) } ?? .none), ("typed", .bool(self.typed))]))
            })
        case "__dict__":
            return .dict(attributes)
        default:
            return nil
        }
    }

    override func setAttr(_ name: String, _ value: PyValue, interp: Interpreter) throws -> Bool {
        try attributes.set(.str(name), value)
        return true
    }
}

/// A callable that a class binds to its instances, as it binds functions (`@lru_cache` on a
/// method).
protocol FunctionLike: AnyObject {}

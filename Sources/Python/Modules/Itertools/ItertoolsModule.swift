/// The `itertools` module: lazy iterators that pull from their inputs only as they are asked,
/// in CPython's order, with CPython's argument errors.
extension Interpreter {
    func makeItertoolsModule() -> PyModuleObject {
        let m = PyModuleObject(name: "itertools")
        @discardableResult
        func type(_ name: String, _ construct: @escaping (NativeType, PyArgs, Interpreter) throws -> PyValue) -> NativeType {
            let t = NativeType(name, module: "itertools", construct)
            m.set(name, .object(t))
            return t
        }
        Itertools.installInfinite(type)
        Itertools.installFiltering(type)
        Itertools.installCombinatoric(type)
        Itertools.installTee(type, in: m)
        return m
    }
}

/// The iterators of `itertools`, grouped as its documentation groups them.
enum Itertools {
    typealias TypeMaker = (String, @escaping (NativeType, PyArgs, Interpreter) throws -> PyValue) -> NativeType

    /// `count`, `cycle`, `repeat`.
    static func installInfinite(_ type: TypeMaker) {
        _ = type("count") { me, args, interp in
            let b = try args.bind(PySignature.cached("count(start=0, step=1)"))
            var current = b[0]
            let step = b[1]
            for v in [current, step] where v.asDouble == nil {
                if case .object(let o) = v, (try? o.toFloat(interp: interp)) != nil { continue }
                throw PyException(.typeError, "a number is required")
            }
            let showStep = !(step.asInt == 1 && !isFloat(step))
            return .object(ModuleIterator(me, repr: { interp in
                showStep ? "count(\(try interp.repr(current)), \(try interp.repr(step)))" : "count(\(try interp.repr(current)))"
            }) { interp in
                defer { current = (try? interp.binaryOp(.add, current, step)) ?? current }
                return current
            })
        }
        _ = type("cycle") { me, args, interp in
            try Interpreter.expectArgs(args, "cycle", min: 1, max: 1)
            let it = try interp.makeIterator(args.positional[0])
            var saved: [PyValue] = []
            var exhausted = false
            var index = 0
            return .object(ModuleIterator(me) { interp in
                if !exhausted {
                    if let v = try it.next(interp: interp) {
                        saved.append(v)
                        return v
                    }
                    exhausted = true
                }
                if saved.isEmpty { return nil }
                defer { index = (index + 1) % saved.count }
                return saved[index]
            })
        }
        _ = type("repeat") { me, args, interp in
            let b = try args.bind(PySignature.cached("repeat(object, times=None)"))
            let value = b[0]
            var remaining: Int? = b[1].isNone ? nil : max(0, try interp.index(b[1]))
            return .object(ModuleIterator(me, repr: { interp in
                if let remaining { return "repeat(\(try interp.repr(value)), \(remaining))" }
                return "repeat(\(try interp.repr(value)))"
            }) { _ in
                if let r = remaining {
                    if r <= 0 { return nil }
                    remaining = r - 1
                }
                return value
            })
        }
        func chain(_ me: NativeType, _ sources: PyIterator) -> PyValue {
            var current: PyIterator?
            return .object(ModuleIterator(me) { interp in
                while true {
                    if let c = current, let v = try c.next(interp: interp) { return v }
                    guard let nextSource = try sources.next(interp: interp) else { return nil }
                    current = try interp.makeIterator(nextSource)
                }
            })
        }
        let chainType = type("chain") { me, args, _ in
            if !args.keywords.isEmpty { throw PyException(.typeError, "chain() takes no keyword arguments") }
            return chain(me, PyArrayIterator(args.positional))
        }
        chainType.classAttributes["from_iterable"] = .object(PyBuiltinFunction(name: "from_iterable") { [unowned chainType] args, interp in
            try Interpreter.expectArgs(args, "from_iterable", min: 1, max: 1)
            return chain(chainType, try interp.makeIterator(args.positional[0]))
        })
    }

    static func isFloat(_ v: PyValue) -> Bool {
        if case .float = v { return true }
        return false
    }

    /// An `islice` bound: None or an int in [0, sys.maxsize].
    private static func sliceBound(_ v: PyValue, _ message: String, _ interp: Interpreter) throws -> Int? {
        if v.isNone { return nil }
        guard let i = try? interp.index(v), i >= 0 else { throw PyException(.valueError, message) }
        return i
    }

    /// `islice`, `accumulate`, `starmap`, `takewhile`, `dropwhile`, `filterfalse`, `compress`,
    /// `zip_longest`, `pairwise`, `groupby`.
    static func installFiltering(_ type: TypeMaker) {
        _ = type("islice") { me, args, interp in
            if !args.keywords.isEmpty { throw PyException(.typeError, "islice() takes no keyword arguments") }
            let p = args.positional
            guard p.count >= 2 && p.count <= 4 else {
                throw PyException(.typeError, p.count < 2 ? "islice expected at least 2 arguments, got \(p.count)"
                                                        : "islice expected at most 4 arguments, got \(p.count)")
            }
            let it = try interp.makeIterator(p[0])
            let stopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            let indexMessage = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            var start = 0, stop: Int?, step = 1
            if p.count == 2 {
                stop = try sliceBound(p[1], stopMessage, interp)
            } else {
                start = try sliceBound(p[1], indexMessage, interp) ?? 0
                stop = try sliceBound(p[2], stopMessage, interp)
                if p.count == 4 {
                    step = try sliceBound(p[3], "Step for islice() must be a positive integer or None.", interp) ?? 1
                    if step == 0 { throw PyException(.valueError, "Step for islice() must be a positive integer or None.") }
                }
            }
            var position = 0
            var nextWanted = start
            return .object(ModuleIterator(me) { interp in
                if let s = stop, nextWanted >= s {
                    while position < s, try it.next(interp: interp) != nil { position += 1 }
                    return nil
                }
                while position < nextWanted {
                    guard try it.next(interp: interp) != nil else { return nil }
                    position += 1
                }
                guard let v = try it.next(interp: interp) else { return nil }
                position += 1
                nextWanted = nextWanted.addingReportingOverflow(step).overflow ? Int.max : nextWanted + step
                return v
            })
        }
        _ = type("accumulate") { me, args, interp in
            let b = try args.bind(PySignature.cached("accumulate(iterable, func=None, *, initial=None)"))
            let it = try interp.makeIterator(b[0])
            let fn = b[1]
            var total: PyValue? = nil
            var pendingInitial: PyValue? = b[2].isNone ? nil : b[2]
            return .object(ModuleIterator(me) { interp in
                if let initial = pendingInitial {
                    pendingInitial = nil
                    total = initial
                    return initial
                }
                guard let v = try it.next(interp: interp) else { return nil }
                if let t = total {
                    total = fn.isNone ? try interp.binaryOp(.add, t, v) : try interp.call(fn, [t, v])
                } else {
                    total = v
                }
                return total
            })
        }
        _ = type("starmap") { me, args, interp in
            try Interpreter.expectArgs(args, "starmap", min: 2, max: 2)
            let fn = args.positional[0]
            let it = try interp.makeIterator(args.positional[1])
            return .object(ModuleIterator(me) { interp in
                guard let v = try it.next(interp: interp) else { return nil }
                guard try interp.isIterable(v) else {
                    throw PyException(.typeError, "'\(v.typeName)' object is not iterable")
                }
                return try interp.call(fn, try interp.iterate(v))
            })
        }
        _ = type("takewhile") { me, args, interp in
            try Interpreter.expectArgs(args, "takewhile", min: 2, max: 2)
            let predicate = args.positional[0]
            let it = try interp.makeIterator(args.positional[1])
            var done = false
            return .object(ModuleIterator(me) { interp in
                if done { return nil }
                guard let v = try it.next(interp: interp) else { return nil }
                if try interp.isTruthy(try interp.call(predicate, [v])) { return v }
                done = true
                return nil
            })
        }
        _ = type("dropwhile") { me, args, interp in
            try Interpreter.expectArgs(args, "dropwhile", min: 2, max: 2)
            let predicate = args.positional[0]
            let it = try interp.makeIterator(args.positional[1])
            var dropping = true
            return .object(ModuleIterator(me) { interp in
                while let v = try it.next(interp: interp) {
                    if dropping, try interp.isTruthy(try interp.call(predicate, [v])) { continue }
                    dropping = false
                    return v
                }
                return nil
            })
        }
        _ = type("filterfalse") { me, args, interp in
            try Interpreter.expectArgs(args, "filterfalse", min: 2, max: 2)
            let predicate = args.positional[0]
            let it = try interp.makeIterator(args.positional[1])
            return .object(ModuleIterator(me) { interp in
                while let v = try it.next(interp: interp) {
                    let verdict = predicate.isNone ? v : try interp.call(predicate, [v])
                    if !(try interp.isTruthy(verdict)) { return v }
                }
                return nil
            })
        }
        _ = type("compress") { me, args, interp in
            let b = try args.bind(PySignature.cached("compress(data, selectors)"))
            let data = try interp.makeIterator(b[0]), selectors = try interp.makeIterator(b[1])
            return .object(ModuleIterator(me) { interp in
                while let v = try data.next(interp: interp) {
                    guard let s = try selectors.next(interp: interp) else { return nil }
                    if try interp.isTruthy(s) { return v }
                }
                return nil
            })
        }
        _ = type("zip_longest") { me, args, interp in
            var fill = PyValue.none
            for (k, v) in args.keywords {
                guard k == "fillvalue" else { throw PyException(.typeError, "zip_longest() got an unexpected keyword argument '\(k)'") }
                fill = v
            }
            let iterators: [PyIterator?] = try args.positional.map { try interp.makeIterator($0) }
            var active = iterators
            var remaining = iterators.count
            return .object(ModuleIterator(me) { interp in
                if remaining == 0 { return nil }
                var items: [PyValue] = []
                for i in active.indices {
                    if let it = active[i], let v = try it.next(interp: interp) {
                        items.append(v)
                        continue
                    }
                    if active[i] != nil {
                        active[i] = nil
                        remaining -= 1
                        if remaining == 0 { return nil }
                    }
                    items.append(fill)
                }
                return .tuple(items)
            })
        }
        _ = type("pairwise") { me, args, interp in
            try Interpreter.expectArgs(args, "pairwise", min: 1, max: 1)
            let it = try interp.makeIterator(args.positional[0])
            var previous: PyValue?
            var started = false
            return .object(ModuleIterator(me) { interp in
                if !started {
                    started = true
                    previous = try it.next(interp: interp)
                }
                guard let a = previous, let b = try it.next(interp: interp) else {
                    previous = nil
                    return nil
                }
                previous = b
                return .tuple([a, b])
            })
        }
        installGroupBy(type)
    }
}

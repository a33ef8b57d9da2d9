/// Builtins that consume or produce iterables.
extension Interpreter {
    func installIterationBuiltins() {
        defineBuiltin("iter") { args, interp in
            try Interpreter.expectArgs(args, "iter", min: 1, max: 2)
            guard args.positional.count == 2 else { return .object(try interp.makeIterator(args.positional[0])) }
            // iter(callable, sentinel): call until the sentinel comes back.
            let (function, sentinel) = (args.positional[0], args.positional[1])
            guard try interp.isCallable(function) else { throw PyException(.typeError, "iter(v, w): v must be callable") }
            var done = false
            return .object(PyClosureIterator(typeName: "callable_iterator") { interp in
                if done { return nil }
                let v = try interp.call(function, [])
                if try interp.equals(v, sentinel) {
                    done = true
                    return nil
                }
                return v
            })
        }
        defineBuiltin("next") { args, interp in
            try Interpreter.expectArgs(args, "next", min: 1, max: 2)
            guard case .object(let it as PyIterator) = args.positional[0] else {
                if case .object(let inst as PyInstance) = args.positional[0], let m = try interp.lookupDunder(inst, "__next__") {
                    do {
                        return try interp.call(m, [])
                    } catch let e as PyException where e.matches(.stopIteration) && args.positional.count == 2 {
                        return args.positional[1]
                    }
                }
                throw PyException(.typeError, "'\(args.positional[0].typeName)' object is not an iterator")
            }
            if let v = try it.next(interp: interp) { return v }
            if args.positional.count == 2 { return args.positional[1] }
            if let g = it as? PyGenerator, let value = g.takeReturnValue(), !value.isNone {
                throw PyException(.stopIteration, args: [value])
            }
            throw PyException(.stopIteration, nil)
        }
        defineBuiltin("enumerate") { args, interp in
            let b = try args.bind(PySignature.cached("enumerate(iterable, start=0)"))
            let it = try interp.makeIterator(b[0])
            var i = try interp.index(b[1])
            return .object(PyClosureIterator(typeName: "enumerate") { interp in
                guard let v = try it.next(interp: interp) else { return nil }
                defer { i += 1 }
                return .tuple([.int(i), v])
            })
        }
        defineBuiltin("zip") { args, interp in
            var strict = false
            for (k, v) in args.keywords {
                guard k == "strict" else { throw PyException(.typeError, "zip() got an unexpected keyword argument '\(k)'") }
                strict = try interp.isTruthy(v)
            }
            let iterators = try args.positional.enumerated().map { (i, v) -> PyIterator in
                do {
                    return try interp.makeIterator(v)
                } catch let e as PyException where e.matches(.typeError) {
                    throw PyException(.typeError, "zip argument #\(i + 1) must support iteration")
                }
            }
            return .object(PyClosureIterator(typeName: "zip") { interp in
                if iterators.isEmpty { return nil }
                var items: [PyValue] = []
                for (i, it) in iterators.enumerated() {
                    guard let v = try it.next(interp: interp) else {
                        if strict {
                            if i > 0 { throw PyException(.valueError, "zip() argument \(i + 1) is shorter than argument\(i == 1 ? "" : "s") 1\(i == 1 ? "" : "-\(i)")") }
                            for (j, other) in iterators.enumerated().dropFirst() where try other.next(interp: interp) != nil {
                                throw PyException(.valueError, "zip() argument \(j + 1) is longer than argument\(j == 1 ? "" : "s") 1\(j == 1 ? "" : "-\(j)")")
                            }
                        }
                        return nil
                    }
                    items.append(v)
                }
                return .tuple(items)
            })
        }
        defineBuiltin("map") { args, interp in
            guard args.positional.count >= 2 else {
                throw PyException(.typeError, "map() must have at least two arguments.")
            }
            let fn = args.positional[0]
            let iterators = try args.positional.dropFirst().map { try interp.makeIterator($0) }
            return .object(PyClosureIterator(typeName: "map") { interp in
                var items: [PyValue] = []
                for it in iterators {
                    guard let v = try it.next(interp: interp) else { return nil }
                    items.append(v)
                }
                return try interp.call(fn, items)
            })
        }
        defineBuiltin("filter") { args, interp in
            try Interpreter.expectArgs(args, "filter", min: 2, max: 2)
            let fn = args.positional[0]
            let it = try interp.makeIterator(args.positional[1])
            return .object(PyClosureIterator(typeName: "filter") { interp in
                while let v = try it.next(interp: interp) {
                    let keep = fn.isNone ? v : try interp.call(fn, [v])
                    if try interp.isTruthy(keep) { return v }
                }
                return nil
            })
        }
        defineBuiltin("reversed") { args, interp in
            try Interpreter.expectArgs(args, "reversed", min: 1, max: 1)
            let v = args.positional[0]
            switch v {
            case .list(let l): return .object(PyArrayIterator(l.items.reversed(), typeName: "list_reverseiterator"))
            case .tuple(let t): return .object(PyArrayIterator(t.reversed(), typeName: "reversed"))
            case .str(let s): return .object(PyArrayIterator(s.reversed().map { .str(String($0)) }, typeName: "reversed"))
            case .object(let r as PyRange):
                return .object(r.reversedIterator())
            case .object(let inst as PyInstance):
                if let m = try interp.lookupDunder(inst, "__reversed__") { return try interp.call(m, []) }
                if let n = try inst.length(interp: interp), let g = try interp.lookupDunder(inst, "__getitem__") {
                    var items: [PyValue] = []
                    for i in stride(from: n - 1, through: 0, by: -1) { items.append(try interp.call(g, [.int(i)])) }
                    return .object(PyArrayIterator(items, typeName: "reversed"))
                }
            case .object:
                if let m = try interp.getAttributeIfPresent(v, "__reversed__") { return try interp.call(m, []) }
            default: break
            }
            throw PyException(.typeError, "'\(v.typeName)' object is not reversible")
        }
        defineBuiltin("sorted") { args, interp in
            guard args.positional.count == 1 else {
                throw PyException(.typeError, "sorted expected 1 argument, got \(args.positional.count)")
            }
            var key: PyValue = .none
            var reverse = false
            for (k, v) in args.keywords {
                switch k {
                case "key": key = v
                case "reverse": reverse = try interp.isTruthy(v)
                default: throw PyException(.typeError, "sort() got an unexpected keyword argument '\(k)'")
                }
            }
            var values = try interp.iterate(args.positional[0])
            try interp.sortValues(&values, key: key, reverse: reverse)
            return .list(PyList(values))
        }
        defineBuiltin("sum") { args, interp in
            let b = try args.bind(PySignature.cached("sum(iterable, /, start=0)"))
            var total = b[1]
            if case .str = total {
                throw PyException(.typeError, "sum() can't sum strings [use ''.join(seq) instead]")
            }
            try interp.forEach(b[0]) { v in
                if case .int(let x) = total, case .int(let y) = v {
                    let (r, o) = x.addingReportingOverflow(y)
                    if o { throw interp.overflow() }
                    total = .int(r)
                } else if case .float(let x) = total, case .float(let y) = v {
                    total = .float(x + y)
                } else {
                    total = try interp.binaryOp(.add, total, v)
                }
                return true
            }
            return total
        }
        defineBuiltin("any") { args, interp in
            try Interpreter.expectArgs(args, "any", min: 1, max: 1)
            var result = false
            try interp.forEach(args.positional[0]) { v in
                if try interp.isTruthy(v) { result = true; return false }
                return true
            }
            return .bool(result)
        }
        defineBuiltin("all") { args, interp in
            try Interpreter.expectArgs(args, "all", min: 1, max: 1)
            var result = true
            try interp.forEach(args.positional[0]) { v in
                if !(try interp.isTruthy(v)) { result = false; return false }
                return true
            }
            return .bool(result)
        }
        defineBuiltin("min") { args, interp in try interp.extremum(args, "min", .lt) }
        defineBuiltin("max") { args, interp in try interp.extremum(args, "max", .gt) }
    }

    func extremum(_ args: PyArgs, _ name: String, _ op: PyCompareOp) throws -> PyValue {
        var key: PyValue = .none
        var defaultValue: PyValue?
        for (k, v) in args.keywords {
            switch k {
            case "key": key = v
            case "default": defaultValue = v
            default: throw PyException(.typeError, "'\(k)' is an invalid keyword argument for \(name)()")
            }
        }
        let values: [PyValue]
        switch args.positional.count {
        case 0: throw PyException(.typeError, "\(name) expected at least 1 argument, got 0")
        case 1: values = try iterate(args.positional[0])
        default:
            if defaultValue != nil {
                throw PyException(.typeError, "Cannot specify a default for \(name)() with multiple positional arguments")
            }
            values = args.positional
        }
        guard var best = values.first else {
            if let d = defaultValue { return d }
            throw PyException(.valueError, "\(name)() arg is an empty sequence")
        }
        var bestKey = key.isNone ? best : try call(key, [best])
        for v in values.dropFirst() {
            let k = key.isNone ? v : try call(key, [v])
            if try compareTruth(op, k, bestKey) {
                best = v
                bestKey = k
            }
        }
        return best
    }

    /// Stable merge sort with Python's `<` (and `key`, `reverse`), as `list.sort` does.
    func sortValues(_ values: inout [PyValue], key: PyValue, reverse: Bool) throws {
        if values.count < 2 { return }
        let keys = key.isNone ? values : try values.map { try call(key, [$0]) }
        var order = Array(values.indices)
        var buffer = order
        var width = 1
        let n = order.count
        while width < n {
            var start = 0
            while start < n {
                let mid = min(start + width, n)
                let end = min(start + 2 * width, n)
                var i = start, j = mid, k = start
                while i < mid && j < end {
                    let takeRight = reverse ? try compareTruth(.lt, keys[order[i]], keys[order[j]])
                                            : try compareTruth(.lt, keys[order[j]], keys[order[i]])
                    if takeRight {
                        buffer[k] = order[j]
                        j += 1
                    } else {
                        buffer[k] = order[i]
                        i += 1
                    }
                    k += 1
                }
                while i < mid { buffer[k] = order[i]; i += 1; k += 1 }
                while j < end { buffer[k] = order[j]; j += 1; k += 1 }
                start = end
            }
            swap(&order, &buffer)
            width *= 2
        }
        values = order.map { values[$0] }
    }
}

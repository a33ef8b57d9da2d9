/// `collections.Counter`: counting, `most_common`, `elements`, `update`/`subtract` and the
/// multiset operators, computed as CPython's Counter methods compute them.
extension Interpreter {
    /// The items by count, highest first; equal counts keep their insertion order.
    func counterMostCommon(_ d: PyDict) throws -> [(key: PyValue, value: PyValue)] {
        var items = d.items
        var order = Array(items.indices)
        try sortIndices(&order) { i, j in try compareTruth(.gt, items[i].value, items[j].value) }
        items = order.map { items[$0] }
        return items
    }

    /// A stable merge sort of indices by `before`.
    private func sortIndices(_ order: inout [Int], _ before: (Int, Int) throws -> Bool) throws {
        var width = 1
        var buffer = order
        while width < order.count {
            var start = 0
            while start < order.count {
                let mid = min(start + width, order.count), end = min(start + 2 * width, order.count)
                var i = start, j = mid, k = start
                while i < mid && j < end {
                    if try before(order[j], order[i]) {
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
    }

    /// `Counter.update` (or `subtract`): counts from a mapping's values, or one per element of
    /// an iterable, added to (subtracted from) the current counts.
    func counterUpdate(_ d: PyDict, _ args: PyArgs, subtract: Bool) throws {
        func adjust(_ key: PyValue, _ amount: PyValue) throws {
            let current = try d.get(key) ?? .int(0)
            try d.set(key, try binaryOp(subtract ? .sub : .add, current, amount))
        }
        if let source = args.positional.first {
            var pairs: [(key: PyValue, value: PyValue)]?
            if case .dict(let other) = source {
                pairs = other.items
            } else if case .object(let o) = source, !(o is PyIterator), let keys = try getAttributeIfPresent(source, "keys") {
                pairs = try iterate(try call(keys, [])).map { ($0, try getItem(source, $0)) }
            }
            if let pairs {
                if d.count == 0 && !subtract {
                    for (k, v) in pairs { try d.set(k, v) }
                } else {
                    for (k, v) in pairs { try adjust(k, v) }
                }
            } else {
                try forEach(source) { element in
                    try adjust(element, .int(1))
                    return true
                }
            }
        }
        if !args.keywords.isEmpty {
            try counterUpdate(d, PyArgs([.dict(PyDict(args.keywords.map { ($0.name, $0.value) }))]), subtract: subtract)
        }
    }

    /// Counter equality: missing elements count as zero.
    func counterEquals(_ x: PyDict, _ y: PyDict) throws -> Bool {
        for (a, b) in [(x, y), (y, x)] {
            for (k, v) in a.items where !(try equalsItem(v, try b.get(k) ?? .int(0))) { return false }
        }
        return true
    }

    /// `+`, `-`, `|`, `&` of two Counters (only positive counts are kept), or nil.
    func counterOperation(_ op: PyBinaryOp, _ x: PyDict, _ y: PyDict) throws -> PyValue? {
        let result = PyDict()
        result.kind = .counter
        let zero = PyValue.int(0)
        func keepPositive(_ key: PyValue, _ count: PyValue) throws {
            if try compareTruth(.gt, count, zero) { try result.set(key, count) }
        }
        switch op {
        case .add, .sub:
            for (k, count) in x.items {
                try keepPositive(k, try binaryOp(op, count, try y.get(k) ?? zero))
            }
            for (k, count) in y.items where try !x.contains(k) {
                if op == .add {
                    try keepPositive(k, count)
                } else if try compareTruth(.lt, count, zero) {
                    try result.set(k, try binaryOp(.sub, zero, count))
                }
            }
        case .or, .and:
            for (k, count) in x.items {
                let other = try y.get(k) ?? zero
                let takeOther = try compareTruth(.lt, count, other) == (op == .or)
                try keepPositive(k, takeOther ? other : count)
            }
            if op == .or {
                for (k, count) in y.items where try !x.contains(k) { try keepPositive(k, count) }
            }
        default:
            return nil
        }
        return .dict(result)
    }

    /// The methods only a Counter has.
    func counterMethod(_ d: PyDict, _ name: String) -> PyValue? {
        let receiver = PyValue.dict(d)
        switch name {
        case "most_common":
            return method(name, receiver) { args, interp in
                let b = try args.bind(PySignature.cached("Counter.most_common(n=None)"))
                var items = try interp.counterMostCommon(d)
                if !b[0].isNone { items = Array(items.prefix(max(0, try interp.index(b[0])))) }
                return .list(PyList(items.map { .tuple([$0.key, $0.value]) }))
            }
        case "elements":
            return method(name, receiver) { args, interp in
                try Interpreter.expectArgs(args, "elements", min: 0, max: 0)
                var out: [PyValue] = []
                for (k, v) in d.items {
                    let n = try interp.index(v)
                    try interp.checkRepetition(out.count + max(n, 0), 1)
                    if n > 0 { out.append(contentsOf: repeatElement(k, count: n)) }
                }
                return .object(PyArrayIterator(out, typeName: "chain"))
            }
        case "update", "subtract":
            return method(name, receiver) { args, interp in
                if args.positional.count > 1 { throw PyException(.typeError, "expected at most 1 argument, got \(args.positional.count)") }
                try interp.counterUpdate(d, args, subtract: name == "subtract")
                return .none
            }
        case "total":
            return method(name, receiver) { _, interp in
                var total = PyValue.int(0)
                for v in d.values { total = try interp.binaryOp(.add, total, v) }
                return total
            }
        default:
            return nil
        }
    }
}

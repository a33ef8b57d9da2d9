import Foundation

/// Integers and sequences: `randrange`, `randint`, `choice`, `choices`, `shuffle`, `sample`.
extension PyRandom {
    /// An argument of `randrange`: an int, or an integral float (deprecated but accepted).
    private func rangeArgument(_ v: PyValue, _ what: String, _ interp: Interpreter, direct: Bool) throws -> Int {
        if case .float(let d) = v {
            guard d == d.rounded(), let i = Int(exactly: d) else {
                interp.warn(.deprecationWarning, "randrange() will raise TypeError in the future", fromLesson: direct)
                throw PyException(.valueError, "non-integer \(what) for randrange()")
            }
            interp.warn(.deprecationWarning, "non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version", fromLesson: direct)
            return i
        }
        return try interp.index(v)
    }

    func randrange(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        try randrange(args, interp, direct: true)
    }

    private func randrange(_ args: PyArgs, _ interp: Interpreter, direct: Bool) throws -> PyValue {
        let b = try bindMethod(args, "Random.randrange(self, start, stop=None, step=1)")
        let start = try rangeArgument(b[0], "arg 1", interp, direct: direct)
        if b[1].isNone {
            if args.positional.count > 2 || args.keyword("step") != nil {
                throw PyException(.typeError, "Missing a non-None stop argument")
            }
            if start > 0 { return .int(below(start)) }
            throw PyException(.valueError, "empty range for randrange()")
        }
        let stop = try rangeArgument(b[1], "stop", interp, direct: direct)
        let (width, overflow) = stop.subtractingReportingOverflow(start)
        if overflow { throw interp.overflow() }
        let step = try rangeArgument(b[2], "step", interp, direct: direct)
        if step == 1 {
            if width > 0 { return .int(start + below(width)) }
            throw PyException(.valueError, "empty range for randrange() (\(start), \(stop), \(width))")
        }
        if step == 0 { throw PyException(.valueError, "zero step for randrange()") }
        let adjusted = step > 0 ? width.addingReportingOverflow(step - 1) : width.addingReportingOverflow(step + 1)
        if adjusted.overflow || (adjusted.partialValue == Int.min && step == -1) { throw interp.overflow() }
        let n = Interpreter.floorDiv(adjusted.partialValue, step)
        if n <= 0 { throw PyException(.valueError, "empty range for randrange()") }
        let (offset, o) = step.multipliedReportingOverflow(by: below(n))
        if o { throw interp.overflow() }
        return .int(start + offset)
    }

    func randint(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.randint(self, a, b)")
        let stop = try interp.binaryOp(.add, b[1], .int(1))
        return try randrange(PyArgs([b[0], stop]), interp, direct: false)
    }

    func choice(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.choice(self, seq)")
        let n = try interp.length(b[0])
        if n == 0 { throw PyException(.indexError, "Cannot choose from an empty sequence") }
        return try interp.getItem(b[0], .int(below(n)))
    }

    func shuffle(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.shuffle(self, x)")
        let x = b[0]
        let n = try interp.length(x)
        var i = n - 1
        while i >= 1 {
            let j = below(i + 1)
            if case .list(let l) = x, l.items.count == n {
                l.items.swapAt(i, j)
            } else {
                let a = try interp.getItem(x, .int(i)), c = try interp.getItem(x, .int(j))
                try interp.setItem(x, .int(i), c)
                try interp.setItem(x, .int(j), a)
            }
            i -= 1
        }
        return .none
    }

    /// True for the sequences `sample` accepts (not sets or dicts).
    private func isSequence(_ v: PyValue) -> Bool {
        switch v {
        case .list, .tuple, .str: return true
        case .object(let o): return o is PyRange || o is PyInstance
        default: return false
        }
    }

    func sample(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.sample(self, population, k, *, counts=None)")
        let population = b[0]
        guard isSequence(population) else {
            throw PyException(.typeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
        }
        let n = try interp.length(population)
        if !b[2].isNone {
            return try sampleWithCounts(population, n, b[1], b[2], interp)
        }
        let k = try interp.index(b[1])
        guard k >= 0 && k <= n else { throw PyException(.valueError, "Sample larger than population or is negative") }
        var result: [PyValue] = []
        result.reserveCapacity(k)
        var setSize = 21
        if k > 5 {
            setSize += Int(Foundation.pow(4.0, Foundation.ceil(Foundation.log(Double(k * 3)) / Foundation.log(4.0))))
        }
        if n <= setSize {
            var pool = try interp.iterate(population)
            for i in 0..<k {
                let j = below(n - i)
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var j = below(n)
                while selected.contains(j) { j = below(n) }
                selected.insert(j)
                result.append(try interp.getItem(population, .int(j)))
            }
        }
        return .list(PyList(result))
    }

    private func sampleWithCounts(_ population: PyValue, _ n: Int, _ k: PyValue, _ counts: PyValue, _ interp: Interpreter) throws -> PyValue {
        var cumulative: [Int] = []
        var total = 0
        for c in try interp.iterate(counts) {
            guard case .int(let count) = c else { throw PyException(.typeError, "Counts must be integers") }
            let (t, o) = total.addingReportingOverflow(count)
            if o { throw interp.overflow() }
            total = t
            cumulative.append(total)
        }
        if cumulative.count != n { throw PyException(.valueError, "The number of counts does not match the population") }
        cumulative.removeLast()
        if total <= 0 { throw PyException(.valueError, "Total of counts must be greater than zero") }
        guard case .list(let picks) = try sample(PyArgs([.object(PyRange(start: 0, stop: total, step: 1)), k]), interp) else {
            return .list(PyList())
        }
        return .list(PyList(try picks.items.map { pick in
            let s = pick.asInt ?? 0
            var lo = 0, hi = cumulative.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if s < cumulative[mid] { hi = mid } else { lo = mid + 1 }
            }
            return try interp.getItem(population, .int(lo))
        }))
    }

    func choices(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.choices(self, population, weights=None, *, cum_weights=None, k=1)")
        let population = b[0]
        let n = try interp.length(population)
        let k = try interp.index(b[3])
        var cumulative: [PyValue]
        if b[2].isNone {
            if b[1].isNone {
                let count = Double(n)
                var out: [PyValue] = []
                for _ in 0..<max(k, 0) {
                    out.append(try interp.getItem(population, .int(Int(Foundation.floor(twister.nextDouble() * count)))))
                }
                return .list(PyList(out))
            }
            if case .int(let given) = b[1] {
                throw PyException(.typeError, "The number of choices must be a keyword argument: k=\(given)")
            }
            cumulative = []
            var running: PyValue?
            for w in try interp.iterate(b[1]) {
                running = try running.map { try interp.binaryOp(.add, $0, w) } ?? w
                cumulative.append(running ?? w)
            }
        } else {
            if !b[1].isNone { throw PyException(.typeError, "Cannot specify both weights and cumulative weights") }
            cumulative = try interp.iterate(b[2])
        }
        if cumulative.count != n { throw PyException(.valueError, "The number of weights does not match the population") }
        // CPython reads cum_weights[-1] next: an empty population fails there.
        if n == 0 { throw PyException(.indexError, "list index out of range") }
        let total = try interp.toDouble(try interp.binaryOp(.add, cumulative[n - 1], .float(0)))
        if total <= 0 { throw PyException(.valueError, "Total of weights must be greater than zero") }
        if !total.isFinite { throw PyException(.valueError, "Total of weights must be finite") }
        var out: [PyValue] = []
        for _ in 0..<max(k, 0) {
            let x = PyValue.float(twister.nextDouble() * total)
            var lo = 0, hi = n - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if try interp.compareTruth(.lt, x, cumulative[mid]) { hi = mid } else { lo = mid + 1 }
            }
            out.append(try interp.getItem(population, .int(lo)))
        }
        return .list(PyList(out))
    }
}

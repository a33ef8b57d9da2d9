/// The `heapq` module with CPython's sift order (so heaps print as Python's do), and
/// `nsmallest`/`nlargest`, which Python defines to equal `sorted(...)[:n]`.
extension Interpreter {
    func makeHeapqModule() -> PyModuleObject {
        let m = PyModuleObject(name: "heapq")
        func define(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            m.set(name, .object(PyBuiltinFunction(name: name, body)))
        }
        func heap(_ args: PyArgs, _ name: String, count: Int) throws -> PyList {
            try Interpreter.expectArgs(args, name, min: count, max: count)
            guard case .list(let l) = args.positional[0] else {
                let what = count == 1 ? "argument" : "argument 1"
                throw PyException(.typeError, "\(name)() \(what) must be list, not \(args.positional[0].typeName)")
            }
            return l
        }
        define("heappush") { args, interp in
            let h = try heap(args, "heappush", count: 2)
            h.items.append(args.positional[1])
            try interp.siftDown(h, start: 0, pos: h.count - 1)
            return .none
        }
        define("heappop") { args, interp in
            let h = try heap(args, "heappop", count: 1)
            guard let last = h.items.popLast() else { throw PyException(.indexError, "index out of range") }
            if h.items.isEmpty { return last }
            let top = h.items[0]
            h.items[0] = last
            try interp.siftUp(h, pos: 0)
            return top
        }
        define("heapreplace") { args, interp in
            let h = try heap(args, "heapreplace", count: 2)
            guard let top = h.items.first else { throw PyException(.indexError, "index out of range") }
            h.items[0] = args.positional[1]
            try interp.siftUp(h, pos: 0)
            return top
        }
        define("heappushpop") { args, interp in
            let h = try heap(args, "heappushpop", count: 2)
            let item = args.positional[1]
            guard let top = h.items.first, try interp.isTruthy(try interp.compare(.lt, top, item)) else { return item }
            guard !h.items.isEmpty else { throw PyException(.indexError, "index out of range") }
            h.items[0] = item
            try interp.siftUp(h, pos: 0)
            return top
        }
        define("heapify") { args, interp in
            let h = try heap(args, "heapify", count: 1)
            for i in stride(from: h.count / 2 - 1, through: 0, by: -1) { try interp.siftUp(h, pos: i) }
            return .none
        }
        for (name, reverse) in [("nsmallest", false), ("nlargest", true)] {
            define(name) { args, interp in
                let b = try args.bind(PySignature.cached("\(name)(n, iterable, key=None)"))
                let n = try interp.index(b[0])
                let sorted = try interp.call(interp.builtins.get("sorted") ?? .none,
                                             PyArgs([b[1]], keywords: [("key", b[2]), ("reverse", .bool(reverse))]))
                guard case .list(let l) = sorted else { return sorted }
                return .list(PyList(Array(l.items.prefix(Swift.max(n, 0)))))
            }
        }
        return m
    }

    /// Moves the item at `pos` up towards `start` while it is smaller than its parent.
    fileprivate func siftDown(_ h: PyList, start: Int, pos: Int) throws {
        let count = h.count
        guard pos >= 0 && pos < count else { return }
        let item = h.items[pos]
        var pos = pos
        while pos > start {
            let parentPos = (pos - 1) >> 1
            let parent = h.items[parentPos]
            let smaller = try isTruthy(try compare(.lt, item, parent))
            guard h.count == count else { throw PyException(.runtimeError, "list changed size during iteration") }
            if !smaller { break }
            h.items[pos] = parent
            pos = parentPos
        }
        h.items[pos] = item
    }

    /// Moves the item at `pos` down to a leaf along the smaller children, then back up.
    fileprivate func siftUp(_ h: PyList, pos: Int) throws {
        let count = h.count
        guard pos < count else { return }
        let start = pos
        let item = h.items[pos]
        var pos = pos
        var child = 2 * pos + 1
        while child < count {
            let right = child + 1
            if right < count {
                let leftSmaller = try isTruthy(try compare(.lt, h.items[child], h.items[right]))
                guard h.count == count else { throw PyException(.runtimeError, "list changed size during iteration") }
                if !leftSmaller { child = right }
            }
            h.items[pos] = h.items[child]
            pos = child
            child = 2 * pos + 1
        }
        h.items[pos] = item
        try siftDown(h, start: start, pos: pos)
    }
}

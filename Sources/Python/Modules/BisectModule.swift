/// The `bisect` module: binary search and insertion in sorted sequences, with `key`.
extension Interpreter {
    func makeBisectModule() -> PyModuleObject {
        let m = PyModuleObject(name: "bisect")
        for (name, right, insert) in [("bisect_left", false, false), ("bisect_right", true, false),
                                      ("insort_left", false, true), ("insort_right", true, true)] {
            let f = PyValue.object(PyBuiltinFunction(name: name) { args, interp in
                let b = try args.bind(PySignature.cached("\(name)(a, x, lo=0, hi=None, *, key=None)"))
                let (a, x, key) = (b[0], b[1], b[4])
                var lo = try interp.index(b[2])
                if lo < 0 { throw PyException(.valueError, "lo must be non-negative") }
                var hi = b[3].isNone ? try interp.length(a) : try interp.index(b[3])
                // insort compares the key of the new item; bisect compares x itself.
                let probe = insert && !key.isNone ? try interp.call(key, [x]) : x
                while lo < hi {
                    let mid = Int((UInt(bitPattern: lo) + UInt(bitPattern: hi)) / 2)
                    var item = try interp.getItem(a, .int(mid))
                    if !key.isNone { item = try interp.call(key, [item]) }
                    let goLeft = right ? try interp.isTruthy(try interp.compare(.lt, probe, item))
                                       : !(try interp.isTruthy(try interp.compare(.lt, item, probe)))
                    if goLeft { hi = mid } else { lo = mid + 1 }
                }
                if insert {
                    _ = try interp.call(try interp.getAttribute(a, "insert"), [.int(lo), x])
                    return .none
                }
                return .int(lo)
            })
            m.set(name, f)
            if right { m.set(insert ? "insort" : "bisect", f) }
        }
        return m
    }
}

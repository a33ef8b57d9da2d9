/// `product`, `permutations`, `combinations` and `combinations_with_replacement`: the inputs are
/// read into tuples first, then indices advance in lexicographic order, as CPython's do.
extension Itertools {
    static func installCombinatoric(_ type: TypeMaker) {
        _ = type("product") { me, args, interp in
            var repeatCount = 1
            for (k, v) in args.keywords {
                guard k == "repeat" else { throw PyException(.typeError, "product() got an unexpected keyword argument '\(k)'") }
                repeatCount = try interp.index(v)
            }
            if repeatCount < 0 { throw PyException(.valueError, "repeat argument cannot be negative") }
            let pools = try args.positional.map { try interp.iterate($0) }
            var all: [[PyValue]] = []
            for _ in 0..<repeatCount { all += pools }
            var indices = [Int](repeating: 0, count: all.count)
            var done = all.contains { $0.isEmpty }
            var first = true
            return .object(ModuleIterator(me) { _ in
                if done { return nil }
                if first {
                    first = false
                } else {
                    var i = all.count - 1
                    while i >= 0 {
                        indices[i] += 1
                        if indices[i] < all[i].count { break }
                        indices[i] = 0
                        i -= 1
                    }
                    if i < 0 {
                        done = true
                        return nil
                    }
                }
                return .tuple(indices.enumerated().map { all[$0.offset][$0.element] })
            })
        }
        _ = type("permutations") { me, args, interp in
            let b = try args.bind(PySignature.cached("permutations(iterable, r=None)"))
            let pool = try interp.iterate(b[0])
            let n = pool.count
            let r = b[1].isNone ? n : try interp.index(b[1])
            if r < 0 { throw PyException(.valueError, "r must be non-negative") }
            var indices = Array(0..<n)
            var cycles = Array(stride(from: n, to: n - min(r, n), by: -1))
            var done = r > n
            var first = true
            return .object(ModuleIterator(me) { _ in
                if done { return nil }
                if first {
                    first = false
                    return .tuple(indices.prefix(r).map { pool[$0] })
                }
                var i = r - 1
                while i >= 0 {
                    cycles[i] -= 1
                    if cycles[i] == 0 {
                        let moved = indices.remove(at: i)
                        indices.append(moved)
                        cycles[i] = n - i
                    } else {
                        indices.swapAt(i, n - cycles[i])
                        return .tuple(indices.prefix(r).map { pool[$0] })
                    }
                    i -= 1
                }
                done = true
                return nil
            })
        }
        _ = type("combinations") { me, args, interp in
            let b = try args.bind(PySignature.cached("combinations(iterable, r)"))
            return .object(try combinations(me, try interp.iterate(b[0]), try interp.index(b[1]), replacement: false, interp))
        }
        _ = type("combinations_with_replacement") { me, args, interp in
            let b = try args.bind(PySignature.cached("combinations_with_replacement(iterable, r)"))
            return .object(try combinations(me, try interp.iterate(b[0]), try interp.index(b[1]), replacement: true, interp))
        }
    }

    private static func combinations(_ type: NativeType, _ pool: [PyValue], _ r: Int, replacement: Bool,
                                     _ interp: Interpreter) throws -> ModuleIterator {
        if r < 0 { throw PyException(.valueError, "r must be non-negative") }
        let n = pool.count
        var done = replacement ? (n == 0 && r > 0) : r > n
        // CPython allocates r indices first (MemoryError when it cannot); with nothing to
        // yield, gradviz allocates none.
        if done {
            try Interpreter.checkAllocatable(r, bytesPerElement: MemoryLayout<Int>.size)
        } else {
            try interp.checkLength(r, bytesPerElement: MemoryLayout<Int>.size)
        }
        var indices = done ? [] : replacement ? [Int](repeating: 0, count: r) : Array(0..<r)
        var first = true
        return ModuleIterator(type) { _ in
            if done { return nil }
            if first {
                first = false
                return .tuple(indices.map { pool[$0] })
            }
            var i = r - 1
            while i >= 0 {
                let limit = replacement ? n - 1 : i + n - r
                if indices[i] != limit { break }
                i -= 1
            }
            if i < 0 {
                done = true
                return nil
            }
            if replacement {
                let v = indices[i] + 1
                for j in i..<r { indices[j] = v }
            } else {
                indices[i] += 1
                for j in (i + 1)..<max(i + 1, r) { indices[j] = indices[j - 1] + 1 }
            }
            return .tuple(indices.map { pool[$0] })
        }
    }
}

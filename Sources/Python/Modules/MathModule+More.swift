import Foundation

/// The rest of `math`: CPython's gamma functions, integer functions (isqrt, lcm, perm),
/// float decomposition (frexp, ldexp, modf) and the IEEE helpers (remainder, nextafter, ulp).
extension Interpreter {
    func addMoreMathFunctions(to m: PyModuleObject) {
        func define(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            m.set(name, .object(PyBuiltinFunction(name: name, body)))
        }
        func real(_ args: PyArgs, _ name: String, count: Int, _ interp: Interpreter) throws -> [Double] {
            try Interpreter.expectArgs(args, name, min: count, max: count)
            return try args.positional.map { try interp.toDouble($0) }
        }
        for (name, fn) in [("gamma", MathGamma.gamma), ("lgamma", MathGamma.lgamma)] {
            define(name) { args, interp in
                switch fn(try real(args, name, count: 1, interp)[0]) {
                case .value(let r): return .float(r)
                case .domainError: throw PyException(.valueError, "math domain error")
                case .rangeError: throw PyException(.overflowError, "math range error")
                }
            }
        }
        for (name, fn) in [("cbrt", Foundation.cbrt), ("exp2", Foundation.exp2)] as [(String, (Double) -> Double)] {
            define(name) { args, interp in
                let x = try real(args, name, count: 1, interp)[0]
                let r = fn(x)
                if r.isInfinite && x.isFinite { throw PyException(.overflowError, "math range error") }
                return .float(r)
            }
        }
        define("isqrt") { args, interp in
            try Interpreter.expectArgs(args, "isqrt", min: 1, max: 1)
            let n = try interp.index(args.positional[0])
            if n < 0 { throw PyException(.valueError, "isqrt() argument must be nonnegative") }
            // The float estimate is within one of the answer; correct it exactly.
            var r = Int(Double(n).squareRoot())
            while r > 0 && r.multipliedReportingOverflow(by: r).overflow || r * r > n { r -= 1 }
            while !(r + 1).multipliedReportingOverflow(by: r + 1).overflow && (r + 1) * (r + 1) <= n { r += 1 }
            return .int(r)
        }
        define("lcm") { args, interp in
            // On magnitudes; a zero anywhere makes the result 0 even after a product too large.
            var l: UInt = 1, zero = false, tooLarge = false
            for a in args.positional {
                let x = try interp.index(a).magnitude
                if x == 0 { zero = true }
                if zero || tooLarge { continue }
                let (v, o) = (l / Interpreter.gcdOfMagnitudes(l, x)).multipliedReportingOverflow(by: x)
                if o { tooLarge = true } else { l = v }
            }
            if zero { return .int(0) }
            guard !tooLarge, let result = Int(exactly: l) else { throw interp.overflow() }
            return .int(result)
        }
        define("perm") { args, interp in
            try Interpreter.expectArgs(args, "perm", min: 1, max: 2)
            let n = try interp.index(args.positional[0])
            let kv = args.positional.count == 2 ? args.positional[1] : .none
            let k = kv.isNone ? n : try interp.index(kv)
            if n < 0 { throw PyException(.valueError, "n must be a non-negative integer") }
            if k < 0 { throw PyException(.valueError, "k must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = 1
            for i in 0..<k {
                guard case .int(let v) = try interp.intOp(.mul, r, n - i) else { throw interp.overflow() }
                r = v
            }
            return .int(r)
        }
        define("dist") { args, interp in
            try Interpreter.expectArgs(args, "dist", min: 2, max: 2)
            let p = try interp.iterate(args.positional[0]).map { try interp.toDouble($0) }
            let q = try interp.iterate(args.positional[1]).map { try interp.toDouble($0) }
            if p.count != q.count { throw PyException(.valueError, "both points must have the same number of dimensions") }
            return .float(Interpreter.vectorNorm(zip(p, q).map { Swift.abs($0 - $1) }))
        }
        define("frexp") { args, interp in
            let x = try real(args, "frexp", count: 1, interp)[0]
            if x == 0 || !x.isFinite { return .tuple([.float(x), .int(0)]) }
            // Python's mantissa lies in [0.5, 1); Swift's significand in [1, 2).
            return .tuple([.float(x.significand / 2 * (x < 0 ? -1 : 1)), .int(Int(x.exponent) + 1)])
        }
        define("ldexp") { args, interp in
            try Interpreter.expectArgs(args, "ldexp", min: 2, max: 2)
            let x = try interp.toDouble(args.positional[0])
            let e: Int
            switch args.positional[1] {
            case .int(let i): e = i
            case .bool(let b): e = b ? 1 : 0
            default: throw PyException(.typeError, "Expected an int as second argument to ldexp.")
            }
            if x == 0 || !x.isFinite { return .float(x) }
            let r = Foundation.scalbn(x, Swift.max(-10_000, Swift.min(10_000, e)))
            if r.isInfinite { throw PyException(.overflowError, "math range error") }
            return .float(r)
        }
        define("modf") { args, interp in
            let x = try real(args, "modf", count: 1, interp)[0]
            if x.isInfinite { return .tuple([.float(Foundation.copysign(0, x)), .float(x)]) }
            let whole = x.rounded(.towardZero)
            return .tuple([.float(Foundation.copysign(x - whole, x)), .float(whole)])
        }
        define("remainder") { args, interp in
            let v = try real(args, "remainder", count: 2, interp)
            let (x, y) = (v[0], v[1])
            if x.isNaN || y.isNaN { return .float(.nan) }
            if x.isInfinite || y == 0 { throw PyException(.valueError, "math domain error") }
            return .float(y.isInfinite ? x : x.remainder(dividingBy: y))
        }
        define("nextafter") { args, interp in
            let v = try real(args, "nextafter", count: 2, interp)
            return .float(Foundation.nextafter(v[0], v[1]))
        }
        define("ulp") { args, interp in
            let x = Swift.abs(try real(args, "ulp", count: 1, interp)[0])
            if !x.isFinite { return .float(x) }
            if x == .greatestFiniteMagnitude { return .float(x - x.nextDown) }
            return .float(x.nextUp - x)
        }
    }

    /// The Euclidean norm of non-negative values as CPython computes it: scaled by a power of
    /// two, squares summed in doubled precision, the square root corrected once, so that the
    /// result is correctly rounded in practice (and so prints as Python's does).
    static func vectorNorm(_ values: [Double]) -> Double {
        if values.contains(.infinity) { return .infinity }
        if values.contains(where: \.isNaN) { return .nan }
        var vec = values
        var maxValue = vec.max() ?? 0
        if maxValue == 0 || vec.count <= 1 { return maxValue }
        var unscale = 1.0
        if maxValue.exponent < -1022 {
            // Subnormal: bring everything into the normal range first.
            vec = vec.map { $0 / Double.leastNormalMagnitude }
            maxValue /= Double.leastNormalMagnitude
            unscale = Double.leastNormalMagnitude
        }
        let scale = Foundation.scalbn(1.0, -(Int(maxValue.exponent) + 1))
        var csum = 1.0, frac1 = 0.0, frac2 = 0.0
        func add(_ square: Double, _ squareLow: Double) {
            let hi = csum + square
            frac2 += square - (hi - csum)
            csum = hi
            frac1 += squareLow
        }
        for v in vec {
            let x = v * scale
            let sq = x * x
            add(sq, Foundation.fma(x, x, -sq))
        }
        var h = (csum - 1 + (frac1 + frac2)).squareRoot()
        let negSq = -h * h
        add(negSq, Foundation.fma(-h, h, -negSq))
        let x = csum - 1 + (frac1 + frac2)
        h += x / (2 * h)
        return h / scale * unscale
    }
}

import Foundation

/// The `math` module.
extension Interpreter {
    /// Euclid's algorithm on magnitudes (`gcd(0, 0) == 0`).
    static func gcdOfMagnitudes(_ a: UInt, _ b: UInt) -> UInt {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    func makeMathModule() -> PyModuleObject {
        let m = PyModuleObject(name: "math")
        m.set([("pi", .float(Double.pi)), ("e", .float(M_E)), ("tau", .float(2 * Double.pi)),
               ("inf", .float(.infinity)), ("nan", .float(.nan))])
        func define(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            m.set(name, .object(PyBuiltinFunction(name: name, body)))
        }
        func unary(_ name: String, domain: @escaping (Double) -> Bool = { _ in true }, _ fn: @escaping (Double) -> Double) {
            define(name) { args, interp in
                try Interpreter.expectArgs(args, name, min: 1, max: 1)
                let x = try interp.toDouble(args.positional[0])
                if !domain(x) { throw PyException(.valueError, "math domain error") }
                let r = fn(x)
                if r.isNaN && !x.isNaN { throw PyException(.valueError, "math domain error") }
                if r.isInfinite && x.isFinite { throw PyException(.overflowError, "math range error") }
                return .float(r)
            }
        }
        unary("sqrt", domain: { $0 >= 0 || $0.isNaN }, Foundation.sqrt)
        unary("exp", Foundation.exp)
        unary("expm1", Foundation.expm1)
        unary("log2", domain: { $0 > 0 || $0.isNaN }, Foundation.log2)
        unary("log10", domain: { $0 > 0 || $0.isNaN }, Foundation.log10)
        unary("log1p", domain: { $0 > -1 || $0.isNaN }, Foundation.log1p)
        unary("sin", domain: { !$0.isInfinite }, Foundation.sin)
        unary("cos", domain: { !$0.isInfinite }, Foundation.cos)
        unary("tan", domain: { !$0.isInfinite }, Foundation.tan)
        unary("asin", domain: { Swift.abs($0) <= 1 || $0.isNaN }, Foundation.asin)
        unary("acos", domain: { Swift.abs($0) <= 1 || $0.isNaN }, Foundation.acos)
        unary("atan", Foundation.atan)
        unary("sinh", Foundation.sinh)
        unary("cosh", Foundation.cosh)
        unary("tanh", Foundation.tanh)
        unary("asinh", Foundation.asinh)
        unary("acosh", domain: { $0 >= 1 || $0.isNaN }, Foundation.acosh)
        unary("atanh", domain: { Swift.abs($0) < 1 || $0.isNaN }, Foundation.atanh)
        unary("erf", Foundation.erf)
        unary("erfc", Foundation.erfc)
        unary("fabs", Swift.abs)
        unary("degrees") { $0 * 180 / Double.pi }
        unary("radians") { $0 * Double.pi / 180 }
        define("log") { args, interp in
            try Interpreter.expectArgs(args, "log", min: 1, max: 2)
            let x = try interp.toDouble(args.positional[0])
            if x <= 0 { throw PyException(.valueError, "math domain error") }
            if args.positional.count == 2 {
                let b = try interp.toDouble(args.positional[1])
                if b <= 0 { throw PyException(.valueError, "math domain error") }
                let d = Foundation.log(b)
                if d == 0 { throw PyException(.zeroDivisionError, "float division by zero") }
                return .float(Foundation.log(x) / d)
            }
            return .float(Foundation.log(x))
        }
        define("atan2") { args, interp in
            try Interpreter.expectArgs(args, "atan2", min: 2, max: 2)
            return .float(Foundation.atan2(try interp.toDouble(args.positional[0]), try interp.toDouble(args.positional[1])))
        }
        define("hypot") { args, interp in
            .float(Interpreter.vectorNorm(try args.positional.map { Swift.abs(try interp.toDouble($0)) }))
        }
        define("pow") { args, interp in
            try Interpreter.expectArgs(args, "pow", min: 2, max: 2)
            let x = try interp.toDouble(args.positional[0])
            let y = try interp.toDouble(args.positional[1])
            if x == 0 && y < 0 { throw PyException(.valueError, "math domain error") }
            if x < 0 && x.isFinite && y.isFinite && y != y.rounded() { throw PyException(.valueError, "math domain error") }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyException(.overflowError, "math range error") }
            return .float(r)
        }
        for (name, rule) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            define(name) { args, interp in
                try Interpreter.expectArgs(args, name, min: 1, max: 1)
                let v = args.positional[0]
                if let i = v.asInt, v.typeName != "float" { return .int(i) }
                if case .object = v, let m = try interp.getAttributeIfPresent(v, "__\(name)__") { return try interp.call(m, []) }
                let x = try interp.toDouble(v)
                if x.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
                if x.isInfinite { throw PyException(.overflowError, "cannot convert float infinity to integer") }
                guard let i = Int(exactly: x.rounded(rule)) else { throw interp.overflow() }
                return .int(i)
            }
        }
        define("isnan") { args, interp in
            try Interpreter.expectArgs(args, "isnan", min: 1, max: 1)
            return .bool(try interp.toDouble(args.positional[0]).isNaN)
        }
        define("isinf") { args, interp in
            try Interpreter.expectArgs(args, "isinf", min: 1, max: 1)
            return .bool(try interp.toDouble(args.positional[0]).isInfinite)
        }
        define("isfinite") { args, interp in
            try Interpreter.expectArgs(args, "isfinite", min: 1, max: 1)
            return .bool(try interp.toDouble(args.positional[0]).isFinite)
        }
        define("copysign") { args, interp in
            try Interpreter.expectArgs(args, "copysign", min: 2, max: 2)
            return .float(Foundation.copysign(try interp.toDouble(args.positional[0]), try interp.toDouble(args.positional[1])))
        }
        define("fmod") { args, interp in
            try Interpreter.expectArgs(args, "fmod", min: 2, max: 2)
            let x = try interp.toDouble(args.positional[0]), y = try interp.toDouble(args.positional[1])
            if y == 0 || x.isInfinite { throw PyException(.valueError, "math domain error") }
            return .float(Foundation.fmod(x, y))
        }
        define("isclose") { args, interp in
            let b = try args.bind(PySignature.cached("isclose(a, b, /, *, rel_tol=1e-09, abs_tol=0.0)"))
            let x = try interp.toDouble(b[0]), y = try interp.toDouble(b[1])
            let rel = try interp.toDouble(b[2]), absTol = try interp.toDouble(b[3])
            if rel < 0 || absTol < 0 { throw PyException(.valueError, "tolerances must be non-negative") }
            if x == y { return .bool(true) }
            if x.isInfinite || y.isInfinite { return .bool(false) }
            let diff = Swift.abs(y - x)
            return .bool(diff <= Swift.abs(rel * y) || diff <= Swift.abs(rel * x) || diff <= absTol)
        }
        define("factorial") { args, interp in
            try Interpreter.expectArgs(args, "factorial", min: 1, max: 1)
            guard let n = args.positional[0].asInt else {
                throw PyException(.typeError, "'\(args.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            if n < 0 { throw PyException(.valueError, "factorial() not defined for negative values") }
            var r = 1
            if n >= 2 { for k in 2...n { r = try interp.intOp(.mul, r, k).asInt! } }
            return .int(r)
        }
        define("gcd") { args, interp in
            // On magnitudes: |-2**63| fits a UInt, and gcd(-2**63, 0) = 2**63 does not fit an Int.
            var g: UInt = 0
            for a in args.positional { g = Interpreter.gcdOfMagnitudes(try interp.index(a).magnitude, g) }
            guard let result = Int(exactly: g) else { throw interp.overflow() }
            return .int(result)
        }
        define("comb") { args, interp in
            try Interpreter.expectArgs(args, "comb", min: 2, max: 2)
            let n = try interp.index(args.positional[0]), k = try interp.index(args.positional[1])
            if n < 0 || k < 0 { throw PyException(.valueError, "\(n < 0 ? "n" : "k") must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = 1
            for i in 0..<Swift.min(k, n - k) { r = try interp.intOp(.mul, r, n - i).asInt! / (i + 1) }
            return .int(r)
        }
        define("prod") { args, interp in
            let b = try args.bind(PySignature.cached("prod(iterable, /, *, start=1)"))
            var total = b[1]
            for v in try interp.iterate(b[0]) { total = try interp.binaryOp(.mul, total, v) }
            return total
        }
        define("fsum") { args, interp in
            try Interpreter.expectArgs(args, "fsum", min: 1, max: 1)
            var partials: [Double] = []
            for v in try interp.iterate(args.positional[0]) {
                var x = try interp.toDouble(v)
                var i = 0
                for var y in partials {
                    if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                    let hi = x + y
                    let lo = y - (hi - x)
                    if lo != 0 {
                        partials[i] = lo
                        i += 1
                    }
                    x = hi
                }
                partials.removeSubrange(i...)
                partials.append(x)
            }
            var hi = 0.0
            if var n = partials.indices.last {
                hi = partials[n]
                var lo = 0.0
                while n > 0 {
                    n -= 1
                    let x = hi
                    let y = partials[n]
                    hi = x + y
                    let yr = hi - x
                    lo = y - yr
                    if lo != 0 { break }
                }
                if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
                    let y = lo * 2
                    let x = hi + y
                    if y == x - hi { hi = x }
                }
            }
            return .float(hi)
        }
        addMoreMathFunctions(to: m)
        return m
    }
}

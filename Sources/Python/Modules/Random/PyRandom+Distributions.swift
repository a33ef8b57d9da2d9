import Foundation

/// Real-valued distributions, each drawing from `random()` in CPython's order.
extension PyRandom {
    private func real(_ v: PyValue, _ interp: Interpreter) throws -> Double { try interp.toDouble(v) }

    private func draw() -> Double { twister.nextDouble() }

    func uniform(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.uniform(self, a, b)")
        let lo = b[0], hi = b[1]
        let span = try interp.binaryOp(.sub, hi, lo)
        return try interp.binaryOp(.add, lo, try interp.binaryOp(.mul, span, .float(draw())))
    }

    func triangular(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.triangular(self, low=0.0, high=1.0, mode=None)")
        var low = b[0], high = b[1]
        var u = draw()
        var c: Double
        do {
            c = b[2].isNone ? 0.5
                : try interp.toDouble(try interp.binaryOp(.truediv, try interp.binaryOp(.sub, b[2], low),
                                                          try interp.binaryOp(.sub, high, low)))
        } catch let e as PyException where e.matches(.zeroDivisionError) {
            return low
        }
        if u > c {
            u = 1.0 - u
            c = 1.0 - c
            swap(&low, &high)
        }
        let span = try interp.binaryOp(.sub, high, low)
        return try interp.binaryOp(.add, low, try interp.binaryOp(.mul, span, .float(Foundation.sqrt(u * c))))
    }

    func gauss(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.gauss(self, mu=0.0, sigma=1.0)")
        var z: Double
        if let next = gaussNext {
            z = next
            gaussNext = nil
        } else {
            let angle = draw() * (2 * Double.pi)
            let radius = Foundation.sqrt(-2.0 * Foundation.log(1.0 - draw()))
            z = Foundation.cos(angle) * radius
            gaussNext = Foundation.sin(angle) * radius
        }
        return .float(try real(b[0], interp) + z * (try real(b[1], interp)))
    }

    /// Kinderman and Monahan's ratio method.
    private func normal(_ mu: Double, _ sigma: Double, _ interp: Interpreter) throws -> Double {
        let magic = 4 * Foundation.exp(-0.5) / Foundation.sqrt(2.0)
        while true {
            try interp.tick()
            let u1 = draw()
            let u2 = 1.0 - draw()
            let z = magic * (u1 - 0.5) / u2
            if z * z / 4.0 <= -Foundation.log(u2) { return mu + z * sigma }
        }
    }

    func normalvariate(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.normalvariate(self, mu=0.0, sigma=1.0)")
        return .float(try normal(try real(b[0], interp), try real(b[1], interp), interp))
    }

    func lognormvariate(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.lognormvariate(self, mu, sigma)")
        return .float(Foundation.exp(try normal(try real(b[0], interp), try real(b[1], interp), interp)))
    }

    func expovariate(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.expovariate(self, lambd)")
        let lambd = try real(b[0], interp)
        if lambd == 0 { throw PyException(.zeroDivisionError, "float division by zero") }
        return .float(-Foundation.log(1.0 - draw()) / lambd)
    }

    /// Rejection sampling as CPython's: with an infinite or NaN alpha its loops never accept
    /// (CPython runs forever); here each round is a step against the step budget.
    private func gamma(_ alpha: Double, _ beta: Double, _ interp: Interpreter) throws -> Double {
        if alpha <= 0 || beta <= 0 { throw PyException(.valueError, "gammavariate: alpha and beta must be > 0.0") }
        if alpha > 1 {
            let ainv = Foundation.sqrt(2.0 * alpha - 1.0)
            let bbb = alpha - Foundation.log(4.0), ccc = alpha + ainv
            let magic = 1.0 + Foundation.log(4.5)
            while true {
                try interp.tick()
                let u1 = draw()
                if !(1e-7 < u1 && u1 < 0.9999999) { continue }
                let u2 = 1.0 - draw()
                let v = Foundation.log(u1 / (1.0 - u1)) / ainv
                let x = alpha * Foundation.exp(v)
                let z = u1 * u1 * u2
                let r = bbb + ccc * v - x
                if r + magic - 4.5 * z >= 0.0 || r >= Foundation.log(z) { return x * beta }
            }
        }
        if alpha == 1 { return -Foundation.log(1.0 - draw()) * beta }
        while true {
            try interp.tick()
            let u = draw()
            let b = (M_E + alpha) / M_E
            let p = b * u
            let x = p <= 1.0 ? Foundation.pow(p, 1.0 / alpha) : -Foundation.log((b - p) / alpha)
            let u1 = draw()
            if p > 1.0 {
                if u1 <= Foundation.pow(x, alpha - 1.0) { return x * beta }
            } else if u1 <= Foundation.exp(-x) {
                return x * beta
            }
        }
    }

    func gammavariate(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.gammavariate(self, alpha, beta)")
        return .float(try gamma(try real(b[0], interp), try real(b[1], interp), interp))
    }

    func betavariate(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.betavariate(self, alpha, beta)")
        let y = try gamma(try real(b[0], interp), 1.0, interp)
        if y == 0 { return .float(0.0) }
        return .float(y / (y + (try gamma(try real(b[1], interp), 1.0, interp))))
    }

    func paretovariate(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.paretovariate(self, alpha)")
        let u = 1.0 - draw()
        return .float(Foundation.pow(u, -1.0 / (try real(b[0], interp))))
    }

    func weibullvariate(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.weibullvariate(self, alpha, beta)")
        let u = 1.0 - draw()
        return .float(try real(b[0], interp) * Foundation.pow(-Foundation.log(u), 1.0 / (try real(b[1], interp))))
    }

    func vonmisesvariate(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.vonmisesvariate(self, mu, kappa)")
        let mu = try real(b[0], interp), kappa = try real(b[1], interp)
        let twoPi = 2 * Double.pi
        if kappa <= 1e-6 { return .float(twoPi * draw()) }
        let s = 0.5 / kappa
        let r = s + Foundation.sqrt(1.0 + s * s)
        var z = 0.0
        while true {
            try interp.tick()
            let u1 = draw()
            z = Foundation.cos(Double.pi * u1)
            let d = z / (r + z)
            let u2 = draw()
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * Foundation.exp(d) { break }
        }
        let q = 1.0 / r
        let f = (q + z) / (1.0 + q * z)
        let u3 = draw()
        let theta = u3 > 0.5 ? mu + Foundation.acos(f) : mu - Foundation.acos(f)
        return .float(Interpreter.floatDivmod(theta, twoPi).1)
    }
}

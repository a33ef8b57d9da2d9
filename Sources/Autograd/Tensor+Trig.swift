import Foundation

// Elementwise functions beyond the first tier: inverse trigonometry, erf, exp2,
// frac, fmod and remainder, xlogy, logaddexp, angle conversions, nan_to_num, and
// the recorded forms of lerp, addcmul and addcdiv.
extension Tensor {
    private func unaryFloat(_ rule: DerivativeRule, _ f: (Double) -> Double) -> Tensor {
        Tensor.record(rule, inputs: [self], output: mapValues(dtype: floatResultType, f))
    }

    public func asin() throws -> Tensor { unaryFloat(Derivatives.asin, Foundation.asin) }
    public func acos() throws -> Tensor { unaryFloat(Derivatives.acos, Foundation.acos) }
    public func erf() throws -> Tensor { unaryFloat(Derivatives.erf, Foundation.erf) }
    public func exp2() throws -> Tensor { unaryFloat(Derivatives.exp2, Foundation.exp2) }

    /// `deg2rad` / `rad2deg`: a product with the constant rounded to the result dtype, as ATen's `mul`.
    public func angleConversion(toRadians: Bool) throws -> Tensor {
        let dt = floatResultType
        let c = dt.round(toRadians ? Double.pi / 180 : 180 / Double.pi)
        return Tensor.record(toRadians ? Derivatives.deg2rad : Derivatives.rad2deg, inputs: [self], output: mapValues(dtype: dt) { $0 * c })
    }

    /// `frac()` (FracBackward0): self − trunc(self).
    public func frac() throws -> Tensor {
        guard dtype.isFloatingPoint else { throw AutogradError(.notImplementedError, "\"frac_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        return Tensor.record(Derivatives.frac, inputs: [self], output: mapValues(dtype: dtype) { $0 - $0.rounded(.towardZero) })
    }

    /// `sgn()` (SgnBackward0): the sign, as `sign` for real tensors.
    public func sgn() throws -> Tensor {
        Tensor.record(Derivatives.sgn, inputs: [self], output: mapElements(dtype: dtype, integer: { $0.signum() }) { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) })
    }

    /// `clamp_min(min)` / `clamp_max(max)` (ClampMinBackward0 / ClampMaxBackward0).
    public func clampOneSide(min isMin: Bool, _ bound: Double) throws -> Tensor {
        var dt = dtype
        if !dt.isFloatingPoint && bound != bound.rounded() { dt = DType.defaultFloat }
        let b = dt.round(bound)
        let bi = dt.integer(bound)
        let out = mapElements(dtype: dt, integer: { isMin ? Swift.max($0, bi) : Swift.min($0, bi) }) { x in
            x.isNaN ? x : (isMin ? Swift.max(x, b) : Swift.min(x, b))
        }
        var a = OpAttributes(); a.scalar = b
        return Tensor.record(isMin ? Derivatives.clampMin : Derivatives.clampMax, inputs: [self], output: out, attrs: a)
    }

    /// `atan2(self, other)` (Atan2Backward0).
    public func atan2(_ other: Tensor) throws -> Tensor {
        var dt = TypePromotion.resultType(self, other)
        if !dt.isFloatingPoint { dt = DType.defaultFloat }
        let out = try Tensor.zipValues(self, other, dtype: dt, Foundation.atan2)
        return Tensor.record(Derivatives.atan2, self, other, output: out)
    }

    /// `fmod(self, other)`: the remainder with the sign of the dividend (C's `fmod`);
    /// FmodBackward0 for a number divisor, FmodBackward1 for a tensor.
    public func fmod(_ other: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        try Tensor.checkNotBool(dt, "fmod_cpu")
        if dt.isInteger && other.integers.contains(0) { throw Tensor.zeroDivision }
        let out = try Tensor.zipElements(self, other, dtype: dt, integer: { $0.remainderReportingOverflow(dividingBy: $1).partialValue }) {
            Foundation.fmod($0, $1)
        }
        if other.isWrappedNumber { return Tensor.record(Derivatives.fmodScalar, inputs: [self], output: out) }
        return Tensor.record(Derivatives.fmodTensor, self, other, output: out)
    }

    /// `remainder(self, other)` (`%`): the remainder with the sign of the divisor, as in Python;
    /// RemainderBackward0 for a number divisor, RemainderBackward1 for a tensor.
    public func remainder(_ other: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        try Tensor.checkNotBool(dt, "remainder_cpu")
        if dt.isInteger && other.integers.contains(0) { throw Tensor.zeroDivision }
        let out = try Tensor.zipElements(self, other, dtype: dt, integer: { a, b in
            let r = a.remainderReportingOverflow(dividingBy: b).partialValue
            return (r != 0 && ((r < 0) != (b < 0))) ? r &+ b : r
        }) { a, b in
            let r = Foundation.fmod(a, b)
            return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
        }
        if other.isWrappedNumber { return Tensor.record(Derivatives.remainderScalar, inputs: [self], output: out) }
        return Tensor.record(Derivatives.remainderTensor, self, other, output: out)
    }

    /// `xlogy(self, other)` = self · log(other), 0 where self is 0 (unless other is NaN).
    /// XlogyBackward0 for two tensors, XlogyBackward2 for a number `other`.
    public func xlogy(_ other: Tensor) throws -> Tensor {
        var dt = TypePromotion.resultType(self, other)
        if !dt.isFloatingPoint { dt = DType.defaultFloat }
        let out = try Tensor.zipValues(self, other, dtype: dt) { x, y in
            if y.isNaN { return .nan }
            if x == 0 { return 0 }
            return x * dt.round(Foundation.log(y))
        }
        if other.isWrappedNumber {
            var a = OpAttributes(); a.scalar = other.element(0)
            return Tensor.record(Derivatives.xlogyScalar, inputs: [self], output: out, attrs: a)
        }
        return Tensor.record(Derivatives.xlogy, self, other, output: out)
    }

    /// `logaddexp(self, other)` = log(exp(self) + exp(other)), computed as
    /// max + log1p(exp(−|self − other|)) (LogaddexpBackward0).
    public func logaddexp(_ other: Tensor) throws -> Tensor {
        var dt = TypePromotion.resultType(self, other)
        if !dt.isFloatingPoint { dt = DType.defaultFloat }
        let out = try Tensor.zipValues(self, other, dtype: dt) { a, b in
            if a.isInfinite && a == b { return a }
            let m = Swift.max(a, b)
            return m + dt.round(Foundation.log1p(dt.round(Foundation.exp(dt.round(-Swift.abs(a - b))))))
        }
        return Tensor.record(Derivatives.logaddexp, self, other, output: out)
    }

    /// `nan_to_num(nan, posinf, neginf)` (NanToNumBackward0); infinities default to the dtype's extremes.
    public func nanToNum(nan: Double, posinf: Double?, neginf: Double?) throws -> Tensor {
        let big = dtype.largestFinite
        let p = dtype.round(posinf ?? big), n = dtype.round(neginf ?? -big), z = dtype.round(nan)
        let out = mapElements(dtype: dtype, integer: { $0 }) { x in x.isNaN ? z : (x == .infinity ? p : (x == -.infinity ? n : x)) }
        return Tensor.record(Derivatives.nanToNum, inputs: [self], output: out)
    }

    /// `lerp(end, weight)` = self + weight·(end − self), in ATen's two-branch form (LerpBackward0).
    public func lerp(_ end: Tensor, weight w: Double) throws -> Tensor {
        let dt = TypePromotion.resultType(self, end)
        let wt = dt.round(w)
        let out = try Tensor.zipValues(self, end, dtype: dt) { s, e in
            let d = dt.round(e - s)
            return Swift.abs(wt) < 0.5 ? s + wt * d : e - d * dt.round(1 - wt)
        }
        var a = OpAttributes(); a.scalar = wt
        return Tensor.record(Derivatives.lerp, self, end, output: out, attrs: a)
    }

    /// `lerp(end, weight)` with a tensor weight (LerpBackward1).
    public func lerp(_ end: Tensor, weight: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType([self, end, weight])
        let shape = try Shape.broadcast(Shape.broadcast(self.shape, end.shape), weight.shape)
        let s = try expandValues(to: shape), e = try end.expandValues(to: shape), w = try weight.expandValues(to: shape)
        var out = [Double](repeating: 0, count: s.count)
        for k in 0..<out.count {
            let d = dt.round(e[k] - s[k]), wt = dt.round(w[k])
            out[k] = dt.round(Swift.abs(wt) < 0.5 ? s[k] + wt * d : e[k] - d * dt.round(1 - wt))
        }
        return Tensor.record(Derivatives.lerpTensor, inputs: [self, end, weight], output: Tensor(values: out, shape: shape, dtype: dt))
    }

    /// `self + value · t1 · t2` (AddcmulBackward0), rounded after each step as ATen's CPU kernel.
    public func addcmul(_ t1: Tensor, _ t2: Tensor, value: Double) throws -> Tensor {
        let dt = TypePromotion.resultType([self, t1, t2])
        let v = dt.round(value)
        let scaled = try Tensor.zipValues(t1, Tensor.wrapped(v, dtype: dt), dtype: dt, *)
        let out = try Tensor.zipValues(self, Tensor.zipValues(scaled, t2, dtype: dt, *), dtype: dt, +)
        var a = OpAttributes(); a.scalar = v
        return Tensor.record(Derivatives.addcmul, inputs: [self, t1, t2], output: out, attrs: a)
    }

    /// `self + value · t1 / t2` (AddcdivBackward0), rounded after each step as ATen's CPU kernel.
    public func addcdiv(_ t1: Tensor, _ t2: Tensor, value: Double) throws -> Tensor {
        let dt = TypePromotion.resultType([self, t1, t2])
        let v = dt.round(value)
        let scaled = try Tensor.zipValues(t1, Tensor.wrapped(v, dtype: dt), dtype: dt, *)
        let out = try Tensor.zipValues(self, Tensor.zipValues(scaled, t2, dtype: dt, /), dtype: dt, +)
        var a = OpAttributes(); a.scalar = v
        return Tensor.record(Derivatives.addcdiv, inputs: [self, t1, t2], output: out, attrs: a)
    }
}

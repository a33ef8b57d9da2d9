import Foundation

// Forward computations of elementwise ops. Values are computed in Double and
// rounded to the result dtype; derivative rules live in Derivatives.swift.
extension Tensor {
    /// Applies `f` elementwise over the broadcast of `a` and `b`. As in PyTorch, both
    /// operands are first converted to the computation dtype (`compute`, the common
    /// dtype; by default the result dtype), so a Python float meets a float32 tensor as float32.
    static func zipValues(_ a: Tensor, _ b: Tensor, dtype: DType, compute: DType? = nil,
                          _ f: (Double, Double) -> Double) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape)
        let c = compute ?? dtype
        if shape.isEmpty {
            // One element: no array bookkeeping (the common case of scalar lessons and loops).
            var x = a.element(0), y = b.element(0)
            if c == .float32 { x = c.round(x); y = c.round(y) }
            return Tensor(scalarValue: dtype.round(f(x, y)), dtype: dtype)
        }
        let av = c == .float32 && a.dtype != .float32 ? a.values.map(c.round) : a.values
        let bv = c == .float32 && b.dtype != .float32 ? b.values.map(c.round) : b.values
        let n = shape.reduce(1, *)
        var out = [Double](repeating: 0, count: n)
        let exact = dtype == .float64
        out.withUnsafeMutableBufferPointer { o in
            let done = av.withUnsafeBufferPointer { pa in
                bv.withUnsafeBufferPointer { pb in
                    Tensor.zipFastPaths(pa, a.shape, pb, b.shape, shape: shape, into: o, f)
                }
            }
            if !done {
                let sa = Shape.broadcastStrides(a.shape, to: shape)
                let sb = Shape.broadcastStrides(b.shape, to: shape)
                Shape.forEachIndex(shape, sa, sb) { k, ia, ib in o[k] = f(av[ia], bv[ib]) }
            }
            if dtype == .float32 {
                // The common case without a dtype switch per element, so the loop vectorises.
                for i in 0..<n { o[i] = Double(Float(o[i])) }
            } else if !exact {
                for i in 0..<n { o[i] = dtype.round(o[i]) }
            }
        }
        return Tensor(values: out, shape: shape, dtype: dtype)
    }

    /// The layouts `zipValues` walks without index arithmetic: equal shapes, one side a
    /// single element, or one side repeating along the leading dimensions of the other
    /// (a bias row added to every row). False when none applies.
    @inline(__always)
    private static func zipFastPaths(_ a: UnsafeBufferPointer<Double>, _ aShape: [Int],
                                     _ b: UnsafeBufferPointer<Double>, _ bShape: [Int], shape: [Int],
                                     into o: UnsafeMutableBufferPointer<Double>,
                                     _ f: (Double, Double) -> Double) -> Bool {
        let n = o.count
        if aShape == bShape && a.count == n && b.count == n {
            for i in 0..<n { o[i] = f(a[i], b[i]) }
        } else if b.count == 1 && a.count == n {
            let y = b[0]
            for i in 0..<n { o[i] = f(a[i], y) }
        } else if a.count == 1 && b.count == n {
            let x = a[0]
            for i in 0..<n { o[i] = f(x, b[i]) }
        } else if aShape == shape && a.count == n && Shape.isSuffix(bShape, of: shape) && b.count > 0 {
            let m = b.count
            for row in stride(from: 0, to: n, by: m) {
                for j in 0..<m { o[row + j] = f(a[row + j], b[j]) }
            }
        } else if bShape == shape && b.count == n && Shape.isSuffix(aShape, of: shape) && a.count > 0 {
            let m = a.count
            for row in stride(from: 0, to: n, by: m) {
                for j in 0..<m { o[row + j] = f(a[j], b[row + j]) }
            }
        } else {
            return false
        }
        return true
    }

    /// Applies `f` to every element.
    func mapValues(dtype: DType, _ f: (Double) -> Double) -> Tensor {
        if shape.isEmpty { return Tensor(scalarValue: dtype.round(f(element(0))), dtype: dtype) }
        let v = values
        var out = [Double](repeating: 0, count: v.count)
        if dtype == .float64 {
            for i in 0..<v.count { out[i] = f(v[i]) }
        } else if dtype == .float32 {
            for i in 0..<v.count { out[i] = Double(Float(f(v[i]))) }
        } else {
            for i in 0..<v.count { out[i] = dtype.round(f(v[i])) }
        }
        return Tensor(values: out, shape: shape, dtype: dtype)
    }

    /// The dtype of a floating-point function of this tensor (`exp` of an int tensor is float32).
    var floatResultType: DType { dtype.isFloatingPoint ? dtype : .float32 }

    // MARK: - Arithmetic

    /// `torch.add(self, other, alpha=alpha)`.
    public func add(_ other: Tensor, alpha: Double = 1) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        let alpha = dt.round(alpha)
        let out = alpha == 1
            ? try Tensor.zipValues(self, other, dtype: dt, +)
            : try Tensor.zipValues(self, other, dtype: dt) { $0 + alpha * $1 }
        var a = OpAttributes(); a.scalar = alpha
        return Tensor.record(Derivatives.add, self, other, output: out, attrs: a)
    }

    /// `torch.sub(self, other, alpha=alpha)`.
    public func sub(_ other: Tensor, alpha: Double = 1) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        if dt == .bool {
            throw AutogradError.runtime("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
        }
        let alpha = dt.round(alpha)
        let out = alpha == 1
            ? try Tensor.zipValues(self, other, dtype: dt, -)
            : try Tensor.zipValues(self, other, dtype: dt) { $0 - alpha * $1 }
        var a = OpAttributes(); a.scalar = alpha
        return Tensor.record(Derivatives.sub, self, other, output: out, attrs: a)
    }

    /// `other - self` for a Python number `other` (`torch.rsub`).
    public func rsub(_ other: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        let out = try Tensor.zipValues(other, self, dtype: dt, -)
        if !other.isWrappedNumber {
            var a = OpAttributes(); a.scalar = 1
            return Tensor.record(Derivatives.rsubTensor, self, other, output: out, attrs: a)
        }
        return Tensor.record(Derivatives.rsub, inputs: [self], output: out)
    }

    /// `torch.mul(self, other)`.
    public func mul(_ other: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        let out = dt == .bool
            ? try Tensor.zipValues(self, other, dtype: dt) { ($0 != 0 && $1 != 0) ? 1 : 0 }
            : try Tensor.zipValues(self, other, dtype: dt, *)
        return Tensor.record(Derivatives.mul, self, other, output: out)
    }

    /// `torch.div(self, other)`: true division, floating result.
    public func div(_ other: Tensor) throws -> Tensor {
        var dt = TypePromotion.resultType(self, other)
        if !dt.isFloatingPoint { dt = .float32 }
        let out = try Tensor.zipValues(self, other, dtype: dt, /)
        return Tensor.record(Derivatives.div, self, other, output: out)
    }

    /// `torch.floor_divide` (`//`): not differentiable.
    public func floorDivide(_ other: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        if !dt.isFloatingPoint && other.values.contains(0) {
            throw AutogradError.runtime("ZeroDivisionError")
        }
        let out = try Tensor.zipValues(self, other, dtype: dt) { ($0 / $1).rounded(.down) }
        return Tensor.unrecorded("floor_divide", inputs: [self, other], output: out)
    }

    /// `torch.pow(self, exponent)` with a tensor exponent.
    public func pow(_ exponent: Tensor) throws -> Tensor {
        if exponent.isWrappedNumber { return try pow(exponent.element(0), exponentDType: exponent.dtype) }
        let dt = TypePromotion.resultType(self, exponent)
        let out = try Tensor.zipValues(self, exponent, dtype: dt) { Tensor.powValue($0, $1, integral: !dt.isFloatingPoint) }
        return Tensor.record(Derivatives.powTensor, inputs: [self, exponent], output: out)
    }

    /// `self ** exponent` for a Python number exponent.
    public func pow(_ exponent: Double, exponentDType: DType = .float64) throws -> Tensor {
        var dt = dtype
        if !dtype.isFloatingPoint && exponentDType.isFloatingPoint { dt = .float32 }
        if !dt.isFloatingPoint && exponent < 0 {
            throw AutogradError.runtime("Integers to negative integer powers are not allowed.")
        }
        let out: Tensor
        if dt == .float32, let f: (Float) -> Float = Tensor.powShortcut(exponent) {
            out = mapValues(dtype: dt) { Double(f(Float($0))) }
        } else if dt == .float32 {
            out = mapValues(dtype: dt) { Double(Float(Foundation.pow(Double(Float($0)), exponent))) }
        } else if let f: (Double) -> Double = Tensor.powShortcut(exponent) {
            out = mapValues(dtype: dt, f)
        } else {
            let integral = !dt.isFloatingPoint
            out = mapValues(dtype: dt) { Tensor.powValue($0, exponent, integral: integral) }
        }
        var a = OpAttributes(); a.scalar = exponent
        return Tensor.record(Derivatives.powScalar, inputs: [self], output: out, attrs: a)
    }

    /// `base ** self` for a Python number `base`.
    public func rpow(_ base: Double, baseDType: DType = .float64) throws -> Tensor {
        var dt = dtype
        if !dtype.isFloatingPoint && baseDType.isFloatingPoint { dt = .float32 }
        let out = mapValues(dtype: dt) { Tensor.powValue(base, $0, integral: !dt.isFloatingPoint) }
        var a = OpAttributes(); a.scalar = base
        return Tensor.record(Derivatives.powBase, inputs: [self], output: out, attrs: a)
    }

    /// PyTorch's special cases for small exponents, computed in the tensor's own precision.
    static func powShortcut<T: BinaryFloatingPoint>(_ exponent: Double) -> ((T) -> T)? {
        switch exponent {
        case 2: return { $0 * $0 }
        case 3: return { $0 * $0 * $0 }
        case 0.5: return { $0.squareRoot() }
        case -0.5: return { 1 / $0.squareRoot() }
        case -1: return { 1 / $0 }
        case -2: return { 1 / ($0 * $0) }
        default: return nil
        }
    }

    static func powValue(_ a: Double, _ b: Double, integral: Bool) -> Double {
        if integral {
            var result: Int64 = 1, base = Int64(a), e = Int64(b)
            while e > 0 {
                if e & 1 == 1 { result = result &* base }
                base = base &* base
                e >>= 1
            }
            return Double(result)
        }
        return Foundation.pow(a, b)
    }

    /// `-self`.
    public func neg() throws -> Tensor {
        if dtype == .bool {
            throw AutogradError.runtime("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
        return Tensor.record(Derivatives.neg, inputs: [self], output: mapValues(dtype: dtype) { -$0 })
    }

    /// `1 / self`.
    public func reciprocal() throws -> Tensor {
        Tensor.record(Derivatives.reciprocal, inputs: [self], output: mapValues(dtype: floatResultType) { 1 / $0 })
    }

    // MARK: - Functions

    public func exp() throws -> Tensor { Tensor.record(Derivatives.exp, inputs: [self], output: mapValues(dtype: floatResultType, Foundation.exp)) }
    public func log() throws -> Tensor { Tensor.record(Derivatives.log, inputs: [self], output: mapValues(dtype: floatResultType, Foundation.log)) }
    public func sin() throws -> Tensor { Tensor.record(Derivatives.sin, inputs: [self], output: mapValues(dtype: floatResultType, Foundation.sin)) }
    public func cos() throws -> Tensor { Tensor.record(Derivatives.cos, inputs: [self], output: mapValues(dtype: floatResultType, Foundation.cos)) }
    public func tanh() throws -> Tensor { Tensor.record(Derivatives.tanh, inputs: [self], output: mapValues(dtype: floatResultType, Foundation.tanh)) }
    public func sqrt() throws -> Tensor { Tensor.record(Derivatives.sqrt, inputs: [self], output: mapValues(dtype: floatResultType) { $0.squareRoot() }) }

    public func sigmoid() throws -> Tensor {
        let dt = floatResultType
        let out: Tensor
        if dt == .float32 {
            out = Tensor(values: SleefFloat.sigmoid(values.map { Float($0) }, contiguous: isContiguous).map { Double($0) }, shape: shape, dtype: dt)
        } else {
            out = mapValues(dtype: dt) { 1 / (1 + Foundation.exp(-$0)) }
        }
        return Tensor.record(Derivatives.sigmoid, inputs: [self], output: out)
    }

    public func relu() throws -> Tensor {
        if dtype == .bool { throw AutogradError.runtime("\"clamp_min_cpu\" not implemented for 'Bool'") }
        return Tensor.record(Derivatives.relu, inputs: [self], output: mapValues(dtype: dtype) { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) })
    }

    public func abs() throws -> Tensor {
        Tensor.record(Derivatives.abs, inputs: [self], output: mapValues(dtype: dtype) { Swift.abs($0) })
    }

    /// `sign(self)`: derivative zero everywhere.
    public func sign() throws -> Tensor {
        Tensor.record(Derivatives.sign, inputs: [self], output: mapValues(dtype: dtype) { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) })
    }

    /// `clamp(min, max)`; either bound may be absent, but not both.
    /// `clamp(min, max)` with tensor bounds (ClampBackward0): each bound broadcast against self,
    /// a missing one left open; the gradient flows to self inside the bounds and to a bound
    /// where it clamped.
    public func clamp(min lo: Tensor?, max hi: Tensor?) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw AutogradError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let lower = try lo ?? Tensor.full(shape, -.infinity, dtype: dtype)
        let upper = try hi ?? Tensor.full(shape, .infinity, dtype: dtype)
        let outShape = try Shape.broadcast(Shape.broadcast(shape, lower.shape), upper.shape)
        let x = try expandValues(to: outShape), a = try lower.expandValues(to: outShape), b = try upper.expandValues(to: outShape)
        var out = [Double](repeating: 0, count: x.count)
        for i in x.indices { out[i] = x[i].isNaN ? x[i] : dtype.round(Swift.min(Swift.max(x[i], a[i]), b[i])) }
        return Tensor.record(Derivatives.clampTensor, inputs: [self, lower, upper],
                             output: Tensor(values: out, shape: outShape, dtype: dtype))
    }

    public func clamp(min lo: Double?, max hi: Double?) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw AutogradError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let out = mapValues(dtype: dtype) { x in
            if x.isNaN { return x }
            var v = x
            if let lo { v = Swift.max(v, lo) }
            if let hi { v = Swift.min(v, hi) }
            return v
        }
        var a = OpAttributes()
        a.scalar = lo ?? 0; a.hasMin = lo != nil
        a.scalar2 = hi ?? 0; a.hasMax = hi != nil
        return Tensor.record(Derivatives.clamp, inputs: [self], output: out, attrs: a)
    }

    // MARK: - Comparisons (boolean results, never recorded)

    public enum Comparison: String { case eq, ne, lt, le, gt, ge }

    public func compare(_ op: Comparison, _ other: Tensor) throws -> Tensor {
        let f: (Double, Double) -> Bool
        switch op {
        case .eq: f = (==)
        case .ne: f = (!=)
        case .lt: f = (<)
        case .le: f = (<=)
        case .gt: f = (>)
        case .ge: f = (>=)
        }
        let out = try Tensor.zipValues(self, other, dtype: .bool, compute: TypePromotion.resultType(self, other)) { f($0, $1) ? 1 : 0 }
        return Tensor.unrecorded(op.rawValue, inputs: [self, other], output: out)
    }

    /// `torch.where(condition, self, other)`.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType(a, b)
        let shape = try Shape.broadcast(condition.shape, try Shape.broadcast(a.shape, b.shape))
        let c = try condition.expandValues(to: shape), x = try a.expandValues(to: shape), y = try b.expandValues(to: shape)
        var out = [Double](repeating: 0, count: c.count)
        for i in 0..<c.count { out[i] = dt.round(c[i] != 0 ? x[i] : y[i]) }
        let result = Tensor(values: out, shape: shape, dtype: dt)
        var attrs = OpAttributes()
        attrs.indices = c.map { $0 != 0 ? 1 : 0 }
        attrs.shape = shape
        return Tensor.record(Derivatives.whereSelf, inputs: [a, b], output: result, attrs: attrs)
    }

    /// `torch.maximum(self, other)` (MaximumBackward0): the larger of each pair, NaN where either is NaN.
    public func maximum(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.zipValues(self, other, dtype: TypePromotion.resultType(self, other)) { a, b in
            a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
        }
        return Tensor.record(Derivatives.maximum, self, other, output: out)
    }

    /// `torch.minimum(self, other)` (MinimumBackward0): the smaller of each pair, NaN where either is NaN.
    public func minimum(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.zipValues(self, other, dtype: TypePromotion.resultType(self, other)) { a, b in
            a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
        }
        return Tensor.record(Derivatives.minimum, self, other, output: out)
    }

    /// This gradient where `keep` is true and zero elsewhere (`where(mask, grad, 0)`,
    /// so a negative gradient leaves +0, not −0, where it is dropped).
    func kept(where keep: [Bool], shape maskShape: [Int]) throws -> Tensor {
        let mask = Tensor(values: keep.map { $0 ? 1 : 0 }, shape: maskShape, dtype: .bool)
        return try Tensor.where(mask, self, fullLike(0))
    }

    /// The values of this tensor broadcast to `shape` (a copy).
    public func expandValues(to shape: [Int]) throws -> [Double] {
        if self.shape == shape { return values }
        _ = try Shape.broadcast(self.shape, shape)
        let n = shape.reduce(1, *)
        var out = [Double](repeating: 0, count: n)
        let s = Shape.broadcastStrides(self.shape, to: shape)
        let v = values
        Shape.forEachIndex(shape, s, s) { k, i, _ in out[k] = v[i] }
        return out
    }
}

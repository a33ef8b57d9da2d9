import CKernels
import Foundation

// Forward computations of elementwise ops. Floating values are computed in Double and
// rounded to the result dtype; integer dtypes compute in Int64 with wrap-around, as
// PyTorch's integer kernels do. Derivative rules live in Derivatives.swift.
extension Tensor {
    /// Applies `f` elementwise over the broadcast of `a` and `b`. As in PyTorch, both
    /// operands are first converted to the computation dtype (`compute`, the common
    /// dtype; by default the result dtype), so a Python float meets a float32 tensor as
    /// float32. With `scalarsInFloat`, a 0-dim `b` of a float16/bfloat16 computation
    /// stays in float (ATen's `mul`, `div` and `floor_divide` take a CPU scalar second
    /// operand at opmath precision). An integer
    /// computation dtype applies `f` to the integers as Doubles (exact up to 2⁵³); ops
    /// with an integer kernel call `zipElements(_:_:dtype:compute:scalarsInFloat:integer:_:)`.
    static func zipValues(_ a: Tensor, _ b: Tensor, dtype: DType, compute: DType? = nil, scalarsInFloat: Bool = false,
                          _ f: (Double, Double) -> Double) throws -> Tensor {
        let c = compute ?? dtype
        if c.isInteger { return try zipIntegers(a, b, dtype: dtype, compute: c) { x, y in c.integer(f(Double(x), Double(y))) } }
        let shape = try Shape.broadcast(a.shape, b.shape)
        if shape.isEmpty {
            // One element: no array bookkeeping (the common case of scalar lessons and loops).
            let r = c.operandPrecision(scalar: scalarsInFloat)
            let x = a.dtype.isInteger ? c.fromInteger(a.integerElement(0)) : c.round(a.element(0))
            let y = b.dtype.isInteger ? r.fromInteger(b.integerElement(0)) : r.round(b.element(0))
            return Tensor(scalarValue: dtype.round(f(x, y)), dtype: dtype)
        }
        try reserve(shape)
        let av = a.operandValues(c, false), bv = b.operandValues(c, scalarsInFloat)
        let n = Shape.count(shape)
        let out = [Double](unsafeUninitializedCapacity: n) { o, count in
            // Every element is written once below (fast path or index walk), rounded to
            // float32 in the same pass for the common dtype, so the loop stays one
            // vectorisable pass with no zero-fill first.
            let float32 = dtype == .float32
            let done = av.withUnsafeBufferPointer { pa in
                bv.withUnsafeBufferPointer { pb in
                    float32
                        ? Tensor.zipFastPaths(pa, a.shape, pb, b.shape, shape: shape, into: o) { Double(Float(f($0, $1))) }
                        : Tensor.zipFastPaths(pa, a.shape, pb, b.shape, shape: shape, into: o, f)
                }
            }
            if !done {
                let sa = Shape.broadcastStrides(a.shape, to: shape)
                let sb = Shape.broadcastStrides(b.shape, to: shape)
                Shape.forEachIndex(shape, sa, sb) { k, ia, ib in o[k] = f(av[ia], bv[ib]) }
                if float32 { for i in 0..<n { o[i] = Double(Float(o[i])) } }
            }
            if !float32 && dtype != .float64 {
                for i in 0..<n { o[i] = dtype.round(o[i]) }
            }
            count = n
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

    /// `zipValues`, with `integer` as the kernel of integer computation dtypes (wrapping
    /// Int64 arithmetic, exact over the whole range).
    @inline(__always)
    static func zipElements(_ a: Tensor, _ b: Tensor, dtype: DType, compute: DType? = nil, scalarsInFloat: Bool = false,
                    integer: (Int64, Int64) -> Int64, _ f: (Double, Double) -> Double) throws -> Tensor {
        let c = compute ?? dtype
        if c.isInteger { return try zipIntegers(a, b, dtype: dtype, compute: c, integer) }
        return try zipValues(a, b, dtype: dtype, compute: compute, scalarsInFloat: scalarsInFloat, f)
    }

    /// This tensor's elements as operands of a floating computation in `c`, each converted
    /// once (integers included) to the precision `c` reads them at.
    private func operandValues(_ c: DType, _ scalarsInFloat: Bool) -> [Double] {
        let r = c.operandPrecision(scalar: scalarsInFloat && dim == 0)
        if dtype.isInteger { return integers.map(r.fromInteger) }
        if dtype == r || r == .float64 || (r == .float32 && dtype.computesInFloat) { return values }
        return values.map(r.round)
    }

    /// `zipValues` for an integer computation dtype: operands converted (wrapped) to
    /// `compute`, `f` in Int64, each result wrapped to an integer `dtype` (or made a bool,
    /// or a float, for other result dtypes).
    static func zipIntegers(_ a: Tensor, _ b: Tensor, dtype: DType, compute c: DType,
                            _ f: (Int64, Int64) -> Int64) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape)
        if shape.isEmpty {
            let x = a.integerElement(0), y = b.integerElement(0)
            let r = f(a.dtype == c ? x : a.integerOperand(x, c), b.dtype == c ? y : b.integerOperand(y, c))
            return Tensor(scalarInteger: dtype.isInteger ? dtype.wrap(r) : r, dtype: dtype)
        }
        try reserve(shape)
        let av = a.integers(as: c), bv = b.integers(as: c)
        let out = Shape.zip(av, a.shape, bv, b.shape, to: shape, f)
        if dtype.isInteger { return Tensor(integers: dtype == .int64 ? out : out.map(dtype.wrap), shape: shape, dtype: dtype) }
        return Tensor(values: out.map(dtype.fromInteger), shape: shape, dtype: dtype)
    }

    /// One element (read as an integer) converted to the integer computation dtype `c`.
    private func integerOperand(_ x: Int64, _ c: DType) -> Int64 {
        dtype.isInteger || dtype == .bool ? c.wrap(x) : c.integer(element(0))
    }

    /// The elements converted to the integer dtype `c` (wrapped), for integer kernels.
    func integers(as c: DType) -> [Int64] {
        if dtype == c { return integers }
        if case .integers(let v) = elements(as: c) { return v }
        return integers
    }

    /// Compares elementwise over the broadcast of `a` and `b` in their common dtype `c`.
    static func zipCompare(_ a: Tensor, _ b: Tensor, compute c: DType,
                           integer: (Int64, Int64) -> Bool, _ f: (Double, Double) -> Bool) throws -> Tensor {
        if c.isInteger { return try zipIntegers(a, b, dtype: .bool, compute: c) { integer($0, $1) ? 1 : 0 } }
        return try zipValues(a, b, dtype: .bool, compute: c) { f($0, $1) ? 1 : 0 }
    }

    /// Applies `f` to every element (integers as Doubles: exact up to 2⁵³).
    func mapValues(dtype: DType, _ f: (Double) -> Double) -> Tensor {
        if shape.isEmpty { return Tensor(scalarValue: dtype.round(f(element(0))), dtype: dtype) }
        let v = values
        let out = [Double](unsafeUninitializedCapacity: v.count) { out, count in
            if dtype == .float64 {
                for i in 0..<v.count { out[i] = f(v[i]) }
            } else if dtype == .float32 {
                for i in 0..<v.count { out[i] = Double(Float(f(v[i]))) }
            } else {
                for i in 0..<v.count { out[i] = dtype.round(f(v[i])) }
            }
            count = v.count
        }
        return Tensor(values: out, shape: shape, dtype: dtype)
    }

    /// Applies `integer` to every element of an integer tensor (wrapped to `dtype`), or `f`
    /// to every element of any other.
    func mapElements(dtype: DType, integer: (Int64) -> Int64, _ f: (Double) -> Double) -> Tensor {
        guard self.dtype.isInteger && dtype.isInteger else { return mapValues(dtype: dtype, f) }
        if shape.isEmpty { return Tensor(scalarInteger: dtype.wrap(integer(integerElement(0))), dtype: dtype) }
        return Tensor(integers: integers.map { dtype.wrap(integer($0)) }, shape: shape, dtype: dtype)
    }

    /// The dtype of a floating-point function of this tensor (`exp` of an int tensor is float32).
    var floatResultType: DType { dtype.isFloatingPoint ? dtype : DType.defaultFloat }

    // MARK: - Arithmetic

    /// `alpha` of `add`/`sub` in the result dtype: integral for integer results, as PyTorch requires.
    private static func alphaValue(_ alpha: Double, _ dt: DType) throws -> Double {
        if (dt.isInteger || dt == .bool) && alpha != alpha.rounded(.towardZero) {
            throw AutogradError.runtime(dt == .bool
                ? "Boolean alpha only supported for Boolean results."
                : "For integral input tensors, argument alpha must not be a floating point number.")
        }
        return dt.round(alpha)
    }

    /// `torch.add(self, other, alpha=alpha)`.
    public func add(_ other: Tensor, alpha: Double = 1) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        let alpha = try Tensor.alphaValue(alpha, dt)
        let out: Tensor
        if alpha == 1 {
            out = dt == .bool
                ? try Tensor.zipValues(self, other, dtype: dt) { ($0 != 0 || $1 != 0) ? 1 : 0 }
                : try Tensor.zipElements(self, other, dtype: dt, integer: (&+), +)
        } else {
            let ai = DType.int64.integer(alpha)
            out = try Tensor.zipElements(self, other, dtype: dt, integer: { $0 &+ ai &* $1 }) { $0 + alpha * $1 }
        }
        var a = OpAttributes(); a.scalar = alpha
        return Tensor.record(Derivatives.add, self, other, output: out, attrs: a)
    }

    /// ATen's `sub_check`: no bool operand (a Python bool included) in a subtraction.
    private static func checkSubtraction(_ a: Tensor, _ b: Tensor) throws {
        if a.dtype == .bool && b.dtype == .bool {
            throw AutogradError(.notImplementedError, "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
        }
        if a.dtype == .bool || b.dtype == .bool {
            throw AutogradError(.notImplementedError, "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
    }

    /// `torch.sub(self, other, alpha=alpha)`.
    public func sub(_ other: Tensor, alpha: Double = 1) throws -> Tensor {
        try Tensor.checkSubtraction(self, other)
        let dt = TypePromotion.resultType(self, other)
        let alpha = try Tensor.alphaValue(alpha, dt)
        let ai = DType.int64.integer(alpha)
        let out = alpha == 1
            ? try Tensor.zipElements(self, other, dtype: dt, integer: (&-), -)
            : try Tensor.zipElements(self, other, dtype: dt, integer: { $0 &- ai &* $1 }) { $0 - alpha * $1 }
        var a = OpAttributes(); a.scalar = alpha
        return Tensor.record(Derivatives.sub, self, other, output: out, attrs: a)
    }

    /// `other - self` for a Python number `other` (`torch.rsub`).
    public func rsub(_ other: Tensor) throws -> Tensor {
        try Tensor.checkSubtraction(other, self)
        let dt = TypePromotion.resultType(self, other)
        let out = try Tensor.zipElements(other, self, dtype: dt, integer: (&-), -)
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
            : try Tensor.zipElements(self, other, dtype: dt, scalarsInFloat: true, integer: (&*), *)
        return Tensor.record(Derivatives.mul, self, other, output: out)
    }

    /// `torch.div(self, other)`: true division, floating result (the default dtype for integers).
    public func div(_ other: Tensor) throws -> Tensor {
        var dt = TypePromotion.resultType(self, other)
        if !dt.isFloatingPoint { dt = DType.defaultFloat }
        let out = try Tensor.zipValues(self, other, dtype: dt, scalarsInFloat: true, /)
        return Tensor.record(Derivatives.div, self, other, output: out)
    }

    /// ATen's kernels that have no bool version.
    static func checkNotBool(_ dt: DType, _ kernel: String) throws {
        if dt == .bool { throw AutogradError(.notImplementedError, "\"\(kernel)\" not implemented for 'Bool'") }
    }

    /// Integer division by zero, which PyTorch reports as a RuntimeError.
    static let zeroDivision = AutogradError.runtime("ZeroDivisionError")

    /// Throws PyTorch's ZeroDivisionError when an integer divisor holds a zero.
    private static func checkIntegerDivisor(_ other: Tensor, _ dt: DType) throws {
        if (dt.isInteger || dt == .bool) && other.integers.contains(0) { throw zeroDivision }
    }

    /// `torch.floor_divide` (`//`): not differentiable; integers floor as Python does.
    public func floorDivide(_ other: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        try Tensor.checkNotBool(dt, "div_floor_cpu")
        try Tensor.checkIntegerDivisor(other, dt)
        let out = try Tensor.zipElements(self, other, dtype: dt, scalarsInFloat: true, integer: Tensor.floorDivide, Tensor.floorDivide(dt))
        return Tensor.unrecorded("floor_divide", inputs: [self, other], output: out)
    }

    /// Python's `a // b` for integers (wrapping on the one overflowing case, min // −1).
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        if b == 0 { return 0 }
        let (q, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { return q }
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    /// ATen's `div_floor_floating`, in the dtype's own precision: the floor of the quotient
    /// computed from `fmod`, so `a // b` agrees with `a % b`, and division by zero gives ±inf.
    static func floorDivide<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> T {
        if b == 0 { return a / b }
        let mod = a.truncatingRemainder(dividingBy: b)
        var div = (a - mod) / b
        if mod != 0 && ((b < 0) != (mod < 0)) { div -= 1 }
        if div == 0 { return T(signOf: a / b, magnitudeOf: 0) }
        let floorDiv = div.rounded(.down)
        return div - floorDiv > 0.5 ? floorDiv + 1 : floorDiv
    }

    /// `floorDivide` of two elements of a floating dtype.
    static func floorDivide(_ dt: DType) -> (Double, Double) -> Double {
        dt.computesInFloat ? { Double(floorDivide(Float($0), Float($1))) } : { floorDivide($0, $1) }
    }

    /// `torch.div(self, other, rounding_mode=)`: `'trunc'` or `'floor'`, in the promoted dtype.
    public func div(_ other: Tensor, roundingMode: String) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        switch roundingMode {
        case "floor":
            try Tensor.checkIntegerDivisor(other, dt)
            let out = try Tensor.zipElements(self, other, dtype: dt, scalarsInFloat: true, integer: Tensor.floorDivide, Tensor.floorDivide(dt))
            return Tensor.record(Derivatives.divRounded, self, other, output: out)
        case "trunc":
            try Tensor.checkIntegerDivisor(other, dt)
            let out = try Tensor.zipElements(self, other, dtype: dt, integer: { $1 == 0 ? 0 : $0.dividedReportingOverflow(by: $1).partialValue }) {
                ($0 / $1).rounded(.towardZero)
            }
            return Tensor.record(Derivatives.divRounded, self, other, output: out)
        default:
            throw AutogradError.runtime("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '\(roundingMode)'")
        }
    }

    /// `torch.pow(self, exponent)` with a tensor exponent.
    public func pow(_ exponent: Tensor) throws -> Tensor {
        if exponent.isWrappedNumber { return try pow(exponent.element(0), exponentDType: exponent.dtype) }
        let dt = TypePromotion.resultType(self, exponent)
        try Tensor.checkNotBool(dt, "pow")
        let out = try Tensor.zipElements(self, exponent, dtype: dt, integer: Tensor.integerPower) { Foundation.pow($0, $1) }
        return Tensor.record(Derivatives.powTensor, inputs: [self, exponent], output: out)
    }

    /// `self ** exponent` for a Python number exponent. ATen converts the exponent to
    /// float16/bfloat16 and integer dtypes first (with its overflow check) and computes in
    /// float; float32 and float64 take it as a double.
    public func pow(_ exponent: Double, exponentDType: DType = .float64) throws -> Tensor {
        let dt = TypePromotion.resultType(self, Tensor.wrapped(exponent, dtype: exponentDType))
        var a = OpAttributes(); a.scalar = exponent
        // ATen fills ones for exponent 0 and copies for exponent 1, for every dtype.
        if exponent == 0 || exponent == 1 {
            let out = exponent == 0
                ? Tensor(elements: fullLike(1).elements(as: dt), shape: shape, dtype: dt)
                : Tensor(elements: elements(as: dt), shape: shape, dtype: dt)
            return Tensor.record(Derivatives.powScalar, inputs: [self], output: out, attrs: a)
        }
        try Tensor.checkNotBool(dt, "pow")
        if !dt.isFloatingPoint && exponent < 0 {
            throw AutogradError.runtime("Integers to negative integer powers are not allowed.")
        }
        let out: Tensor
        if dt.isInteger {
            guard let e = dt.checkedValue(exponent) else { throw dt.overflowError }
            let k = Int64(e)
            out = try to(dt).mapElements(dtype: dt, integer: { Tensor.integerPower($0, k) }) { Foundation.pow($0, e) }
        } else if dt == .float16 || dt == .bfloat16 {
            guard let e = dt.checkedValue(exponent) else { throw dt.overflowError }
            if let f: (Float) -> Float = Tensor.powShortcut(e) {
                out = mapValues(dtype: dt) { Double(f(Float($0))) }
            } else {
                out = mapValues(dtype: dt) { Double(Foundation.pow(Float($0), Float(e))) }
            }
        } else if dt.computesInFloat, let f: (Float) -> Float = Tensor.powShortcut(exponent) {
            out = mapValues(dtype: dt) { Double(f(Float($0))) }
        } else if dt.computesInFloat {
            out = mapValues(dtype: dt) { Double(Float(Foundation.pow(Double(Float($0)), exponent))) }
        } else if let f: (Double) -> Double = Tensor.powShortcut(exponent) {
            out = mapValues(dtype: dt, f)
        } else {
            out = mapValues(dtype: dt) { Foundation.pow($0, exponent) }
        }
        return Tensor.record(Derivatives.powScalar, inputs: [self], output: out, attrs: a)
    }

    /// `base ** self` for a Python number `base` (a wrapped tensor in PyTorch: converted to
    /// the result dtype first).
    public func rpow(_ base: Double, baseDType: DType = .float64) throws -> Tensor {
        let dt = TypePromotion.resultType(self, Tensor.wrapped(base, dtype: baseDType))
        try Tensor.checkNotBool(dt, "pow")
        let out: Tensor
        if dt.isInteger {
            let b = dt.integer(base)
            out = try to(dt).mapElements(dtype: dt, integer: { Tensor.integerPower(b, $0) }) { Foundation.pow(Double(b), $0) }
        } else if dt == .float16 || dt == .bfloat16 {
            let b = Float(dt.round(base))
            out = mapValues(dtype: dt) { Double(Foundation.pow(b, Float($0))) }
        } else {
            out = mapValues(dtype: dt) { Foundation.pow(base, $0) }
        }
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

    /// `base ** e` in wrapping integer arithmetic (square-and-multiply); a negative `e`
    /// gives what ATen's `powi` gives: 1 for base 1, ±1 for base −1, 0 otherwise.
    static func integerPower(_ base: Int64, _ e: Int64) -> Int64 {
        if e < 0 { return base == 1 ? 1 : (base == -1 ? (e % 2 == 0 ? 1 : -1) : 0) }
        var result: Int64 = 1, b = base, k = e
        while k > 0 {
            if k & 1 == 1 { result = result &* b }
            b = b &* b
            k >>= 1
        }
        return result
    }

    /// `-self` (integers wrap: the negation of the smallest value is itself).
    public func neg() throws -> Tensor {
        if dtype == .bool {
            throw AutogradError(.notImplementedError, "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
        return Tensor.record(Derivatives.neg, inputs: [self], output: mapElements(dtype: dtype, integer: { 0 &- $0 }) { -$0 })
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
    public func tanh() throws -> Tensor {
        if floatResultType == .float32 && !dtype.isInteger && !shape.isEmpty {
            let out = Tensor.kernelValues(values) { ck_tanh_f32($0, $1, $2) }
            return Tensor.record(Derivatives.tanh, inputs: [self], output: Tensor(values: out, shape: shape, dtype: .float32))
        }
        return Tensor.record(Derivatives.tanh, inputs: [self], output: mapValues(dtype: floatResultType, Foundation.tanh))
    }
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
        if dtype == .bool { throw AutogradError(.notImplementedError, "Boolean inputs not supported for relu") }
        if (dtype == .float32 || dtype == .float64) && !shape.isEmpty {
            // Values already in the dtype's precision: one branch-free pass.
            let out = Tensor.kernelValues(values) { ck_relu($0, $1, $2) }
            return Tensor.record(Derivatives.relu, inputs: [self], output: Tensor(values: out, shape: shape, dtype: dtype))
        }
        return Tensor.record(Derivatives.relu, inputs: [self],
                             output: mapElements(dtype: dtype, integer: { Swift.max($0, 0) }) { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) })
    }

    public func abs() throws -> Tensor {
        try Tensor.checkNotBool(dtype, "abs_cpu")
        return Tensor.record(Derivatives.abs, inputs: [self], output: mapElements(dtype: dtype, integer: { $0 < 0 ? 0 &- $0 : $0 }) { Swift.abs($0) })
    }

    /// `sign(self)`: derivative zero everywhere.
    public func sign() throws -> Tensor {
        Tensor.record(Derivatives.sign, inputs: [self],
                      output: mapElements(dtype: dtype, integer: { $0.signum() }) { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) })
    }

    /// `clamp(min, max)` with tensor bounds (ClampBackward0): each bound broadcast against self,
    /// a missing one left open, the result in the promoted dtype of self and the bounds; the
    /// gradient flows to self inside the bounds and to a bound where it clamped.
    public func clamp(min lo: Tensor?, max hi: Tensor?) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw AutogradError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        // Unlike number bounds, tensor bounds clamp bool tensors too.
        let dt = TypePromotion.resultType([self] + [lo, hi].compactMap { $0 })
        // An open bound is the dtype's extreme (an integer dtype has no infinity).
        let open = { (low: Bool) throws -> Tensor in
            if dt.isInteger {
                let r = dt.integerRange
                return try Tensor.full(self.shape, integer: low ? r.lowerBound : r.upperBound, dtype: dt)
            }
            return try Tensor.full(self.shape, low ? -.infinity : .infinity, dtype: dt)
        }
        let x = dtype == dt ? self : try to(dt)
        let lower = try lo.map { $0.dtype == dt ? $0 : try $0.to(dt) } ?? open(true)
        let upper = try hi.map { $0.dtype == dt ? $0 : try $0.to(dt) } ?? open(false)
        // A NaN element stays NaN; integers compare exactly.
        let raised = try Tensor.zipElements(x, lower, dtype: dt, integer: { Swift.max($0, $1) }) { $0.isNaN ? $0 : Swift.max($0, $1) }
        let out = try Tensor.zipElements(raised, upper, dtype: dt, integer: { Swift.min($0, $1) }) { $0.isNaN ? $0 : Swift.min($0, $1) }
        return Tensor.record(Derivatives.clampTensor, inputs: [x, lower, upper], output: out)
    }

    /// `clamp(min, max)`; either bound may be absent, but not both. Python-float bounds
    /// (`boundDType` float64) make an integer tensor's result the default float dtype.
    public func clamp(min lo: Double?, max hi: Double?, boundDType: DType? = nil) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw AutogradError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        // The result type of self and the bounds (a bool tensor with int bounds gives int64).
        let bounds = [lo, hi].compactMap { $0 }.map { Tensor.wrapped($0, dtype: boundDType ?? dtype) }
        let dt = TypePromotion.resultType([self] + bounds)
        try Tensor.checkNotBool(dt, "clamp_cpu")
        let source = dt == dtype ? self : try GradMode.with(false) { try to(dt) }
        // Integer bounds compare as they are (a uint8 clamp(max=300) keeps 100).
        let li = lo.map { DType.int64.integer($0) }, hi64 = hi.map { DType.int64.integer($0) }
        let out = source.mapElements(dtype: dt, integer: { x in
            var v = x
            if let li { v = Swift.max(v, li) }
            if let hi64 { v = Swift.min(v, hi64) }
            return v
        }) { x in
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
        let out: Tensor
        let c = TypePromotion.resultType(self, other)
        switch op {
        case .eq: out = try Tensor.zipCompare(self, other, compute: c, integer: (==), (==))
        case .ne: out = try Tensor.zipCompare(self, other, compute: c, integer: (!=), (!=))
        case .lt: out = try Tensor.zipCompare(self, other, compute: c, integer: (<), (<))
        case .le: out = try Tensor.zipCompare(self, other, compute: c, integer: (<=), (<=))
        case .gt: out = try Tensor.zipCompare(self, other, compute: c, integer: (>), (>))
        case .ge: out = try Tensor.zipCompare(self, other, compute: c, integer: (>=), (>=))
        }
        return Tensor.unrecorded(op.rawValue, inputs: [self, other], output: out)
    }

    /// `torch.where(condition, self, other)`.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType(a, b)
        // A Python number must fit the result dtype, as ATen's scalar conversion checks.
        for t in [a, b] where t.isWrappedNumber { _ = try checkedFill(t, dt) }
        let shape = try Shape.broadcast(condition.shape, try Shape.broadcast(a.shape, b.shape))
        try reserve(shape)
        let c = try condition.expandValues(to: shape)
        let x = try a.expanded(to: shape).elements(as: dt), y = try b.expanded(to: shape).elements(as: dt)
        var picks = [Int](repeating: 0, count: c.count)
        for i in 0..<c.count { picks[i] = c[i] != 0 ? i : c.count + i }
        let both = TensorElements.concatenating([x, y], integers: dt.isInteger)
        let result = Tensor(elements: both.picking(picks), shape: shape, dtype: dt)
        // A TensorIterator over (condition, self, other): the condition's layout comes first.
        result.adoptLayout(.elementwise, operands: [condition, a, b])
        var attrs = OpAttributes()
        attrs.indices = c.map { $0 != 0 ? 1 : 0 }
        attrs.shape = shape
        return Tensor.record(Derivatives.whereSelf, inputs: [a, b], output: result, attrs: attrs)
    }

    /// `torch.maximum(self, other)` (MaximumBackward0): the larger of each pair, NaN where either is NaN.
    public func maximum(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.zipElements(self, other, dtype: TypePromotion.resultType(self, other), integer: { Swift.max($0, $1) }) { a, b in
            a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
        }
        return Tensor.record(Derivatives.maximum, self, other, output: out)
    }

    /// `torch.minimum(self, other)` (MinimumBackward0): the smaller of each pair, NaN where either is NaN.
    public func minimum(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.zipElements(self, other, dtype: TypePromotion.resultType(self, other), integer: { Swift.min($0, $1) }) { a, b in
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
        return try expanded(to: shape).values
    }

    /// This tensor broadcast to `shape`, as a new tensor of the same dtype (a copy).
    func expanded(to shape: [Int]) throws -> Tensor {
        if self.shape == shape { return self }
        if try Shape.broadcast(self.shape, shape) != shape { _ = try expand(shape) }
        try Tensor.reserve(shape)
        let s = Shape.broadcastStrides(self.shape, to: shape)
        let n = Shape.count(shape)
        var positions = [Int](repeating: 0, count: n)
        Shape.forEachIndex(shape, s, s) { k, i, _ in positions[k] = i }
        return picking(positions, shape: shape)
    }
}

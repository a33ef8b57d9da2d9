/// A multi-dimensional array that records the operations applied to it, as
/// `torch.Tensor` does.
///
/// Identity matters: two tensors with equal values are different graph
/// vertices, so `Tensor` is a class and `id` is a stable counter, never an address.
public final class Tensor {

    /// A per-run counter, stable across runs of the same program.
    public let id: Int
    /// The memory behind the elements, shared with views. A 0-dim result of arithmetic
    /// keeps its one value inline (`inlineValue`, or `inlineInteger` for integer dtypes)
    /// until something asks for its storage: most such tensors are never viewed, so they
    /// cost no storage object and no array.
    public internal(set) var storage: Storage {
        get {
            if let s = storageStore { return s }
            let s = dtype.isInteger ? Storage(integers: [inlineInteger]) : Storage([inlineValue])
            storageStore = s
            return s
        }
        set { storageStore = newValue }
    }
    @exclusivity(unchecked) private var storageStore: Storage?
    @exclusivity(unchecked) private var inlineValue: Double = 0
    @exclusivity(unchecked) private var inlineInteger: Int64 = 0
    /// The version counter, made on first use (most results are never saved nor viewed).
    public internal(set) var version: VersionCounter {
        get {
            if let v = versionStore { return v }
            let v = VersionCounter()
            versionStore = v
            return v
        }
        set { versionStore = newValue }
    }
    @exclusivity(unchecked) private var versionStore: VersionCounter?
    @exclusivity(unchecked) public internal(set) var shape: [Int]
    /// Element strides into `storage` (PyTorch's layout): views share storage.
    @exclusivity(unchecked) public internal(set) var strides: [Int]
    /// Offset of the first element in `storage`.
    @exclusivity(unchecked) public internal(set) var offset: Int
    @exclusivity(unchecked) public internal(set) var dtype: DType
    /// Whether the elements lie in row-major order without gaps (`is_contiguous()`).
    @exclusivity(unchecked) public internal(set) var isContiguous: Bool
    /// True when `storage.values` is exactly this tensor's elements in order.
    @exclusivity(unchecked) var isDense: Bool
    /// The tensor this one is a view of (`._base`), for in-place writes through views.
    @exclusivity(unchecked) public internal(set) var base: Tensor?
    /// The node that produced this tensor (`grad_fn`); nil for leaves.
    @exclusivity(unchecked) public internal(set) var gradFn: Node?
    /// Which output of `gradFn` this tensor is.
    @exclusivity(unchecked) public internal(set) var outputNr: Int = 0
    /// `.grad`: accumulated by backward for leaves (and for tensors that `retainGrad()`).
    @exclusivity(unchecked) public var grad: Tensor?
    /// A Python number wrapped as a 0-dim tensor takes part in type promotion with
    /// the lowest priority, as in PyTorch.
    @exclusivity(unchecked) public internal(set) var isWrappedNumber = false
    @exclusivity(unchecked) public internal(set) var retainsGrad = false
    @exclusivity(unchecked) var leafRequiresGrad = false
    /// A view made under no_grad of a tensor that requires grad: it reports
    /// `requires_grad=True` (as PyTorch's views inherit it from their base) yet has no
    /// grad_fn and no accumulator, so gradients reaching it are dropped.
    @exclusivity(unchecked) var isNoGradView = false
    @exclusivity(unchecked) var hooks: [TensorHook] = []
    weak var gradAccumulatorRef: AccumulateGrad?
    /// Set for `nn.Parameter`s: printed as "Parameter containing:" and found by `parameters()`.
    public var isParameter = false
    /// The object a language binding wraps this tensor in, so one tensor keeps one identity there.
    /// Held unretained (a weak reference would give every wrapper a side table): the
    /// wrapper owns the tensor and calls `forgetUserObject(_:)` from its deinit.
    public var userObject: AnyObject? {
        get { userObjectReference.object }
        set { userObjectReference.object = newValue }
    }
    @exclusivity(unchecked) private var userObjectReference = UnretainedReference()

    /// Clears `userObject` if it is `object` (called by the wrapper as it goes away).
    public func forgetUserObject(_ object: AnyObject) { userObjectReference.forget(object) }

    deinit {
        // A tensor's grad_fn may head a long chain; release it through the graveyard.
        if gradFn == nil && grad == nil && base == nil { return }
        // Only a last reference can start a chain of deinits; shared ones are released as usual.
        let last = (gradFn != nil && isKnownUniquelyReferenced(&gradFn))
            || (grad != nil && isKnownUniquelyReferenced(&grad))
            || (base != nil && isKnownUniquelyReferenced(&base))
        if !last { return }
        // `take()` moves each reference into the graveyard, so this frame keeps none.
        let state = ThreadState.current
        if let fn = gradFn.take() { state.graveyard.append(fn) }
        if let g = grad.take() { state.graveyard.append(g) }
        if let b = base.take() { state.graveyard.append(b) }
        Teardown.drain(state)
    }

    public init(storage: Storage, shape: [Int], dtype: DType, version: VersionCounter? = nil,
                strides: [Int]? = nil, offset: Int = 0) {
        let state = ThreadState.current
        state.nextTensorID += 1
        id = state.nextTensorID
        storageStore = storage
        self.versionStore = version
        self.shape = shape
        self.dtype = dtype
        let st = strides ?? Shape.strides(shape)
        self.strides = st
        self.offset = offset
        let contiguous = strides == nil || Shape.isContiguous(shape: shape, strides: st)
        isContiguous = contiguous
        isDense = contiguous && offset == 0 && storage.count == Shape.count(shape)
    }

    /// A 0-dim tensor holding `value` (already rounded to `dtype`) inline.
    @inline(__always)
    init(scalarValue value: Double, dtype: DType) {
        let state = ThreadState.current
        state.nextTensorID += 1
        id = state.nextTensorID
        if dtype.isInteger { inlineInteger = dtype.integer(value) } else { inlineValue = value }
        shape = []
        strides = []
        offset = 0
        self.dtype = dtype
        isContiguous = true
        isDense = true
    }

    /// A 0-dim tensor of an integer dtype holding `value` (already wrapped to `dtype`) inline.
    init(wrappedInteger value: Int64, dtype: DType) {
        let state = ThreadState.current
        state.nextTensorID += 1
        id = state.nextTensorID
        if dtype.isInteger { inlineInteger = value } else { inlineValue = dtype.fromInteger(value) }
        shape = []
        strides = []
        offset = 0
        self.dtype = dtype
        isContiguous = true
        isDense = true
    }

    /// A new tensor owning `values`, which must already be rounded to `dtype` (for an
    /// integer dtype each value becomes the integer the cast gives).
    public convenience init(values: [Double], shape: [Int], dtype: DType = .float32) {
        precondition(values.count == Shape.count(shape), "values do not fill the shape")
        let storage = dtype.isInteger ? Storage(integers: values.map(dtype.integer)) : Storage(values)
        self.init(storage: storage, shape: shape, dtype: dtype)
    }

    /// A new tensor of an integer dtype owning `integers` (already wrapped to `dtype`).
    public convenience init(integers: [Int64], shape: [Int], dtype: DType = .int64) {
        precondition(integers.count == Shape.count(shape), "values do not fill the shape")
        let storage = dtype.isInteger ? Storage(integers: integers) : Storage(integers.map(dtype.fromInteger))
        self.init(storage: storage, shape: shape, dtype: dtype)
    }

    /// A 0-dim tensor.
    public convenience init(scalar: Double, dtype: DType = .float32) {
        self.init(scalarValue: dtype.round(scalar), dtype: dtype)
    }

    /// A 0-dim tensor of an integer (or any) dtype from an integer.
    public convenience init(scalarInteger value: Int64, dtype: DType = .int64) {
        self.init(wrappedInteger: dtype.isInteger ? dtype.wrap(value) : value, dtype: dtype)
    }

    /// A Python number as PyTorch wraps it for mixed tensor–number arithmetic.
    public static func wrapped(_ value: Double, dtype: DType) -> Tensor {
        if dtype.isInteger { return wrapped(integer: dtype.integer(value), dtype: dtype) }
        // Wrapped numbers are never changed in place, so recent ones are shared.
        let state = ThreadState.current
        if let t = state.wrappedCache.lookup(value.bitPattern, dtype) { return t }
        let t = Tensor(scalarValue: dtype.round(value), dtype: dtype)
        t.isWrappedNumber = true
        state.wrappedCache.insert(t, bits: value.bitPattern)
        return t
    }

    /// A Python int as PyTorch wraps it (an int64 0-dim tensor of the lowest priority).
    public static func wrapped(integer value: Int64, dtype: DType = .int64) -> Tensor {
        let state = ThreadState.current
        let bits = UInt64(bitPattern: value)
        if let t = state.wrappedCache.lookup(bits, dtype) { return t }
        let t = Tensor(scalarInteger: value, dtype: dtype)
        t.isWrappedNumber = true
        state.wrappedCache.insert(t, bits: bits)
        return t
    }

    /// Resets the id counter so two runs in one process number tensors alike.
    public static func resetIDs() {
        let state = ThreadState.current
        state.nextTensorID = 0
        state.wrappedCache.removeAll()
    }

    // MARK: - Autograd attributes

    /// `requires_grad`: set by the user on leaves, implied by `grad_fn` otherwise.
    public var requiresGrad: Bool { gradFn != nil || leafRequiresGrad || isNoGradView }

    /// `is_leaf`: true for tensors not produced by a recorded operation.
    public var isLeaf: Bool { gradFn == nil }

    /// Where a lesson asked for `requires_grad`: PyTorch words the integer-dtype error
    /// differently for each.
    public enum RequiresGradRequest: Sendable {
        /// `requires_grad=True` of a factory, `nn.Parameter`.
        case creation
        /// `x.requires_grad_()`.
        case method
        /// `x.requires_grad = True`.
        case attribute
    }

    /// `requires_grad_(flag)` / `requires_grad = flag`, with PyTorch's checks.
    public func setRequiresGrad(_ flag: Bool, from request: RequiresGradRequest = .creation) throws {
        if !isLeaf {
            if flag { return }
            throw AutogradError.runtime(
                "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        }
        if flag && !dtype.isFloatingPoint {
            switch request {
            case .creation: throw AutogradError.runtime("Only Tensors of floating point and complex dtype can require gradients")
            case .method: throw AutogradError.runtime("only Tensors of floating point dtype can require gradients")
            case .attribute: throw AutogradError.runtime("only Tensors of floating point and complex dtype can require gradients")
            }
        }
        leafRequiresGrad = flag
    }

    /// `retain_grad()`: keep `.grad` on a non-leaf after backward.
    public func retainGrad() throws {
        if !requiresGrad {
            throw AutogradError.runtime("can't retain_grad on Tensor that has requires_grad=False")
        }
        if isLeaf || retainsGrad { return }
        retainsGrad = true
        gradFn?.retainedOutputs[outputNr] = WeakTensor(tensor: self)
    }

    /// `register_hook(fn)`: `fn` sees the gradient with respect to this tensor and may
    /// return a replacement. Returns a handle for `removeHook`. On a non-leaf the
    /// hook belongs to the grad_fn's output slot; on a leaf to its accumulator.
    @discardableResult
    public func registerHook(_ fn: @escaping (Tensor) throws -> Tensor?) throws -> Int {
        if !requiresGrad {
            throw AutogradError.runtime("cannot register a hook on a tensor that doesn't require gradient")
        }
        let state = ThreadState.current
        state.nextHookID += 1
        let hook = TensorHook(id: state.nextHookID, tensor: WeakTensor(tensor: self), fn: fn)
        if let node = gradFn {
            node.tensorPreHooks[outputNr, default: []].append(hook)
        } else {
            hooks.append(hook)
        }
        return state.nextHookID
    }

    /// Removes a hook registered on this tensor (`handle.remove()`).
    public func removeHook(_ handle: Int) {
        hooks.removeAll { $0.id == handle }
        if let node = gradFn { node.tensorPreHooks[outputNr]?.removeAll { $0.id == handle } }
    }

    /// The leaf's AccumulateGrad node, if the graph currently holds one.
    public var gradAccumulatorNode: AccumulateGrad? { gradAccumulatorRef }

    /// The AccumulateGrad node of a leaf that requires grad, shared by every edge to it.
    func gradAccumulator() -> AccumulateGrad {
        if let acc = gradAccumulatorRef { return acc }
        let acc = AccumulateGrad(variable: self)
        gradAccumulatorRef = acc
        return acc
    }

    /// The graph edge a use of this tensor contributes: its grad_fn, its leaf
    /// accumulator, or nothing when it does not require grad.
    var gradientEdge: Edge? {
        if let fn = gradFn { return Edge(node: fn, inputNr: outputNr) }
        if leafRequiresGrad { return Edge(node: gradAccumulator(), inputNr: 0) }
        return nil
    }

    // MARK: - Shape and values

    public var dim: Int { shape.count }
    public var numel: Int { Shape.count(shape) }
    /// The elements in row-major order as `Double`s (a copy only when this is a strided
    /// view; integers converted, exactly up to 2⁵³ — `integers` gives them exactly).
    public var values: [Double] {
        if storageStore == nil { return [dtype.isInteger ? Double(inlineInteger) : inlineValue] }
        let s = storage
        if s.holdsIntegers { return integers.map { Double($0) } }
        if isDense { return s.doubles }
        return Shape.gather(s.doubles, shape: shape, strides: strides, offset: offset)
    }

    /// The elements in row-major order as `Int64`s: exact for integer dtypes; bools are
    /// 0 and 1, floating values are cast as `long()` casts them.
    public var integers: [Int64] {
        if storageStore == nil { return [dtype.isInteger ? inlineInteger : DType.int64.integer(inlineValue)] }
        let s = storage
        if !s.holdsIntegers { return values.map { DType.int64.integer($0) } }
        if isDense { return s.ints }
        return Shape.gather(s.ints, shape: shape, strides: strides, offset: offset)
    }

    /// The storage position of the element at row-major position `k`.
    private func storagePosition(_ k: Int) -> Int {
        var off = offset, rem = k
        for d in stride(from: shape.count - 1, through: 0, by: -1) where shape[d] > 0 {
            off += (rem % shape[d]) * strides[d]
            rem /= shape[d]
        }
        return off
    }

    /// Overwrites the element at row-major position `k` (no version bump: for probing, as gradcheck does).
    public func setElement(_ k: Int, _ value: Double) {
        let off = storagePosition(k)
        let s = storage
        if s.holdsIntegers { s.ints[off] = dtype.integer(value) } else { s.doubles[off] = dtype.round(value) }
    }

    /// The element at row-major position `k`.
    @inline(__always)
    func element(_ k: Int) -> Double {
        // An inline float scalar first: the operand of every op of a scalar loop.
        if storageStore == nil && !dtype.isInteger { return inlineValue }
        return storedElement(k)
    }

    private func storedElement(_ k: Int) -> Double {
        if storageStore == nil { return Double(inlineInteger) }
        let s = storage
        if s.holdsIntegers { return Double(s.ints[isDense ? k : storagePosition(k)]) }
        return s.doubles[isDense ? k : storagePosition(k)]
    }

    /// The element at row-major position `k` as an integer (exact for integer dtypes).
    func integerElement(_ k: Int) -> Int64 {
        if storageStore == nil { return dtype.isInteger ? inlineInteger : DType.int64.integer(inlineValue) }
        let s = storage
        if s.holdsIntegers { return s.ints[isDense ? k : storagePosition(k)] }
        return DType.int64.integer(s.doubles[isDense ? k : storagePosition(k)])
    }

    /// Writes row-major `newValues` (already rounded to dtype) through this tensor's layout.
    func writeValues(_ newValues: [Double]) {
        let s = storage
        if s.holdsIntegers { return writeIntegers(newValues.map(dtype.integer)) }
        if isDense {
            s.doubles = newValues
            return
        }
        let base = offset
        s.doubles.withUnsafeMutableBufferPointer { p in
            Shape.forEachIndex(shape, strides, strides) { k, i, _ in p[base + i] = newValues[k] }
        }
    }

    /// Writes row-major `newValues` (already wrapped to dtype) through this tensor's layout.
    func writeIntegers(_ newValues: [Int64]) {
        let s = storage
        if !s.holdsIntegers { return writeValues(newValues.map(dtype.fromInteger)) }
        if isDense {
            s.ints = newValues
            return
        }
        let base = offset
        s.ints.withUnsafeMutableBufferPointer { p in
            Shape.forEachIndex(shape, strides, strides) { k, i, _ in p[base + i] = newValues[k] }
        }
    }

    /// The single value of a one-element tensor (`item()`), as a `Double`.
    public func item() throws -> Double {
        guard numel == 1 else {
            throw AutogradError.runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        return element(0)
    }

    /// The single value of a one-element integer tensor (`item()`), exactly.
    public func itemInteger() throws -> Int64 {
        guard numel == 1 else {
            throw AutogradError.runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        return integerElement(0)
    }

    /// `detach()`: same storage and version counter, no history.
    public func detach() -> Tensor {
        Tensor(storage: storage, shape: shape, dtype: dtype, version: version, strides: strides, offset: offset)
    }

    /// `detach_()`: drops the history of this tensor itself.
    public func detachInPlace() {
        gradFn = nil
        outputNr = 0
        leafRequiresGrad = false
    }

    /// `.data`: same storage, no history, and a version counter of its own, so
    /// in-place changes through it escape the saved-tensor check (as in PyTorch).
    public var data: Tensor {
        Tensor(storage: storage, shape: shape, dtype: dtype, strides: strides, offset: offset)
    }

    /// `x.data = other`: rebinds the values, shape and dtype, keeping the history.
    public func setData(_ other: Tensor) {
        storage = other.storage
        shape = other.shape
        dtype = other.dtype
        strides = other.strides
        offset = other.offset
        isContiguous = other.isContiguous
        isDense = other.isDense
    }

    /// A copy of the current values with no history, for recording what a tensor held.
    public func snapshot() -> Tensor {
        Tensor(elements: elements, shape: shape, dtype: dtype)
    }
}

/// A gradient hook registered with `register_hook`.
struct TensorHook {
    let id: Int
    let tensor: WeakTensor
    let fn: (Tensor) throws -> Tensor?
}

/// A graph edge: the node receiving a gradient and which of its inputs it feeds.
public struct Edge {
    public let node: Node
    public let inputNr: Int
}

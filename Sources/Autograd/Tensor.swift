/// A multi-dimensional array that records the operations applied to it, as
/// `torch.Tensor` does.
///
/// Identity matters: two tensors with equal values are different graph
/// vertices, so `Tensor` is a class and `id` is a stable counter, never an address.
public final class Tensor {

    /// A per-run counter, stable across runs of the same program.
    public let id: Int
    /// The memory behind the elements, shared with views. A 0-dim result of arithmetic
    /// keeps its one value inline (`inlineValue`) until something asks for its storage:
    /// most such tensors are never viewed, so they cost no storage object and no array.
    public internal(set) var storage: Storage {
        get {
            if let s = storageStore { return s }
            let s = Storage([inlineValue])
            storageStore = s
            return s
        }
        set { storageStore = newValue }
    }
    @exclusivity(unchecked) private var storageStore: Storage?
    @exclusivity(unchecked) private var inlineValue: Double = 0
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
        isDense = contiguous && offset == 0 && storage.values.count == shape.reduce(1, *)
    }

    /// A 0-dim tensor holding `value` (already rounded to `dtype`) inline.
    init(scalarValue value: Double, dtype: DType) {
        let state = ThreadState.current
        state.nextTensorID += 1
        id = state.nextTensorID
        inlineValue = value
        shape = []
        strides = []
        offset = 0
        self.dtype = dtype
        isContiguous = true
        isDense = true
    }

    /// A new tensor owning `values`, which must already be rounded to `dtype`.
    public convenience init(values: [Double], shape: [Int], dtype: DType = .float32) {
        precondition(values.count == shape.reduce(1, *), "values do not fill the shape")
        self.init(storage: Storage(values), shape: shape, dtype: dtype)
    }

    /// A 0-dim tensor.
    public convenience init(scalar: Double, dtype: DType = .float32) {
        self.init(scalarValue: dtype.round(scalar), dtype: dtype)
    }

    /// A Python number as PyTorch wraps it for mixed tensor–number arithmetic.
    public static func wrapped(_ value: Double, dtype: DType) -> Tensor {
        // Wrapped numbers are never changed in place, so recent ones are shared.
        let state = ThreadState.current
        if let t = state.wrappedCache.lookup(value, dtype) { return t }
        let t = Tensor(scalarValue: dtype.round(value), dtype: dtype)
        t.isWrappedNumber = true
        state.wrappedCache.insert(t, for: value)
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

    /// `requires_grad_(flag)` / `requires_grad = flag`, with PyTorch's checks.
    public func setRequiresGrad(_ flag: Bool) throws {
        if !isLeaf {
            if flag { return }
            throw AutogradError.runtime(
                "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        }
        if flag && !dtype.isFloatingPoint {
            throw AutogradError.runtime("Only Tensors of floating point and complex dtype can require gradients")
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
    public var numel: Int { shape.reduce(1, *) }
    /// The elements in row-major order (a copy only when this is a strided view).
    public var values: [Double] {
        if storageStore == nil { return [inlineValue] }
        if isDense { return storage.values }
        let v = storage.values
        if let gathered = Shape.gather(v, offset: offset, shape: shape, strides: strides) { return gathered }
        let n = numel
        var out = [Double](repeating: 0, count: n)
        let base = offset
        Shape.forEachIndex(shape, strides, strides) { k, i, _ in out[k] = v[base + i] }
        return out
    }

    /// Overwrites the element at row-major position `k` (no version bump: for probing, as gradcheck does).
    public func setElement(_ k: Int, _ value: Double) {
        var off = offset, rem = k
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            off += (rem % shape[d]) * strides[d]
            rem /= shape[d]
        }
        storage.values[off] = dtype.round(value)
    }

    /// The element at row-major position `k`.
    func element(_ k: Int) -> Double {
        if storageStore == nil { return inlineValue }
        if isDense { return storage.values[k] }
        var rem = k, off = offset
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            off += (rem % shape[d]) * strides[d]
            rem /= shape[d]
        }
        return storage.values[off]
    }

    /// Writes row-major `newValues` (already rounded to dtype) through this tensor's layout.
    func writeValues(_ newValues: [Double]) {
        if isDense {
            storage.values = newValues
            return
        }
        let base = offset
        storage.values.withUnsafeMutableBufferPointer { p in
            Shape.forEachIndex(shape, strides, strides) { k, i, _ in p[base + i] = newValues[k] }
        }
    }

    /// The single value of a one-element tensor (`item()`).
    public func item() throws -> Double {
        guard shape.reduce(1, *) == 1 else {
            throw AutogradError.runtime("a Tensor with \(shape.reduce(1, *)) elements cannot be converted to Scalar")
        }
        return storageStore == nil ? inlineValue : storage.values[offset]
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
        Tensor(values: values, shape: shape, dtype: dtype)
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The engine's per-thread state, as PyTorch keeps grad mode per thread: grad mode,
/// the trace observer, the id counters, the random generator, the default dtype and the
/// resource budget in use. Two lessons (or two tests) on two threads never see each
/// other's settings.
final class ThreadState {
    @exclusivity(unchecked) var gradEnabled = true
    @exclusivity(unchecked) var observer: EngineObserver?
    @exclusivity(unchecked) var muteForward = false
    /// While an in-place op computes its new value (muted), the rule and attributes of that
    /// computation, so the in-place op is reported as what it did (`add_` as `add`).
    @exclusivity(unchecked) var inPlaceOp: (rule: DerivativeRule, attrs: OpAttributes)?
    @exclusivity(unchecked) var capturingInPlaceOp = false
    @exclusivity(unchecked) var nextTensorID = 0
    @exclusivity(unchecked) var nextNodeID = 0
    @exclusivity(unchecked) var nextSequenceNr = 0
    @exclusivity(unchecked) var nextHookID = 0
    @exclusivity(unchecked) var nextRunStamp = 0
    /// Recently wrapped Python numbers (see `Tensor.wrapped`).
    let wrappedCache = WrappedCache()
    @exclusivity(unchecked) var generator: Generator?
    /// `torch.get_default_dtype()`.
    @exclusivity(unchecked) var defaultFloat: DType = .float32
    /// What this thread's lesson may use (see `ResourceBudget`).
    @exclusivity(unchecked) var budget = ResourceBudget()
    /// Graph objects waiting to be released one at a time (see `Teardown`).
    @exclusivity(unchecked) var graveyard: [AnyObject] = []
    @exclusivity(unchecked) var draining = false

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { p in
            guard let p else { return }
            Unmanaged<ThreadState>.fromOpaque(p).release()
        }
        return k
    }()

    /// This thread's state, created on first use.
    static var current: ThreadState {
        if let p = pthread_getspecific(key) {
            return Unmanaged<ThreadState>.fromOpaque(p).takeUnretainedValue()
        }
        let s = ThreadState()
        pthread_setspecific(key, Unmanaged.passRetained(s).toOpaque())
        return s
    }

    /// Whether this thread's budget holds a limit passed where the engine could not throw.
    /// Read after every torch call, so it touches no reference counts (the state lives as
    /// long as its thread).
    static var budgetHasPending: Bool {
        guard let p = pthread_getspecific(key) else { return false }
        return Unmanaged<ThreadState>.fromOpaque(p)._withUnsafeGuaranteedRef { $0.budget.hasPending }
    }
}

/// Recently wrapped Python numbers, direct-mapped by their bits: a loop's constants
/// (`y * 0.999 + 0.001`) are found with one comparison instead of a hash-table lookup.
final class WrappedCache {
    private static let size = 64
    // Plain buffers: a lookup touches no reference counts but the tensor it returns.
    private let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: WrappedCache.size)
    private let tensors = UnsafeMutablePointer<Tensor?>.allocate(capacity: WrappedCache.size)

    init() {
        bits.initialize(repeating: 0, count: WrappedCache.size)
        tensors.initialize(repeating: nil, count: WrappedCache.size)
    }

    deinit {
        tensors.deinitialize(count: WrappedCache.size)
        tensors.deallocate()
        bits.deallocate()
    }

    private static func slot(_ bits: UInt64, _ dtype: DType) -> Int {
        let h = (bits ^ (bits >> 29) ^ UInt64(dtype.rawValue)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> 58)
    }

    /// The wrapped tensor of `dtype` whose value has these bits (a `Double`'s, or an `Int64`'s
    /// for integer dtypes), if it is still cached.
    func lookup(_ k: UInt64, _ dtype: DType) -> Tensor? {
        let i = WrappedCache.slot(k, dtype)
        if bits[i] == k, let t = tensors[i], t.dtype == dtype { return t }
        return nil
    }

    func insert(_ t: Tensor, bits k: UInt64) {
        let i = WrappedCache.slot(k, t.dtype)
        bits[i] = k
        tensors[i] = t
    }

    func removeAll() {
        for i in 0..<WrappedCache.size { tensors[i] = nil }
    }
}

/// Releases long chains of graph objects iteratively: a deinit hands the objects it
/// held to the graveyard instead of releasing them inside its own frame, so freeing a
/// 100,000-node graph never nests 100,000 deinits on the stack.
enum Teardown {
    /// Takes the caller's references (leaving `objects` empty) and releases them one by one.
    static func bury(_ objects: inout [AnyObject]) {
        if objects.isEmpty { return }
        let state = ThreadState.current
        state.graveyard.append(contentsOf: objects)
        // The caller must not keep references: releasing them later would nest deinits again.
        objects.removeAll()
        drain(state)
    }

    /// Releases what the graveyard holds, unless an outer frame is already doing so.
    static func drain(_ state: ThreadState) {
        if state.draining { return }
        state.draining = true
        while let dropped = state.graveyard.popLast() {
            // Dropping this last reference may run deinits that bury more objects.
            _ = dropped
        }
        state.draining = false
    }
}

extension Generator {
    /// The generator lessons on this thread draw from (`torch.manual_seed` reseeds it).
    public static var current: Generator { ThreadState.current.generator ?? .default }

    /// Gives this thread its own generator (or back the shared default with nil).
    public static func setCurrent(_ g: Generator?) { ThreadState.current.generator = g }
}

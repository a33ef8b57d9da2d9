/// The memory behind one or more tensors.
///
/// Views (`view`, `reshape`, `detach`, `squeeze`, `unsqueeze`, `.data`) share a
/// storage, so an in-place change through one of them is seen by all.
///
/// A storage holds `Double`s (floating and bool dtypes) or `Int64`s (the integer dtypes,
/// so int64 values are exact over their whole range). `values` reads and writes either
/// kind as `Double`s; integer kernels use `integers`.
public final class Storage {
    @exclusivity(unchecked) var doubles: [Double]
    @exclusivity(unchecked) var ints: [Int64]
    /// True when the elements are `Int64`s (`integers`).
    public let holdsIntegers: Bool
    /// The budget this storage's memory is counted against.
    private let budget: ResourceBudget
    private var countedElements: Int

    public init(_ values: [Double]) {
        doubles = values
        ints = []
        holdsIntegers = false
        budget = ThreadState.current.budget
        countedElements = values.count
        budget.allocated(values.count)
    }

    public init(integers: [Int64]) {
        doubles = []
        ints = integers
        holdsIntegers = true
        budget = ThreadState.current.budget
        countedElements = integers.count
        budget.allocated(integers.count)
    }

    deinit { budget.freed(countedElements) }

    /// The number of elements.
    public var count: Int { holdsIntegers ? ints.count : doubles.count }

    /// The elements as `Double`s (integers converted, exactly up to 2⁵³); writes to an
    /// integer storage keep the integer each `Double` truncates to.
    public var values: [Double] {
        get { holdsIntegers ? ints.map { Double($0) } : doubles }
        set {
            if holdsIntegers { ints = newValues(newValue) } else { doubles = newValue }
            recount()
        }
        _modify {
            if holdsIntegers {
                var converted = ints.map { Double($0) }
                defer {
                    ints = newValues(converted)
                    recount()
                }
                yield &converted
            } else {
                defer { recount() }
                yield &doubles
            }
        }
    }

    /// The elements of an integer storage (of another storage: its values, truncated).
    public var integers: [Int64] {
        get { holdsIntegers ? ints : doubles.map { DType.int64.integer($0) } }
        set {
            if holdsIntegers { ints = newValue } else { doubles = newValue.map { Double($0) } }
            recount()
        }
    }

    private func newValues(_ v: [Double]) -> [Int64] { v.map { DType.int64.integer($0) } }

    private func recount() {
        let n = count
        if n != countedElements {
            budget.freed(countedElements)
            budget.allocated(n)
            countedElements = n
        }
    }
}

/// PyTorch's version counter: bumped by every in-place operation, shared by a
/// tensor and its views (but not by `.data`), read by the saved-tensor check.
public final class VersionCounter {
    @exclusivity(unchecked) public internal(set) var value: Int = 0

    public init() {}

    func bump() { value &+= 1 }
}

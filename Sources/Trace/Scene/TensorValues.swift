/// A tensor's elements as a picture or the manifest shows them: all of them for small
/// tensors, a summary for large ones.
public struct TensorValues: Sendable, Equatable {
    /// Tensors with more elements than this are summarised.
    public static let fullLimit = 64
    /// Summaries of tensors with at most this many elements carry a heat strip.
    public static let heatLimit = 256

    public var shape: [Int]
    /// `torch.float32`, `torch.int64`, …
    public var dtype: String
    public var content: Content

    public enum Content: Sendable, Equatable {
        /// Every element in row-major order.
        case full([Double])
        /// A large tensor: its range, mean and norm, and for ≤ ``heatLimit`` elements every value
        /// (a heat strip in pictures).
        case summary(Summary)
    }

    public struct Summary: Sendable, Equatable {
        public var min: Double
        public var max: Double
        public var mean: Double
        /// The Euclidean norm of all elements.
        public var norm: Double
        /// Every element, for tensors of at most ``TensorValues/heatLimit`` elements.
        public var heat: [Double]?
    }

    public init(shape: [Int], dtype: String, content: Content) {
        self.shape = shape
        self.dtype = dtype
        self.content = content
    }

    /// The values of `elements` (row-major) of a tensor of `shape`: all of them up to
    /// ``fullLimit`` elements, else a summary.
    public init(elements: [Double], shape: [Int], dtype: String) {
        self.shape = shape
        self.dtype = dtype
        if elements.count <= TensorValues.fullLimit {
            content = .full(elements)
            return
        }
        var lo = Double.infinity, hi = -Double.infinity, sum = 0.0, squares = 0.0
        for x in elements {
            if x < lo { lo = x }
            if x > hi { hi = x }
            sum += x
            squares += x * x
        }
        if elements.contains(where: \.isNaN) {
            lo = .nan
            hi = .nan
        }
        content = .summary(Summary(min: lo, max: hi, mean: sum / Double(elements.count), norm: squares.squareRoot(),
                                   heat: elements.count <= TensorValues.heatLimit ? elements : nil))
    }

    /// The number of elements.
    public var count: Int { shape.reduce(1, *) }

    /// Every element, when the tensor is small enough to keep them.
    public var elements: [Double]? {
        if case .full(let v) = content { return v }
        return nil
    }

    /// The one value of a 0-dim or one-element tensor.
    public var scalar: Double? {
        guard let v = elements, v.count == 1 else { return nil }
        return v[0]
    }
}

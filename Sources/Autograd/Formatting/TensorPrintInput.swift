/// What `TensorFormatter` needs to know about a tensor to print it.
public struct TensorPrintInput {
    /// The number of elements: the product of `shape`.
    public var count: Int
    /// The element at a row-major position, already rounded to `dtype` (float32 elements
    /// are exact `Float` values). Read only for the elements shown, so a summarized print
    /// of a huge expanded view never materializes it.
    public var element: (Int) -> Double
    public var shape: [Int]
    /// `.float32` is the default dtype and prints no `dtype=` suffix.
    public var dtype: DType
    /// A leaf that requires grad prints `requires_grad=True`.
    public var requiresGrad: Bool
    /// The class name of the tensor's `grad_fn` (`MulBackward0`); when set it
    /// prints `grad_fn=<MulBackward0>` instead of `requires_grad=True`.
    public var gradFnName: String?

    /// A tensor given by its elements in row-major order.
    public init(
        values: [Double], shape: [Int], dtype: DType = .float32,
        requiresGrad: Bool = false, gradFnName: String? = nil
    ) {
        self.init(count: values.count, element: { values[$0] }, shape: shape, dtype: dtype,
                  requiresGrad: requiresGrad, gradFnName: gradFnName)
    }

    /// A tensor whose elements are read on demand by row-major position.
    public init(
        count: Int, element: @escaping (Int) -> Double, shape: [Int], dtype: DType = .float32,
        requiresGrad: Bool = false, gradFnName: String? = nil
    ) {
        self.count = count
        self.element = element
        self.shape = shape
        self.dtype = dtype
        self.requiresGrad = requiresGrad
        self.gradFnName = gradFnName
    }
}

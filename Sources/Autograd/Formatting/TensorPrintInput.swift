/// What `TensorFormatter` needs to know about a tensor to print it.
public struct TensorPrintInput: Sendable {
    /// The elements in row-major order, already rounded to `dtype`
    /// (float32 elements are exact `Float` values).
    public var values: [Double]
    public var shape: [Int]
    /// `.float32` is the default dtype and prints no `dtype=` suffix.
    public var dtype: DType
    /// A leaf that requires grad prints `requires_grad=True`.
    public var requiresGrad: Bool
    /// The class name of the tensor's `grad_fn` (`MulBackward0`); when set it
    /// prints `grad_fn=<MulBackward0>` instead of `requires_grad=True`.
    public var gradFnName: String?

    public init(
        values: [Double], shape: [Int], dtype: DType = .float32,
        requiresGrad: Bool = false, gradFnName: String? = nil
    ) {
        self.values = values
        self.shape = shape
        self.dtype = dtype
        self.requiresGrad = requiresGrad
        self.gradFnName = gradFnName
    }
}

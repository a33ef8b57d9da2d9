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
    /// The exact elements of an integer tensor (`values` holds them only to 2⁵³).
    public var integers: [Int64]?
    /// `torch.get_default_dtype()`: tensors of this dtype print no `dtype=` suffix.
    public var defaultFloat: DType

    public init(
        values: [Double], shape: [Int], dtype: DType = .float32,
        requiresGrad: Bool = false, gradFnName: String? = nil,
        integers: [Int64]? = nil, defaultFloat: DType = .float32
    ) {
        self.values = values
        self.shape = shape
        self.dtype = dtype
        self.requiresGrad = requiresGrad
        self.gradFnName = gradFnName
        self.integers = integers
        self.defaultFloat = defaultFloat
    }

    /// What `print(t)` needs of `t`: its exact elements and the thread's default dtype.
    public init(_ t: Tensor, requiresGrad: Bool = false, gradFnName: String? = nil) {
        self.init(values: t.dtype.isInteger ? [] : t.values, shape: t.shape, dtype: t.dtype,
                  requiresGrad: requiresGrad, gradFnName: gradFnName,
                  integers: t.dtype.isInteger ? t.integers : nil, defaultFloat: DType.defaultFloat)
    }
}

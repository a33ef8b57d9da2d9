import Autograd

/// A tensor as it was at one moment of the lesson: enough to explain an event.
public struct TensorSnapshot: Sendable, Equatable {
    /// The engine's tensor id, stable for the tensor's life.
    public var id: Int
    /// The lesson's name for it at that moment, when it had one.
    public var name: String?
    public var values: TensorValues
    public var requiresGrad: Bool
    public var isLeaf: Bool
    /// The grad_fn's name and node id, for results.
    public var gradFn: String?
    public var gradFnID: Int?

    public init(id: Int, name: String?, values: TensorValues, requiresGrad: Bool, isLeaf: Bool, gradFn: String?, gradFnID: Int?) {
        self.id = id
        self.name = name
        self.values = values
        self.requiresGrad = requiresGrad
        self.isLeaf = isLeaf
        self.gradFn = gradFn
        self.gradFnID = gradFnID
    }

    public init(_ t: Tensor, name: String? = nil) {
        self.init(id: t.id, name: name, values: TensorValues(elements: t.values, shape: t.shape, dtype: t.dtype.torchName),
                  requiresGrad: t.requiresGrad, isLeaf: t.isLeaf, gradFn: t.gradFn?.name, gradFnID: t.gradFn?.id)
    }

    public var shape: [Int] { values.shape }
    public var dtype: String { values.dtype }
}

/// The memory layout ATen gives a new result, where it is not plain row-major.
///
/// An element-wise op (TensorIterator) lays its result out as its operands lie: `x.t() * 2`
/// is column-major, as `x.t()` is. A copy that preserves the memory format (`clone()`,
/// `to(dtype)`) keeps its source's strides when the source is dense, and otherwise the order
/// of its dimensions in memory. Only `is_contiguous()`, `stride()` and whether `view` can
/// reinterpret the result show the difference; the values are the same.
public enum ResultLayout {
    /// Row-major, whatever the operands (matrix products, reductions, `masked_fill`).
    case rowMajor
    /// TensorIterator's rule over the operands, in argument order.
    case elementwise
    /// `empty_like(source, memory_format=torch.preserve_format)` of the first operand.
    case preserve

    /// The layout of the recorded op `op` (a derivative rule's or an unrecorded op's key).
    /// `clone` is row-major here: the engine's own copies (`reshape`, `contiguous`) must be;
    /// `clonePreservingFormat()` is the one Python calls.
    static func of(_ op: String) -> ResultLayout {
        if op == "to" { return .preserve }
        return elementwiseOps.contains(op) ? .elementwise : .rowMajor
    }

    /// Ops computed by a TensorIterator over their tensor arguments.
    private static let elementwiseOps: Set<String> = [
        "abs", "acos", "add", "addcdiv", "addcmul", "asin", "atan", "atan2", "ceil", "clamp", "clamp_max",
        "clamp_min", "clamp_tensor", "cos", "cosh", "deg2rad", "div", "div_rounded", "elu", "erf", "exp", "exp2",
        "expm1", "floor", "fmod", "fmod_tensor", "frac", "gelu", "hardtanh", "huber_loss", "leaky_relu", "lerp",
        "lerp_tensor", "log", "log10", "log1p", "log2", "log_sigmoid", "logaddexp", "maximum", "minimum",
        "mse_loss", "mul", "nan_to_num", "neg", "pow", "rad2deg", "reciprocal", "relu", "remainder",
        "remainder_tensor", "round", "round_decimals", "rsqrt", "rsub", "rsub_tensor", "sgn", "sigmoid",
        "sigmoid_backward", "sign", "silu", "sin", "sinh", "smooth_l1_loss", "softplus", "sqrt", "sub", "tan",
        "tanh", "tanh_backward", "threshold_backward", "trunc", "xlogy", "xlogy_scalar",
        // Unrecorded (boolean and integer results).
        "eq", "ne", "lt", "le", "gt", "ge", "isclose", "floor_divide", "bitwise_not", "bitwise_and", "bitwise_or",
        "bitwise_xor", "bitwise_left_shift", "bitwise_right_shift", "logical_and", "logical_or", "logical_xor",
        "logical_not", "isnan", "isinf", "isfinite", "isposinf", "isneginf", "signbit",
    ]
}

extension Shape {
    /// ATen's `is_non_overlapping_and_dense`: the elements fill a block of memory exactly
    /// once, in some order of the dimensions.
    static func isNonOverlappingAndDense(shape: [Int], strides: [Int]) -> Bool {
        if shape.count == 1 { return shape[0] < 2 || strides[0] == 1 }
        let order = shape.indices.sorted { a, b in
            if shape[a] < 2 { return false }
            if shape[b] < 2 { return true }
            return strides[a] < strides[b]
        }
        var required = 1
        for d in order {
            if shape[d] < 2 { return true }
            if strides[d] != required { return false }
            required = required &* shape[d]
        }
        return true
    }

    /// Whether a 4-d layout is channels-last (NHWC in memory), size-1 dimensions ignored.
    static func isChannelsLast(shape: [Int], strides: [Int]) -> Bool {
        guard shape.count == 4 else { return false }
        var expected = 1
        for d in [1, 3, 2, 0] where shape[d] != 1 {
            if strides[d] != expected { return false }
            expected = expected &* shape[d]
        }
        return true
    }

    /// Row-major strides of `shape` taken in `order` (the fastest-moving dimension first):
    /// each dimension's stride is the product of the sizes before it in that order, sizes of
    /// 0 and 1 counting as 1 when `skipTrivial` (ATen's `infer_dense_strides`), as
    /// themselves otherwise (TensorIterator's `compatible_stride`).
    static func strides(_ shape: [Int], fastestFirst order: [Int], skipTrivial: Bool) -> [Int] {
        var result = [Int](repeating: 0, count: shape.count)
        var next = 1
        for d in order {
            result[d] = next
            if !skipTrivial || shape[d] > 1 { next = next &* shape[d] }
        }
        return result
    }

    /// The dimensions of `shape` ordered from fastest- to slowest-moving in memory, by the
    /// operands' strides (each already broadcast to `shape`, 0 along broadcast dimensions):
    /// TensorIterator's `reorder_dimensions`, where the first operand with an opinion decides
    /// each comparison.
    static func memoryOrder(_ shape: [Int], strides operands: [[Int]]) -> [Int] {
        tensorIteratorOrder(Array(shape.indices.reversed())) { d0, d1 in
            for s in operands {
                let s0 = s[d0], s1 = s[d1]
                if s0 == 0 || s1 == 0 { continue }
                if s0 < s1 { return -1 }
                if s0 > s1 { return 1 }
                if shape[d0] > shape[d1] { return 1 }
            }
            return 0
        }
    }

    /// The insertion sort of TensorIterator's `reorder_dimensions`: `compare(a, b)` is 1 when
    /// `a` belongs after `b`, -1 when before, and 0 when it cannot tell (the pair keeps its
    /// order and the scan goes on past it).
    static func tensorIteratorOrder<Item>(_ items: [Item], _ compare: (Item, Item) -> Int) -> [Item] {
        var items = items
        for i in items.indices.dropFirst() {
            var moving = i
            for other in stride(from: i - 1, through: 0, by: -1) {
                let c = compare(items[other], items[moving])
                if c > 0 {
                    items.swapAt(other, moving)
                    moving = other
                } else if c < 0 {
                    break
                }
            }
        }
        return items
    }
}

extension Tensor {
    /// The strides ATen gives the `shape`d result of an element-wise op over `operands`
    /// (TensorIterator: all contiguous, all channels-last, or all the same dense strides
    /// keep that layout; otherwise the operands' order of dimensions in memory).
    static func elementwiseStrides(_ shape: [Int], operands: [Tensor]) -> [Int] {
        let rowMajor = Shape.strides(shape)
        if operands.allSatisfy({ $0.shape == shape }) {
            if operands.allSatisfy(\.isContiguous) { return rowMajor }
            if operands.allSatisfy({ Shape.isChannelsLast(shape: $0.shape, strides: $0.strides) }) {
                return Shape.strides(shape, fastestFirst: [1, 3, 2, 0], skipTrivial: false)
            }
            if let last = operands.last,
               operands.allSatisfy({ Shape.isNonOverlappingAndDense(shape: $0.shape, strides: $0.strides) && $0.strides == last.strides }) {
                return last.strides
            }
        }
        guard shape.count > 1 else { return rowMajor }
        let broadcast = operands.map { t -> [Int] in
            var s = [Int](repeating: 0, count: shape.count)
            let lead = shape.count - t.dim
            for i in 0..<t.dim where !(t.shape[i] == 1 && shape[lead + i] != 1) { s[lead + i] = t.strides[i] }
            return s
        }
        let order = Shape.memoryOrder(shape, strides: broadcast)
        if order == Array(shape.indices.reversed()) { return rowMajor }
        return Shape.strides(shape, fastestFirst: order, skipTrivial: false)
    }

    /// The strides of `empty_like(self, memory_format=torch.preserve_format)`: this tensor's
    /// own when it is dense, else its order of dimensions in memory (`infer_dense_strides`).
    var preservedStrides: [Int] {
        if Shape.isNonOverlappingAndDense(shape: shape, strides: strides) { return strides }
        guard dim > 1 else { return Shape.strides(shape) }
        let order = Shape.memoryOrder(shape, strides: [strides])
        return Shape.strides(shape, fastestFirst: order, skipTrivial: true)
    }

    /// `x.clone()` as Python calls it (`memory_format=torch.preserve_format`): a copy in
    /// this tensor's layout.
    public func clonePreservingFormat() throws -> Tensor {
        let copy = try clone()
        copy.takeLayout(of: self)
        return copy
    }

    /// Lays out this just-made tensor of `source`'s shape as `empty_like(source)` is laid out
    /// (`zeros_like`, `ones_like`, `full_like`).
    public func takeLayout(of source: Tensor) {
        adoptLayout(.preserve, operands: [source])
    }

    /// Lays out a just-made result as `layout` over `operands` says ATen lays it out. Only a
    /// fresh row-major result that shares no storage is changed (its elements are moved to
    /// their places; values, identity and history stay). A no-op when every operand is
    /// contiguous, as the hot paths are.
    func adoptLayout(_ layout: ResultLayout, operands: [Tensor]) {
        guard layout != .rowMajor, dim > 1, isDense, base == nil, operands.contains(where: { !$0.isContiguous }) else { return }
        let target: [Int]
        switch layout {
        case .rowMajor: return
        case .elementwise: target = Tensor.elementwiseStrides(shape, operands: operands)
        case .preserve:
            guard let source = operands.first, source.shape == shape else { return }
            target = source.preservedStrides
        }
        if target == strides { return }
        if operands.contains(where: { $0 === self || ($0.dim > 0 && $0.storage === storage) }) { return }
        moveElements(to: target)
    }

    /// Lays out a leaf's new `.grad` (this tensor, just made) as AccumulateGrad's layout
    /// contract says: with the leaf's strides when the leaf is dense, row-major otherwise.
    func takeGradientLayout(of variable: Tensor) {
        guard dim > 1, isDense, base == nil, shape == variable.shape, !variable.isContiguous,
              Shape.isNonOverlappingAndDense(shape: variable.shape, strides: variable.strides) else { return }
        moveElements(to: variable.strides)
    }

    /// Gives this row-major tensor, which no other tensor shares storage with, the dense
    /// layout `target`: its elements move to their places in a new storage.
    private func moveElements(to target: [Int]) {
        let e = elements
        let n = storage.count
        storage = dtype.isInteger ? Storage(integers: [Int64](repeating: 0, count: n)) : Storage([Double](repeating: 0, count: n))
        strides = target
        offset = 0
        isContiguous = Shape.isContiguous(shape: shape, strides: target)
        isDense = false
        writeElements(e)
    }
}

import Foundation

/// The element-wise losses of `torch.nn.functional` that PyTorch computes as one op:
/// binary cross-entropy (on probabilities and on logits), smooth L1 and Huber.
extension Tensor {
    /// Computes `f(input, target)` per element, reduces it, and records `rule` with the
    /// reduction in `attrs.index` and `parameter` (beta, delta) in `attrs.scalar`.
    private func elementLoss(_ target: Tensor, rule: DerivativeRule, reduction: Reduction, parameter: Double = 0,
                             _ f: (Double, Double) -> Double) throws -> Tensor {
        let dt = TypePromotion.resultType(self, target)
        let each = try Tensor.zipValues(self, target, dtype: dt, f)
        let out: Tensor
        switch reduction {
        case .none: out = each
        case .sum: out = Tensor(values: each.kernelSum([]), shape: [], dtype: dt)
        case .mean: out = Tensor(values: each.kernelSum([], mean: true), shape: [], dtype: dt)
        }
        var a = OpAttributes(); a.index = reduction.rawValue; a.scalar = parameter
        return Tensor.record(rule, inputs: [self, target], output: out, attrs: a)
    }

    /// `F.binary_cross_entropy` (BinaryCrossEntropyBackward0): −(y·log x + (1 − y)·log(1 − x)),
    /// each logarithm clamped at −100 as PyTorch does.
    public func binaryCrossEntropy(_ target: Tensor, reduction: Reduction) throws -> Tensor {
        if values.contains(where: { !($0 >= 0 && $0 <= 1) }) {
            throw AutogradError.runtime("all elements of input should be between 0 and 1")
        }
        return try elementLoss(target, rule: Derivatives.binaryCrossEntropy, reduction: reduction) { x, y in
            -(y * Swift.max(Foundation.log(x), -100) + (1 - y) * Swift.max(Foundation.log(1 - x), -100))
        }
    }

    /// `F.binary_cross_entropy_with_logits` (BinaryCrossEntropyWithLogitsBackward0):
    /// (1 − y)·x + log(1 + e^(−x)), computed stably.
    public func binaryCrossEntropyWithLogits(_ target: Tensor, reduction: Reduction) throws -> Tensor {
        try elementLoss(target, rule: Derivatives.binaryCrossEntropyWithLogits, reduction: reduction) { x, y in
            let m = Swift.max(-x, 0)
            return (1 - y) * x + m + Foundation.log(Foundation.exp(-m) + Foundation.exp(-x - m))
        }
    }

    /// `F.smooth_l1_loss` (SmoothL1LossBackward0): ½d²/β where |d| < β, else |d| − ½β.
    public func smoothL1Loss(_ target: Tensor, beta: Double, reduction: Reduction) throws -> Tensor {
        try elementLoss(target, rule: Derivatives.smoothL1Loss, reduction: reduction, parameter: beta) { x, y in
            let d = Swift.abs(x - y)
            return d < beta ? 0.5 * d * d / beta : d - 0.5 * beta
        }
    }

    /// `F.huber_loss` (HuberLossBackward0): ½d² where |d| < δ, else δ(|d| − ½δ).
    public func huberLoss(_ target: Tensor, delta: Double, reduction: Reduction) throws -> Tensor {
        try elementLoss(target, rule: Derivatives.huberLoss, reduction: reduction, parameter: delta) { x, y in
            let d = Swift.abs(x - y)
            return d < delta ? 0.5 * d * d : delta * (d - 0.5 * delta)
        }
    }
}

import Foundation

extension Tensor {
    /// `F.batch_norm` (NativeBatchNormBackward0) on `[N, C, …]`: per channel, the batch's
    /// mean and biased variance when `training` (updating `runningMean`/`runningVar` in
    /// place with `momentum`, the variance unbiased), else the running statistics.
    public func batchNorm(weight: Tensor?, bias: Tensor?, runningMean: Tensor?, runningVar: Tensor?,
                          training: Bool, momentum: Double, eps: Double) throws -> Tensor {
        guard dim >= 2 else { throw AutogradError.runtime("batch_norm expects an input with at least 2 dimensions") }
        let channels = shape[1]
        let inner = Shape.count(shape[2...])
        let perChannel = shape[0] * inner
        let x = values
        var mean = [Double](repeating: 0, count: channels), invstd = mean
        if training {
            var variance = mean
            for c in 0..<channels {
                var s = 0.0
                for n in 0..<shape[0] { for i in 0..<inner { s += x[(n * channels + c) * inner + i] } }
                let m = s / Double(perChannel)
                var q = 0.0
                for n in 0..<shape[0] { for i in 0..<inner { let d = x[(n * channels + c) * inner + i] - m; q += d * d } }
                mean[c] = m
                variance[c] = q / Double(perChannel)
                invstd[c] = 1 / (variance[c] + eps).squareRoot()
            }
            if let runningMean, let runningVar {
                let rm = runningMean.values, rv = runningVar.values
                let unbiased = perChannel > 1 ? Double(perChannel) / Double(perChannel - 1) : 1
                runningMean.writeValues((0..<channels).map { runningMean.dtype.round(momentum * mean[$0] + (1 - momentum) * rm[$0]) })
                runningVar.writeValues((0..<channels).map { runningVar.dtype.round(momentum * variance[$0] * unbiased + (1 - momentum) * rv[$0]) })
                runningMean.version.bump()
                runningVar.version.bump()
            }
        } else {
            guard let runningMean, let runningVar else {
                throw AutogradError.runtime("running_mean and running_var must be defined in evaluation mode")
            }
            mean = runningMean.values
            invstd = runningVar.values.map { 1 / ($0 + eps).squareRoot() }
        }
        let w = weight?.values, b = bias?.values
        // ATen's CPU kernel folds the statistics (accumulated in double, stored in the
        // dtype) into one scale and shift per channel: out = fma(x, α, β), α = w/σ, β = b − mean·α.
        let alpha = (0..<channels).map { dtype.round(dtype.round(invstd[$0]) * (w?[$0] ?? 1)) }
        let beta = (0..<channels).map { dtype.round((b?[$0] ?? 0) - dtype.round(dtype.round(mean[$0]) * alpha[$0])) }
        var out = [Double](repeating: 0, count: x.count)
        for n in 0..<shape[0] {
            for c in 0..<channels {
                for i in 0..<inner {
                    let k = (n * channels + c) * inner + i
                    out[k] = dtype.round(x[k] * alpha[c] + beta[c])
                }
            }
        }
        var a = OpAttributes()
        a.index = training ? 1 : 0
        a.scalar = eps
        let statShape = [channels]
        let inputs = [self, weight ?? Tensor(values: Array(repeating: 1, count: channels), shape: statShape, dtype: dtype),
                      bias ?? Tensor(values: Array(repeating: 0, count: channels), shape: statShape, dtype: dtype),
                      Tensor(values: mean, shape: statShape, dtype: .float64), Tensor(values: invstd, shape: statShape, dtype: .float64)]
        return Tensor.record(Derivatives.batchNorm, inputs: inputs, output: Tensor(values: out, shape: shape, dtype: dtype), attrs: a)
    }

    /// `[1, C, 1, …]`: a per-channel vector shaped to broadcast against `like`.
    func channelShaped(_ like: [Int]) throws -> Tensor {
        try reshape([1, like[1]] + Array(repeating: 1, count: like.count - 2))
    }
}

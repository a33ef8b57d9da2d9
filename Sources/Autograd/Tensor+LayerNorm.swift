extension Tensor {
    /// `F.layer_norm` over the last `normalizedDims` dimensions (NativeLayerNormBackward0):
    /// each row less its mean, over its biased standard deviation, then scaled by `weight`
    /// and shifted by `bias` (both shaped like the normalized dimensions).
    public func layerNorm(normalizedDims: Int, weight: Tensor?, bias: Tensor?, eps: Double) throws -> Tensor {
        guard normalizedDims >= 1, normalizedDims <= dim else { throw AutogradError.runtime("layer_norm: invalid normalized shape") }
        // The output is a new contiguous tensor of this shape (an expanded input may not fit).
        _ = try Shape.checkedCount(shape, itemSize: dtype.itemSize)
        let rowSize = Shape.count(shape.suffix(normalizedDims))
        let rows = rowSize == 0 ? 0 : numel / rowSize
        let x = values, w = weight?.values, b = bias?.values
        var out = [Double](repeating: 0, count: x.count)
        for r in 0..<rows {
            let row = x[(r * rowSize)..<((r + 1) * rowSize)]
            let mean = row.reduce(0, +) / Double(rowSize)
            let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rowSize)
            // ATen's CPU kernel: one scale and shift per element of the row, rounded to the dtype.
            let rstd = dtype.round(1 / (variance + eps).squareRoot())
            let m = dtype.round(mean)
            for i in 0..<rowSize {
                let scale = dtype.round(rstd * (w?[i] ?? 1))
                let shift = dtype.round((b?[i] ?? 0) - dtype.round(m * scale))
                out[r * rowSize + i] = dtype.round(x[r * rowSize + i] * scale + shift)
            }
        }
        var a = OpAttributes()
        a.index = normalizedDims
        a.scalar = eps
        let affineShape = Array(shape.suffix(normalizedDims))
        let inputs = [self, try weight ?? Tensor.full(affineShape, 1, dtype: dtype), try bias ?? Tensor.full(affineShape, 0, dtype: dtype)]
        return Tensor.record(Derivatives.layerNorm, inputs: inputs, output: Tensor(values: out, shape: shape, dtype: dtype), attrs: a)
    }
}

extension Tensor {
    /// `F.embedding(indices, self)` (EmbeddingBackward0): the rows of this `[V, D]` weight
    /// at `indices`, shaped `indexShape + [D]`. Rows picked at `paddingIndex` receive no
    /// gradient, as in PyTorch.
    public func embedding(indices: [Int], indexShape: [Int], paddingIndex: Int?) throws -> Tensor {
        guard dim == 2 else { throw AutogradError.runtime("'weight' must be 2-D") }
        let (rows, width) = (shape[0], shape[1])
        try Tensor.validateShape(indexShape + [width])
        var positions = [Int]()
        positions.reserveCapacity(indices.count * width)
        for i in indices {
            guard i >= -rows && i < rows else { throw AutogradError(.indexError, "index out of range in self") }
            let row = i < 0 ? i + rows : i
            for j in 0..<width { positions.append(row * width + j) }
        }
        let v = values
        let out = Tensor(values: positions.map { v[$0] }, shape: indexShape + [width], dtype: dtype)
        // Padding rows scatter their gradient into a slot past the end, which is dropped.
        let numel = rows * width
        var a = OpAttributes()
        a.indices = zip(indices, 0...).flatMap { i, _ in
            (0..<width).map { j in i == paddingIndex || (paddingIndex != nil && i + rows == paddingIndex) ? numel : ((i < 0 ? i + rows : i) * width + j) }
        }
        return Tensor.record(Derivatives.embedding, inputs: [self], output: out, attrs: a)
    }
}

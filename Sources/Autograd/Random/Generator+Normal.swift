import Foundation

extension Generator {
    /// `count` samples of `tensor.normal_(mean, std)` (and `torch.randn` for N(0, 1)).
    ///
    /// PyTorch takes one of two paths, and both are reproduced:
    /// - fewer than 16 elements: PyTorch's scalar Box–Muller in float64 for either
    ///   dtype. Each pair of 53-bit uniforms yields two normals; the second is cached in
    ///   the generator and handed out by the next scalar draw, even one in a later call.
    /// - 16 or more: `normal_fill`. All `count` uniforms are drawn first, then turned
    ///   into normals in blocks of 16 (elements `j` and `j + 8` share one pair). When
    ///   `count` is not a multiple of 16 the last 16 elements are overwritten with fresh
    ///   uniforms and transformed again. float32 follows the AVX2 kernel (see
    ///   `CephesFloat`), float64 uses the C library's `log`, `cos` and `sin`. This path
    ///   neither reads nor clears the cached scalar normal.
    ///
    /// The float64 steps call the platform's `log1p`, `log`, `sin` and `cos`; they match
    /// PyTorch bit for bit where both use the same C library (glibc on Linux). The
    /// float32 fill path uses only correctly rounded operations and is portable.
    ///
    /// - Precondition: `dtype` is float32 or float64 and `count >= 0`. The caller checks
    ///   `std >= 0`.
    /// - Complexity: O(`count`).
    public func normal(count: Int, dtype: DType, mean: Double = 0, std: Double = 1) -> [Double] {
        precondition(dtype.isFloatingPoint, "normal needs a floating-point dtype, not \(dtype.torchName)")
        precondition(count >= 0, "normal needs a non-negative count")
        if count < 16 {
            return (0..<count).map { _ in dtype.round(scalarNormal(mean: mean, std: std)) }
        }
        if dtype == .float32 {
            return normalFillFloat(count: count, mean: Float(mean), std: Float(std)).map(Double.init)
        }
        let values = normalFillDouble(count: count, mean: mean, std: std)
        return dtype == .float64 ? values : values.map(dtype.round)
    }

    /// PyTorch's `normal_distribution<double>`: Box–Muller with the sine half cached.
    private func scalarNormal(mean: Double, std: Double) -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return mean.addingProduct(cached, std)
        }
        let u1 = uniformDouble()
        let u2 = uniformDouble()
        let radius = (log1p(-u2) * -2).squareRoot()
        let theta = 2 * Double.pi * u1
        cachedNormal = radius * sin(theta)
        return mean.addingProduct(radius * cos(theta), std)
    }

    private func normalFillFloat(count: Int, mean: Float, std: Float) -> [Float] {
        var data = (0..<count).map { _ in uniformFloat() }
        var start = 0
        while start + 16 <= count {
            Self.boxMullerFloat(&data, at: start, mean: mean, std: std)
            start += 16
        }
        if count % 16 != 0 {
            for i in (count - 16)..<count {
                data[i] = uniformFloat()
            }
            Self.boxMullerFloat(&data, at: count - 16, mean: mean, std: std)
        }
        return data
    }

    private func normalFillDouble(count: Int, mean: Double, std: Double) -> [Double] {
        var data = (0..<count).map { _ in uniformDouble() }
        var start = 0
        while start + 16 <= count {
            Self.boxMullerDouble(&data, at: start, mean: mean, std: std)
            start += 16
        }
        if count % 16 != 0 {
            for i in (count - 16)..<count {
                data[i] = uniformDouble()
            }
            Self.boxMullerDouble(&data, at: count - 16, mean: mean, std: std)
        }
        return data
    }

    /// `NormalFill16<float>` of the AVX2 build: 16 uniforms in, 16 normals out.
    private static func boxMullerFloat(_ data: inout [Float], at start: Int, mean: Float, std: Float) {
        let twoPi = Float(2 * Double.pi)
        for j in start..<(start + 8) {
            let radius = (CephesFloat.log(1 - data[j]) * -2).squareRoot()
            let (sine, cosine) = CephesFloat.sinCos(twoPi * data[j + 8])
            data[j] = mean.addingProduct(radius * cosine, std)
            data[j + 8] = mean.addingProduct(radius * sine, std)
        }
    }

    /// The scalar `NormalFill16<double>`.
    private static func boxMullerDouble(_ data: inout [Double], at start: Int, mean: Double, std: Double) {
        for j in start..<(start + 8) {
            let radius = (log(1 - data[j]) * -2).squareRoot()
            let theta = 2 * Double.pi * data[j + 8]
            data[j] = mean.addingProduct(radius * cos(theta), std)
            data[j + 8] = mean.addingProduct(radius * sin(theta), std)
        }
    }
}

import CKernels

extension Tensor {
    /// The float32 product of two matrices (n×k and k×m, any strides) read straight from
    /// their storage into float scratch memory (a transposed operand is never copied to a
    /// row-major double array first), or nil when a layout is not a plain strided view of
    /// its storage (the caller then takes `matmulValues`).
    static func float32MatrixProduct(_ a: Tensor, _ b: Tensor, kernel: SgemmOrder.Kernel) -> [Double]? {
        guard a.dim == 2, b.dim == 2, a.dtype == .float32, b.dtype == .float32 else { return nil }
        let n = a.shape[0], k = a.shape[1], m = b.shape[1]
        guard n > 0, k > 0, m > 0, b.shape[0] == k, a.isPlainView, b.isPlainView else { return nil }
        let av = a.storage.doubles, bv = b.storage.doubles
        return av.withUnsafeBufferPointer { pa in
            bv.withUnsafeBufferPointer { pb in
                [Double](unsafeUninitializedCapacity: n * m) { po, count in
                    count = n * m
                    guard let sa = pa.baseAddress, let sb = pb.baseAddress, let o = po.baseAddress else {
                        po.initialize(repeating: 0)
                        return
                    }
                    // Every element is written by `ck_widen` below (n, m > 0), so the array is
                    // not zero-filled first.
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: n * k + k * m + n * m) { scratch in
                        guard let fa = scratch.baseAddress else { return }
                        let fb = fa + n * k, fo = fb + k * m
                        ck_narrow_matrix(sa + a.offset, a.strides[0], a.strides[1], n, k, fa)
                        ck_narrow_matrix(sb + b.offset, b.strides[0], b.strides[1], k, m, fb)
                        SgemmOrder.run(kernel, fa, fb, fo, n: n, k: k, m: m)
                        ck_widen(fo, o, n * m)
                    }
                }
            }
        }
    }

    /// Whether every element of this tensor lies in its storage at `offset + Σ i·stride`
    /// with non-negative strides (checked once, so the copy needs no per-element checks).
    private var isPlainView: Bool {
        guard offset >= 0, strides.count == shape.count else { return false }
        var last = offset
        for (size, stride) in zip(shape, strides) {
            guard size > 0, stride >= 0 else { return false }
            let (reach, overflow) = (size - 1).multipliedReportingOverflow(by: stride)
            guard !overflow else { return false }
            last += reach
        }
        return !storage.holdsIntegers && last < storage.doubles.count
    }
}

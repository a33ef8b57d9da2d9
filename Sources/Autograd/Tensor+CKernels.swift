extension Tensor {
    /// The `x.count` values a C element-wise kernel writes from `x` (no zero-fill first).
    static func kernelValues(_ x: [Double],
                             _ kernel: (UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void) -> [Double] {
        guard !x.isEmpty else { return [] }
        return [Double](unsafeUninitializedCapacity: x.count) { out, count in
            x.withUnsafeBufferPointer { kernel($0.baseAddress!, out.baseAddress!, x.count) }
            count = x.count
        }
    }

    /// The `x.count` values a C element-wise kernel writes from `x` and `y` (as many elements).
    static func kernelValues(_ x: [Double], _ y: [Double],
                             _ kernel: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void) -> [Double] {
        precondition(x.count == y.count, "kernel operands of different lengths")
        guard !x.isEmpty else { return [] }
        return [Double](unsafeUninitializedCapacity: x.count) { out, count in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeBufferPointer { py in kernel(px.baseAddress!, py.baseAddress!, out.baseAddress!, x.count) }
            }
            count = x.count
        }
    }
}

import CKernels

/// ATen's CPU summation order, so float32/float64 sums round exactly as PyTorch's.
///
/// PyTorch does not add the elements of a sum left to right, nor in higher precision:
/// `cascade_sum` (aten/src/ATen/native/cpu/SumKernel.cpp) adds in the tensor's own
/// dtype, in chunks whose partial sums are added level by level, four rows at a time,
/// eight float lanes (four double lanes) at a time, and splits large reductions between
/// threads. This type replays that order on scalars, so every intermediate rounding
/// happens where PyTorch's does.
///
/// What this replays, and why it is enough:
/// - `TensorIterator` sorts the dimensions (reduced ones first, then by stride) and
///   merges the contiguous ones; the first two become the 2-D loop the kernel sees,
///   the rest are walked outside it.
/// - The sum kernel is registered for the AVX2 and default CPU builds only (never
///   AVX512), whose `Vectorized<float>` is 32 bytes: 8 float or 4 double lanes.
/// - From `grainSize` elements on, PyTorch splits the work between threads: a full
///   reduction into per-thread partial sums (`two_pass_reduction`), otherwise the kept
///   dimensions (`parallel_dim_reduction`). Both splits are replayed, since either can
///   change which loop variant an output goes through.
/// - The iteration order follows the input's strides, so a transposed or sliced view
///   sums in a different order than a contiguous copy of it: pass views' strides.
enum SumKernel {
    /// `at::internal::GRAIN_SIZE`: below this many elements a reduction runs on one thread.
    static let grainSize = 32_768

    /// `torch.get_num_threads()` on the reference machine (its physical core count).
    static let defaultThreadCount = 2

    /// Bytes in one `Vectorized<T>` of the kernel PyTorch dispatches `sum` to.
    static let vectorBytes = 32

    /// Sum of `values` (row-major, of `shape`) over `dims` (already wrapped, sorted or not), in `dtype` arithmetic.
    /// Returns the reduced values in row-major order of the kept dimensions (same order as keepdim=True shape).
    /// An empty `dims` reduces every dimension, as `torch.sum(x, dim=[])` does.
    ///
    /// - Complexity: O(n) time and space in the number of elements.
    static func sum(_ values: [Double], shape: [Int], dims: [Int], dtype: DType) -> [Double] {
        sum(values, shape: shape, dims: dims, dtype: dtype, threads: defaultThreadCount)
    }

    /// As `sum(_:shape:dims:dtype:)`, as PyTorch computes it with `threads` intra-op threads.
    static func sum(_ values: [Double], shape: [Int], dims: [Int], dtype: DType, threads: Int) -> [Double] {
        sum(storage: values, offset: 0, shape: shape, strides: Shape.strides(shape), dims: dims,
            dtype: dtype, threads: threads)
    }

    /// Sum of the strided view whose element at index `i` is `storage[offset + Σ i[d] * strides[d]]`
    /// (strides ≥ 0, in elements, as `Tensor.strides`), in the order PyTorch sums that view.
    /// Returns the reduced values in row-major order of the kept dimensions.
    ///
    /// - Complexity: O(n) time in the number of elements of the view, O(span + output) extra space.
    static func sum(storage: [Double], offset: Int, shape: [Int], strides: [Int], dims: [Int],
                    dtype: DType, threads: Int = defaultThreadCount) -> [Double] {
        let plan = Plan(shape: shape, strides: strides, dims: dims)
        guard plan.count > 0 else { return [Double](repeating: 0, count: plan.outputCount) }
        var first = offset
        var last = offset
        for (size, stride) in zip(shape, strides) {
            if stride < 0 { first += (size - 1) * stride } else { last += (size - 1) * stride }
        }
        let span = storage[first...last]
        let base = offset - first
        switch dtype {
        case .float32:
            return widened(cascadeSum(narrowed(span), base: base, plan: plan, threads: threads))
        case .float16, .bfloat16:
            // Reduced-precision sums accumulate in float, then round once.
            let x = narrowed(span)
            return cascadeSum(x, base: base, plan: plan, threads: threads).map { dtype.round(Double($0)) }
        case .float64:
            return cascadeSum(Array(span), base: base, plan: plan, threads: threads)
        default:
            return integerSum(Array(span), base: base, plan: plan)
        }
    }

    /// The elements as floats, converted in one vectorised pass.
    private static func narrowed(_ span: ArraySlice<Double>) -> [Float] {
        [Float](unsafeUninitializedCapacity: span.count) { out, count in
            span.withUnsafeBufferPointer { ck_narrow($0.baseAddress, out.baseAddress, $0.count) }
            count = span.count
        }
    }

    /// The sums as doubles (exact), converted in one vectorised pass.
    private static func widened(_ sums: [Float]) -> [Double] {
        [Double](unsafeUninitializedCapacity: sums.count) { out, count in
            sums.withUnsafeBufferPointer { ck_widen($0.baseAddress, out.baseAddress, $0.count) }
            count = sums.count
        }
    }

    /// Sum of a strided view of integer elements over `dims`, in wrapping int64 arithmetic
    /// (the order does not matter: integer addition is exact).
    static func integerSum(storage: [Int64], offset: Int, shape: [Int], strides: [Int], dims: [Int]) -> [Int64] {
        let plan = Plan(shape: shape, strides: strides, dims: dims)
        var out = [Int64](repeating: 0, count: plan.outputCount)
        forEachElement(plan) { input, output in out[output] &+= storage[offset + input] }
        return out
    }

    /// `torch.mean`: the sum in `dtype`, then one division by the reduced count in `dtype`
    /// (a float32 mean divides in `Float`, never multiplies by a reciprocal).
    static func mean(_ values: [Double], shape: [Int], dims: [Int], dtype: DType) -> [Double] {
        mean(storage: values, offset: 0, shape: shape, strides: Shape.strides(shape), dims: dims, dtype: dtype)
    }

    /// `torch.mean` of a strided view (see `sum(storage:offset:shape:strides:dims:dtype:threads:)`).
    static func mean(storage: [Double], offset: Int, shape: [Int], strides: [Int], dims: [Int],
                     dtype: DType, threads: Int = defaultThreadCount) -> [Double] {
        let sums = sum(storage: storage, offset: offset, shape: shape, strides: strides, dims: dims,
                       dtype: dtype, threads: threads)
        let count = Plan(shape: shape, strides: strides, dims: dims).reducedCount
        switch dtype {
        case .float32, .float16, .bfloat16:
            return sums.map { dtype.round(Double(Float($0) / Float(count))) }
        default:
            return sums.map { $0 / Double(count) }
        }
    }
}

extension SumKernel {
    /// One iteration dimension: its size and element strides in the input and the output
    /// (0 in the output for a reduced dimension).
    struct Dim: Equatable {
        var size: Int
        var inStride: Int
        var outStride: Int
    }

    /// The dimensions in `TensorIterator` order (fastest first, reduced first, merged).
    struct Plan {
        let dims: [Dim]
        let count: Int
        let outputCount: Int
        let reducedCount: Int

        init(shape: [Int], strides: [Int], dims reduced: [Int]) {
            let (shape, strides) = shape.isEmpty ? ([1], [1]) : (shape, strides)
            var isReduced = [Bool](repeating: reduced.isEmpty, count: shape.count)
            for d in reduced where d >= 0 && d < shape.count { isReduced[d] = true }

            var all: [Dim] = []
            var count = 1
            var outStride = 1
            for d in stride(from: shape.count - 1, through: 0, by: -1) {
                all.append(Dim(size: shape[d], inStride: strides[d], outStride: isReduced[d] ? 0 : outStride))
                // Wrapping: only a zero-element view can have sizes whose product passes Int.max.
                count = count &* shape[d]
                if !isReduced[d] { outStride = outStride &* shape[d] }
            }
            self.count = count
            outputCount = outStride
            reducedCount = Shape.count(zip(shape, isReduced).map { $0.1 ? $0.0 : 1 })
            self.dims = Plan.coalesced(Shape.tensorIteratorOrder(all, Plan.shouldSwap))
        }

        /// 1 if `a` belongs after `b`, -1 if before, 0 if the strides cannot tell.
        static func shouldSwap(_ a: Dim, _ b: Dim) -> Int {
            if (a.outStride == 0) != (b.outStride == 0) { return b.outStride == 0 ? 1 : -1 }
            for (s0, s1) in [(a.outStride, b.outStride), (a.inStride, b.inStride)] {
                if s0 == 0 || s1 == 0 { continue }
                if s0 < s1 { return -1 }
                if s0 > s1 { return 1 }
                if a.size > b.size { return 1 }
            }
            return 0
        }

        /// `coalesce_dimensions`: merges neighbours that step through memory as one.
        static func coalesced(_ dims: [Dim]) -> [Dim] {
            var merged = [dims[0]]
            for next in dims.dropFirst() {
                let last = merged[merged.count - 1]
                let contiguous = last.size * last.inStride == next.inStride
                    && last.size * last.outStride == next.outStride
                if last.size == 1 {
                    merged[merged.count - 1] = Dim(size: next.size, inStride: next.inStride, outStride: next.outStride)
                } else if next.size == 1 || contiguous {
                    merged[merged.count - 1].size *= next.size
                } else {
                    merged.append(next)
                }
            }
            return merged
        }
    }

    /// int64 and bool sums: exact, wrapping on overflow as int64 does; order cannot matter.
    static func integerSum(_ values: [Double], base: Int, plan: Plan) -> [Double] {
        var out = [Int64](repeating: 0, count: plan.outputCount)
        forEachElement(plan) { input, output in
            let v = values[base + input]
            let i: Int64 = v >= 0x1p63 ? .max : (v < -0x1p63 ? .min : Int64(v))
            out[output] &+= i
        }
        return out.map { Double($0) }
    }

    /// Visits every (input index, output index) pair, iteratively.
    static func forEachElement(_ plan: Plan, _ body: (Int, Int) -> Void) {
        guard plan.count > 0 else { return }
        var counter = [Int](repeating: 0, count: plan.dims.count)
        var input = 0
        var output = 0
        for _ in 0..<plan.count {
            body(input, output)
            for d in plan.dims.indices {
                counter[d] += 1
                input += plan.dims[d].inStride
                output += plan.dims[d].outStride
                if counter[d] < plan.dims[d].size { break }
                input -= plan.dims[d].inStride * plan.dims[d].size
                output -= plan.dims[d].outStride * plan.dims[d].size
                counter[d] = 0
            }
        }
    }
}

extension SumKernel {
    /// `cascade_sum` under `TensorIteratorBase::parallel_reduce`; the view starts at `values[base]`.
    static func cascadeSum<T: BinaryFloatingPoint & SIMDScalar>(_ values: [T], base: Int, plan: Plan, threads: Int) -> [T] {
        var out = [T](repeating: 0, count: plan.outputCount)
        guard plan.count > 0 else { return out }
        let width = vectorBytes / MemoryLayout<T>.size
        values.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { out in
                let kernel = Kernel(x: x, width: width)
                if plan.count < grainSize || threads <= 1 {
                    kernel.serial(plan.dims, out: out, inBase: base, outBase: 0, begin: 0, end: plan.count)
                } else if plan.outputCount == 1 {
                    twoPass(kernel, plan: plan, base: base, threads: threads, out: out)
                } else {
                    splitKeptDim(kernel, plan: plan, base: base, threads: threads, out: out)
                }
            }
        }
        return out
    }

    /// `parallel_dim_reduction`: one kept dimension is cut into one slice per thread
    /// (rounded to 128-byte columns when it is contiguous), each slice reduced on its own.
    static func splitKeptDim<T: BinaryFloatingPoint & SIMDScalar>(
        _ kernel: Kernel<T>, plan: Plan, base: Int, threads: Int, out: UnsafeMutableBufferPointer<T>
    ) {
        let dims = plan.dims
        var split = dims.count - 1
        var d = dims.count - 1
        while d >= 0 && !(dims[d].outStride == 0 && dims[d].size > 1) {
            if dims[d].size >= threads {
                split = d
                break
            }
            if dims[d].size > dims[split].size { split = d }
            d -= 1
        }
        let columns = dims[split].size
        let used = columns > 1 ? min(threads, columns) : 1
        let chunk = (columns + used - 1) / used
        let multiple = 128 / MemoryLayout<T>.size
        for t in 0..<used where t * chunk < columns {
            var begin = t * chunk
            var end = min(columns, begin + chunk)
            if dims[split].inStride == 1 {
                begin -= begin % multiple
                if end != columns { end -= end % multiple }
            }
            guard begin < end else { continue }
            var slice = dims
            slice[split].size = end - begin
            kernel.serial(
                slice, out: out, inBase: base + begin * dims[split].inStride,
                outBase: begin * dims[split].outStride, begin: 0, end: plan.count / columns * (end - begin))
        }
    }

    /// `two_pass_reduction`: each thread sums its slice of the flattened input into its
    /// own slot (`at::parallel_for` slices), then the slots are summed as a tensor.
    static func twoPass<T: BinaryFloatingPoint & SIMDScalar>(
        _ kernel: Kernel<T>, plan: Plan, base: Int, threads: Int, out: UnsafeMutableBufferPointer<T>
    ) {
        let count = plan.count
        let used = count > grainSize ? min(threads, (count + grainSize - 1) / grainSize) : 1
        let chunk = (count + used - 1) / used
        var partials = [T](repeating: 0, count: threads)
        partials.withUnsafeMutableBufferPointer { partials in
            for t in 0..<used where t * chunk < count {
                kernel.serial(
                    plan.dims, out: UnsafeMutableBufferPointer(rebasing: partials[t..<t + 1]),
                    inBase: base, outBase: 0, begin: t * chunk, end: min(count, (t + 1) * chunk))
            }
        }
        partials.withUnsafeBufferPointer { partials in
            Kernel(x: partials, width: kernel.width)
                .serial([Dim(size: threads, inStride: 1, outStride: 0)], out: out, inBase: 0, outBase: 0,
                        begin: 0, end: threads)
        }
    }

    /// The summation loops of SumKernel.cpp over one input buffer.
    struct Kernel<T: BinaryFloatingPoint & SIMDScalar> {
        let x: UnsafeBufferPointer<T>
        /// Lanes in one `Vectorized<T>`.
        let width: Int

        /// `serial_for_each` with `DimCounter`: the flat range `begin..<end` in 2-D blocks.
        func serial(_ dims: [Dim], out: UnsafeMutableBufferPointer<T>, inBase: Int, outBase: Int,
                    begin: Int, end: Int) {
            var values = [Int](repeating: 0, count: dims.count)
            var rest = begin
            for d in dims.indices {
                values[d] = rest % dims[d].size
                rest /= dims[d].size
            }
            let inner = dims[0]
            let outer = dims.count > 1 ? dims[1] : Dim(size: 1, inStride: 0, outStride: 0)
            var offset = begin
            while offset < end {
                let step0 = min(inner.size - values[0], end - offset)
                var step1 = 1
                if step0 == inner.size && dims.count > 1 {
                    step1 = min(outer.size - values[1], (end - offset) / inner.size)
                }
                var input = inBase
                var output = outBase
                for d in dims.indices {
                    input += values[d] * dims[d].inStride
                    output += values[d] * dims[d].outStride
                }
                loop2d(out: out, outBase: output, inBase: input, inner: inner, outer: outer,
                       size0: step0, size1: step1)
                offset += step0 * step1
                var d = step1 != 1 ? 1 : 0
                var carry = step1 != 1 ? step1 : step0
                while d < dims.count && carry > 0 {
                    values[d] += carry
                    if values[d] >= dims[d].size {
                        values[d] -= dims[d].size
                        carry = 1
                    } else {
                        carry = 0
                    }
                    d += 1
                }
            }
        }

        /// The loop `cascade_sum` hands to `parallel_reduce`: picks the inner/outer,
        /// vectorized/scalar variant for one 2-D block.
        func loop2d(out: UnsafeMutableBufferPointer<T>, outBase: Int, inBase: Int,
                    inner: Dim, outer: Dim, size0: Int, size1: Int) {
            var (d0, d1, n0, n1) = (inner, outer, size0, size1)
            if d0.outStride != 0 && d1.outStride == 0 {
                swap(&d0, &d1)
                swap(&n0, &n1)
            }
            if d0.outStride != 0 && d1.outStride != 0 {
                for j in 0..<n1 {
                    for i in 0..<n0 {
                        out[outBase + j * d1.outStride + i * d0.outStride] += x[inBase + j * d1.inStride + i * d0.inStride]
                    }
                }
                return
            }
            let store = { (j: Int, v: T) in out[outBase + j * d1.outStride] += v }
            if d0.inStride == 1 && n0 >= width {
                for j in 0..<n1 { store(j, vectorizedRowSum(base: inBase + j * d1.inStride, count: n0)) }
            } else if d1.inStride == 1 && n1 >= width {
                var j = 0
                while j + 4 * width <= n1 {
                    // 4·width neighbouring columns, each its own level sum: summed side by side.
                    for c in stride(from: j, to: j + 4 * width, by: width) {
                        let sums = levelSums(base: inBase + c, stride: d0.inStride, count: n0)
                        for lane in 0..<width { store(c + lane, sums[lane]) }
                    }
                    j += 4 * width
                }
                while j < n1 {
                    store(j, rowSum(base: inBase + j, stride: d0.inStride, count: n0))
                    j += 1
                }
            } else if d0.inStride < d1.inStride {
                for j in 0..<n1 { store(j, rowSum(base: inBase + j * d1.inStride, stride: d0.inStride, count: n0)) }
            } else {
                var j = 0
                while j + 3 < n1 {
                    for c in j..<j + 4 { store(c, levelSum(base: inBase + c * d1.inStride, stride: d0.inStride, count: n0)) }
                    j += 4
                }
                while j < n1 {
                    store(j, rowSum(base: inBase + j * d1.inStride, stride: d0.inStride, count: n0))
                    j += 1
                }
            }
        }

        /// `vectorized_inner_sum` for one contiguous row: each lane sums every `width`-th
        /// element, then the leftover tail and the lanes are added to one scalar.
        func vectorizedRowSum(base: Int, count: Int) -> T {
            let vectors = count / width
            var total: T = 0
            for k in vectors * width..<count { total += x[base + k] }
            let lanes = laneRowSums(base: base, count: vectors)
            for lane in 0..<width { total += lanes[lane] }
            return total
        }

        /// `rowSum(base: base + lane, stride: width, count: vectors)` for every lane, all lanes
        /// at once in SIMD registers (each lane's additions are the scalar ones, in order).
        func laneRowSums(base: Int, count vectors: Int) -> [T] {
            switch width {
            case 16: return laneRowSums(SIMD16<T>.self, base: base, count: vectors)
            case 8: return laneRowSums(SIMD8<T>.self, base: base, count: vectors)
            case 4: return laneRowSums(SIMD4<T>.self, base: base, count: vectors)
            default: return (0..<width).map { rowSum(base: base + $0, stride: width, count: vectors) }
            }
        }

        private func laneRowSums<V: SIMD>(_: V.Type, base: Int, count vectors: Int) -> [T] where V.Scalar == T {
            let quads = vectors / 4
            var first: V = levelSum(base: base, stride: 4 * width, count: quads)
            for i in quads * 4..<vectors { first += load(base + i * width) }
            for k in 1..<4 { first += levelSum(base: base + k * width, stride: 4 * width, count: quads) as V }
            return (0..<width).map { first[$0] }
        }

        /// `levelSum(base: base + lane, stride:, count:)` for the `width` neighbouring lanes.
        func levelSums(base: Int, stride: Int, count: Int) -> [T] {
            switch width {
            case 16: let v: SIMD16<T> = levelSum(base: base, stride: stride, count: count); return (0..<16).map { v[$0] }
            case 8: let v: SIMD8<T> = levelSum(base: base, stride: stride, count: count); return (0..<8).map { v[$0] }
            case 4: let v: SIMD4<T> = levelSum(base: base, stride: stride, count: count); return (0..<4).map { v[$0] }
            default: return (0..<width).map { levelSum(base: base + $0, stride: stride, count: count) }
            }
        }

        /// The `V.scalarCount` elements from `x[i]` on.
        @inline(__always)
        private func load<V: SIMD>(_ i: Int) -> V where V.Scalar == T {
            UnsafeRawPointer(x.baseAddress! + i).loadUnaligned(as: V.self)
        }

        /// `levelSum` of `V.scalarCount` neighbouring columns side by side.
        private func levelSum<V: SIMD>(base: Int, stride: Int, count: Int) -> V where V.Scalar == T {
            let levelPower = max(4, SumKernel.ceilLog2(count) / 4)
            let levelStep = 1 << levelPower
            let levelMask = levelStep - 1
            var (a0, a1, a2, a3): (V, V, V, V) = (.zero, .zero, .zero, .zero)
            var i = 0
            while i + levelStep <= count {
                for _ in 0..<levelStep {
                    a0 += load(base + i * stride)
                    i += 1
                }
                a1 += a0
                a0 = .zero
                if i & (levelMask << levelPower) == 0 {
                    a2 += a1
                    a1 = .zero
                    if i & (levelMask << (2 * levelPower)) == 0 {
                        a3 += a2
                        a2 = .zero
                    }
                }
            }
            while i < count {
                a0 += load(base + i * stride)
                i += 1
            }
            a0 += a1
            a0 += a2
            a0 += a3
            return a0
        }

        /// `row_sum`: four interleaved `multi_row_sum` columns, the tail, then the four partials.
        func rowSum(base: Int, stride: Int, count: Int) -> T {
            let quads = count / 4
            var first = levelSum(base: base, stride: 4 * stride, count: quads)
            for i in quads * 4..<count { first += x[base + i * stride] }
            for k in 1..<4 { first += levelSum(base: base + k * stride, stride: 4 * stride, count: quads) }
            return first
        }

        /// One column of `multi_row_sum`: blocks of `2^levelPower` elements are summed,
        /// and each level's total is carried up when the next level's block completes.
        func levelSum(base: Int, stride: Int, count: Int) -> T {
            let levelPower = max(4, SumKernel.ceilLog2(count) / 4)
            let levelStep = 1 << levelPower
            let levelMask = levelStep - 1
            var (a0, a1, a2, a3): (T, T, T, T) = (0, 0, 0, 0)
            var i = 0
            while i + levelStep <= count {
                for _ in 0..<levelStep {
                    a0 += x[base + i * stride]
                    i += 1
                }
                a1 += a0
                a0 = 0
                if i & (levelMask << levelPower) == 0 {
                    a2 += a1
                    a1 = 0
                    if i & (levelMask << (2 * levelPower)) == 0 {
                        a3 += a2
                        a2 = 0
                    }
                }
            }
            while i < count {
                a0 += x[base + i * stride]
                i += 1
            }
            a0 += a1
            a0 += a2
            a0 += a3
            return a0
        }
    }

    /// `c10::utils::CeilLog2`.
    static func ceilLog2(_ n: Int) -> Int {
        n <= 2 ? 1 : Int.bitWidth - (n - 1).leadingZeroBitCount
    }
}

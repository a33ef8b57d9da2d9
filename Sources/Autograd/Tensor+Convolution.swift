/// Sliding windows over the last two dimensions of an `[N, C, H, W]` tensor: convolution
/// (ConvolutionBackward0), max pooling (MaxPool2DWithIndicesBackward0) and average pooling
/// (AvgPool2DBackward0). Every window element is a flat position in the input; positions
/// that fall in the padding are `numel`, one past the end, so the backward formulas can
/// gather from (and scatter-add into) the input with one zero appended.
public struct Window2D: Sendable {
    public var kernel: (Int, Int)
    public var stride: (Int, Int)
    public var padding: (Int, Int)
    public var dilation: (Int, Int)
    public var ceilMode = false

    public init(kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int), dilation: (Int, Int) = (1, 1), ceilMode: Bool = false) {
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.ceilMode = ceilMode
    }

    /// PyTorch's pooling_output_shape: floor (or ceil) of the sliding count, and with
    /// ceil mode the last window must start inside the input or its left padding.
    func outputSize(_ size: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int) -> Int {
        let span = size + 2 * p - d * (k - 1) - 1 + (ceilMode ? s - 1 : 0)
        // Rounded toward negative infinity, as PyTorch's div_rtn.
        var out = (span >= 0 ? span / s : -((-span + s - 1) / s)) + 1
        if ceilMode && (out - 1) * s >= size + p { out -= 1 }
        return out
    }

    /// The output height and width for an input of `h` × `w`.
    public func outputShape(_ h: Int, _ w: Int) -> (Int, Int) {
        (outputSize(h, kernel.0, stride.0, padding.0, dilation.0), outputSize(w, kernel.1, stride.1, padding.1, dilation.1))
    }
}

extension Tensor {
    /// Positions of every window element, ordered `[N, C, kh, kw, Ho, Wo]` (im2col's
    /// column layout) when `columns`, else `[N, C, Ho, Wo, kh, kw]`.
    static func windowPositions(n: Int, c: Int, h: Int, w: Int, window win: Window2D, columns: Bool) -> (positions: [Int], oh: Int, ow: Int) {
        let (oh, ow) = win.outputShape(h, w)
        let (kh, kw) = win.kernel
        let pad = n * c * h * w
        var positions = [Int]()
        positions.reserveCapacity(n * c * kh * kw * Swift.max(oh, 0) * Swift.max(ow, 0))
        func at(_ plane: Int, _ y: Int, _ x: Int, _ i: Int, _ j: Int) -> Int {
            let row = y * win.stride.0 - win.padding.0 + i * win.dilation.0
            let col = x * win.stride.1 - win.padding.1 + j * win.dilation.1
            return row >= 0 && row < h && col >= 0 && col < w ? plane * h * w + row * w + col : pad
        }
        for plane in 0..<(n * c) {
            if columns {
                for i in 0..<kh { for j in 0..<kw { for y in 0..<oh { for x in 0..<ow { positions.append(at(plane, y, x, i, j)) } } } }
            } else {
                for y in 0..<oh { for x in 0..<ow { for i in 0..<kh { for j in 0..<kw { positions.append(at(plane, y, x, i, j)) } } } }
            }
        }
        return (positions, oh, ow)
    }

    /// The input's elements followed by one zero, the value of every padding position.
    func paddedFlat() throws -> Tensor {
        try Tensor.cat([reshape([-1]), Tensor.zeros([1], dtype: dtype)], dim: 0)
    }

    /// `F.conv1d` / `F.conv2d` with one group: input `[N, C, (H,) W]`, weight
    /// `[O, C, (kh,) kw]`, optional bias `[O]` (ConvolutionBackward0).
    public func convolution(weight: Tensor, bias: Tensor?, window: Window2D) throws -> Tensor {
        let oneD = dim == 3
        let x4 = oneD ? try unsqueeze(2) : self
        let w4 = oneD ? try weight.unsqueeze(2) : weight
        let (n, c, h, w) = (x4.shape[0], x4.shape[1], x4.shape[2], x4.shape[3])
        let (o, kh, kw) = (w4.shape[0], w4.shape[2], w4.shape[3])
        let (oh0, ow0) = window.outputShape(h, w)
        try Tensor.validateShape([n, c * kh * kw, Swift.max(oh0, 0), Swift.max(ow0, 0)])
        let (positions, oh, ow) = Tensor.windowPositions(n: n, c: c, h: h, w: w, window: window, columns: true)
        let l = oh * ow, k = c * kh * kw
        let xv = values + [0], wv = weight.values, bv = bias?.values
        var out = [Double](repeating: 0, count: n * o * l)
        for b in 0..<n {
            for oc in 0..<o {
                for q in 0..<l {
                    var s = bv?[oc] ?? 0
                    for r in 0..<k { s += wv[oc * k + r] * xv[positions[(b * k + r) * l + q]] }
                    out[(b * o + oc) * l + q] = s
                }
            }
        }
        let outShape = oneD ? [n, o, ow] : [n, o, oh, ow]
        let result = Tensor(values: out.map(dtype.round), shape: outShape, dtype: dtype)
        var a = OpAttributes()
        a.indices = positions
        a.shape = [n, k, l]
        let inputs = bias.map { [self, weight, $0] } ?? [self, weight]
        return Tensor.record(bias == nil ? Derivatives.convolutionNoBias : Derivatives.convolution, inputs: inputs, output: result, attrs: a)
    }

    /// im2col of `x` as recorded ops: `[N, C·kh·kw, L]`.
    static func columns(_ x: Tensor, _ c: BackwardContext) throws -> Tensor {
        try x.paddedFlat().gatherPositions(c.attrs.indices, shape: c.attrs.shape)
    }

    /// col2im as recorded ops: sums `[N, C·kh·kw, L]` columns back into `shape`.
    static func uncolumns(_ cols: Tensor, _ c: BackwardContext, shape: [Int]) throws -> Tensor {
        let numel = Shape.count(shape)
        return try cols.scatterAddPositions(c.attrs.indices, shape: [numel + 1]).narrow(dim: 0, start: 0, length: numel).reshape(shape)
    }

    /// `F.max_pool2d` on `[N, C, H, W]` or `[C, H, W]`: the values and, per output, the
    /// flat index of its maximum within its plane (MaxPool2DWithIndicesBackward0).
    public func maxPool2d(window: Window2D) throws -> (values: Tensor, indices: Tensor) {
        let batched = dim == 4
        let (n, c, h, w) = batched ? (shape[0], shape[1], shape[2], shape[3]) : (1, shape[0], shape[1], shape[2])
        let (oh0, ow0) = window.outputShape(h, w)
        try Tensor.validateShape([n * c, window.kernel.0, window.kernel.1, Swift.max(oh0, 0), Swift.max(ow0, 0)])
        let (positions, oh, ow) = Tensor.windowPositions(n: n, c: c, h: h, w: w, window: window, columns: false)
        let span = window.kernel.0 * window.kernel.1, numel = n * c * h * w
        let xv = values
        var out = [Double](), picks = [Int](), local = [Double]()
        let count = n * c * oh * ow
        out.reserveCapacity(count); picks.reserveCapacity(count); local.reserveCapacity(count)
        for q in 0..<count {
            var best = -Double.infinity, at = -1
            for r in 0..<span {
                let p = positions[q * span + r]
                guard p < numel else { continue }
                let v = xv[p]
                if at < 0 || v > best || v.isNaN { best = v; at = p }
                if v.isNaN { break }
            }
            out.append(best); picks.append(Swift.max(at, 0)); local.append(Double(Swift.max(at, 0) % (h * w)))
        }
        let outShape = batched ? [n, c, oh, ow] : [c, oh, ow]
        var a = OpAttributes()
        a.indices = picks
        let result = Tensor.record(Derivatives.maxPool2d, inputs: [self], output: Tensor(values: out, shape: outShape, dtype: dtype), attrs: a)
        return (result, Tensor(values: local, shape: outShape, dtype: .int64))
    }

    /// `F.avg_pool2d` on `[N, C, H, W]` or `[C, H, W]` (AvgPool2DBackward0).
    public func avgPool2d(window: Window2D, countIncludePad: Bool, divisorOverride: Int?) throws -> Tensor {
        let batched = dim == 4
        let (n, c, h, w) = batched ? (shape[0], shape[1], shape[2], shape[3]) : (1, shape[0], shape[1], shape[2])
        let (oh0, ow0) = window.outputShape(h, w)
        try Tensor.validateShape([n * c, window.kernel.0, window.kernel.1, Swift.max(oh0, 0), Swift.max(ow0, 0)])
        let (positions, oh, ow) = Tensor.windowPositions(n: n, c: c, h: h, w: w, window: window, columns: false)
        let (kh, kw) = window.kernel, span = kh * kw, numel = n * c * h * w
        // PyTorch's divisor: the window clipped to the padded input (or to the input).
        var divisors = [Int]()
        for y in 0..<oh {
            for x in 0..<ow {
                var hs = y * window.stride.0 - window.padding.0, ws = x * window.stride.1 - window.padding.1
                var he = Swift.min(hs + kh, h + window.padding.0), we = Swift.min(ws + kw, w + window.padding.1)
                let padded = (he - hs) * (we - ws)
                hs = Swift.max(hs, 0); ws = Swift.max(ws, 0); he = Swift.min(he, h); we = Swift.min(we, w)
                divisors.append(divisorOverride ?? (countIncludePad ? padded : (he - hs) * (we - ws)))
            }
        }
        let xv = values
        var out = [Double]()
        for q in 0..<(n * c * oh * ow) {
            var s = 0.0
            for r in 0..<span where positions[q * span + r] < numel { s += xv[positions[q * span + r]] }
            out.append(dtype.round(s / Double(divisors[q % (oh * ow)])))
        }
        var a = OpAttributes()
        a.indices = positions
        a.shape = [oh, ow, span]
        a.dims = divisors
        let outShape = batched ? [n, c, oh, ow] : [c, oh, ow]
        return Tensor.record(Derivatives.avgPool2d, inputs: [self], output: Tensor(values: out, shape: outShape, dtype: dtype), attrs: a)
    }
}

extension Tensor {
    /// `F.adaptive_avg_pool2d` to `outH × outW` on `[N, C, H, W]` or `[C, H, W]`
    /// (AdaptiveAvgPool2DBackward0): window `i` spans rows ⌊i·H/outH⌋ ..< ⌈(i+1)·H/outH⌉.
    /// A 1 × 1 output is `mean(dim=(-1, -2), keepdim=True)`, as in PyTorch.
    public func adaptiveAvgPool2d(outH: Int, outW: Int) throws -> Tensor {
        guard dim == 3 || dim == 4 else { throw AutogradError.runtime("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got \(shape)") }
        if outH == 1 && outW == 1 { return try mean(dims: [dim - 2, dim - 1], keepdim: true) }
        try Tensor.validateShape(Array(shape.dropLast(2)) + [outH, outW])
        let (h, w) = (shape[dim - 2], shape[dim - 1])
        let planes = Shape.count(shape.dropLast(2))
        var windows: [[Int]] = []
        for i in 0..<outH {
            let (hs, he) = (i * h / outH, ((i + 1) * h + outH - 1) / outH)
            for j in 0..<outW {
                let (ws, we) = (j * w / outW, ((j + 1) * w + outW - 1) / outW)
                windows.append((hs..<he).flatMap { r in (ws..<we).map { r * w + $0 } })
            }
        }
        let x = values
        var out = [Double](), positions = [Int]()
        for p in 0..<planes {
            for window in windows {
                out.append(dtype.round(window.reduce(0.0) { $0 + x[p * h * w + $1] } / Double(window.count)))
                positions += window.map { p * h * w + $0 }
            }
        }
        var a = OpAttributes()
        a.indices = positions
        a.dims = windows.map(\.count)
        return Tensor.record(Derivatives.adaptiveAvgPool2d, inputs: [self],
                             output: Tensor(values: out, shape: Array(shape.dropLast(2)) + [outH, outW], dtype: dtype), attrs: a)
    }
}

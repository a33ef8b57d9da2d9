@testable import Autograd

/// Gradient checks for the layers' ops (convolution, pooling), merged into `gradCheckCases`.
let nnGradCheckCases: [String: [GradCheckCase]] = {
    var cases: [String: [GradCheckCase]] = [:]
    let plain = Window2D(kernel: (2, 2), stride: (1, 1), padding: (0, 0))
    let strided = Window2D(kernel: (3, 2), stride: (2, 1), padding: (1, 1), dilation: (1, 2))
    cases["ConvolutionBackward0"] = [
        GradCheckCase("conv2d [1, 2, 4, 4] * [3, 2, 2, 2] + bias", [.any([1, 2, 4, 4]), .any([3, 2, 2, 2]), .any([3])]) {
            try $0[0].convolution(weight: $0[1], bias: $0[2], window: plain)
        },
        GradCheckCase("conv2d stride (2, 1), padding 1, dilation (1, 2), no bias", [.any([2, 1, 5, 5]), .any([2, 1, 3, 2])]) {
            try $0[0].convolution(weight: $0[1], bias: nil, window: strided)
        },
        GradCheckCase("conv1d [2, 2, 5] * [2, 2, 3], padding 1", [.any([2, 2, 5]), .any([2, 2, 3]), .any([2])]) {
            try $0[0].convolution(weight: $0[1], bias: $0[2], window: Window2D(kernel: (1, 3), stride: (1, 1), padding: (0, 1)))
        },
        GradCheckCase("conv2d twice (second derivative path)", [.any([1, 1, 4, 4]), .any([1, 1, 2, 2])]) { xs in
            let y = try xs[0].convolution(weight: xs[1], bias: nil, window: plain)
            return try y.mul(y)
        },
    ]
    cases["MaxPool2DWithIndicesBackward0"] = [
        GradCheckCase("max_pool2d 2x2 of [1, 2, 4, 4]", [.any([1, 2, 4, 4])]) { try $0[0].maxPool2d(window: Window2D(kernel: (2, 2), stride: (2, 2), padding: (0, 0))).values },
        GradCheckCase("max_pool2d 3x3 stride 2 padding 1 of [2, 5, 5]", [.any([2, 5, 5])]) {
            try $0[0].maxPool2d(window: Window2D(kernel: (3, 3), stride: (2, 2), padding: (1, 1))).values
        },
    ]
    cases["AvgPool2DBackward0"] = [
        GradCheckCase("avg_pool2d 2x2 of [1, 2, 4, 4]", [.any([1, 2, 4, 4])]) {
            try $0[0].avgPool2d(window: Window2D(kernel: (2, 2), stride: (2, 2), padding: (0, 0)), countIncludePad: true, divisorOverride: nil)
        },
        GradCheckCase("avg_pool2d 3x3 stride 2 padding 1, pad excluded", [.any([1, 1, 5, 5])]) {
            try $0[0].avgPool2d(window: Window2D(kernel: (3, 3), stride: (2, 2), padding: (1, 1)), countIncludePad: false, divisorOverride: nil)
        },
    ]
    return cases
}()

/// Gradient checks for the element-wise losses, merged into `gradCheckCases`.
let lossGradCheckCases: [String: [GradCheckCase]] = {
    var cases: [String: [GradCheckCase]] = [:]
    let probability = InputSpec(shape: [2, 3], lo: 0.1, hi: 0.9)
    cases["BinaryCrossEntropyBackward0"] = [
        GradCheckCase("bce mean", [probability, probability]) { try $0[0].binaryCrossEntropy($0[1], reduction: .mean) },
        GradCheckCase("bce none", [probability, probability]) { try $0[0].binaryCrossEntropy($0[1], reduction: .none) },
    ]
    cases["BinaryCrossEntropyWithLogitsBackward0"] = [
        GradCheckCase("bce with logits sum", [.any([2, 3]), probability]) { try $0[0].binaryCrossEntropyWithLogits($0[1], reduction: .sum) },
        GradCheckCase("bce with logits mean", [.any([4]), InputSpec(shape: [4], lo: 0.1, hi: 0.9)]) {
            try $0[0].binaryCrossEntropyWithLogits($0[1], reduction: .mean)
        },
    ]
    cases["SmoothL1LossBackward0"] = [
        GradCheckCase("smooth_l1 beta 1 (both branches)", [.any([2, 3]), InputSpec(shape: [2, 3], lo: -0.3, hi: 0.3)]) {
            try $0[0].smoothL1Loss($0[1], beta: 1, reduction: .mean)
        },
        GradCheckCase("smooth_l1 beta 0.5 none", [.any([4]), .any([4])]) { try $0[0].smoothL1Loss($0[1], beta: 0.5, reduction: .none) },
    ]
    cases["HuberLossBackward0"] = [
        GradCheckCase("huber delta 1", [.any([2, 3]), InputSpec(shape: [2, 3], lo: -0.3, hi: 0.3)]) {
            try $0[0].huberLoss($0[1], delta: 1, reduction: .sum)
        },
    ]
    return cases
}()

/// Gradient checks for the embedding lookup, merged into `gradCheckCases`.
let embeddingGradCheckCases: [String: [GradCheckCase]] = [
    "EmbeddingBackward0": [
        GradCheckCase("embedding [5, 3] at [[0, 2], [4, 2]]", [.any([5, 3])]) {
            try $0[0].embedding(indices: [0, 2, 4, 2], indexShape: [2, 2], paddingIndex: nil)
        },
        GradCheckCase("embedding with a padding_idx not looked up, and a negative index", [.any([4, 2])]) { xs in
            let e = try xs[0].embedding(indices: [0, 1, -1], indexShape: [3], paddingIndex: 2)
            return try e.mul(e)
        },
    ],
]

/// Gradient checks for batch normalization, merged into `gradCheckCases`.
let batchNormGradCheckCases: [String: [GradCheckCase]] = [
    "NativeBatchNormBackward0": [
        GradCheckCase("batch_norm training [4, 3]", [.any([4, 3]), .any([3]), .any([3])]) {
            try $0[0].batchNorm(weight: $0[1], bias: $0[2], runningMean: nil, runningVar: nil, training: true, momentum: 0.1, eps: 1e-5)
        },
        GradCheckCase("batch_norm training [2, 2, 3, 2], squared (second-order path)", [.any([2, 2, 3, 2]), .any([2])]) { xs in
            let y = try xs[0].batchNorm(weight: xs[1], bias: nil, runningMean: nil, runningVar: nil, training: true, momentum: 0.1, eps: 1e-5)
            return try y.mul(y).mul(xs[0])
        },
        GradCheckCase("batch_norm eval with running statistics", [.any([3, 2, 2]), .any([2]), .any([2])]) { xs in
            let rm = Tensor(values: [0.5, -0.25], shape: [2], dtype: .float64)
            let rv = Tensor(values: [1.5, 0.75], shape: [2], dtype: .float64)
            return try xs[0].batchNorm(weight: xs[1], bias: xs[2], runningMean: rm, runningVar: rv, training: false, momentum: 0.1, eps: 1e-5)
        },
    ],
]

/// Gradient checks for the activations, merged into `gradCheckCases`.
let activationGradCheckCases: [String: [GradCheckCase]] = [
    "LeakyReluBackward0": [GradCheckCase("leaky_relu(0.2)", [.nonzero([2, 3])]) { try $0[0].leakyRelu(slope: 0.2) }],
    "EluBackward0": [
        GradCheckCase("elu(1.0)", [.nonzero([2, 3])]) { try $0[0].elu(alpha: 1.0) },
        GradCheckCase("elu(0.5), squared", [.nonzero([4])]) { xs in let y = try xs[0].elu(alpha: 0.5); return try y.mul(y) },
    ],
    "GeluBackward0": [GradCheckCase("gelu", [.any([2, 3])]) { try $0[0].gelu() }],
    "SoftplusBackward0": [
        GradCheckCase("softplus(beta 1, threshold 20)", [.any([2, 3])]) { try $0[0].softplus(beta: 1, threshold: 20) },
        GradCheckCase("softplus(beta 2, threshold 1) on both sides", [InputSpec(shape: [5], avoid: [0.5])]) { try $0[0].softplus(beta: 2, threshold: 1) },
    ],
    "SiluBackward0": [GradCheckCase("silu", [.any([2, 3])]) { try $0[0].silu() }],
    "HardtanhBackward0": [
        GradCheckCase("hardtanh(-1, 1)", [InputSpec(shape: [2, 4], avoid: [-1, 1])]) { try $0[0].hardtanh(min: -1, max: 1) },
        GradCheckCase("relu6 as hardtanh(0, 6), squared", [InputSpec(shape: [5], lo: -2, hi: 8, avoid: [0, 6])]) { xs in
            let y = try xs[0].hardtanh(min: 0, max: 6)
            return try y.mul(y)
        },
    ],
    "LogSigmoidBackward0": [GradCheckCase("logsigmoid", [.any([2, 3])]) { try $0[0].logSigmoid() }],
]

/// Gradient checks for adaptive pooling, merged into `gradCheckCases`.
let adaptivePoolGradCheckCases: [String: [GradCheckCase]] = [
    "AdaptiveAvgPool2DBackward0": [
        GradCheckCase("adaptive_avg_pool2d [1, 2, 5, 4] to 2 x 3 (overlapping windows)", [.any([1, 2, 5, 4])]) { try $0[0].adaptiveAvgPool2d(outH: 2, outW: 3) },
        GradCheckCase("adaptive_avg_pool2d [2, 4, 4] to 2 x 2, squared", [.any([2, 4, 4])]) { xs in
            let y = try xs[0].adaptiveAvgPool2d(outH: 2, outW: 2)
            return try y.mul(y)
        },
    ],
]

/// Gradient checks for the weighted negative log-likelihood, merged into `gradCheckCases`.
let nllGradCheckCases: [String: [GradCheckCase]] = [
    "NllLossBackward0": [
        GradCheckCase("nll_loss weighted mean with an ignored row", [.any([4, 3])]) {
            try $0[0].nllLoss([0, 2, -100, 1], reduction: .mean, weights: [1, 2, 0.5], ignoreIndex: -100)
        },
        GradCheckCase("nll_loss weighted none", [.any([3, 3])]) {
            try $0[0].nllLoss([2, 2, 0], reduction: .none, weights: [0.5, 1, 3], ignoreIndex: -100)
        },
        GradCheckCase("nll_loss sum with ignore_index 1", [.any([3, 2])]) {
            try $0[0].nllLoss([1, 0, 0], reduction: .sum, weights: nil, ignoreIndex: 1)
        },
    ],
]

/// Gradient checks for layer normalization, merged into `gradCheckCases`.
let layerNormGradCheckCases: [String: [GradCheckCase]] = [
    "NativeLayerNormBackward0": [
        GradCheckCase("layer_norm over the last dim of [3, 4]", [.any([3, 4]), .any([4]), .any([4])]) {
            try $0[0].layerNorm(normalizedDims: 1, weight: $0[1], bias: $0[2], eps: 1e-5)
        },
        GradCheckCase("layer_norm over the last two dims of [2, 2, 3], squared", [.any([2, 2, 3]), .any([2, 3])]) { xs in
            let y = try xs[0].layerNorm(normalizedDims: 2, weight: xs[1], bias: nil, eps: 1e-5)
            return try y.mul(y).mul(xs[0])
        },
    ],
]

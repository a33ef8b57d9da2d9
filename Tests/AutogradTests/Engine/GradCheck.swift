import Testing
@testable import Autograd

/// SplitMix64: a small deterministic generator, so every run checks the same points.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `[lo, hi)`.
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * Double(next() >> 11) / Double(1 << 53)
    }
}

/// One input of a gradient check: its shape, dtype, and where its values may lie.
struct InputSpec {
    var shape: [Int]
    var lo = -2.0
    var hi = 2.0
    /// Points where the op is not differentiable; values stay at least 0.1 away.
    var avoid: [Double] = []
    var dtype: DType = .float64

    /// Values in [-2, 2].
    static func any(_ shape: [Int]) -> InputSpec { InputSpec(shape: shape) }
    /// Values in [0.5, 2] (logarithms, square roots, fractional powers).
    static func positive(_ shape: [Int]) -> InputSpec { InputSpec(shape: shape, lo: 0.5, hi: 2) }
    /// Values in [-2, 2] at least 0.1 away from zero (divisors, kinks at zero).
    static func nonzero(_ shape: [Int]) -> InputSpec { InputSpec(shape: shape, avoid: [0]) }

    func values(_ rng: inout TestRandom) -> [Double] {
        (0..<shape.reduce(1, *)).map { _ in
            var x = rng.uniform(lo, hi)
            while avoid.contains(where: { Swift.abs(x - $0) < 0.1 }) { x = rng.uniform(lo, hi) }
            return dtype.round(x)
        }
    }
}

/// A gradient check of one derivative rule: inputs and the expression built from them.
struct GradCheckCase: CustomStringConvertible {
    var label: String
    var inputs: [InputSpec]
    var build: ([Tensor]) throws -> Tensor

    init(_ label: String, _ inputs: [InputSpec], _ build: @escaping ([Tensor]) throws -> Tensor) {
        self.label = label
        self.inputs = inputs
        self.build = build
    }

    var description: String { label }
}

/// Central differences against the engine's gradients.
enum GradCheck {
    static let eps = 1e-6
    static let tolerance = 1e-6

    static func tensors(_ specs: [InputSpec], _ values: [[Double]], requiresGrad: Bool) throws -> [Tensor] {
        try zip(specs, values).map { spec, v in
            let t = Tensor(values: v, shape: spec.shape, dtype: spec.dtype)
            if requiresGrad { try t.setRequiresGrad(true) }
            return t
        }
    }

    /// Σ upstream · f(inputs), the scalar whose gradient backward computes.
    static func weightedOutput(_ c: GradCheckCase, _ values: [[Double]], upstream: [Double]) throws -> Double {
        let y = try c.build(tensors(c.inputs, values, requiresGrad: false))
        return zip(y.values, upstream).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// ∂(Σ upstream · f)/∂input[i][k] by central differences, divided by the
    /// perturbation actually stored (it differs from 2·eps for float32 inputs).
    static func numericGradient(_ c: GradCheckCase, _ values: [[Double]], upstream: [Double],
                                eval: (([[Double]]) throws -> Double)? = nil) throws -> [[Double]] {
        let f = eval ?? { try weightedOutput(c, $0, upstream: upstream) }
        var out: [[Double]] = []
        for (i, spec) in c.inputs.enumerated() {
            var g = [Double](repeating: 0, count: values[i].count)
            for k in g.indices {
                var plus = values, minus = values
                plus[i][k] = spec.dtype.round(values[i][k] + eps)
                minus[i][k] = spec.dtype.round(values[i][k] - eps)
                g[k] = try (f(plus) - f(minus)) / (plus[i][k] - minus[i][k])
            }
            out.append(g)
        }
        return out
    }

    /// Compares analytical and numeric gradients elementwise, naming the case, input and element on failure.
    static func compare(_ analytic: [[Double]], _ numeric: [[Double]], case c: GradCheckCase, what: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        for (i, (a, n)) in zip(analytic, numeric).enumerated() {
            for k in a.indices where Swift.abs(a[k] - n[k]) > tolerance * Swift.max(1, Swift.abs(n[k])) {
                Issue.record("\(what) of \(c.label): input \(i) (shape \(c.inputs[i].shape)) element \(k): engine \(a[k]), finite differences \(n[k]); engine \(a), numeric \(n)",
                             sourceLocation: sourceLocation)
                break
            }
        }
    }

    /// Runs one case: the graph must contain a node named `gradFn`, and backward with
    /// a random upstream gradient must match central differences. Returns the
    /// signatures of the table rules the case's graph used.
    @discardableResult
    static func check(_ c: GradCheckCase, gradFn: String, seed: UInt64,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> Set<String> {
        var rng = TestRandom(seed: seed)
        let values = c.inputs.map { $0.values(&rng) }
        let xs = try tensors(c.inputs, values, requiresGrad: true)
        let y = try c.build(xs)
        let nodes = reachableNodes(from: y.gradFn)
        #expect(nodes.contains { $0.name == gradFn }, "\(c.label) should record \(gradFn), its graph has \(nodes.map(\.name))",
                sourceLocation: sourceLocation)
        let upstream = (0..<y.numel).map { _ in y.dtype.round(rng.uniform(-1, 1)) }
        try Engine.backward([y], gradTensors: [Tensor(values: upstream, shape: y.shape, dtype: y.dtype)])
        var analytic: [[Double]] = []
        for (x, spec) in zip(xs, c.inputs) {
            if let g = x.grad {
                #expect(g.shape == spec.shape && g.dtype == spec.dtype,
                        "\(c.label): .grad is \(g.dtype) \(g.shape), its input \(spec.dtype) \(spec.shape)",
                        sourceLocation: sourceLocation)
                analytic.append(g.values)
            } else {
                analytic.append([Double](repeating: 0, count: spec.shape.reduce(1, *)))
            }
        }
        let numeric = try numericGradient(c, values, upstream: upstream)
        compare(analytic, numeric, case: c, what: "gradient", sourceLocation: sourceLocation)
        return Set(nodes.compactMap { ($0 as? OpNode)?.rule.signature })
    }

    /// The first derivatives `Engine.grad` gives at `values` (zeros for unused inputs).
    static func firstDerivatives(_ c: GradCheckCase, _ values: [[Double]], upstream: [Double]) throws -> [[Double]] {
        let xs = try tensors(c.inputs, values, requiresGrad: true)
        let y = try c.build(xs)
        let v = Tensor(values: upstream, shape: y.shape, dtype: y.dtype)
        let gs = try Engine.grad(outputs: [y], inputs: xs, gradOutputs: [v], allowUnused: true)
        return zip(gs, c.inputs).map { g, spec in g?.values ?? [Double](repeating: 0, count: spec.shape.reduce(1, *)) }
    }

    /// Second derivatives through `create_graph`: the gradient of Σᵢ ⟨∂L/∂xᵢ, uᵢ⟩
    /// (a Hessian-vector product) against central differences of the first derivatives.
    static func checkSecondOrder(_ c: GradCheckCase, seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var rng = TestRandom(seed: seed)
        let values = c.inputs.map { $0.values(&rng) }
        let xs = try tensors(c.inputs, values, requiresGrad: true)
        let y = try c.build(xs)
        let upstream = (0..<y.numel).map { _ in rng.uniform(-1, 1) }
        let directions = c.inputs.map { spec in (0..<spec.shape.reduce(1, *)).map { _ in rng.uniform(-1, 1) } }
        let gs = try Engine.grad(outputs: [y], inputs: xs, gradOutputs: [Tensor(values: upstream, shape: y.shape, dtype: .float64)],
                                 createGraph: true, allowUnused: true)
        var s: Tensor?
        for (i, g) in gs.enumerated() {
            guard let g else { continue }
            #expect(g.requiresGrad, "\(c.label): the gradient of input \(i) should carry a graph under create_graph",
                    sourceLocation: sourceLocation)
            let term = try g.mul(Tensor(values: directions[i], shape: c.inputs[i].shape, dtype: .float64)).sum()
            s = try s.map { try $0.add(term) } ?? term
        }
        guard let s else {
            Issue.record("\(c.label): no first derivative", sourceLocation: sourceLocation)
            return
        }
        let hs = try Engine.grad(outputs: [s], inputs: xs, gradOutputs: [nil], allowUnused: true)
        let analytic = zip(hs, c.inputs).map { h, spec in h?.values ?? [Double](repeating: 0, count: spec.shape.reduce(1, *)) }
        let numeric = try numericGradient(c, values, upstream: upstream) { point in
            let first = try firstDerivatives(c, point, upstream: upstream)
            return zip(first, directions).reduce(0) { acc, pair in acc + zip(pair.0, pair.1).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        compare(analytic, numeric, case: c, what: "second derivative", sourceLocation: sourceLocation)
    }
}

extension DerivativeRule {
    /// The grad_fn name with the rule's inputs, e.g. `MulBackward0(self, other)`:
    /// tells apart rules that share a grad_fn name.
    var signature: String { "\(gradFn)(\(inputs.joined(separator: ", ")))" }
}

import Python
import Autograd

/// `torch.autograd.gradcheck`: compares the Jacobian autograd computes with central
/// finite differences, element by element, as PyTorch's slow mode does.
enum Gradcheck {
    /// `torch.autograd.gradcheck.GradcheckError`, a RuntimeError.
    static let errorClass = PyClass(name: "GradcheckError", base: .runtimeError, moduleName: "torch.autograd.gradcheck")

    static func run(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "gradcheck(func, inputs, *, eps=1e-06, atol=1e-05, rtol=0.001, raise_exception=True, nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False, check_batched_forward_grad=False, check_forward_ad=False, check_backward_ad=True, fast_mode=False, masked=None)")
        let fn = b["func"]
        let inputs: [PyValue] = TorchBridge.sequence(b["inputs"]) ?? [b["inputs"]]
        let eps = try TorchBridge.number(b["eps"], "eps")
        let atol = try TorchBridge.number(b["atol"], "atol")
        let rtol = try TorchBridge.number(b["rtol"], "rtol")
        let raise = try TorchBridge.bool(b["raise_exception"], interp: interp)

        var diff: [(index: Int, tensor: Tensor)] = []
        for (i, v) in inputs.enumerated() {
            guard let t = TorchBridge.tensor(v), t.requiresGrad else { continue }
            if t.dtype != .float64 {
                TorchWarnings.fromTorch(file: TorchWarnings.torchRoot + "/autograd/gradcheck.py", line: 2139,
                                        sourceLine: "_check_inputs(tupled_inputs)",
                                        message: "Input #\(i) requires gradient and is not a double precision floating point or complex. This check will likely fail if all the inputs are not of double precision floating point or complex. ")
            }
            diff.append((i, t))
        }
        guard !diff.isEmpty else {
            throw PyException(.valueError, "gradcheck expects at least one input tensor to require gradient, but none of them have requires_grad=True.")
        }

        func outputs() throws -> [Tensor] {
            let r = try interp.call(fn, inputs)
            if let t = TorchBridge.tensor(r) { return [t] }
            return (TorchBridge.sequence(r) ?? []).compactMap { TorchBridge.tensor($0) }
        }

        let outs = try outputs()
        // Numerical Jacobians: one column per output element, one row per input element.
        var numerical: [[[Double]]] = diff.map { d in outs.map { o in [Double](repeating: 0, count: d.tensor.numel * o.numel) } }
        try GradMode.with(false) {
            for (di, d) in diff.enumerated() {
                let t = d.tensor
                for k in 0..<t.numel {
                    let original = t.values[k]
                    t.setElement(k, original + eps)
                    let plus = try outputs().map(\.values)
                    t.setElement(k, original - eps)
                    let minus = try outputs().map(\.values)
                    t.setElement(k, original)
                    for o in outs.indices {
                        for j in 0..<outs[o].numel {
                            numerical[di][o][k * outs[o].numel + j] = (plus[o][j] - minus[o][j]) / (2 * eps)
                        }
                    }
                }
            }
        }
        // Analytical Jacobians: one backward per output element.
        var analytical: [[[Double]]] = numerical.map { $0.map { [Double](repeating: 0, count: $0.count) } }
        for (o, out) in outs.enumerated() where out.requiresGrad {
            for j in 0..<out.numel {
                var seed = [Double](repeating: 0, count: out.numel)
                seed[j] = 1
                let g = Tensor(values: seed, shape: out.shape, dtype: out.dtype)
                let grads = try TorchBridge.run {
                    try Engine.grad(outputs: [out], inputs: diff.map(\.tensor), gradOutputs: [g], retainGraph: true, allowUnused: true)
                }
                for (di, gi) in grads.enumerated() {
                    guard let gi else { continue }
                    let v = gi.values
                    for k in 0..<v.count { analytical[di][o][k * out.numel + j] = v[k] }
                }
            }
        }
        for o in outs.indices {
            for (di, d) in diff.enumerated() {
                let n = numerical[di][o], a = analytical[di][o]
                let ok = zip(n, a).allSatisfy { Swift.abs($1 - $0) <= atol + rtol * Swift.abs($0) }
                if ok { continue }
                guard raise else { return .bool(false) }
                let shape = [d.tensor.numel, outs[o].numel]
                let text = { (v: [Double]) in TensorObject.repr(Tensor(values: v, shape: shape, dtype: .float64)) }
                throw PyException(errorClass, "Jacobian mismatch for output \(o) with respect to input \(di),\nnumerical:\(text(n))\nanalytical:\(text(a))\n")
            }
        }
        return .bool(true)
    }
}

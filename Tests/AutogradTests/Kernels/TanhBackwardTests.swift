@testable import Autograd
import Testing

/// `tanh_backward` against PyTorch's kernel, bit for bit.
@Suite struct TanhBackwardTests {
    @Test(arguments: KernelCases.tanhBackward)
    func matchesPyTorch(_ recorded: KernelCases.TanhBackward) throws {
        let dt = recorded.dataType
        let grad = KernelCases.values(hex: recorded.grad, dtype: dt)
        let output = KernelCases.values(hex: recorded.output, dtype: dt)
        let got = try Tensor(values: grad, shape: [grad.count], dtype: dt)
            .tanhBackward(Tensor(values: output, shape: [output.count], dtype: dt))
        expectSameBits(got.values, KernelCases.values(hex: recorded.expected, dtype: dt))
    }

    /// The gradient of tanh goes through the same kernel.
    @Test func tanhGradientUsesTheKernel() throws {
        let x = Tensor(values: [0.3, -1.7, 0.05, 2.5], shape: [4])
        try x.setRequiresGrad(true)
        let y = try x.tanh()
        try Engine.backward([y.sum()], gradTensors: [nil])
        let ones = Tensor(values: [1, 1, 1, 1], shape: [4])
        let expected = try GradMode.with(false) { try ones.tanhBackward(y.detach()) }
        expectSameBits(try #require(x.grad).values, expected.values)
    }
}

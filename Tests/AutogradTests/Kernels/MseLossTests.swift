@testable import Autograd
import Testing

/// float32 `mse_loss` against PyTorch, bit for bit, for every reduction.
@Suite struct MseLossTests {
    @Test(arguments: KernelCases.mseLoss)
    func matchesPyTorch(_ recorded: KernelCases.MseLoss) throws {
        let a = KernelCases.values(hex: recorded.input, dtype: .float32)
        let b = KernelCases.values(hex: recorded.target, dtype: .float32)
        let input = Tensor(values: a, shape: [a.count]), target = Tensor(values: b, shape: [b.count])
        for (reduction, expected) in [(Tensor.Reduction.none, recorded.none), (.mean, recorded.mean), (.sum, recorded.sum)] {
            expectSameBits(try input.mseLoss(target, reduction: reduction).values, KernelCases.values(hex: expected, dtype: .float32))
        }
    }
}

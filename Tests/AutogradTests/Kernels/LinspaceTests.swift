@testable import Autograd
import Testing

/// `torch.linspace` against PyTorch, bit for bit.
@Suite struct LinspaceTests {
    @Test(arguments: KernelCases.linspace)
    func matchesPyTorch(_ recorded: KernelCases.Linspace) throws {
        let dt = recorded.dataType
        let got = try Tensor.linspace(recorded.start, recorded.end, recorded.steps, dtype: dt)
        expectSameBits(got.values, KernelCases.values(hex: recorded.expected, dtype: dt))
    }
}

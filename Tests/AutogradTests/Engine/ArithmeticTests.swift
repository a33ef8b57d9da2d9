import Testing
@testable import Autograd

extension EngineTests {
    /// Gradients of arithmetic entry points that the derivative table reaches
    /// indirectly, with values from the Python in each comment run with PyTorch 2.15.
    @Suite struct ArithmeticTests {
        /// ```
        /// a = torch.tensor([1., 2.], requires_grad=True); b = torch.tensor([5., 7.], requires_grad=True)
        /// y = torch.rsub(a, b); y, y.grad_fn.name()   # tensor([4., 5.]) RsubBackward0
        /// y.sum().backward(); a.grad, b.grad          # [-1., -1.] [1., 1.]
        /// ```
        @Test func rsubOfATensor() throws {
            let a = try leaf([1, 2]), b = try leaf([5, 7])
            let y = try a.rsub(b)
            #expect(y.values == [4, 5])
            try Engine.backward([y.sum()], gradTensors: [nil])
            #expect(b.grad?.values == [1, 1])
            #expect(a.grad?.values == [-1, -1])
        }

        /// ```
        /// a = torch.tensor([1., 2.], requires_grad=True)
        /// y = 1.5 - a; y.grad_fn.name(); y.sum().backward(); a.grad   # RsubBackward1 [-1., -1.]
        /// ```
        @Test func rsubOfANumber() throws {
            let a = try leaf([1, 2])
            let y = try a.rsub(1.5)
            #expect(y.gradFn?.name == "RsubBackward1")
            try Engine.backward([y.sum()], gradTensors: [nil])
            #expect(a.grad?.values == [-1, -1])
        }
    }
}

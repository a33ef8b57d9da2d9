import Testing
@testable import Autograd

extension EngineTests {
    /// Graphs far deeper than the stack: discovery, backward and release must all be
    /// iterative. Each runs in a child process, so a stack overflow fails the test
    /// instead of ending the whole run.
    @Suite struct DeepChainTests {
        /// ```
        /// x = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
        /// y = x
        /// for _ in range(100000):
        ///     y = y * 0.9999 + 0.0001
        /// y.backward()
        /// x.grad.item(), y.item()     # 4.5377233959009626e-05 1.0000907544679725
        /// ```
        @Test func hundredThousandOpChainBackward() async {
            await #expect(processExitsWith: .success) {
                let x = Tensor(scalar: 3, dtype: .float64)
                try x.setRequiresGrad(true)
                var y = x
                for _ in 0..<100_000 { y = try y.mul(0.9999).add(0.0001) }
                try Engine.backward([y], gradTensors: [nil])
                let grad = try #require(x.grad?.values.first)
                #expect(Swift.abs(grad - 4.5377233959009626e-05) <= 1e-12 * 4.5377233959009626e-05)
                #expect(Swift.abs(y.values[0] - 1.0000907544679725) <= 1e-12)
                // Releasing the graph is the next test's subject: keep it alive here.
                _ = Unmanaged.passRetained(y)
            }
        }

        /// Dropping the last reference to a 200,000-node graph frees every node.
        @Test func deepGraphIsReleased() async {
            // Releasing the chain must not nest one deinit per node (Teardown.bury).
            await #expect(processExitsWith: .success) {
                let x = Tensor(scalar: 3, dtype: .float64)
                try x.setRequiresGrad(true)
                var y = x
                for _ in 0..<100_000 { y = try y.mul(0.9999).add(0.0001) }
                weak let root = y.gradFn
                y = x
                #expect(root == nil)
            }
        }
    }
}

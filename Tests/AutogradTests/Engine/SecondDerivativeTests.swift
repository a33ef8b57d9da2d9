import Testing
@testable import Autograd

extension EngineTests {
    /// Second derivatives through `Engine.grad(createGraph: true)`: the pullbacks are
    /// themselves recorded, so differentiating a gradient gives Hessian-vector products.
    @Suite struct SecondDerivativeTests {
        static let cases: [GradCheckCase] = [
            GradCheckCase("x ** 3", [.any([2, 3])]) { try $0[0].pow(3) },
            GradCheckCase("x ** 2.5", [.positive([2, 3])]) { try $0[0].pow(2.5) },
            GradCheckCase("a ** b", [.positive([2, 3]), .any([3])]) { try $0[0].pow($0[1]) },
            GradCheckCase("2 ** x", [.any([3])]) { try $0[0].rpow(2) },
            GradCheckCase("a * b", [.any([2, 3]), .any([3])]) { try $0[0].mul($0[1]) },
            GradCheckCase("x * x * x", [.any([3])]) { try $0[0].mul($0[0]).mul($0[0]) },
            GradCheckCase("exp", [.any([2, 3])]) { try $0[0].exp() },
            GradCheckCase("sin", [.any([2, 3])]) { try $0[0].sin() },
            GradCheckCase("tanh", [.any([2, 3])]) { try $0[0].tanh() },
            GradCheckCase("sigmoid", [.any([2, 3])]) { try $0[0].sigmoid() },
            GradCheckCase("log", [.positive([3])]) { try $0[0].log() },
            GradCheckCase("a / b", [.any([2, 3]), .nonzero([2, 1])]) { try $0[0].div($0[1]) },
            GradCheckCase("matmul [2, 3] @ [3, 2]", [.any([2, 3]), .any([3, 2])]) { try $0[0].matmul($0[1]) },
            GradCheckCase("matmul [2, 3] @ [3]", [.any([2, 3]), .any([3])]) { try $0[0].matmul($0[1]) },
            GradCheckCase("matmul [3] @ [3]", [.any([3]), .any([3])]) { try $0[0].matmul($0[1]) },
            GradCheckCase("sin(x) * x, summed over dim 1", [.any([2, 3])]) { try $0[0].sin().mul($0[0]).sum(dims: [1]) },
        ]

        @Test(arguments: cases.map(\.label))
        func hessianVectorProductMatchesFiniteDifferences(label: String) throws {
            let index = try #require(Self.cases.firstIndex { $0.label == label })
            try GradCheck.checkSecondOrder(Self.cases[index], seed: UInt64(1000 + index))
        }
    }
}

import Testing
@testable import Autograd

/// The seed's chain-rule example: y = 2x, z = y·y, at x = 3 gives dz/dx = 24.
@Suite struct SeedExampleTests {
    @Test func chainRule() throws {
        let x = Tensor(scalar: 3)
        try x.setRequiresGrad(true)
        let y = try x.mul(2)
        let z = try y.mul(y)
        #expect(y.gradFn?.name == "MulBackward0")
        #expect(z.gradFn?.name == "MulBackward0")
        #expect(x.isLeaf && !y.isLeaf)
        try Engine.backward([z], gradTensors: [nil])
        #expect(x.grad?.values == [24])
        #expect(y.grad == nil)
    }

    @Test func nextFunctionsEndInOneAccumulateGradPerLeaf() throws {
        let x = Tensor(scalar: 3)
        try x.setRequiresGrad(true)
        let z = try x.mul(x)
        let edges = z.gradFn!.nextEdges
        #expect(edges.count == 2)
        #expect(edges[0]?.node.name == "AccumulateGrad")
        #expect(edges[0]?.node === edges[1]?.node)
    }
}

import Testing
@testable import Autograd

extension EngineTests {
    /// The per-run budget: tensor size and memory are checked before allocating, graph
    /// nodes and storages are counted while they live, work is counted per statement.
    @Suite struct ResourceBudgetTests {
        /// Runs `body` with a fresh budget of `limits` on this thread, restoring the old one.
        static func with<T>(_ limits: ResourceBudget.Limits, _ body: (ResourceBudget) throws -> T) rethrows -> T {
            let old = ResourceBudget.current
            let budget = ResourceBudget(limits: limits)
            ResourceBudget.current = budget
            defer { ResourceBudget.current = old }
            return try body(budget)
        }

        @Test func oneTensorIsLimitedBeforeAllocating() throws {
            var limits = ResourceBudget.Limits()
            limits.maxElements = 1000
            try Self.with(limits) { _ in
                #expect(throws: ResourceLimitError.self) { try Tensor.zeros([100, 100]) }
                #expect(try Tensor.zeros([1 << 40, 0]).numel == 0)
                let row = try Tensor.ones([1, 1000]), column = try Tensor.ones([1000, 1])
                #expect(throws: ResourceLimitError.self) { try row.add(column) }
                #expect(throws: ResourceLimitError.self) { try row.repeated([2, 1]) }
                #expect(throws: ResourceLimitError.self) { try Tensor.cat([row, row], dim: 0) }
                #expect(throws: ResourceLimitError.self) { try Tensor.ones([1]).expand([1001]) }
            }
        }

        @Test func memoryCountsLiveStorages() throws {
            var limits = ResourceBudget.Limits()
            limits.maxMemoryBytes = 8 * 3000
            try Self.with(limits) { budget in
                var kept = [try Tensor.ones([1000]), try Tensor.ones([1000])]
                #expect(budget.liveBytes == 16000)
                #expect(throws: ResourceLimitError.self) { try Tensor.ones([1001]) }
                kept.removeLast()
                #expect(budget.liveBytes == 8000)
                kept.append(try Tensor.ones([1000]))
                #expect(kept.count == 2)
            }
        }

        @Test func graphNodesAreCountedWhileAlive() throws {
            var limits = ResourceBudget.Limits()
            limits.maxGraphNodes = 50
            try Self.with(limits) { budget in
                let x = Tensor(scalar: 1)
                try x.setRequiresGrad(true)
                var y = x
                for _ in 0..<40 { y = try y.mul(1.5) }
                #expect(budget.liveNodes >= 40)
                #expect(!budget.hasPending)
                for _ in 0..<20 { y = try y.mul(1.5) }
                #expect(budget.hasPending)
                #expect(throws: ResourceLimitError.self) { try budget.raisePending() }
                y = x
                #expect(budget.liveNodes <= 1)
            }
        }

        @Test func workIsCountedPerStatement() throws {
            var limits = ResourceBudget.Limits()
            limits.maxWork = 1000
            try Self.with(limits) { budget in
                var statement = 0
                budget.statementClock = { statement }
                let m = try Tensor.ones([10, 10])
                _ = try m.mm(m)
                #expect(throws: ResourceLimitError.self) { try m.mm(m).sum() }
                statement += 1
                _ = try m.sum()
                #expect(throws: ResourceLimitError.self) { try budget.charge(product: Int.max, 2) }
            }
        }

        @Test func messagesNameTheOption() throws {
            var limits = ResourceBudget.Limits()
            limits.maxElements = 10
            try Self.with(limits) { budget in
                budget.lineProvider = { 7 }
                do {
                    _ = try Tensor.zeros([11])
                    Issue.record("no limit error")
                } catch let e as ResourceLimitError {
                    #expect(e.description == "a tensor of shape [11] has 11 elements, more than the limit of 10 (raise --max-elements) at line 7")
                }
            }
        }
    }
}

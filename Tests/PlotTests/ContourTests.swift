import Testing
@testable import Plot

/// Marching squares on small grids: lines join across cells, closed loops close, bands cover.
@Suite struct ContourTests {
    static func bowl(_ n: Int) -> ContourGrid {
        let g = (0..<n).map { -2 + 4 * Double($0) / Double(n - 1) }
        return ContourGrid(x: g.map { _ in g }, y: g.map { y in g.map { _ in y } }, z: g.map { y in g.map { x in x * x + y * y } })
    }

    @Test func aCircleIsOneClosedLoop() {
        let lines = ContourTests.bowl(41).lines(at: 1)
        #expect(lines.count == 1)
        if let loop = lines.first, let first = loop.first, let last = loop.last {
            #expect(first == last)
            for p in loop { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - 1) < 0.01) }
        }
    }

    @Test func levelsOutsideTheDataGiveNoLines() {
        #expect(ContourTests.bowl(11).lines(at: 100).isEmpty)
    }

    @Test func bandsCoverTheGridOnce() {
        let grid = ContourTests.bowl(21)
        func area(_ polys: [[PlotPoint]]) -> Double {
            polys.reduce(0) { total, p in
                var a = 0.0
                for k in 0..<p.count { let q = p[(k + 1) % p.count]; a += p[k].x * q.y - q.x * p[k].y }
                return total + abs(a) / 2
            }
        }
        let total = area(grid.band(0, 4)) + area(grid.band(4.0.nextUp, 8))
        #expect(abs(total - 16) < 1e-9)
    }
}

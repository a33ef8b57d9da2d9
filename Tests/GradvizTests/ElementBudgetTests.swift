import Foundation
import Testing

/// A view past the element limit (`expand` allocates nothing, as PyTorch's) stays usable for
/// its metadata, views and printing, but an operation that would materialize or visit all its elements raises the limit's
/// RuntimeError, which the lesson can catch: never a failed allocation or an endless run.
@Suite struct ElementBudgetTests {
    static let limitError = "RuntimeError gradviz: a tensor of shape [4294967296] exceeds the limit of 50000000 elements (raise it with --max-elements)"

    @Test func operationsOnAHugeViewRaiseTheLimit() throws {
        let s = try Scratch("budget")
        defer { s.remove() }
        try s.write("lesson.txt", """
            import torch
            s = torch.tensor(3.5, requires_grad=True)
            v = s.expand(2**32)
            for make in (lambda: v + 1, lambda: -v, lambda: v.sum(), lambda: torch.sum(v), lambda: v == 1,
                         lambda: torch.cat([v, v]), lambda: v.exp(), lambda: v.contiguous(), lambda: v[5].backward()):
                try:
                    make()
                    print('computed')
                except RuntimeError as e:
                    print(type(e).__name__, e)
            print(v.shape, len(v[:2]))

            """)
        let r = try CLIRunner.run(["lesson.txt"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.prefix(9).allSatisfy { $0 == Self.limitError }, "\(r.stdout)")
        #expect(lines.count == 10, "views and their metadata stay usable (robust/007 holds their printing)")
    }

    @Test func resultsPastTheLimitRaiseIt() throws {
        let s = try Scratch("broadcast")
        defer { s.remove() }
        try s.write("lesson.txt", """
            import torch
            try:
                torch.ones(60000, 1) + torch.ones(1, 60000)
            except RuntimeError as e:
                print(e)
            try:
                torch.tensor(1.0).expand(2**62, 2)
            except RuntimeError as e:
                print(e)
            for make in (lambda: torch.ones(1).repeat(2**61), lambda: torch.ones(1).tile(2**40), lambda: torch.ones(1).repeat(2**32, 2**32)):
                try:
                    make()
                except RuntimeError as e:
                    print(e)

            """)
        let r = try CLIRunner.run(["lesson.txt", "--max-elements", "1000000"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            gradviz: a tensor of shape [60000, 60000] exceeds the limit of 1000000 elements (raise it with --max-elements)
            numel: integer multiplication overflow
            gradviz: a tensor of shape [2305843009213693952] exceeds the limit of 1000000 elements (raise it with --max-elements)
            gradviz: a tensor of shape [1099511627776] exceeds the limit of 1000000 elements (raise it with --max-elements)
            gradviz: a tensor of shape [4294967296, 4294967296] exceeds the limit of 1000000 elements (raise it with --max-elements)

            """)
    }
}

import Testing
@testable import Plot

/// The mathtext subset turned into pango markup: plain text stays plain, scripts and
/// symbols convert, and every tag is closed.
@Suite struct MathTextTests {
    @Test func plainTextHasNoMarkup() {
        #expect(MathText.markup("loss <= 3 & more") == nil)
        #expect(MathText.markup("costs $5") == nil)
    }

    @Test(arguments: [
        ("$x^2$", "x", "2"), ("$\\nabla f$", "∇", "f"), ("$\\mathdefault{10^{-3}}$", "10", "−3"),
        ("$\\alpha_{k+1} = \\alpha_k - \\eta g$", "α", "η"), ("a $x$ b < c", "x", "&lt;"),
    ])
    func convertsAndBalances(_ source: String, _ first: String, _ second: String) {
        guard let m = MathText.markup(source) else {
            Issue.record("no markup for \(source)")
            return
        }
        #expect(m.contains(first) && m.contains(second), "\(m)")
        for tag in ["i", "span"] {
            #expect(m.components(separatedBy: "<\(tag)").count == m.components(separatedBy: "</\(tag)>").count, "\(tag) in \(m)")
        }
    }

    @Test func unclosedGroupsAreClosed() {
        let m = MathText.markup("$x^{2$") ?? ""
        #expect(m.components(separatedBy: "<span").count == m.components(separatedBy: "</span>").count)
    }
}

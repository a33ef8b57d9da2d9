import Testing
@testable import Render

/// DOT text is plain Swift: these goldens pin its exact form.
@Suite struct DOTWriterTests {
    @Test func smallGraphGolden() {
        var w = DOTWriter(name: "G")
        w.defaults(graph: ["rankdir": .raw("TB"), "pad": .number(0.25)], node: ["shape": .raw("box")])
        w.node("t1", ["label": .text("x = \"3\""), "width": .number(1.5)])
        w.node("n2", ["label": .html("<B>MulBackward0</B>"), "pos": .text("10,20")])
        w.edge("t1", "n2", ["id": .text("e1"), "penwidth": .number(2.25)])
        #expect(w.finish() == """
            digraph "G" {
              graph [pad=0.25, rankdir=TB];
              node [shape=box];
              "t1" [label="x = \\"3\\"", width=1.5];
              "n2" [label=<<B>MulBackward0</B>>, pos="10,20"];
              "t1" -> "n2" [id="e1", penwidth=2.25];
            }

            """)
    }

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("a \"b\"", "\"a \\\"b\\\"\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("two\nlines", "\"two\\nlines\""),
        ("链式法则", "\"链式法则\""),
    ])
    func quoting(_ input: String, _ expected: String) {
        #expect(DOTWriter.quote(input) == expected)
    }

    @Test(arguments: [
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("say \"hi\"", "say &quot;hi&quot;"),
        ("tab\there", "tab here"),
        ("∂z/∂x · 24", "∂z/∂x · 24"),
        ("bell\u{7}", "bell"),
    ])
    func htmlEscaping(_ input: String, _ expected: String) {
        #expect(DOTWriter.escapeHTML(input) == expected)
    }

    @Test(arguments: [
        (0.0, "0"), (12.0, "12"), (0.5, "0.5"), (1.23456, "1.2346"), (-0.00001, "0"), (-2.5, "-2.5"), (100.125, "100.125"),
    ])
    func numbers(_ x: Double, _ expected: String) {
        #expect(DOTWriter.number(x) == expected)
    }
}

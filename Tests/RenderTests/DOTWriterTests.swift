import Testing
@testable import Trace

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

    @Test func vertexLabelGolden() {
        let html = FrameDOT.vertexLabel([LabelRow("x", .title), LabelRow("3"), LabelRow("grad: None + 24 = 24", .gradient)])
        #expect(html == "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
            + "<TR><TD><FONT POINT-SIZE=\"13\"><B>x</B></FONT></TD></TR>"
            + "<TR><TD><FONT COLOR=\"#111827\">3</FONT></TD></TR>"
            + "<TR><TD><FONT COLOR=\"#c2185b\"><B>grad: None + 24 = 24</B></FONT></TD></TR></TABLE>")
    }

    /// The seed lesson's first frame, as DOT: attributes sorted, positions pinned, ids stable.
    @Test func seedFrameDOTIsDeterministic() throws {
        let events = try PictureLessons.seed()
        let a = try Graphviz.withSession { s in try LessonPictures(events: events, session: s) }
        let b = try Graphviz.withSession { s in try LessonPictures(events: events, session: s) }
        var first: [String] = []
        var second: [String] = []
        a.frames(events.indices.map { FrameSelection.Frame(event: $0) }) { _, dot, _ in first.append(dot) }
        b.frames(events.indices.map { FrameSelection.Frame(event: $0) }) { _, dot, _ in second.append(dot) }
        #expect(first == second)
        #expect(first.count == events.count)
        let frame = first[0]
        #expect(frame.hasPrefix("digraph \"frame\" {\n  graph [bgcolor=white, outputorder=edgesfirst, pad=0.25];\n"))
        #expect(frame.contains("\"__corner_ll\" [height=0.01, label=\"\", pos="))
        #expect(frame.contains("id=\"caption\""))
        #expect(frame.contains("<FONT POINT-SIZE=\"13\"><B>x</B></FONT>"))
    }
}

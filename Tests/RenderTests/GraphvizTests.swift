import Foundation
import Testing
@testable import Render

/// The libgvc path in process: smoke tests and errors that carry Graphviz's message.
@Suite struct GraphvizTests {
    @Test func rendersTinyGraphToSVG() throws {
        let svg = try Graphviz.render("digraph G { a -> b; }", engine: "dot", format: "svg")
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<svg"))
        let inspector = try #require(SVGInspector.parse(svg))
        #expect(inspector.nodes.map(\.title).sorted() == ["a", "b"])
        #expect(text.components(separatedBy: "class=\"edge\"").count == 2)
    }

    @Test func rendersPNGAndPDFThroughCairo() throws {
        let png = try Graphviz.render("digraph G { a -> b; }", format: "png")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try Graphviz.render("digraph G { a -> b; }", format: "pdf")
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
    }

    @Test func syntaxErrorCarriesGraphvizMessage() {
        #expect {
            _ = try Graphviz.render("digraph G { a -> ; }")
        } throws: { error in
            guard let f = error as? Graphviz.Failure else { return false }
            return f.stage == "agmemread" && f.message.contains("syntax error")
        }
    }

    @Test func unknownFormatFails() {
        #expect(throws: Graphviz.Failure.self) {
            _ = try Graphviz.render("digraph G { a; }", format: "no-such-format")
        }
    }

    @Test func placementReadsPositionsBack() throws {
        let p = try Graphviz.withSession { s in
            try s.place("digraph G { a [width=1, height=0.5, fixedsize=true]; b; a -> b [id=\"ab\", label=\"24\"]; }", engine: "dot")
        }
        #expect(p.boundingBox.count == 4 && p.boundingBox[2] > 0)
        #expect(p.nodes["a"]?.width == "1")
        #expect(p.nodes["a"]?.pos.split(separator: ",").count == 2)
        #expect(p.edges["ab"]?.lp != nil)
        #expect(p.edges["ab"]?.pos.hasPrefix("e,") == true)
    }

    /// `nop2` keeps pinned positions: the frames' premise.
    @Test func nop2KeepsPinnedPositions() throws {
        let dot = "digraph G { c1 [pos=\"0,0\", shape=point, style=invis]; c2 [pos=\"300,200\", shape=point, style=invis]; "
            + "a [pos=\"100,150\", width=1, height=0.5, fixedsize=true, label=\"a very long label that overflows\"]; }"
        let p = try Graphviz.withSession { s in try s.place(dot, engine: "nop2") }
        func xy(_ name: String) throws -> [Double] { try #require(p.nodes[name]?.pos).split(separator: ",").compactMap { Double($0) } }
        // The drawing may be shifted as a whole, never reshaped.
        let a = try xy("a"), c1 = try xy("c1"), c2 = try xy("c2")
        #expect(a[0] - c1[0] == 100 && a[1] - c1[1] == 150)
        #expect(c2[0] - c1[0] == 300 && c2[1] - c1[1] == 200)
    }
}

/// Text is measured with the faces the SVGs name: bold runs wider than regular, mono wider still.
@Suite struct TextMetricsTests {
    @Test func facesAreMeasuredApart() throws {
        try Graphviz.withSession { s in
            let m = TextMetrics(session: s)
            let text = "→ ∂loss/∂(model.2.bias) = shape [32], norm 0.03092"
            let regular = m.width(text, .sans, size: 22), bold = m.width(text, .sansBold, size: 22)
            #expect(bold > regular * 1.05)
            #expect(m.width("iiii", .mono, size: 22) == m.width("MMMM", .mono, size: 22))
            #expect(m.width("导数", .sans, size: 22) > m.width("ab", .sans, size: 22))
        }
    }
}

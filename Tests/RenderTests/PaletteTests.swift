import Foundation
import Testing
@testable import Render

/// The pictures' colours stay apart for viewers with red-green colour vision deficiencies:
/// each pair of colours that mean different things differs by at least ΔE 20 (CIE76, in Lab)
/// after simulating deuteranopia and protanopia (Machado, Oliveira and Fernandes 2009, severity 1).
@Suite struct PaletteTests {
    typealias RGB = (Double, Double, Double)

    static func rgb(_ hex: String) -> RGB {
        let v = Int(hex.dropFirst(), radix: 16)!
        return (Double((v >> 16) & 255) / 255, Double((v >> 8) & 255) / 255, Double(v & 255) / 255)
    }

    static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }

    static let deuteranopia = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    static let protanopia = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]

    /// Linear RGB after a simulation matrix.
    static func simulate(_ c: RGB, _ m: [[Double]]?) -> RGB {
        let l = (linear(c.0), linear(c.1), linear(c.2))
        guard let m else { return l }
        func row(_ r: [Double]) -> Double { min(max(r[0] * l.0 + r[1] * l.1 + r[2] * l.2, 0), 1) }
        return (row(m[0]), row(m[1]), row(m[2]))
    }

    static func lab(_ l: RGB) -> RGB {
        let x = (0.4124 * l.0 + 0.3576 * l.1 + 0.1805 * l.2) / 0.95047
        let y = 0.2126 * l.0 + 0.7152 * l.1 + 0.0722 * l.2
        let z = (0.0193 * l.0 + 0.1192 * l.1 + 0.9505 * l.2) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    static func distance(_ a: String, _ b: String, _ m: [[Double]]?) -> Double {
        let p = lab(simulate(rgb(a), m)), q = lab(simulate(rgb(b), m))
        return ((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)).squareRoot()
    }

    /// Colours that must not be confused, by meaning.
    static let pairs: [(String, String, String)] = [
        ("gradient", Palette.gradient, "grad_fn", Palette.functionBorder),
        ("running", Palette.active, "AccumulateGrad", Palette.accumulateBorder),
        ("leaf", Palette.leafBorder, "result", Palette.resultBorder),
        ("gradient", Palette.gradient, "running", Palette.active),
        ("new", Palette.new, "result", Palette.resultBorder),
        ("gradient", Palette.gradient, "leaf", Palette.leafBorder),
        ("error", Palette.error, "gradient", Palette.gradient),
        ("leaf", Palette.leafBorder, "no gradient", Palette.plainBorder),
    ].map { ($0.0 + " / " + $0.2, $0.1, $0.3) }

    @Test(arguments: ["normal", "deuteranopia", "protanopia"])
    func meaningfulColoursStayApart(_ vision: String) {
        let m = vision == "deuteranopia" ? PaletteTests.deuteranopia : vision == "protanopia" ? PaletteTests.protanopia : nil
        for (name, a, b) in PaletteTests.pairs {
            let d = PaletteTests.distance(a, b, m)
            #expect(d >= 20, "\(vision): \(name) differ by ΔE \(Int(d))")
        }
    }
}

import Foundation
import Testing
import Autograd
@testable import Trace

/// The seed lesson's transcript against its committed golden file.
///
/// PyTorch has no step-through, so the golden is this code's output, read and
/// checked by hand when it was made. Set `GRADVIZ_UPDATE_GOLDENS=1` to rewrite it.
@Suite struct TranscriptGoldenTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static func golden(_ name: String, _ actual: String) throws -> String {
        let url = goldens.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GRADVIZ_UPDATE_GOLDENS"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func seedLessonMatchesGolden() throws {
        let stepper = try IsolatedTrace.stepper(.seed)
        let text = stepper.transcript(color: false, width: 80)
        #expect(text == (try Self.golden("seed_chain_rule.txt", text)))
    }

    @Test func seedLessonShowsTheChainRuleWithNumbers() throws {
        let stepper = try IsolatedTrace.stepper(.seed)
        let text = stepper.transcript(color: false, width: 80)
        #expect(text.contains("∂z/∂y = 2·y = 12"))
        #expect(text.contains("1 · 2·6 = 12"))
        #expect(text.contains("∂y/∂x = 2"))
        #expect(text.contains("12 · 2 = 24"))
        #expect(text.contains("x.grad = 24"))
        #expect(!text.contains("\u{1B}"))
    }
}

import Foundation
import Testing
@testable import Stepper
import Torch
@testable import Trace

/// One explanation for every view: for every backward node of every shipped lesson, the
/// step-through states the same chain-rule terms and sums as the frames' captions.
@Suite struct SharedExplanationTests {
    @Test(arguments: (1...9).map { "Lessons/lesson\($0).txt" } + (1...9).map { "Lessons/zh/lesson\($0).txt" })
    func stepThroughAndCaptionsStateTheSameChainRule(_ path: String) throws {
        let source = Scenario.lesson(path)
        let run = LessonRunner.run(source: source, fileName: path, output: { _ in }, record: true)
        let plan = try FramePlan(events: run.events, scenes: run.scenes, outline: run.outline, selection: FrameSelection(),
                                 title: path)
        let stepper = StepThrough(plan: plan, source: source, fileName: path)
        var terms = 0
        for (k, step) in stepper.frames.enumerated() {
            let body = step.body.map { $0.plain }.joined(separator: "\n")
            let x = step.frame.explanation
            for t in x.chainRule {
                #expect(body.contains(t.downstream.text), "\(path) step \(k + 1): the step-through lacks «\(t.downstream.text)»")
                if t.local.formula != nil { #expect(body.contains(t.local.text), "\(path) step \(k + 1): lacks «\(t.local.text)»") }
                terms += 1
            }
            for s in x.sums { #expect(body.contains(s.text), "\(path) step \(k + 1): lacks «\(s.text)»") }
        }
        let hasNodes = run.events.contains { if case .node = $0.kind { return true } else { return false } }
        #expect(!hasNodes || terms > 0, "\(path): backward nodes ran, but no chain-rule term was shown")
    }
}

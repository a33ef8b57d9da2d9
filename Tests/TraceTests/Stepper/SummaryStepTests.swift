import Testing
@testable import Trace

/// Summary steps of long loops in the step-through, and the loss sparkline.
@Suite struct SummaryStepTests {
    @Test func sparklineGrowsInPlaceOnTheRunsScale() {
        let points = (0..<8).map { (iteration: $0, loss: Double(8 - $0)) }
        #expect(LossSparkline.line(points, count: 8, current: 7) == "█▇▆▅▄▃▂▁")
        #expect(LossSparkline.line(points, count: 8, current: 2) == "█▇▆")
        // 500 iterations in at most 40 columns, one column each.
        let long = (0..<500).map { (iteration: $0, loss: 1 / Double($0 + 1)) }
        let line = LossSparkline.line(long, count: 500, current: 499)
        #expect(line.count == 40 && DisplayWidth.of(line) == 40)
        let levels = line.map { LossSparkline.levels.firstIndex(of: $0) ?? -1 }
        #expect(levels.last == 0 && levels.first! > 4)
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 >= $1 }, "a falling loss never rises: \(line)")
        #expect(LossSparkline.line([], count: 10, current: 5) == "")
    }

    @Test func longLoopsStepThroughTheFirstIterationThenSummaries() throws {
        let events = try PictureLessons.line(iterations: 25)
        let all = StepThrough(events: events, source: "", fileName: "line.txt")
        #expect(all.stepCount == events.count)
        let stepper = StepThrough(events: events, source: "", fileName: "line.txt", selection: FrameSelection(cap: 10))
        let first = try #require(LoopRun.segment(events).first?.iterations.first?.events.upperBound)
        #expect(stepper.stepCount == first + 13)
        let text = stepper.transcript(color: false, width: 80)
        #expect(text.contains("summary · iteration 25 of 25"))
        #expect(text.contains("iteration 12 of 25 · loss "))
        #expect(text.contains("loss ") && text.contains("▁"))
        #expect(!text.contains("\u{1B}["))
        // The transcript is the same every time; with colour the sparkline is styled.
        #expect(text == stepper.transcript(color: false, width: 80))
        #expect(stepper.transcript(color: true, width: 80).contains("\u{1B}[32m█"))
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80) }
    }
}

import Testing
@testable import Trace

@Suite struct FrameSelectionTests {
    static func event(_ i: Int, _ kind: TraceEvent.Kind, line: Int?, iteration: Int? = nil) -> TraceEvent {
        TraceEvent(index: i, kind: kind, line: line, iteration: iteration)
    }

    static let events: [TraceEvent] = [
        event(0, .forward, line: 1),
        event(1, .forward, line: 3, iteration: 0),
        event(2, .backwardBegin, line: 4, iteration: 0),
        event(3, .node, line: 4, iteration: 0),
        event(4, .accumulate, line: 4, iteration: 0),
        event(5, .backwardEnd, line: 4, iteration: 0),
        event(6, .forward, line: 3, iteration: 1),
        event(7, .backwardBegin, line: 4, iteration: 1),
        event(8, .node, line: 4, iteration: 1),
        event(9, .backwardEnd, line: 4, iteration: 1),
        event(10, .print, line: 6),
    ]

    @Test(arguments: [
        ("all", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        ("backward", [2, 3, 4, 5, 7, 8, 9]),
        ("lines:3-4", [1, 2, 3, 4, 5, 6, 7, 8, 9]),
        ("lines:6", [10]),
        ("iterations:1", [0, 1, 2, 3, 4, 5, 10]),
        ("first:3", [0, 1, 2]),
        ("backward,iterations:1", [2, 3, 4, 5]),
        ("backward, first:2", [2, 3]),
    ])
    func selects(_ text: String, _ expected: [Int]) throws {
        #expect(try FrameSelection(parsing: text).select(FrameSelectionTests.events) == expected)
    }

    @Test(arguments: ["", "forward", "lines:5-3", "lines:x", "first:0", "iterations:-1", "first", "backward:2"])
    func rejects(_ text: String) {
        #expect(throws: FrameSelection.Failure.invalid(text)) { try FrameSelection(parsing: text) }
    }

    @Test func capNamesTheOptionsThatFixIt() {
        let selection = FrameSelection(cap: 4)
        #expect(throws: FrameSelection.Failure.tooManyFrames(selected: 11, cap: 4)) {
            try selection.select(FrameSelectionTests.events)
        }
        let message = FrameSelection.Failure.tooManyFrames(selected: 11, cap: 4).description
        #expect(message.contains("--frames") && message.contains("--max-frames 11"))
        #expect(FrameSelection().cap == 300)
    }
}

/// Summaries of long loops and the iteration forms of `--frames`.
@Suite struct SummarySelectionTests {
    /// Two leaves outside the loop, then `iterations` iterations of the line-fitting loop
    /// (13 events each), as recorded by the engine.
    static func line(_ iterations: Int) throws -> [TraceEvent] { try PictureLessons.line(iterations: iterations) }

    @Test func shortLoopsKeepEveryFrame() throws {
        let events = try SummarySelectionTests.line(10)
        #expect(try FrameSelection().select(events) == Array(events.indices))
    }

    @Test func longLoopShowsTheFirstIterationThenSummaries() throws {
        let events = try SummarySelectionTests.line(25)
        let run = try #require(LoopRun.segment(events).first)
        #expect(run.count == 25 && run.isLong)
        let frames = try FrameSelection().frames(events)
        let first = run.iterations[0].events
        let full = frames.filter { $0.summary == nil }.map(\.event)
        #expect(full == Array(0..<first.upperBound))
        let summaries = frames.compactMap(\.summary)
        // 25 iterations: every 2 (1 would give 24 summaries), at iterations 2, 4, …, 24 and the last, 25.
        #expect(summaries.map { $0.iteration + 1 } == [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 25])
        #expect(summaries.allSatisfy { $0.every == 2 })
        // Each summary stands at the last event of its iteration, and knows the loss there.
        for f in frames where f.summary != nil {
            let it = run.iterations[f.summary!.iteration]
            #expect(f.event == it.events.upperBound - 1)
            #expect(f.summary!.loss == it.loss && it.loss != nil)
        }
        #expect(summaries.first?.firstLoss?.iteration == 0)
    }

    @Test func everyAndIterationRangesPickIterations() throws {
        let events = try SummarySelectionTests.line(25)
        let run = try #require(LoopRun.segment(events).first)
        let every10 = try FrameSelection(parsing: "every:10").frames(events)
        #expect(every10.compactMap(\.summary).map { $0.iteration + 1 } == [10, 20, 25])
        // Iterations 3-4 in full, summaries elsewhere on the grid.
        let picked = try FrameSelection(parsing: "iterations:3-4,every:10").frames(events)
        let fullIterations = Set(picked.filter { $0.summary == nil && $0.event >= run.events.lowerBound }
            .map { e in run.iterations.first { $0.events.contains(e.event) }!.number + 1 })
        #expect(fullIterations == [3, 4])
        #expect(picked.compactMap(\.summary).map { $0.iteration + 1 } == [10, 20, 25])
        // Without summaries, iterations:A-B keeps events outside loops and those iterations.
        let range = try FrameSelection(parsing: "iterations:2-3", cap: 1000).select(events)
        #expect(range == Array(0..<run.events.lowerBound) + Array(run.iterations[1].events) + Array(run.iterations[2].events))
        #expect(try FrameSelection(parsing: "iterations:2", cap: 1000).select(events)
                == Array(0..<run.events.lowerBound) + Array(run.iterations[0].events) + Array(run.iterations[1].events))
        // `all` is every event: the behaviour before summaries.
        #expect(try FrameSelection(parsing: "all", cap: 1000).select(events) == Array(events.indices))
    }

    @Test func summaryLimitAndCap() throws {
        let events = try SummarySelectionTests.line(25)
        let few = FrameSelection([.summary], summaryLimit: 2)
        #expect(try few.frames(events).compactMap(\.summary).map { $0.iteration + 1 } == [20, 25])
        #expect(few.summarySteps(events) == [20])
        #expect(throws: FrameSelection.Failure.self) { try FrameSelection(cap: 10).frames(events) }
    }

    @Test(arguments: [("summary", [FrameSelection.Filter.summary]), ("every:50", [.every(50)]),
                      ("iterations:3", [.iterations(1...3)]), ("iterations:2-5", [.iterations(2...5)]),
                      ("backward, every:5", [.backward, .every(5)])])
    func parses(_ text: String, _ filters: [FrameSelection.Filter]) throws {
        #expect(try FrameSelection(parsing: text).filters == filters)
    }

    @Test(arguments: ["every:0", "every", "every:x", "iterations:0", "iterations:5-2", "iterations:1-", "summary:3",
                      "summary,every:5", "every:2,every:3"])
    func rejects(_ text: String) {
        #expect(throws: FrameSelection.Failure.invalid(text)) { try FrameSelection(parsing: text) }
        let message = FrameSelection.Failure.invalid(text).description
        for form in ["all", "backward", "lines:A-B", "iterations:N", "iterations:A-B", "first:N", "summary", "every:N"] {
            #expect(message.contains(form), "\(form)")
        }
    }
}

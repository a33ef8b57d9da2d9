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

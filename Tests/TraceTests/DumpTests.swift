import Foundation
import Testing
import Trace

@Suite struct DumpTests {
    @Test func dumpLesson1() throws {
        let run = LessonTrace.run(try LessonTrace.lesson("Lessons/lesson1.txt"))
        let ex = Explainer(events: run.events, scenes: run.scenes, outline: run.outline)
        for e in run.events where run.scenes[e.index] != nil {
            let x = ex.explain(e.index)
            print("#\(e.index) \(e.kindName) line \(e.context.line ?? 0): \(x.heading)")
            for d in x.details { print("    \(d)") }
            for t in x.chainRule { print("    [\(t.role)→\(t.input)] \(t.upstream.text) | \(t.local.text) | \(t.downstream.text)") }
            for s in x.sums { print("    sum \(s.text)") }
            if let s = run.scenes[e.index] { print("    scene: " + s.json.text.prefix(600)) }
        }
    }
}

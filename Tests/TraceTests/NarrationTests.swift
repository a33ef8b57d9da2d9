import Testing
import Torch
@testable import Trace

/// No narration comment is lost: every comment line of every shipped lesson appears in the
/// caption of some frame of the default selection, and frames carry the section of the
/// module-level statement running.
@Suite struct NarrationTests {
    @Test(arguments: ShippedLessons.all)
    func everyNarrationCommentReachesAFrame(_ path: String) throws {
        let source = try LessonTrace.lesson(path)
        let run = LessonTrace.run(source)
        let plan = try FramePlan(events: run.events, scenes: run.scenes, outline: run.outline, selection: FrameSelection(),
                                 title: run.outline.title ?? path)
        let shown = Set(plan.frames.flatMap(\.explanation.narration))
        let all = run.outline.statements.flatMap(\.narration) + run.outline.closingNarration
        #expect(!all.isEmpty)
        for n in all { #expect(shown.contains(n), "\(path): the narration «\(n)» is in no frame") }
        // Every comment line of the file is narration or a section title.
        let comments = source.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        let sections = run.outline.sections.count
        #expect(comments.count == all.count + sections, "\(path): \(comments.count) comment lines, \(all.count) narration, \(sections) sections")
        #expect(plan.frames.first?.kind == .title)
    }

    @Test func framesInsideAFunctionCarryTheSectionOfTheCall() throws {
        let source = """
        import torch
        ## Definitions
        def f(x):
            # inside f
            return x * 2
        ## Calling
        y = f(torch.tensor(1.0, requires_grad=True))
        """
        let run = LessonTrace.run(source)
        let plan = try FramePlan(events: run.events, scenes: run.scenes, outline: run.outline, selection: FrameSelection(),
                                 title: "t")
        let inside = try #require(plan.frames.first { $0.explanation.narration == ["inside f"] })
        #expect(inside.explanation.section == "Calling")
    }
}

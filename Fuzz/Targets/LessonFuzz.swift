import Stepper
import Torch
import Trace

/// libFuzzer entry: the input is a whole lesson program, run as `gradviz --step` runs it
/// (interpreter, torch bindings, trace and scene recording, the frame plan and the
/// step-through transcript) with small limits so every input ends quickly. A trap, a
/// sanitizer report or a run past libFuzzer's `-timeout` is a finding; Python exceptions
/// and gradviz's own errors are ordinary results.
@_cdecl("LLVMFuzzerTestOneInput")
public func lessonFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // gradviz refuses files that are not UTF-8 before running anything.
    guard let source = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return -1 }
    var limits = LessonRunner.Limits()
    limits.stepBudget = 5_000
    limits.maxTensorElements = 100_000
    limits.maxEvents = 1_000
    let run = LessonRunner.run(source: source, fileName: "/fuzz/lesson.py", output: { _ in }, record: true, limits: limits)
    if let plan = try? FramePlan(events: run.events, scenes: run.scenes, outline: run.outline,
                                 selection: FrameSelection(cap: 200), title: run.outline.title ?? "lesson.py") {
        _ = StepThrough(plan: plan, source: source, fileName: "lesson.py").transcript(color: false, width: 80)
    }
    return 0
}

import Foundation
import Testing
import Stepper
import Torch
import Trace
#if canImport(Glibc)
import Glibc
#endif

/// The lessons the stepper tests step through, by name (a child process runs one by its name).
enum Scenario: String, CaseIterable {
    case seed, cjk

    var source: String {
        switch self {
        case .seed: return Scenario.lesson("Lessons/lesson1.txt")
        case .cjk: return "import torch\n## 链式法则\nx = torch.tensor(3.0, requires_grad=True)\n# 平方：上游梯度乘以局部导数等于下游梯度（한국어도 됩니다）\ny = x * x\ny.backward()\n"
        }
    }

    var fileName: String { self == .cjk ? "課程.txt" : "lesson1.txt" }

    /// The step-through of the scenario, recorded through the engine in this process.
    func stepper() throws -> StepThrough {
        let run = LessonRunner.run(source: source, fileName: fileName, output: { _ in }, record: true)
        let plan = try FramePlan(events: run.events, scenes: run.scenes, outline: run.outline,
                                 selection: FrameSelection([.all], cap: .max), title: run.outline.title ?? fileName)
        return StepThrough(plan: plan, source: source, fileName: fileName)
    }

    static func lesson(_ path: String) -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }
}

/// The child side of the terminal tests: steps through the scenario it was asked for, on the
/// terminal it was given, only when started as a child.
@Suite struct StepperChild {
    static let childVariable = "GRADVIZ_STEPPER_CHILD"

    @Test(.enabled(if: ProcessInfo.processInfo.environment[StepperChild.childVariable] != nil))
    func stepperChildProcess() throws {
        let env = ProcessInfo.processInfo.environment
        let request = env[StepperChild.childVariable]!.split(separator: ":").map(String.init)
        let scenario = try #require(Scenario(rawValue: request.count > 1 ? request[1] : "seed"))
        try scenario.stepper().runInteractive()
    }
}

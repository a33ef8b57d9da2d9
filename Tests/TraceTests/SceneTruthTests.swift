import Foundation
import Testing
import Torch
@testable import Trace

/// Every frame shows the program's true state: checked on random programs that print every
/// variable's value, `.grad`, flags, grad_fn and next_functions after each statement — the
/// frame of each print must show exactly what it prints — and on the shipped lessons.
@Suite struct SceneTruthTests {
    /// Frames of a program, and the mismatches found in them.
    static func check(_ program: ProgramGenerator.Program) throws -> (frames: Int, problems: [String]) {
        let run = LessonRunner.run(source: program.source, fileName: "truth.txt", output: { _ in }, record: true)
        guard run.exitStatus == 0 else { return (0, ["the program failed: \(run.stderr)"]) }
        let plan = try FramePlan(events: run.events, scenes: run.scenes, outline: run.outline,
                                 selection: FrameSelection([.all], cap: .max), title: "truth")
        var problems: [String] = []
        var checked = 0
        for f in plan.frames {
            guard let e = f.event, case .print(let text) = run.events[e].kind else { continue }
            let line = text.trimmingCharacters(in: .newlines)
            if line.hasPrefix("@@ "), let k = Int(line.dropFirst(3)) {
                // The variables bound now, and no others of the program's own.
                let shown = Set(f.scene.nodes.compactMap(\.tensor).flatMap(\.names).filter { $0.hasPrefix("v") && Int($0.dropFirst()) != nil })
                if shown != Set(program.bound[k]) {
                    problems.append("checkpoint \(k): the frame names \(shown.sorted()), the program holds \(program.bound[k])")
                }
                continue
            }
            guard line.hasPrefix("@ ") else { continue }
            checked += 1
            guard let lit = PythonLiteral.parseAll(String(line.dropFirst(2))), lit.count == 7,
                  case .string(let name) = lit[0] else {
                problems.append("unreadable print: \(line)")
                continue
            }
            problems += SceneTruthTests.compare(name: name, printed: Array(lit.dropFirst()), scene: f.scene, frame: line)
        }
        if checked == 0 { problems.append("no state printed") }
        return (checked, problems)
    }

    /// The scene's tensor called `name` against what Python printed about it.
    static func compare(name: String, printed p: [PythonLiteral], scene: Scene, frame: String) -> [String] {
        guard let (id, t) = scene.tensor(named: name) else { return ["\(name) is not in the frame of: \(frame)"] }
        var out: [String] = []
        if p[0].flat != t.value.elements { out.append("\(name): printed \(p[0]), the frame shows \(String(describing: t.value.elements))") }
        switch (p[1], t.grad) {
        case (.none, nil): break
        case (.none, let g?): out.append("\(name).grad: printed None, the frame shows \(String(describing: g.elements))")
        case (let v, nil): out.append("\(name).grad: printed \(v), the frame shows None")
        case (let v, let g?): if v.flat != g.elements { out.append("\(name).grad: printed \(v), the frame shows \(String(describing: g.elements))") }
        }
        if p[2] != .bool(t.requiresGrad) { out.append("\(name).requires_grad: printed \(p[2]), the frame shows \(t.requiresGrad)") }
        if p[3] != .bool(t.isLeaf) { out.append("\(name).is_leaf: printed \(p[3]), the frame shows \(t.isLeaf)") }
        let fn = t.gradFn.flatMap { scene.node(.function($0))?.function }
        switch (p[4], fn) {
        case (.none, nil): break
        case (.string(let s), let f?) where s.hasSuffix(f.name):
            // next_functions, in input order, against the frame's edges out of that node.
            var next: [Int: String] = [:]
            for e in scene.edges where e.from == .function(t.gradFn!) {
                if case .next(let i, _) = e.kind, case .function(let target) = e.to {
                    next[i] = scene.node(.function(target))?.function?.name
                }
            }
            if case .list(let items) = p[5] {
                for (i, item) in items.enumerated() {
                    switch item {
                    case .none: if next[i] != nil { out.append("\(name): next_functions[\(i)] is None, the frame has \(next[i]!)") }
                    case .string(let s): if !s.hasSuffix(next[i] ?? "—") { out.append("\(name): next_functions[\(i)] is \(s), the frame has \(next[i] ?? "nothing")") }
                    default: out.append("\(name): unreadable next_functions")
                    }
                }
            }
        default: out.append("\(name).grad_fn: printed \(p[4]), the frame shows \(fn?.name ?? "None") (tensor t\(id))")
        }
        return out
    }

    @Test(arguments: 0..<300)
    func generatedProgramFramesShowWhatTheyPrint(seed: Int) throws {
        var g = ProgramGenerator(seed: UInt64(seed) &* 7919 &+ 17)
        let program = g.program()
        let (_, problems) = try SceneTruthTests.check(program)
        #expect(problems.isEmpty, "seed \(seed):\n\(problems.prefix(5).joined(separator: "\n"))\n--- program ---\n\(program.source)")
    }

    /// In every frame of every shipped lesson: each tensor's grad_fn and each AccumulateGrad's
    /// leaf are in the frame, every node is reached from a tensor the program holds, and edges
    /// join nodes of the frame.
    @Test(arguments: ShippedLessons.all)
    func lessonFramesAreConsistentGraphs(_ path: String) throws {
        let source = try LessonTrace.lesson(path)
        let run = LessonTrace.run(source)
        let plan = try FramePlan(events: run.events, scenes: run.scenes, outline: run.outline,
                                 selection: FrameSelection([.all], cap: .max), title: path)
        for f in plan.frames {
            let ids = Set(f.scene.nodes.map(\.id))
            for e in f.scene.edges {
                #expect(ids.contains(e.from) && ids.contains(e.to), "\(path) frame event \(f.event ?? -1): dangling edge")
            }
            var reached = Set<SceneNodeID>()
            var stack = f.scene.nodes.filter { $0.tensor != nil }.map(\.id)
            for n in f.scene.nodes where !(n.function?.names.isEmpty ?? true) { stack.append(n.id) }
            while let n = stack.popLast() {
                guard reached.insert(n).inserted else { continue }
                for e in f.scene.edges where e.from == n { stack.append(e.to) }
                if case .tensor(let t) = n, let fn = f.scene.tensor(t)?.gradFn { stack.append(.function(fn)) }
            }
            #expect(reached == ids, "\(path) frame event \(f.event ?? -1): unreachable nodes \(ids.subtracting(reached))")
            for n in f.scene.nodes {
                if let t = n.tensor, let fn = t.gradFn { #expect(ids.contains(.function(fn)), "\(path): grad_fn missing") }
                if let fs = n.function, let v = fs.variable { #expect(ids.contains(.tensor(v)), "\(path): AccumulateGrad's leaf missing") }
            }
        }
    }
}

/// The shipped lessons, English and Chinese.
enum ShippedLessons {
    static var all: [String] {
        (1...9).map { "Lessons/lesson\($0).txt" } + (1...9).map { "Lessons/zh/lesson\($0).txt" }
    }
}

import ArgumentParser
import Foundation
import Matplotlib
import Python
import Render
import Stepper
import Torch
import Autograd
import Trace

@main
struct GradvizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradviz",
        abstract: "Run PyTorch autograd lessons on gradviz's own engine and turn them into course material.",
        discussion: """
            A lesson is a Python program using torch. `gradviz LESSON` prints what `python3 LESSON` \
            prints with PyTorch. With no LESSON, the built-in first lesson runs.
            """
    )

    @ArgumentParser.Argument(help: "Lesson files (Python programs using torch).")
    var lessons: [String] = []

    @Flag(name: .long, help: "Step through the chain rule in the terminal (the whole transcript when not a terminal).")
    var step = false

    @Flag(name: .customLong("no-color"), help: "No colour in the step-through (as does setting NO_COLOR).")
    var noColor = false

    @Option(name: .customLong("lang"), help: ArgumentHelp(
        "Language of generated text (captions, legend, step-through, player): en or zh. Default: the lesson's own (zh when its comments are Chinese).",
        valueName: "en|zh"))
    var language: TextLanguage?

    @OptionGroup(title: "Course material")
    var material: MaterialOptions

    @Flag(name: .customLong("list-lessons"), help: "List the lessons built into gradviz.")
    var listLessons = false

    @Option(name: .customLong("export-lessons"), help: ArgumentHelp("Write the built-in lessons into DIR (existing files are left alone).", valueName: "DIR"))
    var exportLessons: String?

    @OptionGroup var limits: LimitOptions

    @Flag(name: .customLong("allow-savefig-anywhere"), help: "Let savefig write outside the lesson's folder and the working directory.")
    var allowSavefigAnywhere = false

    mutating func run() throws {
        if noColor { setenv("NO_COLOR", "1", 1) }
        do {
            if listLessons { return BuiltinLessonsCommand.list() }
            if let dir = exportLessons { return try BuiltinLessonsCommand.export(to: dir) }
            try runLessons()
        } catch let e as CLIError {
            FileHandle.standardError.write(Data("gradviz: \(e.description)\n".utf8))
            throw ExitCode(2)
        } catch let e as PythonSource.DecodingError {
            // A source file that does not decode is CPython's SyntaxError, before anything runs.
            FileHandle.standardError.write(Data(e.stderr.utf8))
            throw ExitCode(1)
        }
    }

    private func runLessons() throws {
        let inputs = try LessonInput.resolve(lessons)
        if step && inputs.count > 1 { throw CLIError("--step takes one lesson at a time") }
        if material.trace != nil && inputs.count > 1 { throw CLIError("--trace takes one lesson at a time") }
        let selection = try material.frameSelection()
        let record = step || material.wantsTrace
        var status: Int32 = 0
        var rendered: [RenderedLesson] = []
        for input in inputs {
            let out = StandardOutput()
            let scenes: ScenePolicy = step || material.wantsPictures ? .forSelection(selection) : .none
            let run = LessonRunner.run(source: input.source, fileName: input.displayName,
                                       output: { if !step { out.write($0) } }, record: record, scenes: scenes,
                                       limits: limits.lessonLimits, keepObjects: true,
                                       plots: PlotOptions(lessonDirectory: input.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path },
                                                          allowWritesAnywhere: allowSavefigAnywhere))
            out.flush()
            if step {
                var steps = selection
                steps.cap = .max
                let plan = try FramePlan(events: run.events, scenes: run.scenes, outline: run.outline, selection: steps,
                                         title: run.outline.title ?? input.shortName, language: language?.rawValue)
                try StepThrough(plan: plan, source: input.source, fileName: input.shortName).runInteractive()
            }
            if !run.stderr.isEmpty { FileHandle.standardError.write(Data(run.stderr.utf8)) }
            if run.exitStatus < 0 {
                // Python dies by the signal (SIGINT for an uncaught KeyboardInterrupt).
                signal(-run.exitStatus, SIG_DFL)
                kill(getpid(), -run.exitStatus)
            }
            if run.exitStatus != 0 { status = run.exitStatus }
            if run.droppedEvents > 0 {
                FileHandle.standardError.write(Data("gradviz: \(input.shortName): the trace keeps the first \(run.events.count) events; \(run.droppedEvents) later ones were not recorded (raise --max-events)\n".utf8))
            }
            rendered.append(RenderedLesson(name: input.courseName(among: inputs), source: input.source, outline: run.outline,
                                           events: run.events, scenes: run.scenes, language: language?.rawValue))
        }
        if status != 0 {
            if material.wantsFiles {
                FileHandle.standardError.write(Data("gradviz: no course material written: the lesson failed (earlier output, if any, is unchanged)\n".utf8))
            }
            throw ExitCode(status)
        }
        try material.write(rendered, selection: selection)
    }
}

/// `--svg`, `--png`, `--pdf`, `--trace` and frame selection.
struct MaterialOptions: ParsableArguments {
    @Option(name: .customLong("svg"), help: ArgumentHelp("Write one SVG per step, index.html (offline player) and manifest.json into DIR.", valueName: "DIR"))
    var svg: String?

    @Option(name: .customLong("png"), help: ArgumentHelp("Write one PNG per step into DIR.", valueName: "DIR"))
    var png: String?

    @Option(name: .customLong("pdf"), help: ArgumentHelp("Write a PDF with one page per step.", valueName: "FILE"))
    var pdf: String?

    @Option(name: .customLong("trace"), help: ArgumentHelp("Write the trace as JSON Lines (schema: docs/trace-schema.md).", valueName: "FILE"))
    var trace: String?

    @Option(name: .customLong("frames"), help: ArgumentHelp(
        "Which steps become frames (and steps of --step), comma-separated, all must hold: "
            + "all (every step, each iteration in full); backward; lines:A-B; iterations:N (the first N iterations of each loop) "
            + "or iterations:A-B (iterations A to B, counted from 1); first:N; "
            + "summary (loops of more than \(LoopRun.longLoop) iterations: the first iteration in full, then one summary frame "
            + "with a loss chart every 1, 2, 5, 10, 20, 50… iterations, at most \(FrameSelection.defaultSummaryLimit), and the last); "
            + "every:N (the same, a summary every N iterations). Default: summary, with fewer summaries if --max-frames needs it.",
        valueName: "SPEC"))
    var frames: String?

    @Option(name: .customLong("max-frames"), help: "Refuse to draw more frames than this per lesson.")
    var maxFrames: Int = FrameSelection.defaultCap

    @Option(name: .customLong("depth"), help: ArgumentHelp(
        "Draw each nn.Module at depth N as one node (model is 0, model.0 is 1); gradients still flow on its edges.",
        valueName: "N"))
    var depth: Int?

    @Option(name: .customLong("layout"), help: ArgumentHelp(
        "The graph's direction: lr (left to right) or tb (top to bottom). Default: whichever draws the lesson larger.",
        valueName: "lr|tb"))
    var layout: String?

    @Option(name: .customLong("size"), help: ArgumentHelp("The frames' size in pixels (default 1920x1080, a 16:9 slide).",
                                                          valueName: "WxH"))
    var size: String?

    @Flag(name: .customLong("handout"), help: "Make the PDF A4 handout pages, each caption under its picture.")
    var handout = false

    @Option(name: .customLong("png-dpi"), help: "Resolution of PNG frames: 96 gives 1920×1080 pixels.")
    var pngDPI: Int = 96

    var wantsFiles: Bool { svg != nil || png != nil || pdf != nil || trace != nil }
    var wantsTrace: Bool { wantsFiles }
    var wantsPictures: Bool { svg != nil || png != nil || pdf != nil }

    func validate() throws {
        guard maxFrames > 0 else { throw ValidationError("--max-frames must be positive") }
        if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
        _ = try frameSize()
        if let layout, !["lr", "tb"].contains(layout) { throw ValidationError("--layout must be lr or tb, not '\(layout)'") }
        guard (30...600).contains(pngDPI) else { throw ValidationError("--png-dpi must be between 30 and 600") }
        _ = try frameSelection()
    }

    /// `--size WxH`: between 640×360 and 7680×4320.
    func frameSize() throws -> (width: Int, height: Int) {
        guard let size else { return (1920, 1080) }
        let parts = size.lowercased().split(separator: "x").map { Int($0) }
        guard parts.count == 2, let w = parts[0], let h = parts[1], (640...7680).contains(w), (360...4320).contains(h) else {
            throw ValidationError("--size must be WIDTHxHEIGHT in pixels, from 640x360 to 7680x4320, not '\(size)'")
        }
        return (w, h)
    }

    func frameSelection() throws -> FrameSelection {
        do {
            guard let frames else { return FrameSelection(cap: maxFrames) }
            return try FrameSelection(parsing: frames, cap: maxFrames)
        } catch let e as FrameSelection.Failure {
            throw ValidationError(e.description)
        }
    }

    /// Without `--frames`, a lesson whose loops make more frames than the cap gets
    /// fewer summary frames per long loop; failing that, every step outside loops
    /// and as many whole first iterations as fit (no summaries).
    func fittedSelection(for lessons: [RenderedLesson], _ selection: FrameSelection) -> (FrameSelection, note: String?) {
        guard frames == nil else { return (selection, nil) }
        let fits = { (s: FrameSelection) in
            lessons.allSatisfy { l in
                (try? s.picks(l.events, candidates: FramePlan.candidates(events: l.events, scenes: l.scenes, outline: l.outline))) != nil
            }
        }
        if fits(selection) { return (selection, nil) }
        for limit in [10, 5, 2, 1] {
            let s = FrameSelection([.summary], cap: maxFrames, summaryLimit: limit)
            if fits(s) {
                return (s, "the loops make more than \(maxFrames) frames: drawing at most \(limit) summary frame\(limit == 1 ? "" : "s") per long loop (choose others with --frames, or raise --max-frames)")
            }
        }
        for n in stride(from: 10, through: 1, by: -1) {
            let s = FrameSelection([.iterations(1...n)], cap: maxFrames)
            if fits(s) {
                return (s, "the loops make more than \(maxFrames) frames: drawing the first \(n) iteration\(n == 1 ? "" : "s") (choose others with --frames, or raise --max-frames)")
            }
        }
        return (selection, nil)
    }

    func courseOptions(_ selection: FrameSelection) throws -> CourseOptions {
        var o = CourseOptions(selection: selection, pngDPI: pngDPI, direction: layout, moduleDepth: depth)
        (o.width, o.height) = try frameSize()
        o.handout = handout
        return o
    }

    func write(_ lessons: [RenderedLesson], selection: FrameSelection) throws {
        if let trace, let lesson = lessons.first {
            do {
                try FileManager.default.createDirectory(at: URL(fileURLWithPath: trace).standardizedFileURL.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try TraceFile.write(lesson.events, outline: lesson.outline, to: URL(fileURLWithPath: trace))
            } catch {
                throw CLIError("cannot write the trace to '\(trace)': \(error)")
            }
        }
        let outputs = CourseOutputs(svg: svg.map { URL(fileURLWithPath: $0) }, png: png.map { URL(fileURLWithPath: $0) },
                                    pdf: pdf.map { URL(fileURLWithPath: $0) })
        guard outputs.svg != nil || outputs.png != nil || outputs.pdf != nil else { return }
        // The named folders (and the PDF's folder) may sit in folders that do not exist yet.
        for url in [outputs.svg, outputs.png, outputs.pdf].compactMap({ $0 }) {
            let parent = url.standardizedFileURL.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw CLIError("cannot create the folder '\(parent.path)': \(error.localizedDescription)")
            }
        }
        let (selection, note) = fittedSelection(for: lessons, selection)
        if let note { FileHandle.standardError.write(Data("gradviz: \(note)\n".utf8)) }
        if lessons.contains(where: { FontCheck.needsCJK($0.source) }), !FontCheck.hasCJKFont() {
            FileHandle.standardError.write(Data("gradviz: warning: the lesson has Chinese, Japanese or Korean text but no CJK font is installed; PNG and PDF frames will show boxes (on Debian: apt-get install fonts-noto-cjk)\n".utf8))
        }
        do {
            let summary = try CourseWriter.write(lessons: lessons, outputs: outputs,
                                                 options: try courseOptions(selection))
            let frames = summary.lessons.map(\.frames).reduce(0, +)
            let targets = [svg, png, pdf].compactMap { $0 }.joined(separator: ", ")
            FileHandle.standardError.write(Data("gradviz: wrote \(frames) frames of \(summary.lessons.count) lesson\(summary.lessons.count == 1 ? "" : "s") to \(targets)\n".utf8))
        } catch let e as FrameSelection.Failure {
            throw CLIError(e.description)
        } catch {
            throw CLIError("no course material written: \(error)")
        }
    }
}

/// Resource limits, shared by every mode.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-steps"), help: "Statements and loop iterations before a lesson is stopped.")
    var maxSteps: Int = 50_000_000

    @Option(name: .customLong("max-elements"), help: "Largest number of elements in one tensor (views included).")
    var maxElements: Int = 50_000_000

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Tensor memory a lesson may hold at once.", valueName: "MB"))
    var maxMemory: Int = ResourceBudget.Limits().maxMemoryBytes >> 20

    @Option(name: .customLong("max-graph-nodes"), help: "Autograd graph nodes a lesson may keep alive at once.")
    var maxGraphNodes: Int = ResourceBudget.Limits().maxGraphNodes

    @Option(name: .customLong("max-work"), help: "Element operations one statement may perform (a matrix product counts n·k·m).")
    var maxWork: Int = ResourceBudget.Limits().maxWork

    @Option(name: .customLong("max-events"), help: "Trace events kept for pictures and the step-through.")
    var maxEvents: Int = 1_000_000

    var lessonLimits: LessonRunner.Limits {
        var l = LessonRunner.Limits()
        l.stepBudget = maxSteps
        l.maxTensorElements = maxElements
        l.maxEvents = maxEvents
        l.budget.maxMemoryBytes = maxMemory.multipliedReportingOverflow(by: 1 << 20).overflow ? .max : maxMemory << 20
        l.budget.maxGraphNodes = maxGraphNodes
        l.budget.maxWork = maxWork
        return l
    }

    func validate() throws {
        for (value, name) in [(maxSteps, "steps"), (maxElements, "elements"), (maxMemory, "memory"), (maxGraphNodes, "graph-nodes"), (maxWork, "work")]
        where value <= 0 {
            throw ValidationError("--max-\(name) must be positive")
        }
    }
}

/// A lesson to run: its text and the name tracebacks show.
struct LessonInput {
    var source: String
    var displayName: String
    var path: String?

    /// The file name without folders (`lesson1.txt`).
    var shortName: String { URL(fileURLWithPath: path ?? displayName).lastPathComponent }
    /// The file name without its extension (`lesson1`), for course folders.
    var stem: String { URL(fileURLWithPath: shortName).deletingPathExtension().lastPathComponent }

    /// The course folder name: the stem, prefixed with the lesson's folder when two
    /// lessons of the course share a stem (`Lessons/zh/lesson1.txt` → `zh-lesson1`).
    func courseName(among all: [LessonInput]) -> String {
        let clash = all.filter { $0.stem == stem }.count > 1
        guard clash, let path else { return stem }
        let parent = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().lastPathComponent
        let first = all.first { $0.stem == stem }?.path == path
        return first ? stem : "\(parent)-\(stem)"
    }

    static func resolve(_ paths: [String]) throws -> [LessonInput] {
        if paths.isEmpty {
            return [LessonInput(source: BuiltinLessons.lesson1, displayName: "lesson1.txt", path: nil)]
        }
        return try paths.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                var isDir: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
                let why = !exists ? "[Errno 2] No such file or directory" : (isDir.boolValue ? "[Errno 21] Is a directory" : "[Errno 13] Permission denied")
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                throw CLIError("can't open file '\(absolute)': \(why)")
            }
            // Python names the main script by its absolute path in tracebacks and warnings.
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let text = try PythonSource.decode([UInt8](data), fileName: absolute).get()
            return LessonInput(source: text, displayName: absolute, path: path)
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// A command-line error reported as `gradviz: message` with exit status 2.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// Buffered stdout, flushed before anything goes to stderr.
final class StandardOutput: @unchecked Sendable {
    private var buffer: [UInt8] = []

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    func flush() {
        if buffer.isEmpty { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `--lang`: the languages gradviz writes its own text in.
enum TextLanguage: String, ExpressibleByArgument, CaseIterable {
    case en, zh
}

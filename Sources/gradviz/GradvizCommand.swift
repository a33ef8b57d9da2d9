import ArgumentParser
import Foundation
import Lesson
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

    @Flag(name: .customLong("list-lessons"), help: "List the lessons built into gradviz.")
    var listLessons = false

    @Option(name: .customLong("export-lessons"), help: ArgumentHelp("Write the built-in lessons into DIR (existing files are left alone).", valueName: "DIR"))
    var exportLessons: String?

    @OptionGroup var limits: LimitOptions

    mutating func run() throws {
        do {
            if listLessons { return BuiltinLessonsCommand.list() }
            if let dir = exportLessons { return try BuiltinLessonsCommand.export(to: dir) }
            try runLessons()
        } catch let e as CLIError {
            FileHandle.standardError.write(Data("gradviz: \(e.description)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func runLessons() throws {
        let inputs = try LessonInput.resolve(lessons)
        if step && inputs.count > 1 { throw CLIError("--step takes one lesson at a time") }
        var status: Int32 = 0
        for input in inputs {
            let out = StandardOutput()
            let run = LessonRunner.run(source: input.source, fileName: input.displayName,
                                       output: { if !step { out.write($0) } }, record: step, limits: limits.lessonLimits)
            out.flush()
            if step {
                let name = input.path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? input.displayName
                try StepThrough(events: run.events, source: input.source, fileName: name).runInteractive()
            }
            if !run.stderr.isEmpty { FileHandle.standardError.write(Data(run.stderr.utf8)) }
            if run.exitStatus != 0 { status = run.exitStatus }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Resource limits, shared by every mode.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-steps"), help: "Statements and loop iterations before a lesson is stopped.")
    var maxSteps: Int = 50_000_000

    @Option(name: .customLong("max-elements"), help: "Largest number of elements in one tensor.")
    var maxElements: Int = 50_000_000

    var lessonLimits: LessonRunner.Limits {
        var l = LessonRunner.Limits()
        l.stepBudget = maxSteps
        l.maxTensorElements = maxElements
        return l
    }

    func validate() throws {
        guard maxSteps > 0 else { throw ValidationError("--max-steps must be positive") }
        guard maxElements > 0 else { throw ValidationError("--max-elements must be positive") }
    }
}

/// A lesson to run: its text and the name tracebacks show.
struct LessonInput {
    var source: String
    var displayName: String
    var path: String?

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
            guard let text = String(data: data, encoding: .utf8) else {
                throw CLIError("'\(path)' is not UTF-8 text")
            }
            // Python names the main script by its absolute path in tracebacks and warnings.
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            return LessonInput(source: text, displayName: absolute, path: path)
        }
    }
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

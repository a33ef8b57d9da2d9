import Foundation

/// Runs the built `gradviz` binary, as users and the goldens do.
enum CLIRunner {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The `gradviz` executable next to the test bundle in the build folder.
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var dir = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("gradviz")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/gradviz")
    }

    /// The repository root (for Lessons/ and Tests/Goldens/).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// With `shell`, `arguments` go to /bin/sh instead (for redirections such as `>&-`).
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
                    timeout: TimeInterval = 120, shell: Bool = false) throws -> Result {
        let p = Process()
        p.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : executable
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        if var environment {
            // A sanitizer's settings (scripts/asan_tests.sh) reach the child whatever the test sets.
            for key in ["ASAN_OPTIONS", "LSAN_OPTIONS"] { environment[key] = ProcessInfo.processInfo.environment[key] }
            p.environment = environment
        }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        var outData = Data(), errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(2000) }
        if p.isRunning { p.terminate() }
        group.wait()
        p.waitUntilExit()
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: p.terminationStatus)
    }
}

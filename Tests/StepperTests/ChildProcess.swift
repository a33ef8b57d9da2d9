import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs this test binary as a child, standard output to a file, with a deadline.
enum ChildProcess {
    static func testBinary() throws -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        guard n > 0 else { throw ChildError.failed("cannot find the test binary") }
        return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func arguments() -> [String] {
        ["--testing-library", "swift-testing", "--filter", "stepperChildProcess"]
    }

    static func environment(mode: String, scenario: Scenario, extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env[StepperChild.childVariable] = "\(mode):\(scenario.rawValue)"
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// The child's standard output once it has exited (status 0), or an error after `seconds`.
    static func run(mode: String, scenario: Scenario, environment extra: [String: String] = [:],
                    seconds: Double = 60) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try testBinary())
        process.arguments = arguments()
        process.environment = environment(mode: mode, scenario: scenario, extra: extra)
        // Files, not pipes: the wait below can time out without blocking on a read.
        let dir = FileManager.default.temporaryDirectory
        let out = dir.appendingPathComponent("stepper-child-\(getpid())-\(UUID().uuidString).out")
        let err = dir.appendingPathComponent("stepper-child-\(getpid())-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw ChildError.failed("the child did not finish in \(seconds) s")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let log = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            throw ChildError.failed("the child failed (status \(process.terminationStatus)):\n\(log)")
        }
        return try Data(contentsOf: out)
    }

    enum ChildError: Error {
        case failed(String)
    }
}

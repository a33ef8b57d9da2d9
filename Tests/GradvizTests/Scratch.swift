import Foundation

/// A fresh folder for one test, its path resolved through any symbolic link of the
/// temporary directory, removed by `remove()`.
struct Scratch {
    let root: String

    init(_ name: String) throws {
        let raw = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-cli-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: raw, withIntermediateDirectories: true)
        guard let real = realpath(raw, nil) else { throw CocoaError(.fileNoSuchFile) }
        root = String(cString: real)
        free(real)
    }

    var url: URL { URL(fileURLWithPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        let p = path(relative)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
    }

    func read(_ relative: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path(relative)))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names in `relative`, hidden ones included, sorted.
    func list(_ relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? root : path(relative))) ?? []).sorted()
    }

    /// Copies a lesson of the repository into the scratch folder.
    func lesson(_ repositoryPath: String = "Lessons/lesson1.txt", as name: String = "lesson.txt") throws {
        try FileManager.default.copyItem(atPath: CLIRunner.root.appendingPathComponent(repositoryPath).path, toPath: path(name))
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Runs `body` (which starts a child process) with no signal blocked on this thread: the
    /// test runner's worker threads block most signals, and a child inherits the mask.
    static func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t(), old = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        return try body()
    }
}

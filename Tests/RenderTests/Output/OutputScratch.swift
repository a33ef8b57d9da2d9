import Foundation

/// A fresh folder under the temporary directory, its path resolved (the temporary
/// directory may itself be reached through a symbolic link), removed by `remove()`.
struct OutputScratch {
    let root: String

    init(_ name: String) throws {
        let raw = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradviz-output-\(getpid())-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: raw, withIntermediateDirectories: true)
        guard let real = realpath(raw, nil) else { throw CocoaError(.fileNoSuchFile) }
        root = String(cString: real)
        free(real)
    }

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

    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// The id of a process that has exited (for stale temporaries).
    static func deadPID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }
}

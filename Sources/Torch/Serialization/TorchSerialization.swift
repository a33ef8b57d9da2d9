import Foundation
import Python
import Autograd

/// `torch.save` and `torch.load` in PyTorch's format: a zip archive (stored, not
/// compressed, see ``ZipArchive``) holding `data.pkl`, a protocol-2 pickle whose tensors refer to the raw
/// little-endian storages in `data/<key>`, and the version records PyTorch writes.
enum TorchSerialization {
    /// Python's FileNotFoundError, as `open` raises it.
    static let fileNotFoundError = PyClass(name: "FileNotFoundError", base: .exception, moduleName: "builtins")

    /// `torch.save(obj, f)` for a path `f`.
    static func save(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "save(obj, f, pickle_module=None, pickle_protocol=2, _use_new_zipfile_serialization=True, _disable_byteorder_record=False)")
        guard case .str(let path) = b["f"] else {
            throw UnsupportedFeature("torch.save to a \(b["f"].typeName) (a file path is supported)", line: interp.currentLine)
        }
        var writer = PickleWriter(line: interp.currentLine)
        try writer.write(b["obj"])
        writer.finish()
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent
        var records: [(String, Data)] = [("data.pkl", writer.bytes), (".format_version", Data("1".utf8)),
                                         (".storage_alignment", Data("64".utf8)), ("byteorder", Data("little".utf8))]
        for (k, s) in writer.storages.enumerated() { records.append(("data/\(k)", TensorBytes.encode(s.elements, s.dtype))) }
        records.append(("version", Data("3\n".utf8)))
        records.append((".data/serialization_id", Data(String(repeating: "0", count: 40).utf8)))
        let entries = records.map { (name: "\(name)/\($0.0)", data: $0.1) }
        do {
            try ZipArchive.write(entries).write(to: url)
        } catch {
            throw PyException(.runtimeError, "Parent directory \(url.deletingLastPathComponent().path) does not exist.")
        }
        return .none
    }

    /// `torch.load(f)` for a path `f`.
    static func load(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try args.bind(signature: "load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **pickle_load_args)")
        guard case .str(let path) = b["f"] else {
            throw UnsupportedFeature("torch.load from a \(b["f"].typeName) (a file path is supported)", line: interp.currentLine)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw PyException(fileNotFoundError, "[Errno 2] No such file or directory: '\(path)'")
        }
        guard let contents = FileManager.default.contents(atPath: path), let entries = ZipArchive.read(contents) else {
            throw PyException(.runtimeError, "PytorchStreamReader failed reading zip archive: failed finding central directory")
        }
        guard let pickle = entries.keys.sorted().first(where: { $0.hasSuffix("/data.pkl") }) else {
            throw PyException(.runtimeError, "PytorchStreamReader failed locating file data.pkl: file not found")
        }
        let prefix = String(pickle.dropLast("data.pkl".count))
        func read(_ name: String) throws -> Data {
            guard let data = entries[prefix + name] else {
                throw PyException(.runtimeError, "PytorchStreamReader failed locating file \(name): file not found")
            }
            return data
        }
        var reader = PickleReader(try read("data.pkl"), line: interp.currentLine) { key, dtype in
            TensorBytes.decode(try read("data/\(key)"), dtype)
        }
        return try reader.read()
    }
}

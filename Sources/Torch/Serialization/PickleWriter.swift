import Foundation
import Python
import Autograd

/// Writes lesson values as a protocol-2 pickle the way `torch.save` does: tensors as
/// `torch._utils._rebuild_tensor_v2` over a storage referenced by persistent id,
/// parameters through `_rebuild_parameter`, containers and numbers as Python pickles them.
struct PickleWriter {
    private(set) var bytes = Data([0x80, 2])
    /// The storages referenced, in key order ("0", "1", …): each tensor's own contiguous copy.
    private(set) var storages: [(elements: TensorElements, dtype: DType)] = []
    /// Containers being written, for the cycle check.
    private var open: [ObjectIdentifier] = []
    /// The lesson line of the `torch.save` call, for unsupported-feature errors.
    let line: Int

    init(line: Int) { self.line = line }

    mutating func op(_ code: UInt8) { bytes.append(code) }

    mutating func global(_ module: String, _ name: String) {
        op(UInt8(ascii: "c"))
        bytes.append(contentsOf: Array("\(module)\n\(name)\n".utf8))
    }

    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        op(UInt8(ascii: "X"))
        withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: utf8)
    }

    mutating func int(_ i: Int) {
        if i >= 0 && i < 256 {
            op(UInt8(ascii: "K")); bytes.append(UInt8(i))
        } else if i >= Int(Int32.min) && i <= Int(Int32.max) {
            op(UInt8(ascii: "J"))
            withUnsafeBytes(of: Int32(i).littleEndian) { bytes.append(contentsOf: $0) }
        } else {
            op(0x8a); bytes.append(8)
            withUnsafeBytes(of: Int64(i).littleEndian) { bytes.append(contentsOf: $0) }
        }
    }

    mutating func float(_ d: Double) {
        op(UInt8(ascii: "G"))
        withUnsafeBytes(of: d.bitPattern.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Before a tuple's `count` items: a mark when the tuple needs one.
    mutating func tupleOpen(_ count: Int) {
        if count > 3 { op(UInt8(ascii: "(")) }
    }

    /// After a tuple's `count` items: the opcode that builds it.
    mutating func tupleClose(_ count: Int) {
        switch count {
        case 0: op(UInt8(ascii: ")"))
        case 1...3: op(0x84 + UInt8(count))
        default: op(UInt8(ascii: "t"))
        }
    }

    mutating func intTuple(_ ints: [Int]) {
        tupleOpen(ints.count)
        for i in ints { int(i) }
        tupleClose(ints.count)
    }

    /// Appends `value`; `depth` bounds the nesting of containers.
    mutating func write(_ value: PyValue, depth: Int = 0) throws {
        guard depth < 100 else { throw PyException(.valueError, "torch.save: objects nested too deeply to save") }
        switch value {
        case .none: op(UInt8(ascii: "N"))
        case .bool(let b): op(b ? 0x88 : 0x89)
        case .int(let i): int(i)
        case .float(let d): float(d)
        case .str(let s): string(s)
        case .list(let l):
            try enter(l) {
                $0.op(UInt8(ascii: "]"))
                guard !l.items.isEmpty else { return }
                $0.op(UInt8(ascii: "("))
                for item in l.items { try $0.write(item, depth: depth + 1) }
                $0.op(UInt8(ascii: "e"))
            }
        case .tuple(let items):
            tupleOpen(items.count)
            for item in items { try write(item, depth: depth + 1) }
            tupleClose(items.count)
        case .dict(let d):
            try enter(d) {
                $0.op(UInt8(ascii: "}"))
                guard d.count > 0 else { return }
                $0.op(UInt8(ascii: "("))
                for (k, v) in d.items { try $0.write(k, depth: depth + 1); try $0.write(v, depth: depth + 1) }
                $0.op(UInt8(ascii: "u"))
            }
        default:
            guard let t = TorchBridge.tensor(value) else {
                throw UnsupportedFeature("torch.save of a \(value.typeName) (tensors, numbers, strings, lists, tuples and dicts are saved)", line: line)
            }
            try tensor(t)
        }
    }

    private mutating func enter(_ container: AnyObject, _ body: (inout PickleWriter) throws -> Void) throws {
        let id = ObjectIdentifier(container)
        guard !open.contains(id) else { throw PyException(.valueError, "torch.save: a container that contains itself cannot be saved") }
        open.append(id)
        defer { open.removeLast() }
        try body(&self)
    }

    private mutating func tensor(_ t: Tensor) throws {
        let storageName = TensorBytes.storageName(t.dtype)
        if t.isParameter {
            global("torch._utils", "_rebuild_parameter")
            op(UInt8(ascii: "("))
        }
        let key = storages.count
        storages.append((t.elements, t.dtype))
        global("torch._utils", "_rebuild_tensor_v2")
        op(UInt8(ascii: "("))
        // The persistent id: ('storage', torch.<Type>Storage, key, 'cpu', numel).
        op(UInt8(ascii: "("))
        string("storage")
        global("torch", storageName)
        string(String(key))
        string("cpu")
        int(t.numel)
        op(UInt8(ascii: "t"))
        op(UInt8(ascii: "Q"))
        int(0)
        intTuple(t.shape)
        var strides = [Int](repeating: 1, count: t.shape.count)
        for i in stride(from: t.shape.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * t.shape[i + 1] }
        intTuple(strides)
        op(t.isParameter ? 0x89 : (t.requiresGrad ? 0x88 : 0x89))
        global("collections", "OrderedDict")
        op(UInt8(ascii: ")"))
        op(UInt8(ascii: "R"))
        op(UInt8(ascii: "t"))
        op(UInt8(ascii: "R"))
        if t.isParameter {
            op(t.requiresGrad ? 0x88 : 0x89)
            global("collections", "OrderedDict")
            op(UInt8(ascii: ")"))
            op(UInt8(ascii: "R"))
            op(UInt8(ascii: "t"))
            op(UInt8(ascii: "R"))
        }
    }

    mutating func finish() { op(UInt8(ascii: ".")) }
}

import Foundation
import Python
import Autograd

/// Reads the protocol-2 pickles `torch.save` writes (and ours): containers, numbers,
/// strings, and tensors rebuilt from the archive's storages. Only the globals a
/// PyTorch checkpoint uses are accepted, as `torch.load(weights_only=True)` does.
struct PickleReader {
    /// A value on the unpickler's stack (globals and storages as native placeholders), or a mark.
    private enum Item {
        case value(PyValue)
        case mark
    }

    let bytes: [UInt8]
    /// The lesson line of the `torch.load` call, for unsupported-feature errors.
    let line: Int
    /// Reads storage `key` of a dtype from the archive.
    let storage: (String, DType) throws -> TensorElements
    private var position = 0
    private var stack: [Item] = []
    private var memo: [Int: Item] = [:]

    init(_ data: Data, line: Int, storage: @escaping (String, DType) throws -> TensorElements) {
        bytes = [UInt8](data)
        self.line = line
        self.storage = storage
    }

    static func corrupt(_ what: String) -> PyException {
        PyException(.runtimeError, "torch.load: the file is not a checkpoint gradviz can read (\(what))")
    }

    private mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, position + n <= bytes.count else { throw PickleReader.corrupt("truncated pickle") }
        defer { position += n }
        return bytes[position..<(position + n)]
    }

    private mutating func uint(_ n: Int) throws -> UInt64 {
        try take(n).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    private mutating func textLine() throws -> String {
        guard let end = bytes[position...].firstIndex(of: 10) else { throw PickleReader.corrupt("unterminated line") }
        defer { position = end + 1 }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }

    private mutating func pop() throws -> Item {
        guard let top = stack.popLast() else { throw PickleReader.corrupt("stack underflow") }
        return top
    }

    private mutating func popValue() throws -> PyValue {
        guard case .value(let v) = try pop() else { throw PickleReader.corrupt("unexpected object on the stack") }
        return v
    }

    /// The items above the topmost mark, which is removed.
    private mutating func popToMark() throws -> [Item] {
        guard let m = stack.lastIndex(where: { if case .mark = $0 { return true } else { return false } }) else {
            throw PickleReader.corrupt("missing mark")
        }
        let items = Array(stack[(m + 1)...])
        stack.removeSubrange(m...)
        return items
    }

    private func values(_ items: [Item]) throws -> [PyValue] {
        try items.map { item in
            guard case .value(let v) = item else { throw PickleReader.corrupt("unexpected object in a container") }
            return v
        }
    }

    mutating func read() throws -> PyValue {
        while position < bytes.count {
            let code = try take(1).first ?? 0
            switch code {
            case 0x80: _ = try take(1)
            case UInt8(ascii: "."): return try popValue()
            case UInt8(ascii: "("): stack.append(.mark)
            case UInt8(ascii: "N"): stack.append(.value(.none))
            case 0x88: stack.append(.value(.bool(true)))
            case 0x89: stack.append(.value(.bool(false)))
            case UInt8(ascii: "K"): stack.append(.value(.int(Int(try uint(1)))))
            case UInt8(ascii: "M"): stack.append(.value(.int(Int(try uint(2)))))
            case UInt8(ascii: "J"): stack.append(.value(.int(Int(Int32(bitPattern: UInt32(try uint(4)))))))
            case 0x8a:
                let n = Int(try uint(1))
                guard n <= 8 else { throw PickleReader.corrupt("integer wider than 64 bits") }
                let raw = try uint(n)
                let shift = UInt64(64 - 8 * n)
                stack.append(.value(.int(n == 0 ? 0 : Int(Int64(bitPattern: raw << shift) >> Int64(shift)))))
            case UInt8(ascii: "G"):
                let raw = try take(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                stack.append(.value(.float(Double(bitPattern: raw))))
            case UInt8(ascii: "X"), UInt8(ascii: "T"):
                let n = Int(try uint(4))
                stack.append(.value(.str(String(decoding: try take(n), as: UTF8.self))))
            case UInt8(ascii: "U"):
                let n = Int(try uint(1))
                stack.append(.value(.str(String(decoding: try take(n), as: UTF8.self))))
            case UInt8(ascii: "c"):
                let module = try textLine(), name = try textLine()
                stack.append(.value(.object(GlobalRef(module + "." + name))))
            case UInt8(ascii: ")"): stack.append(.value(.tuple([])))
            case 0x85, 0x86, 0x87:
                let n = Int(code - 0x84)
                var items: [PyValue] = []
                for _ in 0..<n { items.insert(try popValue(), at: 0) }
                stack.append(.value(.tuple(items)))
            case UInt8(ascii: "t"): stack.append(.value(.tuple(try values(popToMark()))))
            case UInt8(ascii: "]"): stack.append(.value(.list(PyList())))
            case UInt8(ascii: "}"): stack.append(.value(.dict(PyDict())))
            case UInt8(ascii: "a"):
                let v = try popValue()
                guard case .value(.list(let l))? = stack.last else { throw PickleReader.corrupt("append to a non-list") }
                l.items.append(v)
            case UInt8(ascii: "e"):
                let items = try values(popToMark())
                guard case .value(.list(let l))? = stack.last else { throw PickleReader.corrupt("append to a non-list") }
                l.items.append(contentsOf: items)
            case UInt8(ascii: "s"):
                let v = try popValue(), k = try popValue()
                guard case .value(.dict(let d))? = stack.last else { throw PickleReader.corrupt("item set on a non-dict") }
                try d.set(k, v)
            case UInt8(ascii: "u"):
                let items = try values(popToMark())
                guard case .value(.dict(let d))? = stack.last, items.count % 2 == 0 else { throw PickleReader.corrupt("item set on a non-dict") }
                for i in stride(from: 0, to: items.count, by: 2) { try d.set(items[i], items[i + 1]) }
            case UInt8(ascii: "q"): memo[Int(try uint(1))] = stack.last
            case UInt8(ascii: "r"): memo[Int(try uint(4))] = stack.last
            case UInt8(ascii: "h"), UInt8(ascii: "j"):
                let k = Int(try uint(code == UInt8(ascii: "h") ? 1 : 4))
                guard let item = memo[k] else { throw PickleReader.corrupt("unknown memo entry") }
                stack.append(item)
            case UInt8(ascii: "Q"):
                let pid = try popValue()
                guard case .tuple(let parts) = pid, parts.count == 5, case .str(let key) = parts[2] else {
                    throw PickleReader.corrupt("persistent id")
                }
                guard case .object(let type as GlobalRef) = parts[1],
                      let dtype = TensorBytes.dtype(storage: String(type.name.split(separator: ".").last ?? "")) else {
                    throw UnsupportedFeature("torch.load of a storage of this dtype", line: line)
                }
                stack.append(.value(.object(StorageBox(try storage(key, dtype), dtype))))
            case UInt8(ascii: "R"):
                let args = try popValue()
                let callable = try popValue()
                stack.append(.value(try reduce(callable, args)))
            case UInt8(ascii: "b"):
                _ = try pop()
            default:
                throw PickleReader.corrupt("pickle opcode \(code)")
            }
        }
        throw PickleReader.corrupt("no STOP")
    }

    private func reduce(_ callable: PyValue, _ args: PyValue) throws -> PyValue {
        guard case .object(let g as GlobalRef) = callable, case .tuple(let a) = args else { throw PickleReader.corrupt("call of a non-global") }
        let name = g.name
        switch name {
        case "collections.OrderedDict":
            return .dict(PyDict())
        case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor":
            guard a.count >= 4, case .object(let box as StorageBox) = a[0], let offset = a[1].asInt,
                  case .tuple(let sizeItems) = a[2], case .tuple(let strideItems) = a[3] else {
                throw PickleReader.corrupt("tensor arguments")
            }
            let size = sizeItems.compactMap(\.asInt), strides = strideItems.compactMap(\.asInt)
            guard size.count == sizeItems.count, strides.count == size.count else { throw PickleReader.corrupt("tensor shape") }
            let t = try PickleReader.tensor(box.elements, box.dtype, offset: offset, size: size, strides: strides)
            if a.count > 4, case .bool(true) = a[4] { try TorchBridge.run { try t.setRequiresGrad(true) } }
            return TorchBridge.wrap(t)
        case "torch._utils._rebuild_parameter":
            guard let first = a.first, let t = TorchBridge.tensor(first) else { throw PickleReader.corrupt("parameter") }
            let p = t.detach()
            p.isParameter = true
            var requiresGrad = true
            if a.count > 1, case .bool(false) = a[1] { requiresGrad = false }
            try TorchBridge.run { try p.setRequiresGrad(requiresGrad) }
            return TorchBridge.wrap(p)
        default:
            throw UnsupportedFeature("torch.load of an object made by \(name)", line: line)
        }
    }

    static func tensor(_ storage: TensorElements, _ dtype: DType, offset: Int, size: [Int], strides: [Int]) throws -> Tensor {
        guard size.allSatisfy({ $0 >= 0 }), offset >= 0 else { throw corrupt("tensor shape") }
        let count = try TorchBridge.run { try Tensor.validateShape(size, dtype: dtype) }
        var positions = [Int]()
        positions.reserveCapacity(count)
        for k in 0..<count {
            var rem = k, at = offset
            for d in stride(from: size.count - 1, through: 0, by: -1) {
                at = at &+ (rem % size[d]) &* strides[d]
                rem /= size[d]
            }
            guard at >= 0 && at < storage.count else { throw corrupt("tensor outside its storage") }
            positions.append(at)
        }
        switch storage {
        case .doubles(let v): return Tensor(values: positions.map { v[$0] }, shape: size, dtype: dtype)
        case .integers(let v): return Tensor(integers: positions.map { v[$0] }, shape: size, dtype: dtype)
        }
    }
}

/// A global a pickle names (`torch._utils._rebuild_tensor_v2`, `torch.FloatStorage`).
final class GlobalRef: NativeObject {
    let name: String
    init(_ name: String) { self.name = name }
}

/// A storage read from the archive, as an argument of `_rebuild_tensor_v2`.
final class StorageBox: NativeObject {
    let elements: TensorElements
    let dtype: DType
    init(_ elements: TensorElements, _ dtype: DType) {
        self.elements = elements
        self.dtype = dtype
    }
}

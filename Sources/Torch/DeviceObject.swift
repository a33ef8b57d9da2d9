import Python
import Autograd

/// `torch.device('cpu')`: a device type and an optional index. Every tensor lives on the
/// CPU; other devices can be named (so `torch.device("cuda" if ... else "cpu")` works) but
/// placing a tensor on them fails as PyTorch's CPU-only build fails.
final class DeviceObject: NativeObject {
    let type: String
    let index: Int?

    init(type: String, index: Int?) {
        self.type = type
        self.index = index
    }

    static let cpu = DeviceObject(type: "cpu", index: nil)

    /// The device types PyTorch's device parser accepts, in the order its error lists them.
    static let knownTypes = ["cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga",
                             "maia", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone"]

    override var typeName: String { "device" }
    override var nativeClass: NativeClass? { DeviceClass.shared }

    override func repr(interp: Interpreter) throws -> String? {
        index.map { "device(type='\(type)', index=\($0))" } ?? "device(type='\(type)')"
    }

    override func str(interp: Interpreter) throws -> String? { index.map { "\(type):\($0)" } ?? type }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "type": return .str(type)
        case "index": return index.map { .int($0) } ?? PyValue.none
        default: return nil
        }
    }

    override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        guard op == .eq || op == .ne else { return nil }
        var same = false
        if case .object(let o as DeviceObject) = other { same = o.type == type && o.index == index }
        return .bool(op == .eq ? same : !same)
    }

    override func hashKey() throws -> PyHashKey { .tuple([.str(type), index.map { .int($0) } ?? .none]) }

    /// Parses `'cuda:1'` as PyTorch's device string parser does, with its errors.
    static func parse(_ text: String) throws -> DeviceObject {
        guard !text.isEmpty else { throw PyException(.runtimeError, "Device string must not be empty") }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard knownTypes.contains(parts[0]) else {
            throw PyException(.runtimeError, "Expected one of \(knownTypes.joined(separator: ", ")) device type at start of device string: \(text)")
        }
        guard parts.count == 2 else { return DeviceObject(type: parts[0], index: nil) }
        let digits = parts[1]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              digits.count == 1 || digits.first != "0", let i = Int(digits) else {
            throw PyException(.runtimeError, "Invalid device string: '\(text)'")
        }
        return DeviceObject(type: parts[0], index: i)
    }

    /// The device a `device=` argument names: a device, a device string, or a CUDA ordinal.
    static func from(_ v: PyValue, function: String = "device") throws -> DeviceObject {
        switch v {
        case .object(let d as DeviceObject): return d
        case .str(let s): return try parse(s)
        case .int(let i):
            guard i >= 0 else { throw PyException(.runtimeError, "Device index must not be negative") }
            return DeviceObject(type: "cuda", index: i)
        default:
            throw PyException(.typeError, "\(function)(): argument 'device' must be torch.device, not \(v.typeName)")
        }
    }

    /// Checks that a tensor can be placed on this device: only the CPU is there.
    func requireAvailable(line: Int) throws {
        switch type {
        case "cpu": return
        case "cuda": throw PyException(.assertionError, "Torch not compiled with CUDA enabled")
        case "mps": throw PyException(.runtimeError, "PyTorch is not linked with support for mps devices")
        default: throw UnsupportedFeature("tensors on device '\(type)'", line: line)
        }
    }

    /// Checks a factory's `device=` argument (None means the default device).
    static func checkPlacement(_ v: PyValue?, function: String, interp: Interpreter) throws {
        guard let v, !v.isNone else { return try DeviceDefaults.device(interp).requireAvailable(line: interp.currentLine) }
        try from(v, function: function).requireAvailable(line: interp.currentLine)
    }
}

/// `torch.device`, callable and usable with `isinstance`.
final class DeviceClass: NativeClass {
    static let shared = DeviceClass()
    private init() { super.init(name: "device") }
    override var qualifiedName: String { "torch.device" }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        let given = args.positional + args.keywords.map(\.value)
        if given.count == 1, case .object(let d as DeviceObject) = given[0] { return .object(d) }
        let b: PyBoundArgs
        do {
            b = try args.bind(signature: "device(type, index=None)")
        } catch {
            throw PyException(.typeError, invalidCombination(given))
        }
        switch b["type"] {
        case .str(let s):
            let d = try DeviceObject.parse(s)
            guard !b["index"].isNone else { return .object(d) }
            guard case .int(let i) = b["index"] else {
                throw PyException(.typeError, "device(): argument 'index' (position 2) must be int, not \(b["index"].typeName)")
            }
            guard d.index == nil else {
                throw PyException(.runtimeError, "type (string) must not include an index because index was passed explicitly: \(s)")
            }
            guard i >= 0 else { throw PyException(.runtimeError, "Device index must not be negative") }
            return .object(DeviceObject(type: d.type, index: i))
        case .int(let i) where b["index"].isNone:
            return .object(try DeviceObject.from(.int(i)))
        default:
            throw PyException(.typeError, invalidCombination(given))
        }
    }

    private func invalidCombination(_ given: [PyValue]) -> String {
        let got = given.map(\.typeName).joined(separator: ", ")
        let mark = given.isEmpty ? "" : "\n      didn't match because some of the arguments have invalid types: (\(given.map { "!\($0.typeName)!" }.joined(separator: ", ")))"
        return "device() received an invalid combination of arguments - got (\(got)), but expected one of:\n * (torch.device device)\(mark)\n * (str type, int index = -1)\n"
    }

    override func isInstance(_ value: PyValue) -> Bool {
        if case .object(let o) = value { return o is DeviceObject }
        return false
    }
}

/// `torch.set_default_device`: where factories put tensors when `device=` is not given,
/// kept on the interpreter's `torch` module.
enum DeviceDefaults {
    static func device(_ interp: Interpreter) -> DeviceObject {
        (try? interp.importModule("torch", line: interp.currentLine) as? TorchModuleObject)?.defaultDevice ?? .cpu
    }
}

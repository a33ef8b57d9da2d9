import Python
import Autograd

/// A `torch.Generator`: the default one (`torch.default_generator`, what
/// `torch.manual_seed` returns) or one a lesson made to pass as `generator=`.
final class GeneratorObject: NativeObject {
    /// nil for the default generator, which is looked up per thread when used.
    private let own: Generator?

    init(_ own: Generator?) { self.own = own }

    static let defaultGenerator = GeneratorObject(nil)

    var generator: Generator { own ?? Generator.current }

    override var typeName: String { "Generator" }
    override var nativeClass: NativeClass? { GeneratorClass.shared }
    override func repr(interp: Interpreter) throws -> String? { "<torch._C.Generator object at \(addressText)>" }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "manual_seed":
            return .object(PyBuiltinFunction(name: "manual_seed") { [self] args, _ in
                let b = try args.bind(signature: "manual_seed(seed)")
                guard let seed = b["seed"].asInt else {
                    throw PyException(.typeError, "manual_seed expected a long, but got \(b["seed"].typeName)")
                }
                generator.manualSeed(UInt64(bitPattern: Int64(seed)))
                return .object(self)
            })
        case "initial_seed":
            return .object(PyBuiltinFunction(name: "initial_seed") { [self] _, _ in .int(Int(truncatingIfNeeded: generator.initialSeed)) })
        case "device":
            return .object(DeviceObject.cpu)
        default:
            return nil
        }
    }

    /// Runs `body` drawing from `generator=`'s generator (the default one when None).
    static func drawing<T>(from v: PyValue?, _ body: () throws -> T) throws -> T {
        guard let v, !v.isNone else { return try body() }
        guard case .object(let g as GeneratorObject) = v else {
            throw PyException(.typeError, "argument 'generator' must be torch.Generator, not \(v.typeName)")
        }
        let previous = Generator.current
        Generator.setCurrent(g.generator)
        defer { Generator.setCurrent(previous) }
        return try body()
    }
}

/// `torch.Generator(device='cpu')`.
final class GeneratorClass: NativeClass {
    static let shared = GeneratorClass()
    private init() { super.init(name: "Generator") }
    override var qualifiedName: String { "torch._C.Generator" }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        let b = try args.bind(signature: "Generator(device='cpu')")
        try DeviceObject.from(b["device"], function: "Generator").requireAvailable(line: interp.currentLine)
        return .object(GeneratorObject(Generator()))
    }
}

extension GeneratorObject {
    /// `torch._gradviz` helpers for `torch.utils.data`, which need PyTorch's 64-bit seed
    /// draws exactly (a tensor round trip of a 63-bit integer would lose its low bits).
    static func installHooks(in m: PyModuleObject) {
        // `torch.empty((), dtype=torch.int64).random_(generator=g).item()`, discarded
        // (the base seed a DataLoader iterator draws for its workers).
        m.set("draw_seed", TorchModule.fn("draw_seed") { args, _ in
            try drawing(from: args.positional.first) { .int(Int(Generator.current.random64() % (1 << 63))) }
        })
        // RandomSampler without a generator: a seed from the default generator, then
        // `torch.randperm(n, generator=torch.Generator().manual_seed(seed))`.
        m.set("shuffled", TorchModule.fn("shuffled") { args, _ in
            let b = try args.bind(signature: "shuffled(n, generator=None)")
            let n = try TorchBridge.intArgument(b["n"], "n")
            guard n >= 0 else { throw PyException(.runtimeError, "n must be non-negative, got\(n)") }
            _ = try TorchBridge.run { try Tensor.validateShape([n]) }
            let order: [Int64] = try drawing(from: b["generator"]) {
                if !b["generator"].isNone { return Generator.current.randpermValues(n) }
                let seed = Generator.current.random64() % (1 << 63)
                return Generator(seed: seed).randpermValues(n)
            }
            return .list(PyList(order.map { .int(Int($0)) }))
        })
    }
}

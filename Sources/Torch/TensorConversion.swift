import Python
import Autograd

/// `Tensor.to(...)`'s three signatures, parsed as PyTorch parses them:
/// `to(device=None, dtype=None, non_blocking=False, copy=False)`, `to(dtype, ...)` and
/// `to(tensor, ...)`.
struct ToArguments {
    var device: DeviceObject?
    var dtype: DType?
    var nonBlocking = false
    var copy = false

    static let signatures = """
         * (torch.device device = None, torch.dtype dtype = None, bool non_blocking = False, bool copy = False, *, torch.memory_format memory_format = None)
         * (torch.dtype dtype, bool non_blocking = False, bool copy = False, *, torch.memory_format memory_format = None)
         * (Tensor tensor, bool non_blocking = False, bool copy = False, *, torch.memory_format memory_format = None)
        """

    static func isDevice(_ v: PyValue) -> Bool {
        switch v {
        case .str, .int: return true
        case .object(let o): return o is DeviceObject
        default: return false
        }
    }

    static func parse(_ args: PyArgs, function: String = "to") throws -> ToArguments {
        var r = ToArguments()
        var pos = args.positional[...]
        let invalid = { () -> PyException in
            let got = (args.positional.map(\.typeName) + args.keywords.map { "\($0.name)=\($0.value.typeName)" }).joined(separator: ", ")
            return PyException(.typeError, "\(function)() received an invalid combination of arguments - got (\(got)), but expected one of:\n\(signatures)\n")
        }
        if let first = pos.first {
            if case .object(let d as DTypeObject) = first {
                r.dtype = d.dtype
                pos.removeFirst()
            } else if let t = TorchBridge.tensor(first) {
                r.dtype = t.dtype
                r.device = .cpu
                pos.removeFirst()
            } else if isDevice(first) {
                r.device = try DeviceObject.from(first, function: function)
                pos.removeFirst()
                if let second = pos.first, case .object(let d as DTypeObject) = second {
                    r.dtype = d.dtype
                    pos.removeFirst()
                }
            } else if !first.isNone {
                throw invalid()
            } else {
                pos.removeFirst()
            }
        }
        var flags = Array(pos)
        guard flags.count <= 2 else { throw invalid() }
        for (name, value) in args.keywords {
            switch name {
            case "device":
                guard r.device == nil else { throw invalid() }
                if !value.isNone { r.device = try DeviceObject.from(value, function: function) }
            case "dtype":
                guard r.dtype == nil else { throw invalid() }
                if case .object(let d as DTypeObject) = value { r.dtype = d.dtype } else if !value.isNone { throw invalid() }
            case "non_blocking": flags.insert(value, at: 0)
            case "copy": while flags.count < 1 { flags.append(.bool(false)) }; flags.append(value)
            case "memory_format": continue
            default: throw invalid()
            }
        }
        for (i, v) in flags.enumerated() {
            guard case .bool(let b) = v else { throw invalid() }
            if i == 0 { r.nonBlocking = b } else { r.copy = b }
        }
        return r
    }

    /// Applies the conversion: the same tensor when nothing changes and no copy is asked for.
    func apply(to t: Tensor, line: Int) throws -> Tensor {
        try device?.requireAvailable(line: line)
        let target = dtype ?? t.dtype
        if target == t.dtype { return copy ? try t.clone() : t }
        return try t.to(target)
    }
}

/// `Tensor.to`, `.cpu()`, `.cuda()`, `.unflatten()` and friends.
enum TensorConversion {
    static let methods: [String: TensorMethods.Method] = [
        "to": { o, a, interp in
            let parsed = try ToArguments.parse(a)
            let r = try parsed.apply(to: o.tensor, line: interp.currentLine)
            return r === o.tensor ? .object(o) : TorchBridge.wrap(r)
        },
        "cpu": { o, a, _ in
            _ = try a.bind(signature: "cpu(memory_format=None)")
            return .object(o)
        },
        "cuda": { _, a, _ in
            _ = try a.bind(signature: "cuda(device=None, non_blocking=False, memory_format=None)")
            throw PyException(.assertionError, "Torch not compiled with CUDA enabled")
        },
        "unflatten": { o, a, interp in
            let b = try a.bind(signature: "unflatten(dim, sizes)")
            let t = o.tensor
            let d = try TensorMethods.wrapDim(try TorchBridge.intArgument(b["dim"], "dim"), t.dim)
            let sizes = try TorchBridge.shape([b["sizes"]], interp: interp, function: "unflatten")
            guard !sizes.isEmpty else { throw PyException(.runtimeError, "unflatten: sizes must be non-empty") }
            let known = Tensor.elementCount(sizes.filter { $0 != -1 })
            if !sizes.contains(-1) && known != t.shape[d] || sizes.contains(-1) && (known == 0 || t.shape[d] % known != 0) {
                throw PyException(.runtimeError, "unflatten: Provided sizes \(FunctionalLayers.sizeText(sizes)) don't multiply up to the size of dim \(d) (\(t.shape[d])) in the input tensor")
            }
            return TorchBridge.wrap(try t.view(Array(t.shape[..<d]) + sizes + Array(t.shape[(d + 1)...])))
        },
        "get_device": { o, a, _ in
            _ = try a.bind(signature: "get_device()")
            return .int(-1)
        },
    ]
}

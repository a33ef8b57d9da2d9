import Python
import Autograd

/// Conversions between the interpreter's values and the engine's tensors, and
/// the translation of engine errors into Python exceptions.
enum TorchBridge {
    /// Runs engine code, turning `AutogradError` into the Python exception PyTorch raises
    /// and a passed resource limit (now, or earlier where the engine could not throw) into
    /// the interpreter's limit error, which lessons cannot catch.
    @inline(__always)
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            let r = try body()
            try ResourceBudget.raisePendingOnThisThread()
            return r
        } catch let e as AutogradError {
            throw pyException(e)
        } catch let e as ResourceLimitError {
            throw ResourceLimitExceeded(e.message, line: e.line)
        }
    }

    static func pyException(_ e: AutogradError) -> PyException {
        switch e.kind {
        case .runtimeError: return PyException(.runtimeError, e.message)
        case .typeError: return PyException(.typeError, e.message)
        case .valueError: return PyException(.valueError, e.message)
        case .indexError: return PyException(.indexError, e.message)
        case .notImplementedError: return PyException(.notImplementedError, e.message)
        }
    }

    /// The tensor inside a value, if it is one.
    @inline(__always)
    static func tensor(_ v: PyValue) -> Tensor? {
        if case .object(let o) = v, let t = o as? TensorObject { return t.tensor }
        return nil
    }

    /// A value as an operand of tensor arithmetic: tensors as they are, Python
    /// numbers as PyTorch's wrapped 0-dim tensors; nil for anything else.
    @inline(__always)
    static func operand(_ v: PyValue) -> Tensor? {
        switch v {
        case .object(let o): return (o as? TensorObject)?.tensor
        case .float(let d): return Tensor.wrapped(d, dtype: .float64)
        case .int(let i): return Tensor.wrapped(integer: Int64(i))
        case .bool(let b): return Tensor.wrapped(b ? 1 : 0, dtype: .bool)
        default: return nil
        }
    }

    /// Wraps a tensor for the lesson, reusing the wrapper it already has.
    @inline(__always)
    static func wrap(_ t: Tensor) -> PyValue {
        // The wrapper is always a TensorObject; an exact type check avoids a dynamic cast.
        if let o = t.userObject, type(of: o) == TensorObject.self { return .object(unsafeDowncast(o, to: TensorObject.self)) }
        let o = TensorObject(t)
        t.userObject = o
        return .object(o)
    }

    static func wrap(_ t: Tensor?) -> PyValue { t.map(wrap) ?? .none }

    /// A Python number or one-element tensor as a wrapped number (exact for ints).
    static func scalar(_ v: PyValue, _ what: String) throws -> Tensor {
        switch v {
        case .int, .float, .bool: if let t = operand(v) { return t }
        default: break
        }
        if let t = tensor(v), t.numel == 1 {
            if t.dtype.isInteger { return Tensor.wrapped(integer: try run { try t.itemInteger() }) }
            if t.dtype == .bool { return Tensor.wrapped(try run { try t.item() }, dtype: .bool) }
            return Tensor.wrapped(try run { try t.item() }, dtype: .float64)
        }
        throw PyException(.typeError, "\(what) must be a number, not \(v.typeName)")
    }

    /// A Python number or 0-dim/one-element tensor as a Double.
    static func number(_ v: PyValue, _ what: String) throws -> Double {
        if let d = v.asDouble { return d }
        if let t = tensor(v), t.numel == 1 { return try run { try t.item() } }
        throw PyException(.typeError, "\(what) must be a number, not \(v.typeName)")
    }

    /// A shape given as `(2, 3)`, `[2, 3]`, `torch.Size`, or varargs `2, 3`.
    static func shape(_ args: [PyValue], interp: Interpreter, function: String) throws -> [Int] {
        if args.count == 1, let seq = sequence(args[0]) {
            return try seq.map { try dimension($0, function: function) }
        }
        return try args.map { try dimension($0, function: function) }
    }

    static func sequence(_ v: PyValue) -> [PyValue]? {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .object(let o as SizeObject): return o.dims.map { .int($0) }
        default: return nil
        }
    }

    static func dimension(_ v: PyValue, function: String) throws -> Int {
        if case .bool = v {
            throw PyException(.typeError, "\(function)(): argument 'size' must be tuple of ints, but found element of type bool at pos 0")
        }
        if let i = v.asInt { return i }
        if let t = tensor(v), t.numel == 1, !t.dtype.isFloatingPoint { return Int(try run { try t.itemInteger() }) }
        throw PyException(.typeError, "\(function)(): argument 'size' (position 1) must be tuple of ints, but found element of type \(v.typeName) at pos 0")
    }

    /// `dtype=` arguments.
    static func dtype(_ v: PyValue) throws -> DType? {
        if v.isNone { return nil }
        if case .object(let o as DTypeObject) = v { return o.dtype }
        throw PyException(.typeError, "dtype must be torch.dtype, not \(v.typeName)")
    }

    /// The dtype of a `dtype=` argument, or of a legacy type (`torch.FloatTensor`, and
    /// `torch.Tensor` for the default dtype) where PyTorch accepts either.
    static func dtypeOrType(_ v: PyValue) -> DType? {
        switch v {
        case .object(let o as DTypeObject): return o.dtype
        case .object(let o as LegacyTensorType): return o.dtype
        case .object(let o as TensorClass) where o === TensorObject.tensorClass: return DType.defaultFloat
        default: return nil
        }
    }

    /// A list of dimensions given as an int, a tuple/list, or None (all).
    static func dims(_ v: PyValue) throws -> [Int]? {
        if v.isNone { return nil }
        if let i = v.asInt { return [i] }
        if let seq = sequence(v) { return try seq.map { try intArgument($0, "dim") } }
        throw PyException(.typeError, "dim must be int or tuple of ints, not \(v.typeName)")
    }

    static func intArgument(_ v: PyValue, _ name: String) throws -> Int {
        if let i = v.asInt { return i }
        throw PyException(.typeError, "argument '\(name)' must be int, not \(v.typeName)")
    }

    static func bool(_ v: PyValue, interp: Interpreter) throws -> Bool {
        if case .bool(let b) = v { return b }
        return try interp.isTruthy(v)
    }

    /// Announces a tensor created by a factory call, so traces and pictures see new leaves.
    @inline(__always)
    static func created(_ t: Tensor, op: String) -> PyValue {
        if let o = EngineObservers.current, !EngineObservers.muteForward { o.forward(ForwardReport(op: op, rule: nil, inputs: [], output: t)) }
        return wrap(t)
    }
}

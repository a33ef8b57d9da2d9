import Python
import Autograd

/// `torch.float32` and the other dtype objects.
final class DTypeObject: NativeObject {
    let dtype: DType

    private init(_ dtype: DType) { self.dtype = dtype }

    static let all: [DTypeObject] = DType.allCases.map { DTypeObject($0) }
    static func of(_ d: DType) -> DTypeObject { all[d.rawValue] }

    override var typeName: String { "dtype" }
    override var nativeClass: NativeClass? { DTypeClass.shared }
    override func repr(interp: Interpreter) throws -> String? { dtype.torchName }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "is_floating_point": return .bool(dtype.isFloatingPoint)
        case "is_complex": return .bool(false)
        case "is_signed": return .bool(dtype.isSigned)
        case "itemsize": return .int(dtype.itemSize)
        case "to_real": return .object(PyBuiltinFunction(name: "to_real") { _, _ in .object(self) })
        default: return nil
        }
    }
}

/// `torch.dtype`, for `isinstance(x, torch.dtype)`.
final class DTypeClass: NativeClass {
    static let shared = DTypeClass()
    private init() { super.init(name: "dtype") }
    override var qualifiedName: String { "torch.dtype" }
    override func isInstance(_ value: PyValue) -> Bool {
        if case .object(let o) = value { return o is DTypeObject }
        return false
    }
}

/// `torch.Size([2, 3])`: a tuple of ints with its own printing.
final class SizeObject: NativeObject {
    let dims: [Int]

    init(_ dims: [Int]) { self.dims = dims }

    override var typeName: String { "Size" }
    override func repr(interp: Interpreter) throws -> String? { TensorFormatter.sizeRepr(dims) }
    override func length(interp: Interpreter) throws -> Int? { dims.count }
    override func iterate(interp: Interpreter) throws -> PyIterator? { PyArrayIterator(dims.map { .int($0) }, typeName: "tuple_iterator") }
    override func hashKey() throws -> PyHashKey { .tuple(dims.map { .int($0) }) }

    override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        let items: PyValue = .tuple(dims.map { .int($0) })
        let r = try interp.getItem(items, key)
        if case .tuple(let t) = r { return .object(SizeObject(t.compactMap(\.asInt))) }
        return r
    }

    override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        let mine: PyValue = .tuple(dims.map { .int($0) })
        let theirs: PyValue
        if case .object(let o as SizeObject) = other { theirs = .tuple(o.dims.map { .int($0) }) } else { theirs = other }
        if case .tuple = theirs { return try interp.compare(op, mine, theirs) }
        if op == .eq { return .bool(false) }
        if op == .ne { return .bool(true) }
        return nil
    }

    override func binaryOp(_ op: PyBinaryOp, _ other: PyValue, reflected: Bool, interp: Interpreter) throws -> PyValue? {
        guard op == .add else { return nil }
        let mine: PyValue = .tuple(dims.map { .int($0) })
        let r = reflected ? try interp.binaryOp(op, other, mine) : try interp.binaryOp(op, mine, other)
        if case .tuple(let t) = r, t.allSatisfy({ $0.asInt != nil }) { return .object(SizeObject(t.compactMap(\.asInt))) }
        return r
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "numel": return .object(PyBuiltinFunction(name: "numel") { _, _ in .int(Tensor.elementCount(self.dims)) })
        case "index", "count":
            let items: PyValue = .tuple(dims.map { .int($0) })
            return try interp.getAttributeIfPresent(items, name)
        default: return nil
        }
    }
}

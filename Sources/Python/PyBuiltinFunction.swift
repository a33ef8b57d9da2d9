/// A function implemented in Swift (`len`, `torch.tensor`, a tensor's bound `sum`).
public final class PyBuiltinFunction: PyObject {
    /// `__name__`.
    public let name: String
    /// For bound methods, the object the method is bound to (shown by `repr`).
    public let boundTo: PyValue?
    private let body: (PyArgs, Interpreter) throws -> PyValue

    /// Creates a function called `name` running `body`.
    public init(name: String, boundTo: PyValue? = nil, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
        self.name = name
        self.boundTo = boundTo
        self.body = body
    }

    public override var typeName: String { "builtin_function_or_method" }

    public override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        try body(args, interp)
    }

    public override func repr(interp: Interpreter) throws -> String? {
        if let b = boundTo, case .object(let o) = b {
            return "<built-in method \(name) of \(o.typeName) object at \(o.addressText)>"
        }
        return "<built-in function \(name)>"
    }

    public override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "__name__", "__qualname__": return .str(self.name)
        default: return nil
        }
    }
}

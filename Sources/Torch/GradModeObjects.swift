import Python
import Trace
import Autograd

/// `torch.no_grad()`, `torch.enable_grad()`, `torch.set_grad_enabled(mode)`: context
/// managers that are also decorators, as in torch/autograd/grad_mode.py.
final class GradModeContext: NativeObject {
    let name: String
    let mode: Bool
    private var previous: [Bool] = []

    init(name: String, mode: Bool) {
        self.name = name
        self.mode = mode
    }

    override var typeName: String { name }

    override func repr(interp: Interpreter) throws -> String? {
        "<torch.autograd.grad_mode.\(name) object at \(addressText)>"
    }

    override func enter(interp: Interpreter) throws -> PyValue? {
        previous.append(GradMode.set(mode))
        return PyValue.none
    }

    override func exit(_ exception: PyException?, interp: Interpreter) throws -> Bool? {
        if let p = previous.popLast() { GradMode.set(p) }
        return false
    }

    /// Used as a decorator: wraps `fn` so every call runs in this mode.
    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        guard args.positional.count == 1, args.keywords.isEmpty else {
            throw PyException(.typeError, "\(name).__call__() takes 2 positional arguments but \(args.positional.count + 1) were given")
        }
        let fn = args.positional[0]
        let mode = self.mode
        let fnName = (try? interp.getAttribute(fn, "__name__")).flatMap(\.asString) ?? "wrapper"
        return .object(PyBuiltinFunction(name: fnName) { callArgs, interp in
            let prev = GradMode.set(mode)
            defer { GradMode.set(prev) }
            return try interp.call(fn, callArgs)
        })
    }
}

/// The classes `torch.no_grad` and `torch.enable_grad`: calling one makes a context;
/// calling it with a function (bare `@torch.no_grad`) decorates that function.
final class GradModeClass: NativeClass {
    let mode: Bool

    init(name: String, mode: Bool) {
        self.mode = mode
        super.init(name: name)
    }

    override var qualifiedName: String { "torch.autograd.grad_mode.\(name)" }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        let ctx = GradModeContext(name: name, mode: mode)
        if args.positional.isEmpty && args.keywords.isEmpty { return .object(ctx) }
        if args.positional.count == 1, args.keywords.isEmpty {
            return try ctx.call(args, interp: interp)
        }
        throw PyException(.typeError, "\(name).__init__() takes 1 positional argument but \(args.positional.count + 1) were given")
    }
}

/// `torch.set_grad_enabled(mode)`: sets the mode at once (so it works as a plain call),
/// and restores the previous mode when used as a context manager.
final class SetGradEnabled: NativeClass {
    init() { super.init(name: "set_grad_enabled") }
    override var qualifiedName: String { "torch.autograd.grad_mode.set_grad_enabled" }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        let b = try args.bind(signature: "set_grad_enabled(mode)")
        guard case .bool(let mode) = b[0] else {
            throw PyException(.typeError, "enabled must be a bool (got \(b[0].typeName))")
        }
        let prev = GradMode.set(mode)
        return .object(SetGradEnabledContext(mode: mode, previous: prev))
    }
}

final class SetGradEnabledContext: NativeObject {
    let mode: Bool
    let previous: Bool

    init(mode: Bool, previous: Bool) {
        self.mode = mode
        self.previous = previous
    }

    override var typeName: String { "set_grad_enabled" }

    override func repr(interp: Interpreter) throws -> String? {
        "<torch.autograd.grad_mode.set_grad_enabled object at \(addressText)>"
    }

    override func enter(interp: Interpreter) throws -> PyValue? { PyValue.none }

    override func exit(_ exception: PyException?, interp: Interpreter) throws -> Bool? {
        GradMode.set(previous)
        return false
    }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        GradMode.set(previous)
        let fn = args.positional.first ?? .none
        let mode = self.mode
        return .object(PyBuiltinFunction(name: "wrapper") { callArgs, interp in
            let prev = GradMode.set(mode)
            defer { GradMode.set(prev) }
            return try interp.call(fn, callArgs)
        })
    }
}

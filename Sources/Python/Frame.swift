/// The activation of a code object: local slots, the enclosing frame for free variables,
/// and the current line for tracebacks.
final class Frame {
    /// Local variables by slot (nil: unbound).
    @exclusivity(unchecked) var slots: [PyValue?]
    /// The frame of the lexically enclosing function (free variables live there).
    let parent: Frame?
    let module: PyModuleObject
    let code: CodeObject
    unowned(unsafe) let interp: Interpreter
    /// The line being executed.
    @exclusivity(unchecked) var line: Int
    /// Set by `return`.
    @exclusivity(unchecked) var returnValue: PyValue = .none
    /// The namespace of a class body under construction.
    var classNamespace: [String: PyValue]?
    /// The class whose method this frame runs, for zero-argument `super()`.
    var definingClass: PyClass?
    /// The exception being handled by the innermost `except` block, for bare `raise`.
    var handledException: PyException?
    /// The resume state when the frame runs a generator's body.
    var generator: GeneratorState?

    init(code: CodeObject, parent: Frame?, module: PyModuleObject, interp: Interpreter) {
        self.code = code
        self.parent = parent
        self.module = module
        self.interp = interp
        self.slots = [PyValue?](repeating: nil, count: code.slotCount)
        self.line = code.firstLine
    }
}

/// A compiled function, lambda, class body, comprehension or module.
final class CodeObject {
    /// `f`, `<lambda>`, `<module>`, `<listcomp>`, the class name.
    package let name: String
    let qualname: String
    let fileName: String
    let firstLine: Int
    /// Module, function, class body or comprehension.
    let kind: Scope.Kind
    /// True when every parameter is a plain positional-or-keyword one without default use,
    /// so calls with exactly that many positional arguments can skip the binder.
    var simplePositional = false
    /// Parameters (defaults filled in per function object).
    var parameters: [PySignature.Parameter] = []
    /// Names of the local slots (parameters first).
    var slotNames: [String] = []
    var slotCount: Int { slotNames.count }
    var docstring: String?
    /// True for generator functions and generator expressions: calling them makes a generator.
    var isGenerator = false
    /// The compiled body; returns when the code finishes or executes `return`.
    var body: ((Frame) throws -> Void)!

    init(name: String, qualname: String, fileName: String, firstLine: Int, kind: Scope.Kind = .module) {
        self.kind = kind
        self.name = name
        self.qualname = qualname
        self.fileName = fileName
        self.firstLine = firstLine
    }
}

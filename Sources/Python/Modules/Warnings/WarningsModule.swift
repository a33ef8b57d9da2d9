/// The `warnings` module: `warn`, `filterwarnings`, `simplefilter`, `resetwarnings` and the
/// `catch_warnings` context manager, over the interpreter's filters.
extension Interpreter {
    func makeWarningsModule() -> PyModuleObject {
        let m = PyModuleObject(name: "warnings")
        func define(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            m.set(name, .object(PyBuiltinFunction(name: name, body)))
        }
        define("warn") { args, interp in
            let b = try args.bind(PySignature.cached("warn(message, category=None, stacklevel=1, source=None)"))
            try interp.warnFromLesson(b[0], category: b[1], stacklevel: try interp.index(b[2]))
            return .none
        }
        define("filterwarnings") { args, interp in
            let b = try args.bind(PySignature.cached("filterwarnings(action, message='', category=None, module='', lineno=0, append=False)"))
            let action = try interp.warningAction(b[0])
            guard case .str(let message) = b[1] else { throw PyException(.assertionError, "message must be a string") }
            let category = try Interpreter.filterCategory(b[2])
            guard case .str(let module) = b[3] else { throw PyException(.assertionError, "module must be a string") }
            let filter = WarningFilter(action: action, message: message.isEmpty ? nil : try interp.warningPattern(message, ignoringCase: true),
                                       category: category, module: module.isEmpty ? nil : .pattern(try interp.warningPattern(module, ignoringCase: false)),
                                       line: try Interpreter.filterLine(b[4]))
            interp.addWarningFilter(filter, append: try interp.isTruthy(b[5]))
            return .none
        }
        define("simplefilter") { args, interp in
            let b = try args.bind(PySignature.cached("simplefilter(action, category=None, lineno=0, append=False)"))
            let action = try interp.warningAction(b[0])
            let filter = WarningFilter(action: action, message: nil, category: try Interpreter.filterCategory(b[1]), module: nil,
                                       line: try Interpreter.filterLine(b[2]))
            interp.addWarningFilter(filter, append: try interp.isTruthy(b[3]))
            return .none
        }
        define("resetwarnings") { args, interp in
            try Interpreter.expectArgs(args, "resetwarnings", min: 0, max: 0)
            interp.warningFilters = []
            interp.warningFiltersChanged()
            return .none
        }
        m.set("catch_warnings", .object(CatchWarnings.type))
        return m
    }

    /// `warnings.warn` called by lesson code: the warning is attributed to the lesson frame
    /// `stacklevel` levels up (to `sys:1` beyond the outermost frame, as CPython does).
    func warnFromLesson(_ message: PyValue, category: PyValue, stacklevel: Int) throws {
        var cls = PyClass.userWarning
        var instance: PyInstance?
        if case .object(let inst as PyInstance) = message, inst.cls.isSubclass(of: .warning) {
            cls = inst.cls
            instance = inst
        } else if !category.isNone {
            guard case .object(let c as PyClass) = category, c.isSubclass(of: .warning) else {
                throw PyException(.typeError, "category must be a Warning subclass, not '\(category.typeName)'")
            }
            cls = c
        }
        let text = try str(message)
        let lessonFrames = frames.filter { $0.code.fileName == fileName }
        let depth = Swift.max(stacklevel, 1)
        if depth > lessonFrames.count {
            try issueWarning(category: cls, message: text, instance: instance, file: "sys", line: 1, module: "sys")
        } else {
            let frame = lessonFrames[lessonFrames.count - depth]
            try issueWarning(category: cls, message: text, instance: instance, file: fileName, line: frame.line, module: frame.module.name)
        }
    }

    fileprivate func warningAction(_ v: PyValue) throws -> String {
        guard case .str(let a) = v, WarningFilter.actions.contains(a) else {
            throw PyException(.assertionError, "invalid action: \(try repr(v))")
        }
        return a
    }

    fileprivate static func filterCategory(_ v: PyValue) throws -> PyClass {
        if v.isNone { return .warning }
        guard case .object(let o) = v, o is PyClass || o is NativeClass else { throw PyException(.assertionError, "category must be a class") }
        guard let c = o as? PyClass, c.isSubclass(of: .warning) else { throw PyException(.assertionError, "category must be a Warning subclass") }
        return c
    }

    fileprivate static func filterLine(_ v: PyValue) throws -> Int {
        guard let l = v.asInt, l >= 0 else { throw PyException(.assertionError, "lineno must be an int >= 0") }
        return l
    }

    fileprivate func warningPattern(_ text: String, ignoringCase: Bool) throws -> WarningPattern {
        do {
            return try WarningPattern(text, ignoringCase: ignoringCase)
        } catch {
            throw UnsupportedFeature("regular expression \(text.debugDescription) in a warnings filter (\(error.construct))", line: currentLine)
        }
    }

    /// Puts `filter` first (or last with `append`), dropping an identical entry, as
    /// `warnings._add_filter` does.
    func addWarningFilter(_ filter: WarningFilter, append: Bool) {
        if append {
            if !warningFilters.contains(filter) { warningFilters.append(filter) }
        } else {
            if let i = warningFilters.firstIndex(of: filter) { warningFilters.remove(at: i) }
            warningFilters.insert(filter, at: 0)
        }
        warningFiltersChanged()
    }
}

/// `warnings.catch_warnings()`: saves the filters on entry (optionally adding a simple
/// filter) and restores them on exit.
final class CatchWarnings: NativeObject, NativeTyped {
    private let initial: WarningFilter?
    private var saved: [[WarningFilter]] = []

    init(initial: WarningFilter?) {
        self.initial = initial
    }

    static let type = NativeType("catch_warnings", module: "warnings") { _, args, interp in
        let b = try args.bind(PySignature.cached("catch_warnings(*, record=False, module=None, action=None, category=None, lineno=0, append=False)"))
        if try interp.isTruthy(b[0]) {
            throw UnsupportedFeature("catch_warnings(record=True)", line: interp.currentLine)
        }
        var initial: WarningFilter?
        if !b[2].isNone {
            let a = try interp.warningAction(b[2])
            initial = WarningFilter(action: a, message: nil, category: try Interpreter.filterCategory(b[3]), module: nil,
                                    line: try Interpreter.filterLine(b[4]))
        }
        return .object(CatchWarnings(initial: initial))
    }

    var nativeType: NativeType { CatchWarnings.type }

    override var typeName: String { "catch_warnings" }

    override var nativeClass: NativeClass? { CatchWarnings.type }

    override func repr(interp: Interpreter) throws -> String? { "catch_warnings()" }

    override func enter(interp: Interpreter) throws -> PyValue? {
        if saved.count > 0 { throw PyException(.runtimeError, "Cannot enter \(try repr(interp: interp) ?? "") twice") }
        saved.append(interp.warningFilters)
        interp.warningFiltersChanged()
        if let initial { interp.addWarningFilter(initial, append: false) }
        return PyValue.none
    }

    override func exit(_ exception: PyException?, interp: Interpreter) throws -> Bool? {
        guard let filters = saved.popLast() else { throw PyException(.runtimeError, "Cannot exit catch_warnings() without entering first") }
        interp.warningFilters = filters
        interp.warningFiltersChanged()
        return false
    }
}

/// Evaluates an expression in a frame.
typealias Eval = (Frame) throws -> PyValue
/// Executes a statement in a frame and says how control leaves it.
typealias Exec = (Frame) throws -> Flow
/// Binds a value to an assignment target.
typealias Assign = (Frame, PyValue) throws -> Void

/// How control leaves a statement.
enum Flow {
    case normal, breakLoop, continueLoop, returned
}

/// Turns the AST of one module into a tree of Swift closures, resolving every name to a
/// local slot, an enclosing frame's slot, a class namespace entry or a module global cell.
final class Compiler {
    unowned let interp: Interpreter
    let module: PyModuleObject
    let fileName: String
    let commentLines: [Int: String]
    let sourceLines: [Substring]
    /// The lesson's outline (computed for the lesson itself, not for prelude modules).
    var outline = LessonOutline()
    var scope: Scope
    var statementLine = 0
    /// Only the lesson itself is reported to the observer, not prelude modules.
    let observed: Bool
    /// `from __future__ import annotations`: class annotations are kept as their source text.
    var postponedAnnotations = false

    init(interp: Interpreter, module: PyModuleObject, fileName: String, commentLines: [Int: String], sourceLines: [Substring]) {
        self.interp = interp
        self.module = module
        self.fileName = fileName
        self.commentLines = commentLines
        self.sourceLines = sourceLines
        self.scope = Scope(kind: .module, parent: nil, qualname: "")
        self.observed = fileName == interp.fileName
    }

    /// Compiles a module body into a code object named `<module>`.
    func compileModule(_ body: [Stmt]) throws -> CodeObject {
        let code = CodeObject(name: "<module>", qualname: "<module>", fileName: fileName, firstLine: 1)
        try checkFutureImports(body)
        BindingCollector.collect(body, into: scope)
        if observed {
            outline = OutlineBuilder.build(body, commentLines: commentLines, sourceLines: sourceLines)
            interp.outline = outline
        }
        code.docstring = Compiler.docstring(body)
        let exec = try compileBlock(body)
        code.body = { f in _ = try exec(f) }
        return code
    }

    static func docstring(_ body: [Stmt]) -> String? {
        if let first = body.first, case .expression(let e) = first.kind, case .string(let s) = e.kind { return s }
        return nil
    }

    // MARK: narration

    func statementInfo(line: Int) -> StatementInfo {
        let index = outline.statementIndex(at: line)
        let s = index.map { outline.statements[$0] }
        return StatementInfo(line: line, sourceText: s?.source ?? "", narration: s?.narration ?? [],
                             section: outline.section(at: line)?.title, index: index)
    }

    // MARK: names

    func unsupported(_ what: String, _ loc: SourceLocation) -> UnsupportedFeature {
        UnsupportedFeature(what, line: loc.line)
    }

    func globalLoad(_ name: String) -> Eval {
        let cell = module.cell(for: name)
        let builtin = interp.builtins.cell(for: name)
        return { f in
            if let v = cell.value { return v }
            if let v = builtin.value { return v }
            throw Compiler.nameError(name, f)
        }
    }

    func freeLoad(_ name: String, depth: Int, slot: Int) -> Eval {
        if depth == 1 {
            return { f in
                if let v = f.parent!.slots[slot] { return v }
                throw PyException(.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
            }
        }
        return { f in
            var fr = f
            for _ in 0..<depth { fr = fr.parent! }
            if let v = fr.slots[slot] { return v }
            throw PyException(.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
        }
    }

    static func nameError(_ name: String, _ f: Frame) -> PyException {
        let e = PyException(.nameError, "name '\(name)' is not defined")
        e.instance.suggestionContext = .name(name, f)
        return e
    }

    /// Code that reads variable `name` in the current scope.
    func load(_ name: String) -> Eval {
        switch scope.kind {
        case .module:
            return globalLoad(name)
        case .classBody:
            let fallback: Eval
            if scope.globals.contains(name) {
                fallback = globalLoad(name)
            } else if let (depth, slot) = scope.findFree(name) {
                fallback = freeLoad(name, depth: depth, slot: slot)
            } else {
                fallback = globalLoad(name)
            }
            return { f in
                if let v = f.classNamespace![name] { return v }
                return try fallback(f)
            }
        case .function, .comprehension:
            if scope.globals.contains(name) { return globalLoad(name) }
            if let slot = scope.slots[name] {
                return { f in
                    if let v = f.slots[slot] { return v }
                    let e = PyException(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
                    e.instance.suggestionContext = .name(name, f)
                    throw e
                }
            }
            if let (depth, slot) = scope.findFree(name) { return freeLoad(name, depth: depth, slot: slot) }
            return globalLoad(name)
        }
    }

    /// Code that binds variable `name` in the current scope (and reports it to the observer).
    func store(_ name: String) -> Assign {
        // Hidden slots (`.0`, `.y3`) hold intermediate values, not variables of the lesson.
        let observed = self.observed && !name.hasPrefix(".")
        func notify(_ f: Frame, _ v: PyValue) {
            if observed, let o = f.interp.observer { o.didAssign(name: name, value: v, line: f.line) }
        }
        switch scope.kind {
        case .module:
            let cell = module.cell(for: name)
            return { f, v in
                cell.value = v
                notify(f, v)
            }
        case .classBody:
            if scope.globals.contains(name) {
                let cell = module.cell(for: name)
                return { f, v in
                    cell.value = v
                    notify(f, v)
                }
            }
            return { f, v in
                f.classNamespace![name] = v
                notify(f, v)
            }
        case .function, .comprehension:
            if scope.globals.contains(name) {
                let cell = module.cell(for: name)
                return { f, v in
                    cell.value = v
                    notify(f, v)
                }
            }
            if let slot = scope.slots[name] {
                return { f, v in
                    f.slots[slot] = v
                    notify(f, v)
                }
            }
            if let (depth, slot) = scope.findFree(name) {
                return { f, v in
                    var fr = f
                    for _ in 0..<depth { fr = fr.parent! }
                    fr.slots[slot] = v
                    notify(f, v)
                }
            }
            let slot = scope.addSlot(name)
            return { f, v in
                f.slots[slot] = v
                notify(f, v)
            }
        }
    }

    /// Code that unbinds variable `name` (`del name`).
    func delete(_ name: String) -> Exec {
        let missing = { () -> PyException in PyException(.nameError, "name '\(name)' is not defined") }
        switch scope.kind {
        case .module:
            let cell = module.cell(for: name)
            return { _ in
                if cell.value == nil { throw missing() }
                cell.value = nil
                return .normal
            }
        case .classBody:
            return { f in
                if f.classNamespace!.removeValue(forKey: name) == nil { throw missing() }
                return .normal
            }
        case .function, .comprehension:
            if scope.globals.contains(name) {
                let cell = module.cell(for: name)
                return { _ in
                    if cell.value == nil { throw missing() }
                    cell.value = nil
                    return .normal
                }
            }
            let slot = scope.slots[name] ?? scope.addSlot(name)
            return { f in
                if f.slots[slot] == nil {
                    throw PyException(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
                }
                f.slots[slot] = nil
                return .normal
            }
        }
    }

    /// The frame a function or comprehension created in `f` uses as its parent.
    static func closureFrame(_ f: Frame) -> Frame? {
        switch f.code.kind {
        case .module: return nil
        case .classBody: return f.parent
        case .function, .comprehension: return f
        }
    }
}

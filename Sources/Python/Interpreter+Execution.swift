import Foundation

/// Frames, calls, exceptions and context managers at run time.
extension Interpreter {
    /// Runs a frame's code with the frame on the call stack; adds the frame to the traceback of
    /// an exception leaving it.
    func runFrame(_ frame: Frame) throws -> PyValue {
        if frames.count >= recursionLimit {
            throw PyException(.recursionError, "maximum recursion depth exceeded")
        }
        frames.append(frame)
        defer { frames.removeLast() }
        do {
            try frame.code.body(frame)
        } catch let e as PyException {
            addTracebackEntry(e, frame)
            throw e
        }
        return frame.returnValue
    }

    /// Records that `e` passed through `frame` (once per frame, at the line where it arrived).
    func addTracebackEntry(_ e: PyException, _ frame: Frame) {
        let id = ObjectIdentifier(frame)
        if e.instance.exceptionState.lastFrame == id { return }
        e.instance.exceptionState.lastFrame = id
        e.traceback.append(tracebackEntry(frame))
    }

    func tracebackEntry(_ frame: Frame) -> PyTracebackEntry {
        let lines = sourceLines[frame.code.fileName] ?? []
        let text = frame.line >= 1 && frame.line <= lines.count
            ? String(lines[frame.line - 1]).trimming(" \t").trimmingTrailingNewline() : ""
        return PyTracebackEntry(fileName: frame.code.fileName, line: frame.line, function: frame.code.name, sourceLine: text)
    }

    /// Calls a Python function.
    func callFunction(_ fn: PyFunction, _ args: PyArgs) throws -> PyValue {
        let code = fn.code
        let frame = Frame(code: code, parent: fn.closure, module: fn.module, interp: self)
        frame.definingClass = fn.definingClass
        if code.simplePositional && args.keywords.isEmpty && args.positional.count == code.parameters.count {
            for i in 0..<args.positional.count { frame.slots[i] = args.positional[i] }
        } else {
            let bound = try fn.signature.bind(args)
            for i in 0..<bound.values.count { frame.slots[i] = bound.values[i] }
        }
        if code.isGenerator { return .object(PyGenerator(frame: frame, interp: self)) }
        return try runFrame(frame)
    }

    /// The exception a bare `raise` re-raises in `frame` (or an enclosing handler's).
    func activeException(_ frame: Frame) -> PyException? {
        if let e = frame.handledException { return e }
        for f in frames.reversed() {
            if let e = f.handledException { return e }
        }
        return nil
    }

    /// The exception `raise value` raises: instances as they are, classes instantiated.
    func makeException(_ value: PyValue) throws -> PyException {
        switch value {
        case .object(let inst as PyInstance) where inst.cls.isExceptionClass:
            return PyException(instance: inst)
        case .object(let cls as PyClass) where cls.isExceptionClass:
            let v = try call(value, PyArgs())
            guard case .object(let inst as PyInstance) = v, inst.cls.isExceptionClass else {
                throw PyException(.typeError, "calling \(try repr(value)) should have returned an instance of BaseException, not \(v.typeName)")
            }
            return PyException(instance: inst)
        default:
            throw PyException(.typeError, "exceptions must derive from BaseException")
        }
    }

    /// `except <type>` matching, with CPython's error for non-exception types.
    func exceptionMatches(_ e: PyException, _ type: PyValue) throws -> Bool {
        switch type {
        case .tuple(let items):
            for t in items where try exceptionMatches(e, t) { return true }
            return false
        case .object(let cls as PyClass) where cls.isExceptionClass:
            return e.matches(cls)
        default:
            throw PyException(.typeError, "catching classes that do not inherit from BaseException is not allowed")
        }
    }

    func enterContext(_ manager: PyValue) throws -> PyValue {
        if case .object(let o) = manager, let v = try o.enter(interp: self) { return v }
        throw PyException(.typeError, "'\(manager.typeName)' object does not support the context manager protocol")
    }

    func exitContext(_ manager: PyValue, _ exception: PyException?) throws -> Bool {
        if case .object(let o) = manager, let swallow = try o.exit(exception, interp: self) { return swallow }
        throw PyException(.typeError, "'\(manager.typeName)' object does not support the context manager protocol")
    }

    /// Parses and compiles `source` for `module` (SyntaxErrors as ``PySyntaxError``).
    func compile(source: String, fileName: String, module: PyModuleObject) throws -> CodeObject {
        let parser = Parser(source: Interpreter.normalizedSource(source))
        sourceLines[fileName] = parser.sourceLines
        defer {
            for (line, message) in parser.warnings {
                let lines = parser.sourceLines
                let text = line >= 1 && line <= lines.count ? String(lines[line - 1]).trimming(" \t").trimmingTrailingNewline() : ""
                writeError("\(fileName):\(line): SyntaxWarning: \(message)\n" + (text.isEmpty ? "" : "  \(text)\n"))
            }
        }
        let body = try parser.parseModule()
        let compiler = Compiler(interp: self, module: module, fileName: fileName,
                                commentLines: parser.commentLines, sourceLines: parser.sourceLines)
        return try compiler.compileModule(body)
    }

    /// The source as Python reads a text file: universal newlines, no byte-order mark.
    static func normalizedSource(_ source: String) -> String {
        var s = source
        if s.hasPrefix("\u{FEFF}") { s.removeFirst() }
        if s.contains("\r") {
            s = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return s
    }

    /// Runs `source` as the main program (`__name__ == "__main__"`).
    public func execute(source: String, fileName: String) throws {
        self.fileName = fileName
        if argv.isEmpty { argv = [fileName] }
        let main = PyModuleObject(name: "__main__")
        modules["__main__"] = main
        main.set("__doc__", .none)
        main.set("__file__", .str(fileName))
        let code = try compile(source: source, fileName: fileName, module: main)
        if let doc = code.docstring { main.set("__doc__", .str(doc)) }
        let frame = Frame(code: code, parent: nil, module: main, interp: self)
        _ = try runFrame(frame)
    }

    /// `import name` (dotted): native modules, prelude modules written in Python, or `math`.
    public func importModule(_ name: String, line: Int) throws -> PyModuleObject {
        if let m = modules[name] { return m }
        let components = name.split(separator: ".").map(String.init)
        var parent: PyModuleObject?
        if components.count > 1 {
            parent = try importModule(components.dropLast().joined(separator: "."), line: line)
            if let m = modules[name] { return m }
            if let attr = parent?.get(components.last!), case .object(let m as PyModuleObject) = attr {
                modules[name] = m
                return m
            }
        }
        let module: PyModuleObject
        if let native = nativeModules[name] {
            module = native
            modules[name] = module
        } else if let source = preludeSources[name] {
            module = PyModuleObject(name: name)
            modules[name] = module
            let fileName = "<\(name)>"
            do {
                let code = try compile(source: source, fileName: fileName, module: module)
                _ = try runFrame(Frame(code: code, parent: nil, module: module, interp: self))
            } catch {
                modules[name] = nil
                throw error
            }
        } else if let standard = try makeStandardModule(name) {
            module = standard
            modules[name] = module
        } else {
            throw UnsupportedFeature("import '\(name)'", line: line)
        }
        if let parent, parent.get(components.last!) == nil {
            parent.set(components.last!, .object(module))
        }
        return module
    }
}

extension String {
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

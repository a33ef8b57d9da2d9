/// The modules of Python's standard library that lessons import, made on first import.
extension Interpreter {
    func makeStandardModule(_ name: String) throws -> PyModuleObject? {
        switch name {
        case "math": return makeMathModule()
        case "random": return makeRandomModule()
        case "itertools": return makeItertoolsModule()
        case "collections": return makeCollectionsModule()
        case "functools":
            let m = makeFunctoolsModule()
            try runPython(FunctoolsPrelude.source, in: m)
            return m
        case "copy": return makeCopyModule()
        case "sys": return try makeSysModule()
        case "time": return makeTimeModule()
        case "string": return makeStringModule()
        case "os": return try makeOsModule()
        case "os.path", "posixpath": return makeOsPathModule()
        case "__future__": return makeFutureModule()
        case "typing": return makeTypingModule()
        case "warnings": return makeWarningsModule()
        case "operator": return makeOperatorModule()
        case "heapq": return makeHeapqModule()
        case "bisect": return makeBisectModule()
        case "abc": return makeAbcModule()
        case "json": return makeJsonModule()
        case "dataclasses": return try makePythonModule("dataclasses", source: DataclassesPrelude.source)
        case "argparse": return try makePythonModule("argparse", source: ArgparsePrelude.source)
        default: return nil
        }
    }

    /// A standard-library module written in Python, run once into a new module.
    private func makePythonModule(_ name: String, source: String) throws -> PyModuleObject {
        let module = PyModuleObject(name: name)
        try runPython(source, in: module)
        return module
    }

    /// Runs Python source defining parts of a standard-library module into `module`.
    private func runPython(_ source: String, in module: PyModuleObject) throws {
        let code = try compile(source: source, fileName: "<\(module.name)>", module: module)
        _ = try runFrame(Frame(code: code, parent: nil, module: module, interp: self))
    }
}

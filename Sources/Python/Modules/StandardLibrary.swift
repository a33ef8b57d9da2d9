/// The modules of Python's standard library that lessons import, made on first import.
extension Interpreter {
    func makeStandardModule(_ name: String) throws -> PyModuleObject? {
        switch name {
        case "math": return makeMathModule()
        case "random": return makeRandomModule()
        case "itertools": return makeItertoolsModule()
        case "collections": return makeCollectionsModule()
        case "functools": return makeFunctoolsModule()
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
        default: return nil
        }
    }
}

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
        default: return nil
        }
    }
}

/// The `builtins` module: functions, types and constants available without import.
extension Interpreter {
    func installBuiltins() {
        for cls in PyClass.builtinExceptions { builtins.set(cls.name, .object(cls)) }
    }

    func constructBuiltin(_ cls: PyClass, _ args: PyArgs) throws -> PyValue {
        if cls.isExceptionClass {
            let inst = PyInstance(cls: cls)
            inst.exceptionArgs = args.positional
            return .object(inst)
        }
        throw UnsupportedFeature("calling \(cls.name)()", line: currentLine)
    }

    func builtinClassAttribute(_ cls: PyClass, _ name: String) throws -> PyValue? { nil }

    func builtinMethod(_ value: PyValue, _ name: String) throws -> PyValue? { nil }

    func builtinHasAttribute(_ value: PyValue, _ name: String) -> Bool { false }

    func setMethod(_ set: PySet, _ name: String) throws -> PyValue? { nil }

    func callFunction(_ fn: PyFunction, _ args: PyArgs) throws -> PyValue {
        throw UnsupportedFeature("calling \(fn.name)", line: currentLine)
    }
}

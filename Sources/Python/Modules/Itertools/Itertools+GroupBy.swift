/// `itertools.groupby`: consecutive runs of equal keys. Each group reads from the shared
/// input, so a group is empty once the next group has been asked for, as in CPython.
extension Itertools {
    private final class GroupState {
        let source: PyIterator
        let keyFunction: PyValue
        var currentKey: PyValue?
        var currentValue: PyValue?
        var targetKey: PyValue?
        /// Identifies the group allowed to read (older groups are exhausted).
        var currentGroup = 0

        init(source: PyIterator, keyFunction: PyValue) {
            self.source = source
            self.keyFunction = keyFunction
        }

        /// Reads the next value and its key; false at the end of the input.
        func step(_ interp: Interpreter) throws -> Bool {
            guard let v = try source.next(interp: interp) else { return false }
            let key = keyFunction.isNone ? v : try interp.call(keyFunction, [v])
            currentValue = v
            currentKey = key
            return true
        }
    }

    static func installGroupBy(_ type: TypeMaker) {
        let grouperType = NativeType("_grouper", module: "itertools") { _, _, _ in
            throw PyException(.typeError, "cannot create 'itertools._grouper' instances")
        }
        _ = type("groupby") { me, args, interp in
            let b = try args.bind(PySignature.cached("groupby(iterable, key=None)"))
            let state = GroupState(source: try interp.makeIterator(b[0]), keyFunction: b[1])
            return .object(ModuleIterator(me) { interp in
                state.currentGroup += 1
                while true {
                    if let current = state.currentKey {
                        guard let target = state.targetKey else { break }
                        if !(try interp.equals(target, current)) { break }
                    }
                    guard try state.step(interp) else { return nil }
                }
                guard let key = state.currentKey else { return nil }
                state.targetKey = key
                let group = state.currentGroup
                let grouper = ModuleIterator(grouperType) { interp in
                    guard state.currentGroup == group else { return nil }
                    if state.currentValue == nil {
                        guard try state.step(interp) else { return nil }
                    }
                    guard let current = state.currentKey, try interp.equals(key, current) else { return nil }
                    defer { state.currentValue = nil }
                    return state.currentValue
                }
                return .tuple([key, .object(grouper)])
            })
        }
    }
}

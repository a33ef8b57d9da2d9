/// `dir()` of values, and the "Did you mean" hint CPython adds to NameError and AttributeError.
extension Interpreter {
    /// The names `dir(value)` lists, or nil when unknown (natives without a list).
    func dirNames(_ value: PyValue) -> [String]? {
        switch value {
        case .none: return Suggestions.typeDirs["NoneType"]
        case .bool: return Suggestions.typeDirs["bool"]
        case .int: return Suggestions.typeDirs["int"]
        case .float: return Suggestions.typeDirs["float"]
        case .str: return Suggestions.typeDirs["str"]
        case .list: return Suggestions.typeDirs["list"]
        case .tuple: return Suggestions.typeDirs["tuple"]
        case .dict: return Suggestions.typeDirs["dict"]
        case .object(let o):
            if let names = o.attributeNames(interp: self) { return names }
            switch o {
            case let inst as PyInstance:
                var names = classDirNames(inst.cls)
                names.formUnion(inst.attributes.keys)
                return names.sorted()
            case let cls as PyClass:
                return classDirNames(cls).sorted()
            case let m as PyModuleObject:
                if m.name == "math" { return Suggestions.mathDir }
                return Set(m.names + ["__doc__", "__loader__", "__name__", "__package__", "__spec__"]).sorted()
            default:
                return nil
            }
        }
    }

    /// The attributes `dir` finds on a class and its bases: their namespaces (without
    /// `__qualname__`, which CPython keeps outside the class dict), plus `object`'s and,
    /// for classes defined in Python, `__dict__`, `__module__`, `__weakref__` and `__doc__`.
    private func classDirNames(_ cls: PyClass) -> Set<String> {
        var names = Set(Suggestions.objectDir)
        for c in cls.mro {
            names.formUnion(c.dict.keys.filter { $0 != "__qualname__" })
            if !c.isBuiltin { names.formUnion(["__dict__", "__module__", "__weakref__", "__doc__"]) }
        }
        return names
    }

    /// `dir()`: the names bound in the scope that calls it, sorted.
    func scopeNames() -> [String] {
        guard let frame = frames.last else { return [] }
        switch frame.code.kind {
        case .module:
            return Set(frame.module.names + Suggestions.moduleDunders).sorted()
        case .classBody:
            return (frame.classNamespace ?? [:]).keys.sorted()
        case .function, .comprehension:
            return zip(frame.code.slotNames, frame.slots).filter { !$0.0.hasPrefix(".") && $0.1 != nil }.map(\.0).sorted()
        }
    }

    /// `. Did you mean: 'x'?` for a NameError or AttributeError raised by a failed lookup.
    func suggestionSuffix(_ e: PyException) -> String {
        guard let context = e.instance.suggestionContext else { return "" }
        let found: String?
        switch context {
        case .attribute(let name, let value):
            guard let names = dirNames(value) else { return "" }
            found = Suggestions.suggest(name, among: names)
        case .name(let name, let frame):
            if let s = Suggestions.suggest(name, among: frame.code.slotNames) {
                found = s
            } else if let s = Suggestions.suggest(name, among: Suggestions.moduleDunders + frame.module.names.filter { !Suggestions.moduleDunders.contains($0) }) {
                found = s
            } else {
                found = Suggestions.suggest(name, among: Suggestions.builtinNames)
            }
        }
        return found.map { ". Did you mean: '\($0)'?" } ?? ""
    }
}

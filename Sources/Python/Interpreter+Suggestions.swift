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
                var names = Set(Suggestions.objectDir)
                names.formUnion(inst.attributes.keys)
                for c in inst.cls.mro { names.formUnion(c.dict.keys) }
                return names.sorted()
            case let cls as PyClass:
                var names = Set(Suggestions.objectDir)
                for c in cls.mro { names.formUnion(c.dict.keys) }
                return names.sorted()
            case let m as PyModuleObject:
                if m.name == "math" { return Suggestions.mathDir }
                return Set(m.names + ["__doc__", "__loader__", "__name__", "__package__", "__spec__"]).sorted()
            default:
                return nil
            }
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

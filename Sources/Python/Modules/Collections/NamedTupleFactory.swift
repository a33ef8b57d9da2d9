/// `collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`.
extension Interpreter {
    private static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    private static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return s.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }

    func makeNamedTuple(_ args: PyArgs) throws -> PyValue {
        let b = try args.bind(PySignature.cached("namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)"))
        guard case .str(let typeName) = b[0] else {
            throw PyException(.typeError, "namedtuple() argument 1 must be str, not \(b[0].typeName)")
        }
        var fields: [String]
        if case .str(let text) = b[1] {
            fields = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        } else {
            fields = try iterate(b[1]).map { try str($0) }
        }
        let rename = try isTruthy(b[2])
        if rename {
            var seen = Set<String>()
            for (i, name) in fields.enumerated() {
                if !Interpreter.isIdentifier(name) || Interpreter.keywords.contains(name) || name.hasPrefix("_") || seen.contains(name) {
                    fields[i] = "_\(i)"
                }
                seen.insert(fields[i])
            }
        }
        for name in [typeName] + fields {
            if !Interpreter.isIdentifier(name) {
                throw PyException(.valueError, "Type names and field names must be valid identifiers: \(Interpreter.quote(name))")
            }
            if Interpreter.keywords.contains(name) {
                throw PyException(.valueError, "Type names and field names cannot be a keyword: \(Interpreter.quote(name))")
            }
        }
        var seen = Set<String>()
        for name in fields {
            if name.hasPrefix("_") && !rename { throw PyException(.valueError, "Field names cannot start with an underscore: \(Interpreter.quote(name))") }
            if seen.contains(name) { throw PyException(.valueError, "Encountered duplicate field name: \(Interpreter.quote(name))") }
            seen.insert(name)
        }
        let defaults = b[3].isNone ? [] : try iterate(b[3])
        if defaults.count > fields.count { throw PyException(.typeError, "Got more default values than field names") }
        let layout = NamedTupleLayout(fields: fields, defaults: defaults)
        let moduleName: String
        if case .str(let m) = b[4] { moduleName = m } else { moduleName = frames.last?.module.name ?? "__main__" }
        let cls = PyClass(name: typeName, base: .tuple, moduleName: moduleName)
        let signature = layout.signature(typeName)
        cls.constructor = { target, args, _ in
            var withClass = args
            withClass.positional.insert(.object(target), at: 0)
            let bound = try withClass.bind(signature)
            return .object(PyNamedTuple(cls: target, values: Array(bound.values.dropFirst()), layout: layout))
        }
        let defaultPairs = zip(fields.suffix(defaults.count), defaults).map { ($0, $1) }
        cls.dict["_fields"] = .tuple(fields.map { .str($0) })
        cls.dict["_field_defaults"] = .dict(PyDict(defaultPairs))
        cls.dict["__doc__"] = .str("\(typeName)(\(fields.joined(separator: ", ")))")
        cls.dict["_make"] = .object(PyClassMethod(.object(PyBuiltinFunction(name: "_make") { args, interp in
            try Interpreter.expectArgs(args, "_make", min: 2, max: 2)
            guard case .object(let target as PyClass) = args.positional[0] else { return .none }
            let values = try interp.iterate(args.positional[1])
            if values.count != fields.count {
                throw PyException(.typeError, "Expected \(fields.count) arguments, got \(values.count)")
            }
            return .object(PyNamedTuple(cls: target, values: values, layout: layout))
        })))
        return .object(cls)
    }
}

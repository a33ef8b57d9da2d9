/// `from __future__ import ...`: every feature of Python 3.11 is accepted (all are on already);
/// misplaced or unknown features are the SyntaxErrors CPython's compiler reports.
extension Interpreter {
    /// The features, with their `(optional, mandatory, compiler_flag)` release data.
    static let futureFeatures: [(name: String, optional: [PyValue], mandatory: [PyValue]?, flag: Int)] = [
        ("nested_scopes", [.int(2), .int(1), .int(0), .str("beta"), .int(1)], [.int(2), .int(2), .int(0), .str("alpha"), .int(0)], 16),
        ("generators", [.int(2), .int(2), .int(0), .str("alpha"), .int(1)], [.int(2), .int(3), .int(0), .str("final"), .int(0)], 0),
        ("division", [.int(2), .int(2), .int(0), .str("alpha"), .int(2)], [.int(3), .int(0), .int(0), .str("alpha"), .int(0)], 131_072),
        ("absolute_import", [.int(2), .int(5), .int(0), .str("alpha"), .int(1)], [.int(3), .int(0), .int(0), .str("alpha"), .int(0)], 262_144),
        ("with_statement", [.int(2), .int(5), .int(0), .str("alpha"), .int(1)], [.int(2), .int(6), .int(0), .str("alpha"), .int(0)], 524_288),
        ("print_function", [.int(2), .int(6), .int(0), .str("alpha"), .int(2)], [.int(3), .int(0), .int(0), .str("alpha"), .int(0)], 1_048_576),
        ("unicode_literals", [.int(2), .int(6), .int(0), .str("alpha"), .int(2)], [.int(3), .int(0), .int(0), .str("alpha"), .int(0)], 2_097_152),
        ("barry_as_FLUFL", [.int(3), .int(1), .int(0), .str("alpha"), .int(2)], [.int(4), .int(0), .int(0), .str("alpha"), .int(0)], 4_194_304),
        ("generator_stop", [.int(3), .int(5), .int(0), .str("beta"), .int(1)], [.int(3), .int(7), .int(0), .str("alpha"), .int(0)], 8_388_608),
        ("annotations", [.int(3), .int(7), .int(0), .str("beta"), .int(1)], nil, 16_777_216),
    ]

    func makeFutureModule() -> PyModuleObject {
        let m = PyModuleObject(name: "__future__")
        for feature in Interpreter.futureFeatures {
            m.set(feature.name, .object(PyFutureFeature(optional: feature.optional, mandatory: feature.mandatory, flag: feature.flag)))
        }
        m.set("all_feature_names", .list(PyList(Interpreter.futureFeatures.map { .str($0.name) })))
        return m
    }
}

/// `__future__._Feature`.
final class PyFutureFeature: NativeObject {
    let optional: [PyValue]
    let mandatory: [PyValue]?
    let flag: Int

    init(optional: [PyValue], mandatory: [PyValue]?, flag: Int) {
        self.optional = optional
        self.mandatory = mandatory
        self.flag = flag
    }

    override var typeName: String { "_Feature" }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "optional": return .tuple(optional)
        case "mandatory": return mandatory.map { .tuple($0) } ?? PyValue.none
        case "compiler_flag": return .int(flag)
        case "getOptionalRelease":
            return .object(PyBuiltinFunction(name: name) { _, _ in .tuple(self.optional) })
        case "getMandatoryRelease":
            return .object(PyBuiltinFunction(name: name) { _, _ in self.mandatory.map { .tuple($0) } ?? .none })
        default: return nil
        }
    }

    override func repr(interp: Interpreter) throws -> String? {
        let m = try mandatory.map { try interp.repr(.tuple($0)) } ?? "None"
        return "_Feature(\(try interp.repr(.tuple(optional))), \(m), \(flag))"
    }
}

extension Compiler {
    /// CPython's checks of `from __future__ import` statements: only at the top of the module
    /// (after the docstring), and only features that exist.
    func checkFutureImports(_ body: [Stmt]) throws {
        var atTop = true
        for (i, stmt) in body.enumerated() {
            if case .importFrom("__future__", let names) = stmt.kind {
                if !atTop {
                    throw PySyntaxError(.syntaxError, "from __future__ imports must occur at the beginning of the file", at: stmt.location)
                }
                if names.contains(where: { $0.name == "annotations" }) { postponedAnnotations = true }
                for n in names where !Interpreter.futureFeatures.contains(where: { $0.name == n.name }) {
                    let message = n.name == "braces" ? "not a chance" : "future feature \(n.name) is not defined"
                    throw PySyntaxError(.syntaxError, message, at: stmt.location)
                }
                continue
            }
            if i == 0, case .expression(let e) = stmt.kind, case .string = e.kind { continue }
            atTop = false
        }
    }
}

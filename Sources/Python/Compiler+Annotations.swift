/// Annotated assignments in class bodies (`x: int = 0`) record their annotation in the class's
/// `__annotations__`, which `dataclasses` and `typing` read.
extension Compiler {
    /// The step storing the annotation of a simple name in a class body, nil elsewhere (CPython
    /// does not evaluate annotations inside functions).
    func compileAnnotationRecord(_ target: Expr, _ annotation: Expr) throws -> ((Frame) throws -> Void)? {
        guard scope.kind == .classBody, case .name(let name) = target.kind else { return nil }
        let value: (Frame) throws -> PyValue
        if postponedAnnotations {
            let text = PyValue.str(annotationText(annotation))
            value = { _ in text }
        } else {
            value = try compile(annotation)
        }
        return { f in
            let v = try value(f)
            let annotations: PyDict
            if case .dict(let d)? = f.classNamespace?["__annotations__"] {
                annotations = d
            } else {
                annotations = PyDict()
                f.classNamespace?["__annotations__"] = .dict(annotations)
            }
            try annotations.set(.str(name), v)
        }
    }

    /// The annotation as written on its line, up to a top-level `=` or a comment.
    private func annotationText(_ annotation: Expr) -> String {
        // A string annotation is shown as Python's repr of it, as CPython's unparsing does.
        if case .string(let s) = annotation.kind { return Interpreter.quote(s) }
        let line = annotation.location.line
        guard line >= 1 && line <= sourceLines.count else { return "" }
        let chars = Array(sourceLines[line - 1])
        var i = Swift.min(Swift.max(annotation.location.column - 1, 0), chars.count)
        let start = i
        var depth = 0
        var quote: Character?
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if "([{".contains(c) {
                depth += 1
            } else if ")]}".contains(c) {
                depth -= 1
            } else if depth == 0 && (c == "#" || (c == "=" && (i + 1 >= chars.count || chars[i + 1] != "="))) {
                break
            }
            i += 1
        }
        return String(chars[start..<i]).trimmingCharacters(in: .whitespaces)
    }
}

/// Python's `warnings` for the warnings the standard library modules issue, with CPython's
/// default filters: shown once per location, DeprecationWarning only when the lesson
/// itself made the call.
extension Interpreter {
    /// Issues a warning of `category` attributed to the lesson line being executed;
    /// `fromLesson` says whether the warning's stack level reaches lesson code
    /// (DeprecationWarning is ignored otherwise).
    func warn(_ category: PyClass, _ message: String, fromLesson: Bool = true) {
        if category.isSubclass(of: .deprecationWarning) && !fromLesson { return }
        let line = currentLine
        let key = "\(category.name)\u{0}\(message)\u{0}\(line)"
        if warningsShown.contains(key) { return }
        warningsShown.insert(key)
        let lines = sourceLines[fileName] ?? []
        let text = line >= 1 && line <= lines.count ? String(lines[line - 1]).trimming(" \t").trimmingTrailingNewline() : ""
        writeError("\(fileName):\(line): \(category.name): \(message)\n" + (text.isEmpty ? "" : "  \(text)\n"))
    }
}

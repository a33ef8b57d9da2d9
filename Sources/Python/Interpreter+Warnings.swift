/// Python's `warnings` machinery: the filters (CPython's defaults until the lesson changes
/// them), the once-per-location registry, and the `file:line: Category: message` output.
extension Interpreter {
    /// Issues a warning of `category` that the standard library raises on behalf of the lesson
    /// line being executed; `fromLesson` says whether the warning's stack level reaches lesson
    /// code (otherwise it is attributed to the library module, whose warnings the lesson never
    /// sees under the default filters).
    func warn(_ category: PyClass, _ message: String, fromLesson: Bool = true) {
        guard fromLesson else { return }
        _ = try? issueWarning(category: category, message: message, instance: nil, file: fileName,
                              line: currentLine, module: "__main__")
    }

    /// Whether a warning passes the filters, as CPython's `warn_explicit` decides: the
    /// registries are updated, and the `error` action throws the warning as an exception.
    public func warningPasses(category: PyClass, message: String, instance: PyInstance? = nil,
                              file: String, line: Int, module: String) throws -> Bool {
        let key = "\(category.name)\u{0}\(ObjectIdentifier(category).hashValue)\u{0}\(message)\u{0}\(file)\u{0}\(line)"
        if warningsShown.contains(key) { return false }
        let action = warningFilters.first { $0.matches(category: category, message: message, module: module, line: line) }?.action ?? "default"
        switch action {
        case "ignore": return false
        case "error": throw instance.map(PyException.init(instance:)) ?? PyException(category, message)
        case "once":
            warningsShown.insert(key)
            return warningsOnce.insert("\(ObjectIdentifier(category).hashValue)\u{0}\(message)").inserted
        case "module":
            warningsShown.insert(key)
            return warningsShown.insert("\(ObjectIdentifier(category).hashValue)\u{0}\(message)\u{0}\(file)\u{0}0").inserted
        case "always": return true
        default:
            warningsShown.insert(key)
            return true
        }
    }

    /// Filters the warning and writes it to stderr as Python's `showwarning` does.
    func issueWarning(category: PyClass, message: String, instance: PyInstance?, file: String, line: Int, module: String) throws {
        guard try warningPasses(category: category, message: message, instance: instance, file: file, line: line, module: module) else { return }
        let lines = sourceLines[file] ?? []
        let text = line >= 1 && line <= lines.count ? String(lines[line - 1]).trimming(" \t").trimmingTrailingNewline() : ""
        writeError("\(file):\(line): \(category.name): \(message)\n" + (text.isEmpty ? "" : "  \(text)\n"))
    }

    /// Records a change of the filters: the once-per-location registry starts afresh, as
    /// CPython's does when its filters version changes.
    func warningFiltersChanged() {
        warningsShown.removeAll()
    }
}

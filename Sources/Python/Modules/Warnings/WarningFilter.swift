/// One entry of Python's `warnings.filters`: what to do with warnings of a category whose
/// message and module match.
struct WarningFilter: Equatable {
    /// `error`, `ignore`, `always`, `default`, `module` or `once`.
    var action: String
    /// Matched against the message, ignoring case; `nil` matches every message.
    var message: WarningPattern?
    var category: PyClass
    /// A pattern, or (the default filter's `'__main__'`) an exact module name.
    var module: Module?
    /// 0 matches every line.
    var line: Int

    /// How a filter names modules.
    enum Module: Equatable {
        case exactly(String)
        case pattern(WarningPattern)
    }

    static let actions = ["error", "ignore", "always", "default", "module", "once"]

    /// CPython's filters in a release build.
    static let defaults: [WarningFilter] = [
        WarningFilter(action: "default", message: nil, category: .deprecationWarning, module: .exactly("__main__"), line: 0),
        WarningFilter(action: "ignore", message: nil, category: .deprecationWarning, module: nil, line: 0),
        WarningFilter(action: "ignore", message: nil, category: .pendingDeprecationWarning, module: nil, line: 0),
        WarningFilter(action: "ignore", message: nil, category: .importWarning, module: nil, line: 0),
        WarningFilter(action: "ignore", message: nil, category: .resourceWarning, module: nil, line: 0),
    ]

    static func == (a: WarningFilter, b: WarningFilter) -> Bool {
        a.action == b.action && a.message == b.message && a.category === b.category && a.module == b.module && a.line == b.line
    }

    func matches(category c: PyClass, message text: String, module name: String, line l: Int) -> Bool {
        if let message, !message.matches(text) { return false }
        if !c.isSubclass(of: category) { return false }
        switch module {
        case .exactly(let m): if m != name { return false }
        case .pattern(let p): if !p.matches(name) { return false }
        case nil: break
        }
        return line == 0 || line == l
    }
}

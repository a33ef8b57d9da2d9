/// The player's button icons, drawn as SVG so they look the same whatever fonts are installed.
enum Icon {
    static let first = "M3 2h2v12H3z M14 2v12L6 8z"
    static let prev = "M12 2v12L4 8z"
    static let play = "M4 2v12l10-6z"
    static let pause = "M3 2h4v12H3z M9 2h4v12H9z"
    static let next = "M4 2v12l8-6z"
    static let last = "M11 2h2v12h-2z M2 2v12l8-6z"

    static func svg(_ path: String, _ cls: String = "") -> String {
        "<svg class=\"gv-icon \(cls)\" viewBox=\"0 0 16 16\" aria-hidden=\"true\" focusable=\"false\"><path d=\"\(path)\"/></svg>"
    }
}

/// An error raised while building or drawing a figure, with matplotlib's exception kind and text.
public struct PlotError: Error, Equatable, CustomStringConvertible {
    /// The Python exception class matplotlib raises.
    public enum Kind: String, Sendable {
        case valueError = "ValueError"
        case typeError = "TypeError"
        case indexError = "IndexError"
        case keyError = "KeyError"
        case attributeError = "AttributeError"
        case runtimeError = "RuntimeError"
        case fileNotFoundError = "FileNotFoundError"
        case permissionError = "PermissionError"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}

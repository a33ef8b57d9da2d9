/// An error raised by the engine, carrying the Python exception type and the
/// exact message PyTorch gives for the same situation.
public struct AutogradError: Error, CustomStringConvertible, Equatable {
    /// Python exception class names, as PyTorch raises them.
    public enum Kind: String, Sendable {
        case runtimeError = "RuntimeError"
        case typeError = "TypeError"
        case valueError = "ValueError"
        case indexError = "IndexError"
        case notImplementedError = "NotImplementedError"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func runtime(_ message: String) -> AutogradError { AutogradError(.runtimeError, message) }

    public var description: String { "\(kind.rawValue): \(message)" }
}

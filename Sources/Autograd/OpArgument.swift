/// A non-tensor argument an op was called with, by the name of its Python parameter
/// (`exponent`, `alpha`, `dim`, `keepdim`, `reduction`, `min`, …).
/// Arguments travel with forward events and grad_fn snapshots: see `ArgumentSpec`.
public struct OpArgument: Sendable, Equatable, Hashable {
    public enum Value: Sendable, Equatable, Hashable {
        case int(Int)
        case double(Double)
        case bool(Bool)
        case ints([Int])
        case string(String)
        case none
    }

    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

/// The memory behind one or more tensors.
///
/// Views (`view`, `reshape`, `detach`, `squeeze`, `unsqueeze`, `.data`) share a
/// storage, so an in-place change through one of them is seen by all.
public final class Storage {
    @exclusivity(unchecked) public var values: [Double]

    public init(_ values: [Double]) { self.values = values }
}

/// PyTorch's version counter: bumped by every in-place operation, shared by a
/// tensor and its views (but not by `.data`), read by the saved-tensor check.
public final class VersionCounter {
    @exclusivity(unchecked) public internal(set) var value: Int = 0

    public init() {}

    func bump() { value &+= 1 }
}

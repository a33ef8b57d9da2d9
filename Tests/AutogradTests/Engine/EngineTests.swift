import Testing
@testable import Autograd

/// The parent of every suite that builds graphs or runs backward. Grad mode, the
/// engine observer and the id counters belong to the thread, so these tests run in
/// parallel like the rest.
@Suite enum EngineTests {}

/// A leaf that requires grad, from row-major values.
func leaf(_ values: [Double], _ shape: [Int]? = nil, dtype: DType = .float32) throws -> Tensor {
    let t = Tensor(values: values.map(dtype.round), shape: shape ?? [values.count], dtype: dtype)
    try t.setRequiresGrad(true)
    return t
}

/// A tensor that does not require grad, from row-major values.
func constant(_ values: [Double], _ shape: [Int]? = nil, dtype: DType = .float32) -> Tensor {
    Tensor(values: values.map(dtype.round), shape: shape ?? [values.count], dtype: dtype)
}

/// Expects `actual` to equal `expected` elementwise within `tolerance` (absolute,
/// and relative to the expected magnitude above 1).
func expectClose(_ actual: [Double]?, _ expected: [Double], tolerance: Double = 1e-6,
                 _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("expected \(expected), got nil. \(comment?.description ?? "")", sourceLocation: sourceLocation)
        return
    }
    let close = actual.count == expected.count && zip(actual, expected).allSatisfy { a, e in
        Swift.abs(a - e) <= tolerance * Swift.max(1, Swift.abs(e))
    }
    #expect(close, "expected \(expected), got \(actual). \(comment?.description ?? "")", sourceLocation: sourceLocation)
}

/// Every node reachable from `root` through `next_functions`, visited without recursion.
func reachableNodes(from root: Node?) -> [Node] {
    guard let root else { return [] }
    var seen: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
    var stack = [root], out: [Node] = []
    while let n = stack.popLast() {
        out.append(n)
        var next = n.nextEdges.compactMap { $0?.node }
        if let copy = n as? CopySlices { next.append(copy.fn) }
        for m in next where seen.insert(ObjectIdentifier(m)).inserted { stack.append(m) }
    }
    return out
}

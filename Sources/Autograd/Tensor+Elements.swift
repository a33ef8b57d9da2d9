/// A tensor's elements in row-major order, as its dtype stores them: the ops that move
/// elements without arithmetic (copies, gathers, concatenation, scatters) work on this,
/// so integers stay exact through them.
public enum TensorElements {
    case doubles([Double])
    case integers([Int64])

    public var count: Int {
        switch self {
        case .doubles(let v): v.count
        case .integers(let v): v.count
        }
    }

    /// The elements at `positions`, in that order.
    func picking(_ positions: [Int]) -> TensorElements {
        switch self {
        case .doubles(let v): .doubles(positions.map { v[$0] })
        case .integers(let v): .integers(positions.map { v[$0] })
        }
    }

    /// These elements with `source[k]` written at `positions[k]` (a later write wins);
    /// `source` must hold the same kind of elements.
    func overwriting(_ positions: [Int], from source: TensorElements) -> TensorElements {
        switch (self, source) {
        case (.doubles(var v), .doubles(let s)):
            for (k, p) in positions.enumerated() { v[p] = s[k] }
            return .doubles(v)
        case (.integers(var v), .integers(let s)):
            for (k, p) in positions.enumerated() { v[p] = s[k] }
            return .integers(v)
        case (.doubles, .integers(let s)):
            return overwriting(positions, from: .doubles(s.map { Double($0) }))
        case (.integers, .doubles(let s)):
            return overwriting(positions, from: .integers(s.map { DType.int64.integer($0) }))
        }
    }

    /// All of `parts` one after another (parts of one kind, as elements of one dtype are).
    static func concatenating(_ parts: [TensorElements], integers: Bool) -> TensorElements {
        if integers {
            var out: [Int64] = []
            out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for p in parts { if case .integers(let v) = p { out += v } else if case .doubles(let v) = p { out += v.map { DType.int64.integer($0) } } }
            return .integers(out)
        }
        var out: [Double] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for p in parts { if case .doubles(let v) = p { out += v } else if case .integers(let v) = p { out += v.map { Double($0) } } }
        return .doubles(out)
    }

    /// `count` copies of `element(0)` of these elements' kind.
    static func repeating(_ value: Double, integer: Int64, count: Int, integers: Bool) -> TensorElements {
        integers ? .integers([Int64](repeating: integer, count: count)) : .doubles([Double](repeating: value, count: count))
    }
}

extension Tensor {
    /// The elements in row-major order, as the dtype stores them.
    public var elements: TensorElements { dtype.isInteger ? .integers(integers) : .doubles(values) }

    /// A new tensor owning `elements` (of `dtype`'s kind; converted otherwise).
    public convenience init(elements: TensorElements, shape: [Int], dtype: DType) {
        switch elements {
        case .doubles(let v): self.init(values: v, shape: shape, dtype: dtype)
        case .integers(let v): self.init(integers: v, shape: shape, dtype: dtype)
        }
    }

    /// The elements converted to `target`, as `.to(target)` converts them: integers wrap to
    /// narrower widths, floats truncate into integers (see `DType.integer(_:)`), integers
    /// round once into floats.
    public func elements(as target: DType) -> TensorElements {
        if target == dtype { return elements }
        if dtype.isInteger {
            let v = integers
            if target.isInteger { return .integers(target == .int64 ? v : v.map(target.wrap)) }
            return .doubles(v.map(target.fromInteger))
        }
        let v = values
        if target.isInteger { return .integers(v.map(target.integer)) }
        return .doubles(target == .float64 || (target == .float32 && dtype != .float64) ? v : v.map(target.round))
    }

    /// Writes row-major `elements` (of this dtype's kind) through this tensor's layout.
    func writeElements(_ elements: TensorElements) {
        switch elements {
        case .doubles(let v): writeValues(v)
        case .integers(let v): writeIntegers(v)
        }
    }

    /// A new tensor of this dtype holding the elements at row-major `positions`, shaped `shape`.
    func picking(_ positions: [Int], shape: [Int]) -> Tensor {
        Tensor(elements: elements.picking(positions), shape: shape, dtype: dtype)
    }
}

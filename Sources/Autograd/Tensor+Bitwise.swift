// Bitwise operators on integer and bool tensors (`&`, `|`, `^`, `~`, `<<`, `>>`): never
// recorded, as PyTorch defines no derivative for them.
extension Tensor {
    public enum BitwiseOp: String, Sendable {
        case and, or, xor, lshift, rshift

        /// The name in PyTorch's "not implemented for" messages.
        var kernelName: String {
            switch self {
            case .and: "bitwise_and_cpu"
            case .or: "bitwise_or_cpu"
            case .xor: "bitwise_xor_cpu"
            case .lshift: "lshift_cpu"
            case .rshift: "rshift_cpu"
            }
        }
    }

    /// `self & other` and the other bitwise operators, in the promoted dtype; shifts by a
    /// negative amount or by the dtype's width or more give what ATen's kernels give.
    public func bitwise(_ op: BitwiseOp, _ other: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        let shifts = op == .lshift || op == .rshift
        guard !dt.isFloatingPoint && !(shifts && dt == .bool) else {
            throw AutogradError(.notImplementedError, "\"\(op.kernelName)\" not implemented for '\(dt.scalarTypeName)'")
        }
        let bits = Int64(dt.bits)
        let f: (Int64, Int64) -> Int64
        switch op {
        case .and: f = { $0 & $1 }
        case .or: f = { $0 | $1 }
        case .xor: f = { $0 ^ $1 }
        case .lshift: f = { a, b in b < 0 || b >= bits ? 0 : a << b }
        case .rshift:
            let maxShift = bits - (dt.isSigned ? 1 : 0)
            f = { a, b in a >> (b < 0 || b >= maxShift ? maxShift : b) }
        }
        let out = dt == .bool
            ? try Tensor.zipValues(self, other, dtype: .bool) { Double(f(Int64($0), Int64($1))) }
            : try Tensor.zipIntegers(self, other, dtype: dt, compute: dt, f)
        return Tensor.unrecorded("bitwise_" + op.rawValue, inputs: [self, other], output: out)
    }

    /// `~self`: the bitwise complement of integers, the negation of bools.
    public func bitwiseNot() throws -> Tensor {
        guard !dtype.isFloatingPoint else {
            throw AutogradError(.notImplementedError, "\"bitwise_not_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let out = dtype == .bool ? mapValues(dtype: .bool) { $0 == 0 ? 1 : 0 } : mapElements(dtype: dtype, integer: { ~$0 }) { $0 }
        return Tensor.unrecorded("bitwise_not", inputs: [self], output: out)
    }

    /// PyTorch's result type of `a` op `b` (`torch.result_type`).
    public static func resultType(_ a: Tensor, _ b: Tensor) -> DType { TypePromotion.resultType(a, b) }
}

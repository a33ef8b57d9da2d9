import Autograd

/// Helpers shared by `torch.*` functions and tensor methods.
enum TorchFunctions {
    static func allclose(_ a: Tensor, _ b: Tensor, rtol: Double, atol: Double) throws -> Bool {
        let shape = try TorchBridge.run { try Tensor.broadcastShape(a.shape, b.shape) }
        let x = try TorchBridge.run { try a.expandValues(to: shape) }
        let y = try TorchBridge.run { try b.expandValues(to: shape) }
        for (p, q) in zip(x, y) where !(p == q || Swift.abs(p - q) <= atol + rtol * Swift.abs(q)) { return false }
        return true
    }

    static func norm(_ t: Tensor, p: PyValue, dims: [Int]?, keepdim: Bool) throws -> Tensor {
        switch p {
        case .str("fro"), .int(2), .float(2): return try t.norm2(dims: dims, keepdim: keepdim)
        case .int(1), .float(1):
            return try dims.map { try t.abs().sum(dims: $0, keepdim: keepdim) } ?? t.abs().sum()
        default:
            throw PyException(.notImplementedError, "gradviz: unsupported norm order \(p)")
        }
    }

}


import Python
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

    /// `torch.inner`: sums of products over the last dimension, as a matrix product and a view.
    static func inner(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if a.dim == 0 || b.dim == 0 { return try a.mul(b) }
        let k = a.shape[a.dim - 1]
        guard k == b.shape[b.dim - 1] else {
            throw PyException(.runtimeError, "inner() the last dimension must match on both input tensors but got shapes [\(a.shape.map(String.init).joined(separator: ", "))] and [\(b.shape.map(String.init).joined(separator: ", "))]")
        }
        let p = try a.reshape([-1, k]).mm(b.reshape([-1, k]).t())
        return try p.view(Array(a.shape.dropLast()) + Array(b.shape.dropLast()))
    }

    /// `torch.einsum` for one or two operands: permutations and sums of one operand,
    /// matrix, batched-matrix and dot products as PyTorch computes them (a product and
    /// a view), and any other contraction as a broadcast product summed over the dropped letters.
    static func einsum(_ equation: String, _ operands: [Tensor]) throws -> Tensor {
        let eq = equation.replacingOccurrences(of: " ", with: "")
        let sides = eq.components(separatedBy: "->")
        let inputs = sides[0].split(separator: ",", omittingEmptySubsequences: false).map { Array($0) }
        guard inputs.count == operands.count else {
            throw PyException(.runtimeError, "einsum(): more operands were provided than specified in the equation")
        }
        for (spec, t) in zip(inputs, operands) where spec.count != t.dim {
            throw PyException(.runtimeError, "einsum(): the number of subscripts in the equation (\(spec.count)) does not match the number of dimensions (\(t.dim)) for operand \(inputs.firstIndex(of: spec)!) and no ellipsis was given")
        }
        var sizes: [Character: Int] = [:]
        for (n, (spec, t)) in zip(inputs, operands).enumerated() {
            for (i, ch) in spec.enumerated() {
                if let s = sizes[ch], s != t.shape[i], s != 1, t.shape[i] != 1 {
                    throw PyException(.runtimeError, "einsum(): subscript \(ch) has size \(t.shape[i]) for operand \(n) which does not broadcast with previously seen size \(s)")
                }
                sizes[ch] = max(sizes[ch] ?? 1, t.shape[i])
            }
        }
        let output: [Character] = sides.count > 1 ? Array(sides[1])
            : sizes.keys.filter { ch in inputs.joined().filter { $0 == ch }.count == 1 }.sorted()
        if operands.count == 2 {
            let (a, b) = (operands[0], operands[1])
            let (x, y) = (inputs[0], inputs[1])
            if x.count == 2, y.count == 2, x[1] == y[0], output == [x[0], y[1]], Set(x + y).count == 3 {
                return try a.mm(b).view(a.shape.prefix(1) + b.shape.suffix(1))
            }
            if x.count == 1, y == x, output.isEmpty {
                return try a.view([1, a.numel]).mm(b.view([b.numel, 1])).view([])
            }
            if x.count == 3, y.count == 3, x[0] == y[0], x[2] == y[1], output == [x[0], x[1], y[2]], Set(x + y).count == 4 {
                return try a.bmm(b).view([a.shape[0], a.shape[1], b.shape[2]])
            }
        }
        // General case: align every operand to all letters, multiply, sum the dropped letters.
        let letters = output + sizes.keys.filter { !output.contains($0) }.sorted()
        var product: Tensor?
        for (spec, t) in zip(inputs, operands) {
            var u = t
            // Sum letters that appear only in this operand and not in the output.
            var own = spec
            for ch in Set(spec) where !output.contains(ch) && !inputs.contains(where: { $0 != spec && $0.contains(ch) }) {
                let d = own.firstIndex(of: ch)!
                u = try u.sum(dims: [d]); own.remove(at: d)
            }
            let order = letters.filter { own.contains($0) }.map { own.firstIndex(of: $0)! }
            if order != Array(0..<own.count) { u = try u.permute(order) }
            var k = 0
            let target = letters.map { ch -> Int in
                guard own.contains(ch) else { return 1 }
                defer { k += 1 }
                return u.shape[k]
            }
            if target != u.shape { u = try u.reshape(target) }
            product = try product.map { try $0.mul(u) } ?? u
        }
        guard var r = product else { throw PyException(.runtimeError, "einsum(): must provide at least one operand") }
        let dropped = Array(output.count..<letters.count).filter { r.dim > $0 }
        if !dropped.isEmpty { r = try r.sum(dims: dropped) }
        return r
    }
}

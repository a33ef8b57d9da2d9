extension TraceEvent {
    /// Whether a forward event changed its output's values in place (`w -= …`, `zero_()`).
    var isInPlace: Bool {
        op == "inplace" || (inputs ?? []).contains { $0.id == output?.id }
    }

    /// The snapshots that stand for tensors of the lesson (not gradient values).
    var mentionedTensors: [TensorSnapshot] {
        var out: [TensorSnapshot] = []
        out += inputs ?? []
        if let output { out.append(output) }
        if let tensor { out.append(tensor) }
        out += tensors ?? []
        out += roots ?? []
        return out
    }
}

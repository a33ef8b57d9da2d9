import Autograd
import Python

/// `torch.meshgrid(*tensors, indexing=None)`: each 0-D or 1-D input viewed along its own
/// axis and expanded to the grid (ATen's `meshgrid`; `'xy'` swaps the first two axes), the
/// coordinate grids that contour and quiver plots take.
enum TorchMeshgrid {
    static func install(in torch: PyModuleObject) {
        torch.set("meshgrid", TorchModule.fn("meshgrid") { args, interp in
            var inputs = args.positional
            if inputs.count == 1, let seq = inputs[0].asSequence { inputs = seq }
            let tensors = try AutogradModule.tensors(.list(PyList(inputs)), "tensors")
            let indexingValue = args.keyword("indexing") ?? .none
            let indexing: String
            if case .str(let s) = indexingValue {
                indexing = s
            } else {
                TorchWarnings.fromTorch(file: TorchWarnings.torchRoot + "/functional.py", line: 504,
                                        sourceLine: "return _VF.meshgrid(tensors, **kwargs)  # type: ignore[attr-defined]",
                                        message: "torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4207.)")
                indexing = "ij"
            }
            guard indexing == "ij" || indexing == "xy" else {
                throw PyException(.runtimeError, "torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: \(indexing)")
            }
            return .tuple(try grids(tensors, xy: indexing == "xy").map(TorchBridge.wrap))
        })
    }

    static func grids(_ input: [Tensor], xy: Bool) throws -> [Tensor] {
        guard !input.isEmpty else { throw PyException(.runtimeError, "torch.meshgrid: Expected at least one tensor") }
        for t in input where t.dim > 1 {
            throw PyException(.runtimeError, "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: \(t)")
        }
        var tensors = input
        if xy && tensors.count >= 2 { tensors.swapAt(0, 1) }
        let sizes = tensors.map(\.numel)
        var out = try tensors.enumerated().map { k, t -> Tensor in
            var shape = [Int](repeating: 1, count: sizes.count)
            shape[k] = -1
            return try t.reshape(shape).expand(sizes)
        }
        if xy && out.count >= 2 { out.swapAt(0, 1) }
        return out
    }
}

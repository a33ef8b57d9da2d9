import Autograd
import Python

/// `copy.copy` and `copy.deepcopy` of tensors and Parameters, as PyTorch makes them: a shallow
/// copy shares the data, a deep copy clones it (the `copy` module keeps the memo).
extension TensorMethods {
    static let copyMethods: [String: Method] = [
        "__copy__": { o, a, _ in
            _ = try a.bind(signature: "__copy__()")
            let t = o.tensor
            return try TorchBridge.run {
                let copy = t.detach()
                copy.isParameter = t.isParameter
                if t.requiresGrad { try copy.setRequiresGrad(true) }
                return TorchBridge.wrap(copy)
            }
        },
        "__deepcopy__": { o, a, _ in
            _ = try a.bind(signature: "__deepcopy__(memo)")
            let t = o.tensor
            return try TorchBridge.run {
                let copy = try t.detach().clone()
                if t.isParameter {
                    copy.isParameter = true
                    try copy.setRequiresGrad(t.requiresGrad)
                    return TorchBridge.wrap(copy)
                }
                guard t.isLeaf else {
                    throw PyException(.runtimeError, "Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment.  If you were attempting to deepcopy a module, this may be because of a torch.nn.utils.weight_norm usage, see https://github.com/pytorch/pytorch/pull/103001")
                }
                if t.requiresGrad { try copy.setRequiresGrad(true) }
                if let grad = t.grad { copy.grad = try grad.detach().clone() }
                return TorchBridge.wrap(copy)
            }
        },
    ]
}

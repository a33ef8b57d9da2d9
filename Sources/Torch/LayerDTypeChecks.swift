import Python
import Autograd

/// The dtype agreement PyTorch's layers and losses demand of their arguments, with ATen's
/// messages: parameters in the input's dtype, losses of floating tensors.
enum LayerDTypeChecks {
    /// `conv1d`/`conv2d`: the bias, then the weight, in the input's dtype.
    static func convolution(_ x: Tensor, weight w: Tensor, bias: Tensor?) throws {
        if let bias, bias.dtype != x.dtype {
            throw PyException(.runtimeError, "Input type (\(x.dtype.typeMetaName)) and bias type (\(bias.dtype.typeMetaName)) should be the same")
        }
        if w.dtype != x.dtype {
            throw PyException(.runtimeError, "expected scalar type \(x.dtype.scalarTypeName) but found \(w.dtype.scalarTypeName)")
        }
    }

    /// `linear` with a bias runs addmm, which names both dtypes (matmul's own check covers
    /// the bias-free form).
    static func linear(_ x: Tensor, weight w: Tensor, bias: Tensor?) throws {
        if bias != nil && x.dtype != w.dtype {
            throw PyException(.runtimeError, "mat1 and mat2 must have the same dtype, but got \(x.dtype.scalarTypeName) and \(w.dtype.scalarTypeName)")
        }
    }

    /// `batch_norm`/`layer_norm`: the parameters and statistics in the input's dtype, or in
    /// float32 for a float16/bfloat16 input (ATen's mixed-dtype check); batch_norm has no
    /// integer kernel.
    static func normalization(_ x: Tensor, _ parameters: [Tensor?], batch: Bool) throws {
        if batch && !x.dtype.isFloatingPoint {
            throw PyException(.notImplementedError, "\"batch_norm\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
        let reduced = x.dtype == .float16 || x.dtype == .bfloat16
        for case let p? in parameters where p.dtype != x.dtype && !(reduced && p.dtype == .float32) {
            throw PyException(.runtimeError, "mixed dtype (CPU): all inputs must share same datatype.")
        }
    }

    /// A pointwise regression loss (`mse_cpu`, `smooth_l1_cpu`, `huber_cpu`) computes in the
    /// promoted dtype of input and target, which must be floating.
    static func regression(_ x: Tensor, _ y: Tensor, kernel: String) throws {
        let dt = Tensor.resultType(x, y)
        guard dt.isFloatingPoint else {
            throw PyException(.notImplementedError, "\"\(kernel)\" not implemented for '\(dt.scalarTypeName)'")
        }
    }

    /// `binary_cross_entropy`: the target in the input's dtype, the input floating.
    static func binaryCrossEntropy(_ x: Tensor, _ y: Tensor) throws {
        if y.dtype != x.dtype {
            throw PyException(.runtimeError, "Found dtype \(y.dtype.scalarTypeName) but expected \(x.dtype.scalarTypeName)")
        }
        if !x.dtype.isFloatingPoint {
            throw PyException(.notImplementedError, "\"binary_cross_entropy\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
    }

    /// `binary_cross_entropy_with_logits`: log_sigmoid of the input, then arithmetic written
    /// in place into a tensor of the target's dtype.
    static func binaryCrossEntropyWithLogits(_ x: Tensor, _ y: Tensor) throws {
        if !x.dtype.isFloatingPoint {
            throw PyException(.notImplementedError, "\"log_sigmoid_cpu\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
        if !y.dtype.isFloatingPoint {
            throw PyException(.runtimeError, "result type \(DType.promote(x.dtype, y.dtype).scalarTypeName) can't be cast to the desired output type \(y.dtype.scalarTypeName)")
        }
    }
}

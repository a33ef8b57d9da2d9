/// `torch.autograd.functional` (vjp, jvp, jacobian, hessian, vhp, hvp) in the lesson
/// language, with PyTorch's argument handling, result structure (a Tensor or tuples of
/// them), detaching unless `create_graph`, and error messages. Forward-mode products
/// use the double-backward trick as PyTorch does; `vectorize=True` gives the same
/// values through the same loop.
enum AutogradFunctionalPrelude {
    static let source = #"""
import torch

def _as_tuple(inp, arg_name, fn_name):
    is_inp_tuple = True
    if not isinstance(inp, tuple):
        inp = (inp,)
        is_inp_tuple = False
    for i, el in enumerate(inp):
        if not isinstance(el, torch.Tensor):
            if is_inp_tuple:
                raise TypeError(f"The {arg_name} given to {fn_name} must be either a Tensor or a tuple of Tensors but the value at index {i} has type {type(el)}.")
            raise TypeError(f"The {arg_name} given to {fn_name} must be either a Tensor or a tuple of Tensors but the given {arg_name} has type {type(el)}.")
    return is_inp_tuple, inp

def _unpack(res, is_tuple):
    return res if is_tuple else res[0]

def _unpack2(res, outer_tuple, inner_tuple):
    if not inner_tuple:
        res = tuple(el[0] for el in res)
    if not outer_tuple:
        res = res[0]
    return res

def _prepare(inputs, create_graph, need_graph):
    result = []
    for inp in inputs:
        if create_graph and inp.requires_grad:
            result.append(inp.view_as(inp))
        else:
            result.append(inp.detach().requires_grad_(need_graph))
    return tuple(result)

def _finish(values, create_graph):
    if create_graph:
        return values
    result = []
    for v in values:
        if isinstance(v, torch.Tensor):
            result.append(v.detach())
        else:
            result.append(_finish(v, create_graph))
    return tuple(result)

def _validate_v(v, other, is_other_tuple):
    if len(other) != len(v):
        if is_other_tuple:
            raise RuntimeError(f"v is a tuple of invalid length: should be {len(other)} but got {len(v)}.")
        raise RuntimeError("The given v should contain a single Tensor.")
    for idx in range(len(v)):
        if v[idx].size() != other[idx].size():
            prepend = f"Entry {idx} in " if is_other_tuple else ""
            raise RuntimeError(f"{prepend}v has invalid size: should be {other[idx].size()} but got {v[idx].size()}.")

def _check_outputs(outputs, strict):
    if not strict:
        return
    for i, out in enumerate(outputs):
        if out is None or not out.requires_grad:
            raise RuntimeError(f"Output {i} of the user-provided function does not require gradients. The outputs must be computed in a differentiable manner from the input when running in strict mode.")

def _grad(outputs, inputs, grad_outputs=None, create_graph=False, retain_graph=None):
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    kept = []
    kept_grads = []
    for out, g in zip(outputs, grad_outputs):
        if out is not None and out.requires_grad:
            kept.append(out)
            kept_grads.append(g)
    if len(kept) == 0:
        return (None,) * len(inputs)
    return torch.autograd.grad(kept, inputs, kept_grads, allow_unused=True, create_graph=create_graph, retain_graph=retain_graph)

def _zeros_for_none(grads, refs, strict, create_graph, stage):
    result = []
    for i, g in enumerate(grads):
        if g is None:
            if strict:
                if stage == "back":
                    raise RuntimeError(f"The output of the user-provided function is independent of input {i}. This is not allowed in strict mode.")
                if stage == "back_trick":
                    raise RuntimeError(f"The gradient with respect to the input is independent of entry {i} in the grad_outputs when using the double backward trick to compute forward mode gradients. This is not allowed in strict mode.")
                if stage == "double_back":
                    raise RuntimeError(f"The jacobian of the user-provided function is independent of input {i}. This is not allowed in strict mode.")
                raise RuntimeError(f"The hessian of the user-provided function is independent of entry {i} in the grad_jacobian. This is not allowed in strict mode as it prevents from using the double backward trick to replace forward mode AD.")
            g = torch.zeros_like(refs[i])
        elif strict and create_graph and not g.requires_grad:
            if "double" not in stage:
                raise RuntimeError(f"The jacobian of the user-provided function is independent of input {i}. This is not allowed in strict mode when create_graph=True.")
            raise RuntimeError(f"The hessian of the user-provided function is independent of input {i}. This is not allowed in strict mode when create_graph=True.")
        result.append(g)
    return tuple(result)

def vjp(func, inputs, v=None, create_graph=False, strict=False):
    with torch.enable_grad():
        is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", "vjp")
        inputs = _prepare(inputs, create_graph, True)
        outputs = func(*inputs)
        is_outputs_tuple, outputs = _as_tuple(outputs, "outputs of the user-provided function", "vjp")
        _check_outputs(outputs, strict)
        if v is not None:
            _, v = _as_tuple(v, "v", "vjp")
            v = _prepare(v, create_graph, False)
            _validate_v(v, outputs, is_outputs_tuple)
        elif len(outputs) != 1 or outputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the user-provided function returns a single Tensor with a single element.")
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        result = _zeros_for_none(_grad(outputs, inputs, v, create_graph=create_graph), inputs, strict, create_graph, "back")
    return _unpack(_finish(outputs, create_graph), is_outputs_tuple), _unpack(_finish(result, create_graph), is_inputs_tuple)

def jvp(func, inputs, v=None, create_graph=False, strict=False):
    with torch.enable_grad():
        is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", "jvp")
        inputs = _prepare(inputs, create_graph, True)
        if v is not None:
            _, v = _as_tuple(v, "v", "jvp")
            v = _prepare(v, create_graph, False)
            _validate_v(v, inputs, is_inputs_tuple)
        elif len(inputs) != 1 or inputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.")
        outputs = func(*inputs)
        is_outputs_tuple, outputs = _as_tuple(outputs, "outputs of the user-provided function", "jvp")
        _check_outputs(outputs, strict)
        grad_outputs = tuple(torch.zeros_like(out, requires_grad=True) for out in outputs)
        grad_inputs = _grad(outputs, inputs, grad_outputs, create_graph=True)
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        result = _zeros_for_none(_grad(grad_inputs, grad_outputs, v, create_graph=create_graph), outputs, strict, create_graph, "back_trick")
    return _unpack(_finish(outputs, create_graph), is_outputs_tuple), _unpack(_finish(result, create_graph), is_outputs_tuple)

def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    if strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError('Expected strategy to be either "forward-mode" or "reverse-mode". Hint: If your function has more outputs than inputs, "forward-mode" tends to be more performant. Otherwise, prefer to use "reverse-mode".')
    if strategy == "forward-mode":
        if create_graph:
            raise NotImplementedError('torch.autograd.functional.jacobian: `create_graph=True` and `strategy="forward-mode"` are not supported together (yet). Please either set `create_graph=False` or `strategy="reverse-mode"`.')
        if not vectorize:
            raise NotImplementedError("Computing Jacobian using forward-AD or forward-over-reverse Hessian isonly implemented for `vectorize=True`.")
    with torch.enable_grad():
        is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", "jacobian")
        inputs = _prepare(inputs, create_graph, True)
        outputs = func(*inputs)
        is_outputs_tuple, outputs = _as_tuple(outputs, "outputs of the user-provided function", "jacobian")
        _check_outputs(outputs, strict)
        if vectorize and strict:
            raise RuntimeError("torch.autograd.functional.jacobian: `strict=True` and `vectorized=True` are not supported together. Please either set `strict=False` or `vectorize=False`.")
        result = []
        for i, out in enumerate(outputs):
            rows = [[] for _ in range(len(inputs))]
            for j in range(out.nelement()):
                grads = _grad((out.reshape(-1)[j],), inputs, retain_graph=True, create_graph=create_graph)
                for k in range(len(inputs)):
                    g = grads[k]
                    if g is not None:
                        if strict and create_graph and not g.requires_grad:
                            raise RuntimeError(f"The jacobian of the user-provided function is independent of input {i}. This is not allowed in strict mode when create_graph=True.")
                        rows[k].append(g)
                    else:
                        if strict:
                            raise RuntimeError(f"Output {i} of the user-provided function is independent of input {k}. This is not allowed in strict mode.")
                        rows[k].append(torch.zeros_like(inputs[k]))
            result.append(tuple(torch.stack(rows[k], dim=0).view(out.size() + inputs[k].size()) for k in range(len(inputs))))
        result = tuple(_finish(r, create_graph) for r in result)
        return _unpack2(result, is_outputs_tuple, is_inputs_tuple)

def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", "hessian")
    if outer_jacobian_strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError('Expected strategy to be either "forward-mode" or "reverse-mode".')

    def ensure_single_output_function(*inp):
        out = func(*inp)
        is_out_tuple, t_out = _as_tuple(out, "outputs of the user-provided function", "hessian")
        _check_outputs(t_out, strict)
        if is_out_tuple or not isinstance(out, torch.Tensor):
            raise RuntimeError("The function given to hessian should return a single Tensor")
        if out.nelement() != 1:
            raise RuntimeError("The Tensor returned by the function given to hessian should contain a single element")
        return out.squeeze()

    def jac_func(*inp):
        return jacobian(ensure_single_output_function, inp, create_graph=True)

    res = jacobian(jac_func, inputs, create_graph=create_graph, strict=strict, vectorize=vectorize, strategy=outer_jacobian_strategy)
    return _unpack2(res, is_inputs_tuple, is_inputs_tuple)

def _single_output(func, inputs, name, strict):
    outputs = func(*inputs)
    is_outputs_tuple, outputs = _as_tuple(outputs, "outputs of the user-provided function", name)
    _check_outputs(outputs, strict)
    if is_outputs_tuple or not isinstance(outputs[0], torch.Tensor):
        raise RuntimeError(f"The function given to {name} should return a single Tensor")
    if outputs[0].nelement() != 1:
        raise RuntimeError(f"The Tensor returned by the function given to {name} should contain a single element")
    return is_outputs_tuple, outputs

def _hessian_v(func, inputs, v, name, create_graph, strict):
    is_inputs_tuple, inputs = _as_tuple(inputs, "inputs", name)
    inputs = _prepare(inputs, create_graph, True)
    if v is not None:
        _, v = _as_tuple(v, "v", name)
        v = _prepare(v, create_graph, False)
        _validate_v(v, inputs, is_inputs_tuple)
    elif len(inputs) != 1 or inputs[0].nelement() != 1:
        raise RuntimeError("The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.")
    is_outputs_tuple, outputs = _single_output(func, inputs, name, strict)
    jac = _grad(outputs, inputs, create_graph=True)
    return is_inputs_tuple, inputs, v, is_outputs_tuple, outputs, jac

def vhp(func, inputs, v=None, create_graph=False, strict=False):
    with torch.enable_grad():
        is_inputs_tuple, inputs, v, is_outputs_tuple, outputs, jac = _hessian_v(func, inputs, v, "vhp", create_graph, strict)
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        result = _zeros_for_none(_grad(jac, inputs, v, create_graph=create_graph), inputs, strict, create_graph, "double_back")
    return _unpack(_finish(outputs, create_graph), is_outputs_tuple), _unpack(_finish(result, create_graph), is_inputs_tuple)

def hvp(func, inputs, v=None, create_graph=False, strict=False):
    with torch.enable_grad():
        is_inputs_tuple, inputs, v, is_outputs_tuple, outputs, jac = _hessian_v(func, inputs, v, "hvp", create_graph, strict)
        grad_jac = tuple(torch.zeros_like(inp, requires_grad=True) for inp in inputs)
        double_back = _grad(jac, inputs, grad_jac, create_graph=True)
    with torch.set_grad_enabled(True if create_graph else torch.is_grad_enabled()):
        result = _zeros_for_none(_grad(double_back, grad_jac, v, create_graph=create_graph), inputs, strict, create_graph, "double_back_trick")
    return _unpack(_finish(outputs, create_graph), is_outputs_tuple), _unpack(_finish(result, create_graph), is_inputs_tuple)
"""#
}

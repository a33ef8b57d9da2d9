/// `torch.optim` (SGD and Adam), written in the lesson language as PyTorch writes it
/// in Python, following the single-tensor update paths PyTorch uses on the CPU.
enum OptimPrelude {
    static let source = #"""
import math
import torch

class Optimizer:
    def __init__(self, params, defaults):
        self.defaults = defaults
        self.state = {}
        self.param_groups = []
        if isinstance(params, torch.Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of Tensors or dicts, but got " + torch.typename(params))
        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{'params': param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)

    def add_param_group(self, param_group):
        params = param_group['params']
        if isinstance(params, torch.Tensor):
            param_group['params'] = [params]
        else:
            param_group['params'] = list(params)
        for param in param_group['params']:
            if not isinstance(param, torch.Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is " + torch.typename(param))
            if not param.is_leaf:
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if name not in param_group:
                param_group[name] = default
        self.param_groups.append(param_group)

    def zero_grad(self, set_to_none=True):
        torch._gradviz.zero_grad([p for g in self.param_groups for p in g['params']], set_to_none)

    def state_dict(self):
        return {'state': self.state, 'param_groups': [{k: v for k, v in g.items() if k != 'params'} for g in self.param_groups]}

    def __repr__(self):
        format_string = type(self).__name__ + ' ('
        for i, group in enumerate(self.param_groups):
            format_string += '\n'
            format_string += f'Parameter Group {i}\n'
            for key in sorted(group.keys()):
                if key != 'params':
                    format_string += f'    {key}: {group[key]}\n'
        format_string += ')'
        return format_string

    def _evaluate(self, closure):
        if closure is None:
            return None
        with torch.enable_grad():
            return closure()

    def _params_with_grad(self, group):
        params = [p for p in group['params'] if p.grad is not None]
        recording = torch._gradviz.recording()
        before = [p.clone() for p in params] if recording else []
        return params, before, recording

    def _record(self, params, before, rule):
        if torch._gradviz.recording():
            torch._gradviz.step(params, before, rule, type(self).__name__)

class SGD(Optimizer):
    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False, foreach=None, differentiable=False, fused=None):
        if isinstance(lr, torch.Tensor) and lr.numel() != 1:
            raise ValueError("Tensor lr must be 1-element")
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay, nesterov=nesterov, maximize=maximize, foreach=foreach, differentiable=differentiable, fused=fused)
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = self._evaluate(closure)
        with torch.no_grad():
            for group in self.param_groups:
                lr = group['lr']
                momentum = group['momentum']
                dampening = group['dampening']
                weight_decay = group['weight_decay']
                nesterov = group['nesterov']
                maximize = group['maximize']
                params, before, recording = self._params_with_grad(group)
                for param in params:
                    grad = param.grad if not maximize else -param.grad
                    if weight_decay != 0:
                        grad = grad.add(param, alpha=weight_decay)
                    if momentum != 0:
                        state = self.state.get(param)
                        if state is None:
                            state = {}
                            self.state[param] = state
                        buf = state.get('momentum_buffer')
                        if buf is None:
                            buf = torch.clone(grad).detach()
                            state['momentum_buffer'] = buf
                        else:
                            buf.mul_(momentum).add_(grad, alpha=1 - dampening)
                        if nesterov:
                            grad = grad.add(buf, alpha=momentum)
                        else:
                            grad = buf
                    param.add_(grad, alpha=-lr)
                if recording:
                    rule = f"p ← p − lr · grad   (lr = {lr}"
                    if momentum != 0:
                        rule += f", momentum = {momentum}"
                    if weight_decay != 0:
                        rule += f", weight_decay = {weight_decay}"
                    rule += ")"
                    self._record(params, before, rule)
        return loss

class Adam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *, foreach=None, maximize=False, capturable=False, differentiable=False, fused=None, decoupled_weight_decay=False):
        if isinstance(lr, torch.Tensor) and lr.numel() != 1:
            raise ValueError("Tensor lr must be 1-element")
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= betas[0] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
        if not 0.0 <= betas[1] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad, maximize=maximize, foreach=foreach, capturable=capturable, differentiable=differentiable, fused=fused, decoupled_weight_decay=decoupled_weight_decay)
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = self._evaluate(closure)
        with torch.no_grad():
            for group in self.param_groups:
                lr = group['lr']
                beta1, beta2 = group['betas']
                eps = group['eps']
                weight_decay = group['weight_decay']
                amsgrad = group['amsgrad']
                maximize = group['maximize']
                params, before, recording = self._params_with_grad(group)
                for param in params:
                    grad = param.grad if not maximize else -param.grad
                    state = self.state.get(param)
                    if state is None:
                        state = {}
                        self.state[param] = state
                    if len(state) == 0:
                        state['step'] = torch.tensor(0.0)
                        state['exp_avg'] = torch.zeros_like(param)
                        state['exp_avg_sq'] = torch.zeros_like(param)
                        if amsgrad:
                            state['max_exp_avg_sq'] = torch.zeros_like(param)
                    exp_avg = state['exp_avg']
                    exp_avg_sq = state['exp_avg_sq']
                    step_t = state['step']
                    step_t += 1
                    if weight_decay != 0:
                        if group['decoupled_weight_decay']:
                            param.mul_(1 - lr * weight_decay)
                        else:
                            grad = grad.add(param, alpha=weight_decay)
                    exp_avg.lerp_(grad, 1 - beta1)
                    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                    step = step_t.item()
                    bias_correction1 = 1 - beta1 ** step
                    bias_correction2 = 1 - beta2 ** step
                    step_size = lr / bias_correction1
                    bias_correction2_sqrt = bias_correction2 ** 0.5
                    if amsgrad:
                        state['max_exp_avg_sq'] = torch.maximum(state['max_exp_avg_sq'], exp_avg_sq)
                        denom = (state['max_exp_avg_sq'].sqrt() / bias_correction2_sqrt).add_(eps)
                    else:
                        denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
                    param.addcdiv_(exp_avg, denom, value=-step_size)
                if recording:
                    self._record(params, before, f"p ← p − lr · m̂ / (√v̂ + ε)   (lr = {lr}, betas = {group['betas']}, eps = {eps})")
        return loss
"""#
}

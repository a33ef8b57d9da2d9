#!/usr/bin/env python3
"""Print facts about real PyTorch that gradviz must reproduce.

Four sections, each line self-contained so the file can be read by people and parsed
by tests:

    grad_fn  <expression>  =>  <grad_fn.name()>            (or None)
    grad     <expression>  =>  <gradient of each input as a list>
    error    <statements>  =>  <ExceptionType>: <message>  (newlines escaped as \\n)
    warning  <statements>  =>  <Category>: <message>  (several joined by "  ||  ")

Every expression runs in a fresh namespace holding the tensors made by `setup()`, so
no fact depends on another. The output is deterministic and is saved as
Tests/Goldens/torch_facts.txt by scripts/regen_goldens.py.
"""

import sys
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Function


class Line(Function):
    """The seed lesson's w * x + b, as a custom Function."""

    @staticmethod
    def forward(ctx, w, x, b):
        ctx.save_for_backward(w, x, b)
        return w * x + b

    @staticmethod
    def backward(ctx, grad_out):
        w, x, b = ctx.saved_tensors
        return grad_out * x, grad_out * w, grad_out


class TooFewGrads(Function):
    @staticmethod
    def forward(ctx, a, b):
        return a * b

    @staticmethod
    def backward(ctx, grad):
        return (grad,)


class WrongShapeGrad(Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2

    @staticmethod
    def backward(ctx, grad):
        return torch.ones(3)


def setup():
    torch.manual_seed(0)
    return {
        "torch": torch,
        "nn": nn,
        "F": F,
        "Line": Line,
        "TooFewGrads": TooFewGrads,
        "WrongShapeGrad": WrongShapeGrad,
        "x": torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True),
        "y": torch.tensor([[0.5, -1.0], [2.0, 1.5]], requires_grad=True),
        "v": torch.tensor([1.0, -2.0], requires_grad=True),
        "s": torch.tensor(3.0, requires_grad=True),
        "d": torch.tensor([0.5, 2.0], dtype=torch.float64, requires_grad=True),
        "b3": torch.ones(2, 2, 2, requires_grad=True),
        "W": torch.tensor([[1.0, 0.0], [0.5, -1.0], [2.0, 1.0]], requires_grad=True),
        "bias": torch.tensor([0.1, 0.2, 0.3], requires_grad=True),
        "idx": torch.tensor([1, 0]),
        "target": torch.tensor([1, 0]),
        "c": torch.tensor([1.0, 2.0]),
    }


GRAD_FN_EXPRESSIONS = [
    "x * y", "x * 2", "2 * x", "x * s", "x + y", "x + 2", "2 + x", "x - y", "x - 2", "2 - x",
    "x / y", "x / 2", "2 / x", "x ** 2", "x ** 0.5", "x ** y", "2 ** x", "s ** s", "-x", "x.neg()",
    "x.pow(2)", "torch.pow(x, 3)", "x * c", "c * x",
    "x.sum()", "x.sum(0)", "x.sum(dim=1, keepdim=True)", "torch.sum(x)", "x.mean()", "x.mean(0)",
    "x.mean(1, keepdim=True)", "torch.mean(x)",
    "x.t()", "x.T", "torch.t(x)", "x.view(4)", "x.view(-1)", "x.view(1, 4)", "x.reshape(4)",
    "x.t().reshape(4)", "x[0]", "x[0, 1]", "x[-1]", "x[0:2]", "x[0:1]", "x[:, 0]", "x[:, 0:1]",
    "x[idx]", "x[1][0]", "x.unsqueeze(0)", "x.unsqueeze(-1)", "x.squeeze()", "x.unsqueeze(0).squeeze()",
    "x.unsqueeze(0).squeeze(0)", "x.squeeze(0)", "s.unsqueeze(0)",
    "v @ v", "x @ v", "v @ x", "x @ y", "b3 @ x", "x @ b3", "x.mm(y)", "torch.mm(x, y)",
    "torch.matmul(x, y)", "x.matmul(v)", "torch.dot(v, v)", "torch.mv(x, v)",
    "x.exp()", "x.log()", "x.sin()", "x.cos()", "x.tanh()", "x.sigmoid()", "x.relu()",
    "torch.relu(x)", "x.sqrt()", "x.abs()", "abs(x)",
    "x.clamp(0, 1)", "x.clamp(min=0)", "x.clamp(max=1)", "torch.clamp(x, -1, 1)",
    "x.clamp(min=torch.zeros(2, 2))",
    "v.expand(3, 2)", "x.expand(2, 2, 2)", "torch.cat([x, y])", "torch.cat([x, y], 1)",
    "torch.stack([x, y])", "x.clone()", "x.detach()", "x.data", "x.double()", "x.float()",
    "(x * 1).add_(1)", "(x * 1).sub_(1)", "(x * 1).mul_(2)", "(x * 1).div_(2)", "(x * 1).pow_(2)",
    "(x * 1).zero_()", "(x * 1).fill_(1)", "(x * 1).copy_(y)", "(x * 1).clamp_(0, 1)",
    "(x * 1).exp_()", "(x * 1).relu_()",
    "x.max()", "x.min()", "x.max(0)[0]", "x.max(dim=1).values", "x.norm()", "x.softmax(0)",
    "x.log_softmax(1)", "F.softmax(x, dim=1)", "F.log_softmax(x, dim=1)", "F.relu(x)",
    "F.sigmoid(x)", "F.tanh(x)", "torch.sigmoid(x)", "torch.tanh(x)",
    "F.mse_loss(x, y)", "F.mse_loss(x, y, reduction='sum')", "F.mse_loss(x, y, reduction='none')",
    "nn.MSELoss()(x, y)", "F.cross_entropy(x, target)", "F.cross_entropy(x, target, reduction='sum')",
    "F.nll_loss(F.log_softmax(x, dim=1), target)", "F.linear(x, W)", "F.linear(x, W, bias)",
    "F.linear(v, W, bias)", "nn.Linear(2, 3)(x)", "nn.Linear(2, 3, bias=False)(x)",
    "nn.Linear(2, 1)(v)", "nn.ReLU()(x)", "nn.Sigmoid()(x)", "nn.Tanh()(x)",
    "Line.apply(x, y, x)",
    "torch.autograd.grad((x ** 3).sum(), x, create_graph=True)[0]",
    "torch.autograd.grad((x * y).sum(), x, create_graph=True)[0]",
    "torch.autograd.grad(x.exp().sum(), x, create_graph=True)[0]",
    "x.sum().grad_fn.next_functions[0][0]",
    "d * d", "d.sum()", "x * d[0]",
]

# Each entry: (statements, inputs). The statements may assign `out`; `out.sum()` is
# backpropagated (unless the statements ran backward themselves) and each input's .grad printed.
GRAD_EXPRESSIONS = [
    ("out = x.clamp(1, 3)", "x"),
    ("out = x.clamp(min=2)", "x"),
    ("out = x.clamp(max=2)", "x"),
    ("z = torch.tensor([-1.0, 0.0, 1.0], requires_grad=True); out = z.relu()", "z"),
    ("z = torch.tensor([-1.0, 0.0, 1.0], requires_grad=True); out = z.abs()", "z"),
    ("z = torch.tensor([0.0, 1.0, 4.0], requires_grad=True); out = z.sqrt()", "z"),
    ("z = torch.tensor([0.0, 1.0, 4.0], requires_grad=True); out = z ** 0.5", "z"),
    ("z = torch.tensor([0.0, 1.0, -2.0], requires_grad=True); out = z ** 2", "z"),
    ("z = torch.tensor([0.0, 1.0, 2.0], requires_grad=True); out = z ** 0", "z"),
    ("z = torch.tensor([0.0, 2.0], requires_grad=True); e = torch.tensor([0.0, 3.0], requires_grad=True); out = z ** e", "z, e"),
    ("z = torch.tensor([0.0, 1.0], requires_grad=True); out = z.log()", "z"),
    ("z = torch.tensor([1.0, 2.0, 2.0], requires_grad=True); out = z.max()", "z"),
    ("z = torch.tensor([1.0, 1.0, 0.0], requires_grad=True); out = z.min()", "z"),
    ("z = torch.tensor([0.0, 0.0], requires_grad=True); out = z.norm()", "z"),
    ("z = torch.tensor([1.0, 2.0], requires_grad=True); out = 2 / z", "z"),
    ("out = F.mse_loss(x, y)", "x, y"),
    ("out = F.cross_entropy(x, target)", "x"),
    ("out = x.softmax(1)[:, 0]", "x"),
    ("out = x @ x", "x"),
    ("out = (v * v).sum() * s", "v, s"),
    ("a = x * 1; a[0, 0] = 5.0; out = a * x", "x"),
]

ERROR_STATEMENTS = [
    "out = (x * x).sum(); out.backward(); out.backward()",
    "out = (x * 2).sum(); out.backward(); out.backward()",
    "out = x.sum(); out.backward(); out.backward()",
    "out = (x.exp()).sum(); torch.autograd.grad(out, x); torch.autograd.grad(out, x)",
    "(x * 2).backward()",
    "(v * 2).backward()",
    "torch.ones(2).sum().backward()",
    "torch.tensor(1.0).backward()",
    "with torch.no_grad():\n    out = (x * 2).sum()\nout.backward()",
    "torch.autograd.grad(torch.ones(2).sum(), x)",
    "torch.autograd.grad((x * 2).sum(), [x, y])",
    "torch.autograd.grad((y * 2).sum(), [x, y])",
    "torch.autograd.grad((x * 2).sum(), torch.ones(2))",
    "x.add_(1)",
    "x.mul_(2)",
    "x.zero_()",
    "x += 1",
    "x[0, 0] = 5.0",
    "x.copy_(y)",
    "a = x * 2; b = a * a; a.add_(1); b.sum().backward()",
    "a = x * 2; b = a * a; a.mul_(3); b.sum().backward()",
    "a = x * 2; b = a * y; a[0, 0] = 0.0; b.sum().backward()",
    "a = s * 2; b = a * a; a.add_(1); b.backward()",
    "a = d * 2; b = a * a; a.add_(1); b.sum().backward()",
    "a = x.sigmoid(); a.mul_(2); a.sum().backward()",
    "a = x.exp(); a.add_(1); a.sum().backward()",
    "a = x.tanh(); a.sub_(1); a.sum().backward()",
    "a = d.exp(); a.add_(1); a.sum().backward()",
    "a = x * 1; b = a.pow(2); a.add_(1); b.sum().backward()",
    "a = x * 1; b = a.sqrt(); a.add_(1); b.sum().backward()",
    "b = v * v\nwith torch.no_grad():\n    v.add_(1)\nb.sum().backward()",
    "b = s * s\nwith torch.no_grad():\n    s.mul_(2)\nb.backward()",
    "b = d * d\nwith torch.no_grad():\n    d.add_(1)\nb.sum().backward()",
    "torch.ones(3) + torch.ones(2)",
    "torch.ones(2, 3) * torch.ones(2)",
    "torch.ones(2, 3) - torch.ones(3, 2)",
    "torch.ones(4) / torch.ones(2, 3)",
    "torch.ones(3).add_(torch.ones(2, 3))",
    "torch.tensor([1, 2]).add_(1.5)",
    "torch.ones(2, 3).mm(torch.ones(2, 3))",
    "torch.mm(torch.ones(2, 3), torch.ones(4, 2))",
    "torch.ones(2, 3) @ torch.ones(2, 3)",
    "torch.ones(3) @ torch.ones(2)",
    "torch.ones(2, 3) @ torch.ones(2)",
    "torch.ones(3) @ torch.ones(2, 3)",
    "torch.ones(3).mm(torch.ones(3, 2))",
    "torch.ones(2, 2, 3) @ torch.ones(2, 3)",
    "torch.arange(6.0).view(4)",
    "torch.arange(6.0).reshape(4, -1)",
    "torch.arange(6.0).view(-1, -1)",
    "torch.arange(6.0).reshape(2, 3).t().view(-1)",
    "torch.tensor([1.0, 2.0]).item()",
    "torch.tensor([]).item()",
    "torch.tensor([1, 2], requires_grad=True)",
    "torch.tensor([1, 2]).requires_grad_()",
    "torch.ones(2, dtype=torch.int64, requires_grad=True)",
    "torch.arange(3, requires_grad=True)",
    "torch.ones(3)[5]",
    "torch.ones(3)[-4]",
    "torch.ones(2, 3)[0, 3]",
    "torch.ones(2, 3)[2]",
    "torch.ones(3)[0, 0]",
    "torch.ones(3)[1:2] = torch.ones(2)",
    "(x * 2).backward(torch.ones(3))",
    "(x * 2).backward(torch.ones(2))",
    "torch.autograd.grad(x * 2, x, grad_outputs=torch.ones(4))",
    "(x * 2).requires_grad_(False)",
    "torch.tensor([1, 2]).mean()",
    "torch.tensor([1, 2]).mean(0)",
    "x.grad.zero_()",
    "Line.apply(x, y)",
    "TooFewGrads.apply(x, y).sum().backward()",
    "WrongShapeGrad.apply(v).sum().backward()",
    "torch.tensor([[1.0, 2.0], [3.0]])",
    "torch.ones(2, 3).squeeze(2)",
    "torch.ones(2, 3).sum(2)",
    "torch.ones(2, 3).unsqueeze(3)",
    "torch.ones(2, 2, 2).t()",
    "x.grad = torch.ones(3)",
    "x.grad = torch.ones(2, 2, dtype=torch.float64)",
    "x.numpy()",
    "torch.ones(2).register_hook(lambda g: g)",
    "torch.ones(2).retain_grad()",
    "torch.ones(2).clamp()",
    "torch.optim.SGD([x * 2], lr=0.1)",
    "torch.optim.SGD([x], lr=-0.1)",
    "torch.optim.SGD([x], lr=0.1, momentum=-1)",
    "torch.optim.SGD([x], lr=0.1, nesterov=True)",
    "torch.optim.Adam([x], lr=0.1, betas=(1.0, 0.999))",
    "torch.optim.Adam([x], lr=-1)",
    "torch.optim.SGD([], lr=0.1)",
    "nn.Linear(3, 4)(torch.ones(1, 2))",
    "nn.Linear(3, 4)(torch.ones(2))",
    "F.cross_entropy(x, torch.tensor([2, 0]))",
    "F.cross_entropy(x, torch.tensor([1.0, 0.0, 1.0]))",
    "F.mse_loss(torch.ones(2, 3), torch.ones(3, 2))",
    "nn.Parameter(torch.tensor([1, 2]))",
    "torch.autograd.gradcheck(lambda t: t * 2, (torch.ones(2, dtype=torch.float64),))",
    "torch.tensor(1.0) + 'a'",
    "torch.ones(2, 2).view(2, 2, 2)",
]

# Statements that succeed but make PyTorch emit a warning (shown on stderr by Python).
WARNING_STATEMENTS = [
    "a = x * 2; a.sum().backward(); a.grad",
    "out = (x ** 3).sum(); out.backward(create_graph=True)",
    "v.T",
    "F.mse_loss(torch.ones(2, 3), torch.ones(3))",
    "nn.MSELoss()(torch.ones(2, 1), torch.ones(2))",
    "x.sum().backward(); x.grad.grad",
]


def run(source, namespace):
    exec(compile(source, "<fact>", "exec"), namespace)


def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def grad_fn_facts():
    print("## grad_fn.name() of each expression (x, y: 2x2; v: [2]; s: 0-d; d: float64 [2]; b3: 2x2x2)")
    for expression in GRAD_FN_EXPRESSIONS:
        namespace = setup()
        try:
            run("result = " + expression, namespace)
            result = namespace["result"]
            node = result if not isinstance(result, torch.Tensor) else result.grad_fn
            name = node.name() if node is not None else "None"
        except Exception as error:
            name = "raises %s: %s" % (type(error).__name__, escape(str(error)))
        print("grad_fn  %s  =>  %s" % (expression, name))


def grad_facts():
    print("## gradients at edge cases (out.sum().backward(), then .grad of each input as a list)")
    for statements, inputs in GRAD_EXPRESSIONS:
        namespace = setup()
        run(statements + "\nout.sum().backward()", namespace)
        names = [name.strip() for name in inputs.split(",")]
        values = ["%s=%s" % (name, namespace[name].grad.tolist()) for name in names]
        print("grad  %s  =>  %s" % (statements, "  ".join(values)))


def error_facts():
    print("## errors: the statements, then the exception type and message")
    for statements in ERROR_STATEMENTS:
        namespace = setup()
        try:
            # Warnings have their own section; here they would only clutter stderr.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                run(statements, namespace)
            outcome = "no error"
        except Exception as error:
            outcome = "%s: %s" % (type(error).__name__, escape(str(error)))
        print("error  %s  =>  %s" % (escape(statements), outcome))


def warning_facts():
    print("## warnings: the statements, then each warning's category and message")
    for statements in WARNING_STATEMENTS:
        namespace = setup()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            run(statements, namespace)
        messages = ["%s: %s" % (w.category.__name__, escape(str(w.message))) for w in caught]
        print("warning  %s  =>  %s" % (escape(statements), "  ||  ".join(messages) or "no warning"))


def main():
    print("# torch %s, python %s" % (torch.__version__, sys.version.split()[0]))
    grad_fn_facts()
    grad_facts()
    error_facts()
    warning_facts()


if __name__ == "__main__":
    main()

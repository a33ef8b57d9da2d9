/// Random lesson programs for the pictures' truth test: ops on a few named tensors,
/// backward with and without `retain_graph` (errors caught), `.grad = None`, `grad.zero_()`,
/// `requires_grad_()`, rebinding and `del`, `no_grad`, `detach`, `create_graph`, custom
/// Functions, and after every statement a print of every variable's state in a form the test
/// reads back (`@ name values grad requires_grad is_leaf grad_fn next_functions`).
///
/// The generator knows which names hold tensors at every point, so the test can check the
/// frames against it as well as against what the program printed.
struct ProgramGenerator {
    /// A SplitMix64 stream: the same seed gives the same program on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    }

    struct Program {
        var source: String
        /// After each numbered checkpoint (`@@ k`), the tensor variables bound at module level.
        var bound: [[String]]
    }

    var random: Random
    private var lines: [String] = []
    private var vars: [String] = []
    private var leaves: Set<String> = []
    private var checkpoints: [[String]] = []
    private var counter = 0

    init(seed: UInt64) {
        random = Random(state: seed)
    }

    mutating func program(statements: Int = 14) -> Program {
        emit("import torch")
        emit("""
        class Scale(torch.autograd.Function):
            @staticmethod
            def forward(ctx, a):
                ctx.save_for_backward(a)
                return a * 3
            @staticmethod
            def backward(ctx, g):
                (a,) = ctx.saved_tensors
                return g * 3
        """)
        emit("""
        def show(name, t):
            g = None if t.grad is None else t.grad.tolist()
            f = None if t.grad_fn is None else t.grad_fn.name()
            n = [] if t.grad_fn is None else [None if e[0] is None else e[0].name() for e in t.grad_fn.next_functions]
            print("@", name, t.tolist(), g, t.requires_grad, t.is_leaf, f, n)
        """)
        for _ in 0..<2 { leaf() }
        for _ in 0..<statements { step() }
        return Program(source: lines.joined(separator: "\n") + "\n", bound: checkpoints)
    }

    private mutating func emit(_ s: String) { lines.append(s) }

    private mutating func fresh() -> String {
        counter += 1
        return "v\(counter)"
    }

    private mutating func checkpoint() {
        emit("print(\"@@ \(checkpoints.count)\")")
        for v in vars.sorted() { emit("show(\"\(v)\", \(v))") }
        checkpoints.append(vars.sorted())
    }

    private mutating func value() -> String {
        let size = random.pick([0, 2, 3])
        let numbers = (0..<max(size, 1)).map { _ in String(format: "%.2f", Double(random.int(400)) / 100 - 2) }
        return size == 0 ? numbers[0] : "[" + numbers.joined(separator: ", ") + "]"
    }

    private mutating func leaf() {
        let name = fresh()
        emit("\(name) = torch.tensor(\(value()), requires_grad=True)")
        vars.append(name)
        leaves.insert(name)
        checkpoint()
    }

    /// A variable with elements that broadcast with `other` (0-dim or the same shape).
    private mutating func operand() -> String { random.pick(vars) }

    private mutating func step() {
        if vars.isEmpty { return leaf() }
        let a = operand(), b = operand()
        switch random.int(14) {
        case 0, 1, 2:
            let name = random.chance(0.3) && !vars.isEmpty ? random.pick(vars) : fresh()
            let expr = random.pick(["\(a) * \(b).sum()", "\(a) + 2 * \(a).mean()", "(\(a) * \(a)).sum()", "\(a).exp()",
                                     "\(a).sin() * 0.5", "\(a) ** 2", "\(a) - \(b).sum()", "Scale.apply(\(a))"])
            emit("\(name) = \(expr)")
            if !vars.contains(name) { vars.append(name) }
            leaves.remove(name)
        case 3:
            leaf()
            return
        case 4, 5:
            let retain = random.chance(0.5) ? ", retain_graph=True" : ""
            emit("try:\n    \(a).sum().backward(\(retain.isEmpty ? "" : "retain_graph=True"))\nexcept RuntimeError as e:\n    print(\"error:\", str(e)[:40])")
            _ = retain
        case 6:
            emit("\(a).grad = None")
        case 7:
            emit("if \(a).grad is not None:\n    \(a).grad.zero_()")
        case 8:
            let name = fresh()
            emit("\(name) = \(a).detach()")
            vars.append(name)
            leaves.insert(name)
        case 9:
            let name = fresh()
            emit("with torch.no_grad():\n    \(name) = \(a) * 2")
            vars.append(name)
            leaves.insert(name)
        case 10:
            if let l = vars.first(where: { leaves.contains($0) }) {
                emit("if not \(l).requires_grad:\n    \(l).requires_grad_()")
            }
        case 11:
            if vars.count > 2 {
                let v = random.pick(vars)
                emit("del \(v)")
                vars.removeAll { $0 == v }
                leaves.remove(v)
            }
        case 12:
            let name = fresh()
            emit("try:\n    (\(name),) = torch.autograd.grad((\(a) * \(a)).sum(), \(a), create_graph=True)\nexcept RuntimeError as e:\n    \(name) = torch.tensor(0.0)\n    print(\"error:\", str(e)[:40])")
            vars.append(name)
            leaves.remove(name)
        default:
            let name = fresh()
            emit("\(name) = \(a)")
            vars.append(name)
        }
        checkpoint()
    }
}

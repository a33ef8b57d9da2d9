/// The generated sentences of explanations, in the lesson's language (English or Chinese).
struct Words: Sendable {
    let zh: Bool

    init(language: String) {
        zh = language == "zh"
    }

    /// `∂z/∂y`, with a composite name grouped: `∂z/∂(x.grad)`.
    func partial(of root: String, by name: String) -> String {
        let simple = FormulaBinder.isSimpleName
        return "∂" + (simple(root) ? root : "(" + root + ")") + "/∂" + (simple(name) ? name : "(" + name + ")")
    }

    func partOf(_ symbol: String, via role: String) -> String {
        zh ? "\(symbol) 的一部分（经 \(role)）" : "part of \(symbol) (via \(role))"
    }

    func unnamed(_ v: TensorValues) -> String {
        zh ? "一个临时张量" : "a temporary tensor"
    }

    func outputOf(_ node: String) -> String { zh ? "\(node) 的输出" : "the output of \(node)" }

    func iteration(_ n: Int, line: Int) -> String {
        zh ? "第 \(line) 行的循环：第 \(n) 次迭代" : "the loop at line \(line): iteration \(n)"
    }

    func summary(_ n: Int, of count: Int, every: Int) -> String {
        zh ? "第 \(n) / \(count) 次迭代（每 \(every) 次一个摘要）" : "iteration \(n) of \(count) (a summary every \(every))"
    }

    func lossNow(_ v: String) -> String { zh ? "当前损失：\(v)" : "loss now: \(v)" }

    func loss(at n: Int, _ v: String) -> String { zh ? "第 \(n) 次迭代的损失：\(v)" : "loss at iteration \(n): \(v)" }

    func loopEnd(_ n: Int, line: Int) -> String {
        zh ? "第 \(line) 行的循环结束：共 \(n) 次迭代" : "the loop at line \(line) is done after \(n) iteration\(n == 1 ? "" : "s")"
    }

    func nodeBegins(_ node: String) -> String {
        zh ? "\(node) 开始运行：它的 backward 是课程里的代码" : "\(node) starts: its backward is lesson code"
    }

    func hook(on tensor: String, sees g: String, returns r: String?) -> String {
        let tail = r.map { zh ? "，返回 \($0)" : " and returns \($0)" } ?? (zh ? "，不改变梯度" : ", leaving it unchanged")
        return zh ? "\(tensor) 上的钩子收到梯度 \(g)\(tail)" : "a hook on \(tensor) sees the gradient \(g)\(tail)"
    }

    func zeroGrad(_ names: [String], setToNone: Bool) -> String {
        let list = Words.list(names)
        if zh { return setToNone ? "zero_grad()：\(list) 的 .grad 设为 None" : "zero_grad()：\(list) 的 .grad 清零" }
        return setToNone ? "zero_grad(): the .grad of \(list) is set to None" : "zero_grad(): the .grad of \(list) is filled with zeros"
    }

    func step(_ optimizer: String, _ names: [String]) -> String {
        zh ? "\(optimizer).step() 更新 \(Words.list(names))" : "\(optimizer).step() updates \(Words.list(names))"
    }

    func gradMode(_ on: Bool) -> String {
        if zh { return on ? "梯度模式开启：运算会被记录进计算图" : "梯度模式关闭：运算不再被记录" }
        return on ? "grad mode is on: ops are recorded into the graph" : "grad mode is off: ops are not recorded"
    }

    var prints: String { zh ? "课程打印输出" : "the lesson prints" }

    var showsFigure: String { zh ? "plt.show() 显示图像" : "plt.show() shows the figure" }

    func saves(figureTo path: String) -> String { zh ? "savefig 把图像保存到 \(path)" : "savefig writes the figure to \(path)" }

    func raises(_ type: String) -> String { zh ? "抛出 \(type)" : "\(type) is raised" }

    func inPlace(target: String, op: String, before: String, after: String) -> String {
        zh ? "\(target) 被原地修改（\(op)）：\(before) → \(after)" : "\(target) changes in place (\(op)): \(before) → \(after)"
    }

    func rebased(_ target: String, onto node: String) -> String {
        zh ? "\(target) 的 grad_fn 变为 \(node)" : "\(target)'s grad_fn becomes \(node)"
    }

    func computes(_ out: String, call: String, value: String) -> String {
        "\(out) = \(call) = \(value)"
    }

    func creates(_ out: String, op: String, value: String, requiresGrad: Bool) -> String {
        let flag = requiresGrad ? (zh ? "，requires_grad=True：一个叶子张量" : ", requires_grad=True: a leaf tensor") : ""
        return zh ? "torch.\(op) 创建 \(out) = \(value)\(flag)" : "torch.\(op) creates \(out) = \(value)\(flag)"
    }

    func records(_ node: String, for out: String) -> String {
        zh ? "记录 \(node)：它会把 \(out) 的梯度传给输入" : "\(node) is recorded: it will pass \(out)'s gradient back to the inputs"
    }

    func saves(_ items: [String]) -> String {
        zh ? "为反向传播保存：\(items.joined(separator: "，"))" : "saved for backward: \(items.joined(separator: ", "))"
    }

    var notRecorded: String {
        zh ? "没有记录：梯度模式关闭" : "not recorded: grad mode is off"
    }

    func gradComputes(_ symbols: [String]) -> String {
        zh ? "torch.autograd.grad 计算 \(symbols.joined(separator: "，")) 并返回"
            : "torch.autograd.grad computes \(symbols.joined(separator: ", ")) and returns it"
    }

    var gradLeavesGradAlone: String {
        zh ? "它返回梯度，不写入任何 .grad" : "it returns the gradients and does not touch any .grad"
    }

    func backwardStarts(_ roots: String, seed: String) -> String {
        zh ? "backward() 从 \(roots) 开始，初始梯度为 \(seed)" : "backward() starts at \(roots) with gradient \(seed)"
    }

    var createsGraph: String {
        zh ? "create_graph=True：反向传播本身也被记录，得到的梯度带有 grad_fn"
            : "create_graph=True: backward is itself recorded, so the gradients have a grad_fn"
    }

    var keepsGraph: String {
        zh ? "retain_graph=True：保存的张量会保留，可以再次 backward" : "retain_graph=True: the saved tensors are kept for another backward"
    }

    var freesGraph: String {
        zh ? "结束后释放保存的张量（retain_graph=False）" : "the saved tensors are freed when it ends (retain_graph=False)"
    }

    var backwardDone: String { zh ? "反向传播结束" : "backward is done" }

    var nothingFreed: String { zh ? "计算图保留（retain_graph=True）" : "the graph keeps its saved tensors (retain_graph=True)" }

    func freed(count: Int, examples: [String]) -> String {
        let which = examples.isEmpty ? "" : " (" + examples.joined(separator: ", ") + (count > examples.count ? ", …" : "") + ")"
        return zh ? "\(count) 个节点的保存张量已释放\(which)：再次 backward 会报错"
            : "the saved tensors of \(count) node\(count == 1 ? "" : "s")\(which) are freed: a second backward through them fails"
    }

    func holds(_ name: String, _ value: String, requiresGrad: Bool) -> String {
        let flag = requiresGrad ? (zh ? "（requires_grad=True）" : " (requires_grad=True)") : ""
        return "\(name) = \(value)\(flag)"
    }

    func renamed(_ old: String, _ new: String) -> String { zh ? "\(old) 现在叫 \(new)" : "\(old) is now \(new)" }

    func released(_ names: [String]) -> String {
        zh ? "不再被引用：\(Words.list(names))" : "no longer held: \(Words.list(names))"
    }

    func graphReleased(_ count: Int) -> String {
        zh ? "\(count) 个计算图节点随之释放" : "\(count) graph node\(count == 1 ? "" : "s") released with it"
    }

    func nodeRuns(_ node: String, for out: String) -> String {
        zh ? "\(node)（\(out) 的 grad_fn）运行" : "\(node), the grad_fn of \(out), runs"
    }

    func accumulates(_ leaf: String, before: String, incoming: String, after: String) -> String {
        zh ? "AccumulateGrad：\(leaf).grad = \(before) + \(incoming) = \(after)"
            : "AccumulateGrad: \(leaf).grad = \(before) + \(incoming) = \(after)"
    }

    static func list(_ names: [String]) -> String {
        if names.count <= 4 { return names.joined(separator: ", ") }
        return names.prefix(3).joined(separator: ", ") + ", … (\(names.count))"
    }
}

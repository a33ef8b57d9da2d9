/// The step-through's own words (headers, key help, notices) in the lesson's language:
/// `zh` for Chinese lessons (or `--lang zh`), English otherwise.
struct StepWords: Sendable {
    let zh: Bool

    init(language: String) { zh = language == "zh" }

    func step(_ n: Int, of count: Int) -> String { zh ? "第 \(n)/\(count) 步" : "Step \(n)/\(count)" }
    var summary: String { zh ? "摘要" : "summary" }
    func iteration(_ i: Int, of count: Int) -> String { zh ? "第 \(i) 次迭代（共 \(count) 次）" : "iteration \(i) of \(count)" }
    func line(_ l: Int) -> String { zh ? "第 \(l) 行" : "line \(l)" }

    func title(_ file: String, steps: Int) -> String {
        zh ? "gradviz 逐步讲解 · \(file) · 共 \(steps) 步" : "gradviz step-through · \(file) · \(steps) \(steps == 1 ? "step" : "steps")"
    }
    var nothingToStep: String { zh ? "（这节课没有记录任何事件：没有可讲解的步骤）" : "(the lesson recorded no events: nothing to step through)" }
    var noEvents: String { zh ? "这节课没有记录任何事件" : "the lesson recorded no events" }
    var noSteps: String { zh ? "没有步骤" : "no steps" }
    var end: String { zh ? "逐步讲解结束" : "end of the step-through" }
    var keysAtEnd: String { zh ? " 结束 · b/← 上一步 · q 退出 · ? 帮助" : " end · b/← back · q quit · ? help" }
    var keys: String { zh ? " Enter/空格/n/→ 下一步 · b/← 上一步 · q 退出 · ? 帮助" : " Enter/space/n/→ next · b/← back · q quit · ? help" }

    var help: [StyledLine] {
        if zh {
            return [
                StyledLine("按键", .heading),
                StyledLine(""),
                StyledLine("  Enter、空格、n、→      下一步"),
                StyledLine("  b、←                  上一步"),
                StyledLine("  g、Home / G、End      第一步 / 最后一步"),
                StyledLine("  ?                     本帮助（按任意键关闭）"),
                StyledLine("  q、Ctrl-C             退出"),
                StyledLine(""),
                StyledLine("每一步是运行中的一个事件：前向传播中的一次运算、反向传播中执行的一个", .dim),
                StyledLine("grad_fn（上游梯度 × 局部导数 = 下游梯度）、累加进 .grad 的梯度，等等。", .dim),
            ]
        }
        return [
            StyledLine("Keys", .heading),
            StyledLine(""),
            StyledLine("  Enter, space, n, →    next step"),
            StyledLine("  b, ←                  previous step"),
            StyledLine("  g, Home / G, End      first / last step"),
            StyledLine("  ?                     this help (any key closes it)"),
            StyledLine("  q, Ctrl-C             quit"),
            StyledLine(""),
            StyledLine("Each step is one event of the run: an op in the forward pass, a grad_fn", .dim),
            StyledLine("applied in the backward pass (upstream gradient × local derivative =", .dim),
            StyledLine("downstream gradient), a gradient accumulated into .grad, and so on.", .dim),
        ]
    }
}

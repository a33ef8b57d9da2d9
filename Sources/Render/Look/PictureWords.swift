/// The words pictures write themselves (node notes, the legend, "line 12"), in the lesson's
/// language: English, or Chinese for Chinese lessons.
struct PictureWords: Sendable {
    let zh: Bool

    init(language: String) {
        zh = language == "zh"
    }

    var gradNone: String { zh ? "grad：None" : "grad: None" }
    var lossPerIteration: String { zh ? "每次迭代的损失" : "loss per iteration" }
    var lossPerIterationLog: String { zh ? "每次迭代的损失（对数坐标）" : "loss (log scale) per iteration" }
    func grad(_ v: String) -> String { zh ? "grad：\(v)" : "grad: \(v)" }
    var parameter: String { zh ? "参数" : "Parameter" }
    var leaf: String { zh ? "叶子" : "leaf" }
    var requiresGrad: String { "requires_grad" }
    var released: String { zh ? "已释放" : "released" }
    var savedFreed: String { zh ? "保存的张量已释放" : "saved tensors freed" }
    var saved: String { zh ? "保存" : "saved" }
    func into(_ name: String) -> String { zh ? "累加到 \(name).grad" : "into \(name).grad" }
    var temporary: String { zh ? "（临时）" : "(temporary)" }
    var tensor: String { zh ? "张量" : "tensor" }
    func line(_ n: Int) -> String { zh ? "第 \(n) 行：" : "line \(n):" }

    /// The legend's entries: a kind of mark and what it means.
    var legend: [(kind: String, label: String)] {
        if zh {
            return [("leaf", "叶子张量（需要梯度）"), ("result", "结果（有 grad_fn）"), ("plain", "不需要梯度"),
                    ("function", "grad_fn"), ("accumulate", "AccumulateGrad"), ("active", "正在运行"),
                    ("new", "刚创建"), ("gradient", "梯度，流向输入")]
        }
        return [("leaf", "leaf tensor (requires grad)"), ("result", "result (has grad_fn)"), ("plain", "no gradient"),
                ("function", "grad_fn"), ("accumulate", "AccumulateGrad"), ("active", "running now"),
                ("new", "just created"), ("gradient", "gradient, toward inputs")]
    }
}

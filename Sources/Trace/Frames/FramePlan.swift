import Python

/// Turns a recorded run into the frames to draw: which steps are worth a picture (each
/// narrated statement, every visible change, prints, the backward pass, errors), the
/// selection the user asked for, a title frame first, and per frame its explanation, the
/// nodes it acts on and the nodes just released.
public struct FramePlan: Sendable {
    public var frames: [Frame]
    /// The lesson's title (its first section), or nil.
    public var title: String?
    /// The language of the generated text (`en`, `zh`): the one asked for, else the lesson's.
    public var language: String

    /// The frames of `run` under `selection`; throws `FrameSelection.Failure.tooManyFrames`.
    public init(events: [TraceEvent], scenes: [Int: Scene], outline: LessonOutline, selection: FrameSelection,
                title: String, language: String? = nil) throws {
        let explainer = Explainer(events: events, scenes: scenes, outline: outline, language: language)
        let candidates = FramePlan.candidates(events: events, scenes: scenes, outline: outline)
        let picks = try selection.picks(events, candidates: candidates)
        var output = ""
        var printedUpTo = 0
        var frames: [Frame] = []
        var previous = Scene()
        var titleText = Explanation(heading: title)
        titleText.details = outline.sections.dropFirst(outline.sections.first?.line == 1 ? 1 : 0).map(\.title)
        frames.append(Frame(kind: .title, event: nil, scene: Scene(), explanation: titleText, focus: [], released: [], output: "",
                            plot: nil))
        for pick in picks {
            let e = pick.event
            while printedUpTo <= e {
                if case .print(let text) = events[printedUpTo].kind { output += text }
                printedUpTo += 1
            }
            let scene = scenes[e] ?? Scene()
            var x = explainer.explain(e)
            var kind = Frame.Kind.step
            if let s = pick.summary {
                kind = .summary(s)
                x = FramePlan.summaryExplanation(s, base: x, words: Words(language: language ?? outline.language))
            }
            let change = scene.changes(since: previous)
            let released = change.left
            let focus = FramePlan.focus(events[e], entered: change.entered)
            var plot: PlotEvent?
            if case .plot(let p) = events[e].kind { plot = p }
            frames.append(Frame(kind: kind, event: e, scene: scene, explanation: x, focus: focus, released: released,
                                output: output, plot: plot))
            previous = scene
        }
        if !outline.closingNarration.isEmpty {
            var x = Explanation(heading: "")
            x.narration = outline.closingNarration
            x.section = outline.sections.last?.title
            frames.append(Frame(kind: .end, event: nil, scene: previous, explanation: x, focus: [], released: [], output: output,
                                plot: nil))
        }
        self.frames = frames
        self.title = outline.title
        self.language = language ?? outline.language
    }

    /// The steps worth a frame: narrated statements, statements that change what the program
    /// holds, prints, the backward pass, optimizer steps, zero_grad and errors. A statement's
    /// end is dropped when its last step already showed the same state.
    public static func candidates(events: [TraceEvent], scenes: [Int: Scene], outline: LessonOutline) -> [Int] {
        var out: [Int] = []
        var lastScene: Scene?
        var lastLine: Int?
        var lastKind: Int?
        var narrated = Set<Int>()
        for e in events {
            guard let scene = scenes[e.index] else { continue }
            let line = e.context.line
            let hasNarration = line.flatMap { outline.statement(at: $0) }.map { !$0.narration.isEmpty } ?? false
            let firstNarration = hasNarration && line.map { !narrated.contains($0) } ?? false
            let changed = lastScene.map { $0 != scene } ?? true
            var keep: Bool
            switch e.kind {
            case .iteration, .loopEnd: keep = false
            case .statement(header: true): keep = firstNarration
            case .statementEnd: keep = changed || firstNarration
            case .forward: keep = false
            case .gradMode: keep = changed
            default: keep = true
            }
            // The end of a statement adds nothing to a print, error or step of the same line that showed this state.
            if keep, case .statementEnd = e.kind, !changed, lastLine == line, let k = lastKind, k != 0 { keep = false }
            guard keep else { continue }
            if let l = line, hasNarration { narrated.insert(l) }
            out.append(e.index)
            lastScene = scene
            lastLine = line
            if case .statementEnd = e.kind { lastKind = 0 } else { lastKind = 1 }
        }
        return out
    }

    /// What a step acts on.
    static func focus(_ e: TraceEvent, entered: [SceneNode]) -> Set<SceneNodeID> {
        switch e.kind {
        case .node(let n): return [.function(n.node.id)]
        case .accumulate(let a): return [.function(a.node.id), .tensor(a.leaf.id)]
        case .backwardBegin(let b): return Set(b.roots.map { .tensor($0.id) })
        case .hook(let h): return h.tensor.map { [.tensor($0.id)] } ?? []
        case .step(let s): return Set(s.after.map { .tensor($0.id) })
        case .zeroGrad(let z): return Set(z.tensors.map { .tensor($0.id) })
        case .error(let err): return err.node.map { [.function($0.id)] } ?? []
        default:
            var ids = Set(entered.map(\.id))
            // Inside a custom Function's backward, the Function's node is the one running.
            if let n = e.context.node { ids.insert(.function(n)) }
            return ids
        }
    }

    static func summaryExplanation(_ s: FrameSelection.Summary, base: Explanation, words: Words) -> Explanation {
        var x = Explanation(section: base.section, line: base.line, source: base.source,
                            heading: words.summary(s.iteration + 1, of: s.run.count, every: s.every))
        if let loss = s.loss { x.details.append(words.lossNow(NumberText.number(loss))) }
        if let first = s.firstLoss { x.details.append(words.loss(at: first.iteration + 1, NumberText.number(first.loss))) }
        return x
    }
}

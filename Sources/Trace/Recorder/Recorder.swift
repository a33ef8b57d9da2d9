import Autograd
import Python

/// Collects a lesson run's trace: the events the engine and the interpreter report, each
/// stamped with where it happened, and for the events that may become frames, the
/// ``Scene`` the program holds at that moment.
///
/// Install it as the engine's observer (`EngineObservers.current`) and the interpreter's
/// (`interpreter.observer`); give it the interpreter and a ``SceneRootProvider``.
public final class Recorder {
    /// The events, in order.
    public internal(set) var events: [TraceEvent] = []
    /// The scene at each event that may become a frame, by event index.
    public internal(set) var scenes: [Int: Scene] = [:]
    /// Events beyond this count are dropped (counted in `droppedEvents`).
    public var eventLimit: Int
    public internal(set) var droppedEvents = 0
    /// Which events get a scene.
    public var capture: ScenePolicy

    /// The interpreter running the lesson (for lines, call depth and the outline).
    public var interpreterReference: InterpreterReference?
    var interpreter: Interpreter? { interpreterReference?.value }
    /// What the program holds, for scenes.
    public weak var roots: SceneRootProvider?

    // Where the run is.
    var line: Int?
    var loops: [(depth: Int, position: LoopPosition)] = []
    /// Tensors the running statement made that may still be alive (temporaries).
    var temporaries: [WeakTensorRef] = []
    /// The lesson's names for tensors, as last seen.
    var names: [Int: String] = [:]
    /// The line whose statement made each tensor and node.
    var tensorLines: [Int: Int] = [:]
    var nodeLines: [Int: Int] = [:]
    /// State of the running backward pass, if any.
    var backward: BackwardState?
    /// Nodes that have started and not finished applying (custom Functions run lesson code).
    var applying: [Node] = []
    /// The modules whose forward is running, outermost first.
    var modules: [ModuleRef] = []
    /// The innermost module running when each tensor and node was made.
    var tensorModules: [Int: ModuleRef] = [:]
    var nodeModules: [Int: ModuleRef] = [:]
    /// The last captured scene, whose unchanged nodes the next capture shares.
    var lastScene: Scene?

    public init(eventLimit: Int = 1_000_000, capture: ScenePolicy = .all) {
        self.eventLimit = eventLimit
        self.capture = capture
    }

    /// The lesson's outline (empty before the lesson is compiled), kept once the lesson runs.
    public internal(set) var outline = LessonOutline()

    /// Where the run is now.
    func context() -> EventContext {
        EventContext(line: interpreter.map { $0.currentLine } ?? line, topLine: interpreter?.topLevelLine,
                     loops: loops.map(\.position), depth: interpreter?.lessonCallDepth ?? 0, node: applying.last?.id)
    }

    /// Appends an event of `kind` stamped with the current context; captures its scene when
    /// the policy asks for one.
    @discardableResult
    func append(_ kind: TraceEvent.Kind, line statementLine: Int? = nil) -> Int? {
        if events.count >= eventLimit {
            droppedEvents += 1
            return nil
        }
        var place = context()
        if let l = statementLine { place.line = l }
        return appendEvent(kind, context: place)
    }

    /// Appends an event with the given context.
    @discardableResult
    func appendEvent(_ kind: TraceEvent.Kind, context place: EventContext) -> Int? {
        if events.count >= eventLimit {
            droppedEvents += 1
            return nil
        }
        let event = TraceEvent(index: events.count, context: place, kind: kind)
        events.append(event)
        if capture.wantsScene(event, lessonCode: interpreter?.isRunningLessonCode ?? true) {
            scenes[event.index] = captureScene(for: event)
        }
        return event.index
    }

    /// The snapshot of `t` with the lesson's name for it.
    func snap(_ t: Tensor) -> TensorSnapshot { TensorSnapshot(t, name: names[t.id]) }
}

/// A tensor reference that does not keep the tensor alive.
struct WeakTensorRef {
    weak var tensor: Tensor?
}

/// Which events get a captured ``Scene``.
public struct ScenePolicy: Sendable {
    let decide: @Sendable (TraceEvent, Bool) -> Bool

    public init(_ decide: @escaping @Sendable (_ event: TraceEvent, _ inLessonCode: Bool) -> Bool) {
        self.decide = decide
    }

    func wantsScene(_ e: TraceEvent, lessonCode: Bool) -> Bool { decide(e, lessonCode) }

    /// No scenes (a plain run, `--trace` alone).
    public static let none = ScenePolicy { _, _ in false }

    /// Every event that can become a frame: statements (start and end), forward ops called from
    /// lesson code, the backward pass, zero_grad, optimizer steps, grad-mode changes, prints and errors.
    public static let all = ScenePolicy { e, lessonCode in e.canBeFrame(inLessonCode: lessonCode) }
}

extension TraceEvent {
    /// Whether this event can stand for a frame.
    public func canBeFrame(inLessonCode: Bool) -> Bool {
        switch kind {
        case .nodeBegin, .statement(header: false): return false
        // Ops and grad-mode switches inside library code (a layer's initialisation, an
        // optimizer's update) are part of the lesson's statement, not steps of their own.
        case .forward, .gradMode: return inLessonCode
        default: return true
        }
    }
}

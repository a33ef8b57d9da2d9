/// Whether operations are recorded into the graph (`torch.is_grad_enabled()`).
///
/// Lessons run on one thread; the engine switches the mode while it applies
/// backward formulas (recording only under `create_graph`).
public enum GradMode {
    /// Whether ops are recorded on this thread.
    public static var isEnabled: Bool { ThreadState.current.gradEnabled }

    /// Sets the mode and reports the previous one so callers can restore it.
    @discardableResult
    public static func set(_ enabled: Bool) -> Bool {
        let state = ThreadState.current
        let previous = state.gradEnabled
        if previous != enabled {
            state.gradEnabled = enabled
            state.observer?.gradModeChanged(enabled: enabled)
        }
        return previous
    }

    /// Runs `body` with the mode set to `enabled`, restoring the previous mode afterwards.
    public static func with<T>(_ enabled: Bool, _ body: () throws -> T) rethrows -> T {
        let state = ThreadState.current
        let previous = state.gradEnabled
        if previous == enabled { return try body() }
        state.gradEnabled = enabled
        defer { state.gradEnabled = previous }
        return try body()
    }
}

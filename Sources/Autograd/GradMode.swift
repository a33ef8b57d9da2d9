/// Whether operations are recorded into the graph (`torch.is_grad_enabled()`).
///
/// Lessons run on one thread; the engine switches the mode while it applies
/// backward formulas (recording only under `create_graph`).
public enum GradMode {
    nonisolated(unsafe) public private(set) static var isEnabled = true

    /// Sets the mode and reports the previous one so callers can restore it.
    @discardableResult
    public static func set(_ enabled: Bool) -> Bool {
        let previous = isEnabled
        if previous != enabled {
            isEnabled = enabled
            EngineObservers.current?.gradModeChanged(enabled: enabled)
        }
        return previous
    }

    /// Runs `body` with the mode set to `enabled`, restoring the previous mode afterwards.
    public static func with<T>(_ enabled: Bool, _ body: () throws -> T) rethrows -> T {
        let previous = isEnabled
        if previous == enabled { return try body() }
        isEnabled = enabled
        defer { isEnabled = previous }
        return try body()
    }
}

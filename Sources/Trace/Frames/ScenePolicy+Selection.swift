extension ScenePolicy {
    /// Loops show at most this many first iterations in full when a selection is fitted to the
    /// frame cap (`iterations:N` with N up to 10).
    static let fullIterations = 10

    /// Scenes only for the steps `selection` may draw: every step outside loops, the first
    /// iterations of each loop (the ones drawn in full), and the moments between iterations
    /// (where summary frames stand) — so a long training loop costs a scene per iteration,
    /// not one per op. With `all`, every step.
    public static func forSelection(_ selection: FrameSelection) -> ScenePolicy {
        if selection.filters.contains(.all) { return .all }
        let ranges = selection.filters.compactMap { f -> ClosedRange<Int>? in
            if case .iterations(let r) = f { return r }
            return nil
        }
        return ScenePolicy { e, lessonCode in
            guard e.canBeFrame(inLessonCode: lessonCode) else { return false }
            switch e.kind {
            case .iteration, .loopEnd: return true
            default: break
            }
            guard let outer = e.context.loops.first?.iteration else { return true }
            if !ranges.isEmpty { return ranges.allSatisfy { $0.contains(outer + 1) } }
            return outer < fullIterations
        }
    }
}

extension ScenePolicy {
    /// Loops show at most this many first iterations in full when a selection is fitted to the
    /// frame cap (`iterations:N` with N up to 10).
    static let fullIterations = 10

    /// Scenes only for the steps `selection` may draw: every step outside loops, the first
    /// iterations of each loop (the ones drawn in full), and the moments between iterations
    /// (where summary frames stand) — so a long training loop costs a scene per iteration,
    /// not one per op. With `all`, every step.
    public static func forSelection(_ selection: FrameSelection) -> ScenePolicy {
        if selection.filters.contains(.all) && selection.filters.count == 1 { return .all }
        let ranges = selection.filters.compactMap { f -> ClosedRange<Int>? in
            if case .iterations(let r) = f { return r }
            return nil
        }
        let lines = selection.filters.compactMap { f -> ClosedRange<Int>? in
            if case .lines(let r) = f { return r }
            return nil
        }
        let summarising = selection.summarising
        let everyIteration = selection.filters.contains(.all)
        let backwardOnly = selection.filters.contains(.backward)
        // `first:N` draws N frames: scenes for a few more steps than that (statements that change
        // nothing are merged; every step of a backward pass is a frame of its own).
        let limit = selection.filters.compactMap { f -> Int? in
            if case .first(let n) = f { return n }
            return nil
        }.min().map { backwardOnly ? $0 + 10 : $0 * 4 + 20 }
        let counter = CaptureCounter()
        return ScenePolicy { e, lessonCode in
            guard e.canBeFrame(inLessonCode: lessonCode) else { return false }
            switch e.kind {
            case .iteration, .loopEnd: return summarising
            default: break
            }
            if backwardOnly && !FrameSelection.isBackward(e) { return false }
            if !lines.isEmpty, !lines.allSatisfy({ r in e.context.line.map { r.contains($0) } ?? false }) { return false }
            if let outer = e.context.loops.first?.iteration {
                if !ranges.isEmpty {
                    if !ranges.allSatisfy({ $0.contains(outer + 1) }) { return false }
                } else if !everyIteration && outer >= fullIterations {
                    return false
                }
            }
            if let limit {
                if counter.count >= limit { return false }
                counter.count += 1
            }
            return true
        }
    }
}

/// How many scenes a policy has let through (its closure is called in order, on one thread).
final class CaptureCounter: @unchecked Sendable {
    var count = 0
}

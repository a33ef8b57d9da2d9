/// One picture of a lesson: the program's state at a step, what the step means, and what it
/// acts on.
public struct Frame: Sendable {
    public enum Kind: Sendable, Equatable {
        /// The lesson's title and sections, before anything runs.
        case title
        /// One step of the run.
        case step
        /// The state after an iteration of a long loop, with the loop's losses so far.
        case summary(FrameSelection.Summary)
        /// The lesson's closing narration, after the last step.
        case end
    }

    public var kind: Kind
    /// The trace event the frame stands for (nil for title and end frames).
    public var event: Int?
    public var scene: Scene
    public var explanation: Explanation
    /// The nodes the step acts on: the grad_fn being applied, what the statement created…
    public var focus: Set<SceneNodeID>
    /// Nodes of the previous frame that the program no longer holds (drawn as released, once).
    public var released: [SceneNode]
    /// Everything the lesson printed up to and including this step.
    public var output: String
    /// The figure the step showed or saved, for a plot frame.
    public var plot: PlotEvent?
}

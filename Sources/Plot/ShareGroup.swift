/// Axes that share one axis (`subplots(sharex=True)`): one autoscaled interval from all their
/// data, and limits set on one apply to all.
public final class ShareGroup {
    private var members: [WeakAxes] = []

    public init() {}

    /// The axes still alive in the group.
    public var axes: [Axes] { members.compactMap(\.axes) }

    public func add(_ a: Axes) {
        members.append(WeakAxes(axes: a))
    }
}

struct WeakAxes {
    weak var axes: Axes?
}

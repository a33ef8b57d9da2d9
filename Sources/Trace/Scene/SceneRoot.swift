import Autograd

/// An object the program holds, by the path it is reached through (`x`, `model.fc.weight`,
/// `xs[0]`, `f` for a grad_fn bound to a name).
public struct SceneRoot {
    public enum Target {
        case tensor(Tensor)
        case node(Node)
    }

    public var path: String
    /// True for a module-level name, false for a function's local.
    public var isGlobal: Bool
    public var target: Target

    public init(path: String, isGlobal: Bool, target: Target) {
        self.path = path
        self.isGlobal = isGlobal
        self.target = target
    }
}

/// Tells the recorder what the program holds right now: its variables (and what they
/// contain) in every active frame of lesson code. The torch bindings implement it by
/// walking the interpreter's globals and locals.
public protocol SceneRootProvider: AnyObject {
    /// Every tensor and node reachable from the program's variables, with the paths that reach them.
    func sceneRoots() -> [SceneRoot]
    /// The path the program reaches `object` by (`model.0` for a layer), if it does.
    func path(of object: AnyObject) -> String?
}

import Autograd
import Python
import Trace

/// What a running lesson holds: walks the interpreter's globals and the locals of running
/// lesson functions, through lists, tuples, dicts and objects' attributes, to every tensor
/// and grad_fn node, recording the paths that reach them (`model.fc.weight`, `xs[0]`).
///
/// The walk is iterative, visits each container once and stops after ``objectLimit``
/// objects, so a huge or deeply nested structure costs bounded time.
final class LessonState: SceneRootProvider {
    /// The most containers one walk visits.
    static let objectLimit = 20_000

    let interpreter: InterpreterReference
    /// Paths of the objects the last walk went through (modules among them), by identity.
    private var objectPaths: [ObjectIdentifier: String] = [:]

    init(interpreter: Interpreter) {
        self.interpreter = InterpreterReference(interpreter)
    }

    func sceneRoots() -> [SceneRoot] {
        guard let interp = interpreter.value else { return [] }
        objectPaths.removeAll(keepingCapacity: true)
        var roots: [SceneRoot] = []
        var seen = Set<ObjectIdentifier>()
        var visited = 0
        var stack: [(value: PyValue, path: String, global: Bool)] = []
        for b in interp.lessonBindings().reversed() {
            stack.append((b.value, b.name, b.isGlobal))
        }
        while let (value, path, global) = stack.popLast(), visited < LessonState.objectLimit {
            switch value {
            case .list(let l):
                guard seen.insert(ObjectIdentifier(l)).inserted else { continue }
                visited += 1
                for (i, v) in l.items.enumerated().reversed() where LessonState.mayHold(v) { stack.append((v, "\(path)[\(i)]", global)) }
            case .tuple(let items):
                visited += 1
                for (i, v) in items.enumerated().reversed() where LessonState.mayHold(v) { stack.append((v, "\(path)[\(i)]", global)) }
            case .dict(let d):
                guard seen.insert(ObjectIdentifier(d)).inserted else { continue }
                visited += 1
                for (k, v) in d.items.reversed() where LessonState.mayHold(v) {
                    stack.append((v, "\(path)[\(LessonState.keyText(k))]", global))
                }
            case .object(let o):
                if let t = o as? TensorObject {
                    roots.append(SceneRoot(path: path, isGlobal: global, target: .tensor(t.tensor)))
                    continue
                }
                if let n = o as? NodeObject {
                    roots.append(SceneRoot(path: path, isGlobal: global, target: .node(n.node)))
                    continue
                }
                if let ctx = o as? FunctionCtxObject {
                    // A custom Function's ctx holds what forward saved for backward.
                    for (i, t) in (ctx.context?.savedForDisplay ?? []).enumerated() {
                        if let t { roots.append(SceneRoot(path: "\(path).saved_tensors[\(i)]", isGlobal: global, target: .tensor(t))) }
                    }
                    continue
                }
                guard let instance = o as? PyInstance, seen.insert(ObjectIdentifier(instance)).inserted,
                      LessonState.isLessonData(instance) else { continue }
                if objectPaths[ObjectIdentifier(instance)] == nil || global { objectPaths[ObjectIdentifier(instance)] = path }
                visited += 1
                for (name, v) in instance.attributes.sorted(by: { $0.key < $1.key }).reversed() where LessonState.mayHold(v) {
                    if name == "_parameters" || name == "_modules" || name == "_buffers", case .dict(let d) = v {
                        // nn.Module keeps parameters and submodules in dicts; Python reaches them as attributes.
                        for (k, item) in d.items.reversed() where LessonState.mayHold(item) {
                            if case .str(let key) = k { stack.append((item, "\(path).\(key)", global)) }
                        }
                        continue
                    }
                    if name.hasPrefix("_") { continue }
                    stack.append((v, "\(path).\(name)", global))
                }
            default:
                continue
            }
        }
        return roots
    }

    func path(of object: AnyObject) -> String? {
        if let p = objectPaths[ObjectIdentifier(object)] { return p }
        _ = sceneRoots()
        return objectPaths[ObjectIdentifier(object)]
    }

    /// Values that may lead to a tensor (numbers and strings cannot).
    static func mayHold(_ v: PyValue) -> Bool {
        switch v {
        case .list, .tuple, .dict, .object: return true
        default: return false
        }
    }

    /// Objects of the lesson's own classes and nn.Modules are walked; the internals of
    /// optimizers, data loaders and other library objects are not part of the picture.
    static func isLessonData(_ instance: PyInstance) -> Bool {
        var cls: PyClass? = instance.cls
        while let c = cls {
            if c.moduleName == "torch.nn" && c.name == "Module" { return true }
            cls = c.base
        }
        return !instance.cls.moduleName.hasPrefix("torch")
    }

    static func keyText(_ k: PyValue) -> String {
        switch k {
        case .str(let s): return "'\(s)'"
        case .int(let i): return String(i)
        default: return "…"
        }
    }
}

/// What the running program holds, for pictures of its state.
extension Interpreter {
    /// A variable of the lesson: a module-level name or a local of a running lesson function.
    public struct Binding {
        public var name: String
        public var value: PyValue
        /// True for the main module's globals.
        public var isGlobal: Bool
    }

    /// The main module's globals (modules, functions and classes left out), then the locals of
    /// every running frame of lesson code, outermost first.
    public func lessonBindings() -> [Binding] {
        var out: [Binding] = []
        if let main = modules["__main__"] {
            for name in main.names {
                guard let value = main.get(name), !Interpreter.isDefinition(value) else { continue }
                out.append(Binding(name: name, value: value, isGlobal: true))
            }
        }
        for f in frames where f.code.fileName == fileName && f.code.kind != .module {
            for (i, name) in f.code.slotNames.enumerated() where i < f.slots.count {
                guard let v = f.slots[i], !Interpreter.isDefinition(v) else { continue }
                out.append(Binding(name: name, value: v, isGlobal: false))
            }
        }
        return out
    }

    /// Modules, functions and classes hold code, not lesson data.
    static func isDefinition(_ v: PyValue) -> Bool {
        guard case .object(let o) = v else { return false }
        return o is PyModuleObject || o is PyFunction || o is PyClass || o is PyBuiltinFunction
    }

    /// How many frames of lesson functions are running (0 at module level).
    public var lessonCallDepth: Int {
        frames.reduce(0) { $0 + ($1.code.fileName == fileName && $1.code.kind != .module ? 1 : 0) }
    }

    /// The line of the outermost frame of lesson code (the module-level statement running).
    public var topLevelLine: Int? {
        frames.first { $0.code.fileName == fileName }?.line
    }

    /// True while the innermost running frame is lesson code (not a prelude module such as torch.nn).
    public var isRunningLessonCode: Bool {
        guard let last = frames.last else { return false }
        return last.code.fileName == fileName
    }
}

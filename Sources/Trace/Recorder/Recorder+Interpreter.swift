import Python

/// What the interpreter reports: statements, loop iterations, names, prints and exceptions.
extension Recorder: InterpreterObserver {
    public func willExecute(line: Int, statement: StatementInfo) {
        self.line = line
        if outline.statements.isEmpty, let o = interpreter?.outline { outline = o }
        popFinishedLoops(at: line)
        temporaries.removeAll(keepingCapacity: true)
        let header: Bool
        if let i = statement.index {
            header = outline.statements[i].kind != .simple && outline.statements[i].kind != .def
                && outline.statements[i].kind != .class
        } else {
            header = false
        }
        append(.statement(header: header))
    }

    public func didExecute(line: Int) {
        self.line = line
        append(.statementEnd)
        temporaries.removeAll(keepingCapacity: true)
    }

    public func loopIteration(line: Int, index: Int) {
        popFinishedLoops(at: line)
        let depth = interpreter?.lessonCallDepth ?? 0
        if let last = loops.last, last.depth == depth, last.position.line == line {
            loops[loops.count - 1].position.iteration = index
        } else {
            loops.append((depth, LoopPosition(line: line, iteration: index)))
        }
        append(.iteration(index: index))
    }

    public func didAssign(name: String, value: PyValue, line: Int) {}

    public func didPrint(_ text: String, line: Int) {
        append(.print(text: text))
    }

    public func didRaise(type: String, message: String, line: Int) {
        let node = applying.last.map(NodeSnapshot.init)
        append(.error(ErrorEvent(type: type, message: message, node: node)))
    }

    /// Loops the run has left: those of returned calls, and those at this depth whose body
    /// does not contain `line`.
    private func popFinishedLoops(at line: Int) {
        let depth = interpreter?.lessonCallDepth ?? 0
        let bodies = outline.loops
        while let last = loops.last {
            if last.depth > depth {
                loops.removeLast()
                continue
            }
            if last.depth == depth, let loop = bodies.first(where: { $0.line == last.position.line }),
               !(loop.line...loop.endLine).contains(line) {
                loops.removeLast()
                continue
            }
            break
        }
    }
}

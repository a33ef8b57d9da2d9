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
        append(.statement(header: header), line: line)
    }

    public func didExecute(line: Int) {
        self.line = line
        append(.statementEnd, line: line)
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

    /// The lesson showed or saved a figure (reported by the plotting module).
    public func plotted(_ plot: PlotEvent, line: Int) {
        append(.plot(plot), line: line)
    }

    public func didPrint(_ text: String, line: Int) {
        append(.print(text: text))
    }

    public func didRaise(type: String, message: String, line: Int) {
        let node = applying.last.map(NodeSnapshot.init)
        append(.error(ErrorEvent(type: type, message: message, node: node)))
    }

    /// Loops the run has left: those of returned calls, and those at this depth whose body
    /// does not contain `line`. Each ends with a `loop_end` event.
    private func popFinishedLoops(at line: Int) {
        let depth = interpreter?.lessonCallDepth ?? 0
        let bodies = outline.loops
        while let last = loops.last {
            let left = last.depth > depth
                || (last.depth == depth && bodies.first(where: { $0.line == last.position.line })
                    .map { !($0.line...$0.endLine).contains(line) } ?? false)
            guard left else { break }
            endLoop()
        }
    }

    /// Closes the innermost running loop with a `loop_end` event stamped inside it.
    func endLoop() {
        guard let last = loops.last else { return }
        var place = context()
        place.line = last.position.line
        place.loops = loops.map(\.position)
        loops.removeLast()
        appendEvent(.loopEnd(iterations: last.position.iteration + 1), context: place)
    }

    /// The run is over: loops still open end here.
    public func finish() {
        while !loops.isEmpty { endLoop() }
    }
}

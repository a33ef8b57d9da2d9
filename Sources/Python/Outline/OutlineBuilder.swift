/// Computes a ``LessonOutline`` from a parsed module, the way a resolver pass walks the
/// AST: iteratively (a long lesson does not grow the stack), statements in line order.
enum OutlineBuilder {
    static func build(_ body: [Stmt], commentLines: [Int: String], sourceLines: [Substring]) -> LessonOutline {
        var outline = LessonOutline()
        // Pending work: statements with the function and loops around them.
        var stack: [(stmts: [Stmt], function: Int?, loops: [Int], qualifier: String)] = [(body, nil, [], "")]
        var loopEnds: [Int: Int] = [:]
        var functionEnds: [Int: Int] = [:]

        while let (stmts, function, loops, qualifier) = stack.popLast() {
            for s in stmts {
                let line = s.location.line
                var kind = LessonOutline.Statement.Kind.simple
                switch s.kind {
                case .if(let branches, let orelse):
                    kind = .if
                    for b in branches.reversed() { stack.append((b.body, function, loops, qualifier)) }
                    stack.append((orelse, function, loops, qualifier))
                case .while(_, let b, let orelse):
                    kind = .while
                    let index = outline.loops.count
                    outline.loops.append(LessonOutline.Loop(line: line, endLine: line, keyword: "while"))
                    stack.append((b, function, loops + [index], qualifier))
                    stack.append((orelse, function, loops, qualifier))
                    loopEnds[index] = maxLine(b)
                case .for(_, _, let b, let orelse):
                    kind = .for
                    let index = outline.loops.count
                    outline.loops.append(LessonOutline.Loop(line: line, endLine: line, keyword: "for"))
                    stack.append((b, function, loops + [index], qualifier))
                    stack.append((orelse, function, loops, qualifier))
                    loopEnds[index] = maxLine(b)
                case .functionDef(let def):
                    kind = .def
                    let index = outline.functions.count
                    let qualname = qualifier.isEmpty ? def.name : "\(qualifier).\(def.name)"
                    outline.functions.append(LessonOutline.Function(name: def.name, qualname: qualname, line: line, endLine: line))
                    stack.append((def.body, index, [], qualname))
                    functionEnds[index] = maxLine(def.body)
                case .classDef(let cls):
                    kind = .class
                    stack.append((cls.body, function, loops, qualifier.isEmpty ? cls.name : "\(qualifier).\(cls.name)"))
                case .with(_, let b):
                    kind = .with
                    stack.append((b, function, loops, qualifier))
                case .try(let b, let handlers, let orelse, let fin):
                    kind = .try
                    stack.append((b, function, loops, qualifier))
                    for h in handlers { stack.append((h.body, function, loops, qualifier)) }
                    stack.append((orelse, function, loops, qualifier))
                    stack.append((fin, function, loops, qualifier))
                default:
                    break
                }
                let text = line >= 1 && line <= sourceLines.count ? sourceLines[line - 1] : ""
                let source = String(text.drop { $0 == " " || $0 == "\t" }).trimming("\r\n")
                outline.statements.append(LessonOutline.Statement(line: line, kind: kind, source: source, narration: [],
                                                                  narrationLines: [], function: function, loops: loops))
            }
        }
        for (i, end) in loopEnds { outline.loops[i].endLine = max(outline.loops[i].line, end) }
        for (i, end) in functionEnds { outline.functions[i].endLine = max(outline.functions[i].line, end) }
        outline.statements.sort { $0.line < $1.line }
        attachComments(to: &outline, commentLines: commentLines, sourceLines: sourceLines)
        return outline
    }

    /// The last line of any statement in `body` (nested statements included).
    private static func maxLine(_ body: [Stmt]) -> Int {
        var best = 0
        var stack: [[Stmt]] = [body]
        while let stmts = stack.popLast() {
            for s in stmts {
                best = max(best, s.location.line)
                switch s.kind {
                case .if(let branches, let orelse):
                    stack.append(contentsOf: branches.map(\.body))
                    stack.append(orelse)
                case .while(_, let b, let o), .for(_, _, let b, let o):
                    stack.append(b)
                    stack.append(o)
                case .functionDef(let d): stack.append(d.body)
                case .classDef(let c): stack.append(c.body)
                case .with(_, let b): stack.append(b)
                case .try(let b, let h, let o, let f):
                    stack.append(b)
                    stack.append(contentsOf: h.map(\.body))
                    stack.append(o)
                    stack.append(f)
                default: break
                }
            }
        }
        return best
    }

    /// Sections from unindented `## Title` lines; every other comment line narrates the next
    /// statement after it (or the end of the lesson).
    private static func attachComments(to outline: inout LessonOutline, commentLines: [Int: String], sourceLines: [Substring]) {
        var next = 0
        for (line, raw) in commentLines.sorted(by: { $0.key < $1.key }) {
            let text = raw.drop { $0 == " " || $0 == "\t" }
            let unindented = line <= sourceLines.count && sourceLines[line - 1].hasPrefix("##")
            if text.hasPrefix("##") {
                if unindented && text.hasPrefix("## ") {
                    let title = String(text.dropFirst(3)).trimming(" \r\n")
                    outline.sections.append(LessonOutline.Section(title: title, line: line))
                }
                continue
            }
            if isDirective(line: line, text: text) { continue }
            var body = text.dropFirst()
            if body.hasPrefix(" ") { body = body.dropFirst() }
            let narration = String(body).trimming("\r\n")
            while next < outline.statements.count && outline.statements[next].line < line { next += 1 }
            if next < outline.statements.count {
                outline.statements[next].narration.append(narration)
                outline.statements[next].narrationLines.append(line)
            } else {
                outline.closingNarration.append(narration)
            }
        }
    }

    /// `#!` on the first line and a `coding` declaration on the first two lines are for the
    /// interpreter, not narration.
    private static func isDirective(line: Int, text: Substring) -> Bool {
        if line == 1 && text.hasPrefix("#!") { return true }
        return line <= 2 && text.contains("coding") && (text.contains("coding:") || text.contains("coding="))
    }
}

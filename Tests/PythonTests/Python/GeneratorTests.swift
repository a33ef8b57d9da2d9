import Testing
@testable import Python

@Suite("Generators")
struct GeneratorTests {
    /// Where CPython refuses a yield, with its message and line.
    @Test(arguments: [
        ("yield 1\n", "'yield' outside function", 1),
        ("class A:\n    x = yield 1\n", "'yield' outside function", 2),
        ("def f():\n    return [(yield) for x in y]\n", "'yield' inside list comprehension", 2),
        ("def f():\n    return ((yield) for x in y)\n", "'yield' inside generator expression", 2),
        ("def f():\n    return {x: (yield) for x in y}\n", "'yield' inside dict comprehension", 2),
        ("def f():\n    print(yield)\n", "invalid syntax", 2),
        ("def f():\n    yield x = 1\n", "assignment to yield expression not possible", 2),
        ("def f():\n    x = yield = 3\n", "assignment to yield expression not possible", 2),
        ("def f():\n    (yield) = 1\n", "cannot assign to yield expression here. Maybe you meant '==' instead of '='?", 2),
    ])
    func misplacedYield(_ source: String, _ message: String, _ line: Int) {
        let (_, result) = runPython(source)
        #expect(result.exitStatus == 1)
        #expect(result.stderr.hasSuffix("SyntaxError: \(message)\n"), "\(result.stderr)")
        #expect(result.stderr.contains("line \(line)\n"))
    }

    /// The hidden slots a generator body is lowered with are not variables of the lesson.
    @Test func hiddenSlotsAreNotReported() {
        let observer = RecordingInterpreterObserver()
        let source = "def g():\n    x = 1 + (yield 2)\n    yield x\n\nit = g()\nnext(it)\nprint(it.send(3))\n"
        let (out, result) = runPython(source, observer: observer)
        #expect(result.exitStatus == 0)
        #expect(out == "4\n")
        #expect(observer.assignments.map(\.0) == ["g", "it", "x"])
    }

    /// A statement that suspends is reported once, not again when the generator resumes.
    @Test func resumedStatementsAreNotReportedAgain() {
        let observer = RecordingInterpreterObserver()
        let source = "def g():\n    for i in range(2):\n        yield i\n\nfor v in g():\n    pass\n"
        _ = runPython(source, observer: observer)
        #expect(observer.statements.map(\.line) == [1, 5, 2, 3, 6, 3, 6])
    }

    /// A generator dropped at the end of the program still runs its `finally` block.
    @Test func droppedGeneratorIsClosedAtTheEnd() {
        let source = "def g():\n    try:\n        yield 1\n    finally:\n        print('closed')\n\ndef main():\n    it = g()\n    next(it)\n\nmain()\n"
        let (out, result) = runPython(source)
        #expect(result.exitStatus == 0)
        #expect(out == "closed\n")
    }

    /// An exception in the `finally` of a generator closed on release is reported, not raised.
    @Test func exceptionWhileClosingIsIgnored() {
        let source = "def g():\n    try:\n        yield 1\n    finally:\n        raise ValueError('x')\n\nit = g()\nnext(it)\nit = None\nprint('on')\n"
        let (out, result) = runPython(source)
        #expect(result.exitStatus == 0)
        #expect(out == "on\n")
        #expect(result.stderr.hasPrefix("Exception ignored in: <generator object g at 0x"))
        #expect(result.stderr.hasSuffix("ValueError: x\n"))
    }
}

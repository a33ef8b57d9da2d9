import Foundation
import Testing
@testable import Python

/// Runs `source`, returning stdout and the result.
func runPython(_ source: String, fileName: String = "lesson.txt", observer: InterpreterObserver? = nil,
               configure: @escaping (Interpreter) -> Void = { _ in }) -> (out: String, result: RunResult) {
    var out = ""
    let result = PythonRunner.run(source: source, fileName: fileName, output: { out += $0 }, observer: observer, configure: configure)
    return (out, result)
}

final class RecordingInterpreterObserver: InterpreterObserver {
    var statements: [StatementInfo] = []
    var assignments: [(String, Int)] = []
    var prints: [(String, Int)] = []

    var ends: [Int] = []
    var iterations: [(Int, Int)] = []
    var raised: [(String, String, Int)] = []

    func willExecute(line: Int, statement: StatementInfo) { statements.append(statement) }
    func didExecute(line: Int) { ends.append(line) }
    func loopIteration(line: Int, index: Int) { iterations.append((line, index)) }
    func didRaise(type: String, message: String, line: Int) { raised.append((type, message, line)) }
    func didAssign(name: String, value: PyValue, line: Int) { assignments.append((name, line)) }
    func didPrint(_ text: String, line: Int) { prints.append((text, line)) }
}

@Suite("Interpreter")
struct InterpreterTests {
    @Test func tracebackLayout() {
        let source = "def f(x):\n    return 1 / x\n\ny = f(0)\n"
        let (_, result) = runPython(source)
        #expect(result.exitStatus == 1)
        #expect(result.stderr == """
            Traceback (most recent call last):
              File "lesson.txt", line 4, in <module>
                y = f(0)
              File "lesson.txt", line 2, in f
                return 1 / x
            ZeroDivisionError: division by zero

            """)
    }

    @Test func recursionTracebackIsCollapsed() {
        let (_, result) = runPython("def f(n):\n    return f(n + 1)\nf(0)\n")
        #expect(result.exitStatus == 1)
        #expect(result.stderr.contains("[Previous line repeated 996 more times]"))
        #expect(result.stderr.hasSuffix("RecursionError: maximum recursion depth exceeded\n"))
    }

    @Test func syntaxErrorReport() {
        let (out, result) = runPython("print('never')\nif True\n    pass\n")
        #expect(out == "")
        #expect(result.exitStatus == 1)
        #expect(result.stderr == "  File \"lesson.txt\", line 2\n    if True\n           ^\nSyntaxError: expected ':'\n")
    }

    @Test(arguments: [
        ("import socket\n", "gradviz: unsupported import 'socket' at line 1"),
        ("x = 1\nimport numpy as np\n", "gradviz: unsupported import 'numpy' at line 2"),
        ("print(2 ** 64)\n", "gradviz: unsupported integer arithmetic beyond 64 bits at line 1"),
        ("open('f')\n", "gradviz: unsupported builtin 'open' at line 1"),
    ])
    func unsupportedFeatures(_ source: String, _ message: String) {
        let (_, result) = runPython(source)
        #expect(result.exitStatus == 2)
        #expect(result.stderr == message + "\n")
    }

    @Test func stepBudgetStopsInfiniteLoops() {
        let (_, result) = runPython("x = 0\nwhile True:\n    x += 1\n") { $0.stepBudget = 10_000 }
        #expect(result.exitStatus == 2)
        #expect(result.stderr.hasPrefix("gradviz: step budget of 10000 statements and iterations exhausted"))
        #expect(result.stderr.contains("--max-steps"))
    }

    /// Builtins that consume an iterable count each element as a step, so a huge range ends
    /// with the budget error instead of running for hours (a fuzzing campaign found
    /// `sum(range(2**53+1))`); loops still count one step per iteration, not two.
    @Test(arguments: ["sum(range(2**53+1))", "any(x < 0 for x in range(2**60))", "all(range(1, 2**60))",
                      "max(range(2**60))", "import collections\ncollections.Counter(range(2**60))",
                      "import collections\ncollections.deque(range(2**60), maxlen=1)"])
    func builtinIterationCountsSteps(source: String) {
        let (_, result) = runPython(source + "\n") { $0.stepBudget = 100_000 }
        #expect(result.exitStatus == 2)
        #expect(result.stderr.contains("step budget of 100000"))
    }

    @Test func loopsCountOneStepPerIteration() {
        let (out, result) = runPython("t = 0\nfor i in range(30000):\n    t += i\nprint(t, sum(range(30000)))\n") { $0.stepBudget = 100_000 }
        #expect(result.exitStatus == 0)
        #expect(out == "449985000 449985000\n")
    }

    @Test func observerSeesStatementsNarrationAssignmentsAndPrints() {
        let source = """
            ## Setup
            # Start from one.
            # Then grow.
            x = 1

            # Unrelated comment

            for i in range(2):
                x = x * 2
            ## Output
            print(x)
            a, (b, c) = 1, (2, 3)
            """
        let observer = RecordingInterpreterObserver()
        let (out, result) = runPython(source + "\n", observer: observer)
        #expect(result.exitStatus == 0)
        #expect(out == "4\n")
        let first = observer.statements[0]
        #expect(first == StatementInfo(line: 4, sourceText: "x = 1", narration: ["Start from one.", "Then grow."], section: "Setup",
                                       index: 0))
        // A comment after a blank line still narrates the next statement: no narration is dropped.
        let loop = observer.statements[1]
        #expect(loop.line == 8 && loop.narration == ["Unrelated comment"] && loop.sourceText == "for i in range(2):")
        #expect(observer.iterations.map(\.1) == [0, 1])
        #expect(observer.ends == [4, 9, 9, 11, 12])
        #expect(observer.statements.map(\.line) == [4, 8, 9, 9, 11, 12])
        #expect(observer.statements[4].section == "Output")
        #expect(observer.assignments.map(\.0) == ["x", "i", "x", "i", "x", "a", "b", "c"])
        #expect(observer.prints.map(\.0) == ["4\n"])
        #expect(observer.prints.map(\.1) == [11])
    }

    @Test func preludeModulesAndDottedImports() {
        let (out, result) = runPython("""
            import pkg.sub as s
            from pkg.sub import double, Base
            import pkg
            class Child(Base):
                def value(self):
                    return super().value() + 1
            print(s.double(4), double(5), pkg.sub.NAME, Child().value(), pkg.VERSION)
            """ + "\n") { interp in
            let pkg = PyModuleObject(name: "pkg")
            pkg.set("VERSION", .str("1.0"))
            interp.registerNativeModule("pkg", pkg)
            interp.registerPreludeModule("pkg.sub", source: """
                NAME = "sub"
                def double(x):
                    return 2 * x
                class Base:
                    def value(self):
                        return 10
                """)
        }
        #expect(result.stderr == "")
        #expect(out == "8 10 sub 11 1.0\n")
    }

    @Test func preludeCodeIsNotObservedAndLinesPointIntoTheLesson() {
        let observer = RecordingInterpreterObserver()
        var lines: [Int] = []
        let (out, result) = runPython("import helper\n\nv = helper.twice(3)\nprint(v)\n", observer: observer) { interp in
            let probe = PyModuleObject(name: "probe")
            probe.set("line", .object(PyBuiltinFunction(name: "line") { _, interp in
                lines.append(interp.currentLine)
                return .none
            }))
            interp.registerNativeModule("probe", probe)
            interp.registerPreludeModule("helper", source: "import probe\ndef twice(x):\n    y = x * 2\n    probe.line()\n    return y\n")
        }
        #expect(result.stderr == "")
        #expect(out == "6\n")
        #expect(lines == [3])
        #expect(observer.statements.map(\.line) == [1, 3, 4])
        #expect(observer.assignments.map(\.0) == ["helper", "v"])
    }

    /// Expected text from `python3` 3.11 with the caret lines removed.
    @Test func chainedTracebacks() {
        let source = """
            def load(key):
                try:
                    return {}[key]
                except KeyError as e:
                    raise ValueError(f"no {key}") from e
            try:
                [][0]
            except IndexError:
                try:
                    load("lr")
                except ValueError:
                    raise RuntimeError("giving up")
            """
        let (_, result) = runPython(source + "\n", fileName: "x6.py")
        #expect(result.stderr == """
            Traceback (most recent call last):
              File "x6.py", line 7, in <module>
                [][0]
            IndexError: list index out of range

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "x6.py", line 3, in load
                return {}[key]
            KeyError: 'lr'

            The above exception was the direct cause of the following exception:

            Traceback (most recent call last):
              File "x6.py", line 10, in <module>
                load("lr")
              File "x6.py", line 5, in load
                raise ValueError(f"no {key}") from e
            ValueError: no lr

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "x6.py", line 12, in <module>
                raise RuntimeError("giving up")
            RuntimeError: giving up

            """)
    }
}

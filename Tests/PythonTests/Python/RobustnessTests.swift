import Foundation
import Testing
@testable import Python

/// Inputs that used to crash or hang the interpreter, and the end-of-program statuses of
/// SystemExit and KeyboardInterrupt, each as CPython behaves.
@Suite("Robustness")
struct RobustnessTests {
    /// Runs `body` on a thread whose stack is only `stackSize` bytes.
    static func onSmallStack(_ stackSize: Int = 1 << 20, _ body: @escaping () -> Void) {
        final class Work {
            let body: () -> Void
            init(_ body: @escaping () -> Void) { self.body = body }
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        guard pthread_create(&thread, &attributes, { raw in
            Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context) == 0 else { return }
        pthread_join(thread, nil)
    }

    /// Lists, dicts and instances nested far deeper than a thread's stack could recurse are freed
    /// iteratively (a 1 MiB stack holds a few thousand levels of recursive release).
    @Test func deeplyNestedContainersAreFreedWithoutRecursion() {
        var freed = false
        RobustnessTests.onSmallStack {
            var list = PyValue.list(PyList())
            var dict = PyValue.dict(PyDict())
            var instance = PyValue.none
            let cls = PyClass(name: "Node", base: nil)
            for _ in 0..<200_000 {
                list = .list(PyList([list, .tuple([list])]))
                let d = PyDict()
                try? d.set(.str("next"), dict)
                dict = .dict(d)
                let node = PyInstance(cls: cls)
                node.attributes["next"] = instance
                instance = .object(node)
            }
            list = .none
            dict = .none
            instance = .none
            freed = true
        }
        #expect(freed)
    }

    @Test(arguments: [
        ("import sys\nsys.exit()\n", Int32(0), ""),
        ("import sys\nsys.exit(None)\n", 0, ""),
        ("import sys\nsys.exit(5)\n", 5, ""),
        ("import sys\nsys.exit(256)\n", 0, ""),
        ("import sys\nsys.exit(-1)\n", 255, ""),
        ("import sys\nsys.exit(True)\n", 1, ""),
        ("import sys\nsys.exit('bad input')\n", 1, "bad input\n"),
        ("raise SystemExit(1, 2)\n", 1, "(1, 2)\n"),
        ("raise KeyboardInterrupt\n", -SIGINT, "Traceback (most recent call last):\n  File \"lesson.txt\", line 1, in <module>\n    raise KeyboardInterrupt\nKeyboardInterrupt\n"),
    ])
    func exitStatuses(_ source: String, _ status: Int32, _ stderr: String) {
        let (_, result) = runPython(source)
        #expect(result.exitStatus == status)
        #expect(result.stderr == stderr)
    }

    @Test func nonUTF8SourceWithoutDeclaration() {
        let bytes: [UInt8] = Array("print(1)\nx = '".utf8) + [0xE9] + Array("'\n".utf8)
        let result = PythonSource.decode(bytes, fileName: "/tmp/lesson.py")
        #expect(result == .failure(PythonSource.DecodingError(stderr: "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file /tmp/lesson.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n")))
    }

    @Test(arguments: [
        ("# -*- coding: latin-1 -*-\n", "café"),
        ("#!/usr/bin/env python3\n# vim: set fileencoding=iso-8859-1 :\n", "café"),
        ("# coding=cp1252\n", "café"),
    ])
    func declaredEncodings(_ header: String, _ word: String) throws {
        let bytes = Array(header.utf8) + Array("print('caf".utf8) + [0xE9] + Array("')\n".utf8)
        let text = try PythonSource.decode(bytes, fileName: "t.py").get()
        #expect(text.hasSuffix("print('\(word)')\n"))
    }

    @Test func declarationAfterCodeIsIgnored() {
        let bytes = Array("x = 1\n# coding: latin-1\ny = '".utf8) + [0xE9] + Array("'\n".utf8)
        guard case .failure(let e) = PythonSource.decode(bytes, fileName: "t.py") else {
            Issue.record("decoded despite the late declaration")
            return
        }
        #expect(e.stderr.contains("on line 3, but no encoding declared"))
    }

    @Test(arguments: [
        ([UInt8]("# coding: nonsense\nprint(1)\n".utf8), "SyntaxError: encoding problem: nonsense\n"),
        ([0xEF, 0xBB, 0xBF] + [UInt8]("# coding: latin-1\nprint(1)\n".utf8), "SyntaxError: encoding problem: iso-8859-1 with BOM\n"),
    ])
    func encodingProblems(_ bytes: [UInt8], _ stderr: String) {
        #expect(PythonSource.decode(bytes, fileName: "t.py") == .failure(PythonSource.DecodingError(stderr: stderr)))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let text = try PythonSource.decode([0xEF, 0xBB, 0xBF] + Array("print(1)\n".utf8), fileName: "t.py").get()
        #expect(text == "print(1)\n")
    }

    /// `'%*d' % (10**9, 1)` took a minute; widths beyond what gradviz builds are a resource limit.
    @Test func hugeFormatWidthsAreBounded() {
        let (_, result) = runPython("s = '%*d' % (10**9, 1)\n")
        #expect(result.exitStatus == 2)
        #expect(result.stderr.hasPrefix("gradviz: sequence of more than 100000000 elements"))
    }
}

import Testing
@testable import Python

/// A native number box, exercising the hooks the torch layer uses.
final class PyTestBox: NativeObject {
    static let boxClass = PyTestBoxClass(name: "Box")
    var value: Double

    init(_ value: Double) { self.value = value }

    override var typeName: String { "Box" }
    override var nativeClass: NativeClass? { PyTestBox.boxClass }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "value": return .float(value)
        case "double":
            return .object(PyBuiltinFunction(name: "double", boundTo: .object(self)) { _, _ in .object(PyTestBox(self.value * 2)) })
        case "apply":
            return .object(PyBuiltinFunction(name: "apply") { args, interp in
                let b = try args.bind(signature: "apply(fn, *, times=1)")
                var v = PyValue.object(self)
                for _ in 0..<(try interp.index(b["times"])) { v = try interp.call(b["fn"], [v]) }
                return v
            })
        default: return nil
        }
    }

    override func setAttr(_ name: String, _ value: PyValue, interp: Interpreter) throws -> Bool {
        guard name == "value" else { return false }
        self.value = try interp.toDouble(value)
        return true
    }

    override func binaryOp(_ op: PyBinaryOp, _ other: PyValue, reflected: Bool, interp: Interpreter) throws -> PyValue? {
        let o: Double
        if case .object(let b as PyTestBox) = other { o = b.value } else if let d = other.asDouble { o = d } else { return nil }
        switch op {
        case .add: return .object(PyTestBox(value + o))
        case .mul: return .object(PyTestBox(value * o))
        case .sub: return .object(PyTestBox(reflected ? o - value : value - o))
        default: return nil
        }
    }

    override func inplaceOp(_ op: PyBinaryOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        guard op == .add, let d = other.asDouble else { return nil }
        value += d
        return .object(self)
    }

    override func repr(interp: Interpreter) throws -> String? { "Box(\(value))" }
    override func toFloat(interp: Interpreter) throws -> Double? { value }
    override func enter(interp: Interpreter) throws -> PyValue? { .object(self) }
    override func exit(_ exception: PyException?, interp: Interpreter) throws -> Bool? {
        value = -1
        return false
    }
}

final class PyTestBoxClass: NativeClass {
    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        let b = try args.bind(names: ["value"], defaults: ["value": .float(0)], function: "Box")
        return .object(PyTestBox(try interp.toDouble(b[0])))
    }

    override func instanceAttr(_ name: String, of instance: PyInstance, interp: Interpreter) throws -> PyValue? {
        guard name == "state", let box = instance.nativeState as? PyTestBox else { return nil }
        return .object(box)
    }

    override func initInstance(_ instance: PyInstance, args: PyArgs, interp: Interpreter) throws {
        instance.nativeState = PyTestBox(42)
    }

    override func classAttr(_ name: String, of cls: PyClass, interp: Interpreter) throws -> PyValue? {
        guard name == "describe" else { return nil }
        return .object(PyBuiltinFunction(name: "describe") { _, _ in .str("subclass \(cls.name) of Box") })
    }
}

@Suite("Native objects")
struct NativeObjectTests {
    func run(_ source: String) -> (String, RunResult) {
        runPython(source + "\n") { interp in
            let m = PyModuleObject(name: "boxes")
            m.set("Box", .object(PyTestBox.boxClass))
            interp.registerNativeModule("boxes", m)
        }
    }

    @Test func operatorsAttributesAndCallbacks() {
        let (out, result) = run("""
            from boxes import Box
            b = Box(2)
            c = 1 + b * 3 - 1
            print(c, 10 - b, b.value, b.double(), b.apply(lambda v: v * 2, times=3))
            b += 5
            b.value = 1.5
            print(b, float(b), isinstance(b, Box), type(b).__name__)
            with Box(1) as inner:
                print(inner)
            print(inner)
            y = b
            for i in range(3):
                y = y * 0.5 + 1
            print(y)
            """)
        #expect(result.stderr == "")
        #expect(out == "Box(6.0) Box(8.0) 2.0 Box(4.0) Box(16.0)\nBox(1.5) 1.5 True Box\nBox(1.0)\nBox(-1.0)\nBox(1.9375)\n")
    }

    @Test func missingHooksRaisePythonErrors() {
        let (_, r1) = run("from boxes import Box\nBox(1) @ Box(2)")
        #expect(r1.stderr.hasSuffix("TypeError: unsupported operand type(s) for @: 'Box' and 'Box'\n"))
        let (_, r2) = run("from boxes import Box\nBox(1).nope")
        #expect(r2.stderr.hasSuffix("AttributeError: 'Box' object has no attribute 'nope'\n"))
        let (_, r3) = run("from boxes import Box\nBox(1, 2)")
        #expect(r3.stderr.hasSuffix("TypeError: Box() takes from 0 to 1 positional arguments but 2 were given\n"))
        let (_, r4) = run("from boxes import Box\nb = Box(1)\nb.apply(print, times=1, extra=2)")
        #expect(r4.stderr.hasSuffix("TypeError: apply() got an unexpected keyword argument 'extra'\n"))
        let (_, r5) = run("from boxes import Box\nlen(Box(1))")
        #expect(r5.stderr.hasSuffix("TypeError: object of type 'Box' has no len()\n"))
    }

    @Test func userClassesDeriveFromNativeClasses() {
        let (out, result) = run("""
            from boxes import Box
            class Mine(Box):
                def __init__(self, k):
                    self.k = k
                def total(self):
                    return self.state.value + self.k
            m = Mine(1)
            print(m.total(), Mine.describe(), isinstance(m, Box), isinstance(m, Mine), issubclass(Mine, Box))
            """)
        #expect(result.stderr == "")
        #expect(out == "43.0 subclass Mine of Box True True True\n")
    }

    @Test func argumentBinderTexts() throws {
        let sig = PySignature("add(input, other, *, alpha=1)")
        #expect(throws: PyException.self) { try PyArgs([.int(1)]).bind(sig) }
        func message(_ args: PyArgs) -> String {
            do {
                _ = try args.bind(sig)
                return ""
            } catch let e as PyException {
                return e.instance.exceptionArgs.first?.asString ?? ""
            } catch {
                return "\(error)"
            }
        }
        #expect(message(PyArgs([])) == "add() missing 2 required positional arguments: 'input' and 'other'")
        #expect(message(PyArgs([.int(1), .int(2), .int(3)])) == "add() takes 2 positional arguments but 3 were given")
        #expect(message(PyArgs([.int(1)], keywords: [("input", .int(2))])) == "add() got multiple values for argument 'input'")
        #expect(message(PyArgs([.int(1), .int(2)], keywords: [("beta", .int(2))])) == "add() got an unexpected keyword argument 'beta'")
        let bound = try PyArgs([.int(1)], keywords: [("other", .int(5)), ("alpha", .float(0.5))]).bind(sig)
        #expect(bound["other"].asInt == 5)
        #expect(bound["alpha"].asDouble == 0.5)
    }
}

@Suite("Interpreter overhead")
struct OverheadTests {
    /// The lesson hot loop on a native value: 40,000 native operations must stay far from
    /// quadratic or allocation-heavy behaviour even in debug builds.
    @Test func nativeArithmeticLoop() {
        let clock = ContinuousClock()
        var result = RunResult(exitStatus: -1, stderr: "")
        var out = ""
        let elapsed = clock.measure {
            let run = runPython("from boxes import Box\ny = Box(1)\nfor i in range(20000):\n    y = y * 0.999 + 0.001\nprint(y)\n") { interp in
                let m = PyModuleObject(name: "boxes")
                m.set("Box", .object(PyTestBox.boxClass))
                interp.registerNativeModule("boxes", m)
            }
            result = run.result
            out = run.out
        }
        #expect(result.stderr == "")
        #expect(out.hasPrefix("Box(1.0"))
        #expect(elapsed < .seconds(5))
    }
}

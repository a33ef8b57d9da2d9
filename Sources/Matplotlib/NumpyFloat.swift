import PyFormat
import Python

/// A `numpy.float64` as matplotlib returns limits: prints as `np.float64(0.5)` in a repr and
/// `0.5` with `str`, and computes as a float.
final class NumpyFloat: NativeObject {
    let value: Double

    init(_ value: Double) {
        self.value = value
    }

    override var typeName: String { "float64" }

    override func repr(interp: Interpreter) throws -> String? { "np.float64(\(pythonRepr(value)))" }
    override func str(interp: Interpreter) throws -> String? { pythonRepr(value) }
    override func toFloat(interp: Interpreter) throws -> Double? { value }
    override func truthiness(interp: Interpreter) throws -> Bool? { value != 0 }

    override func format(spec: String, interp: Interpreter) throws -> String? {
        try interp.format(.float(value), spec: spec)
    }

    override func binaryOp(_ op: PyBinaryOp, _ other: PyValue, reflected: Bool, interp: Interpreter) throws -> PyValue? {
        let o: PyValue
        if case .object(let n as NumpyFloat) = other { o = .float(n.value) } else { o = other }
        switch o {
        case .int, .float, .bool:
            let r = reflected ? try interp.binaryOp(op, o, .float(value)) : try interp.binaryOp(op, .float(value), o)
            if case .float(let d) = r { return .object(NumpyFloat(d)) }
            return r
        default: return nil
        }
    }

    override func unaryOp(_ op: PyUnaryOp, interp: Interpreter) throws -> PyValue? {
        let r = try interp.unaryOp(op, .float(value))
        if case .float(let d) = r { return .object(NumpyFloat(d)) }
        return r
    }

    override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        let o: PyValue
        if case .object(let n as NumpyFloat) = other { o = .float(n.value) } else { o = other }
        switch o {
        case .int, .float, .bool: return try interp.compare(op, .float(value), o)
        default: return nil
        }
    }
}

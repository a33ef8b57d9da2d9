import Foundation

/// Python arithmetic on ints, floats, strings and sequences, and dispatch to objects.
extension Interpreter {
    /// `a <op> b`, with Python's semantics and error texts.
    public func binaryOp(_ op: PyBinaryOp, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        switch (a, b) {
        case (.int(let x), .int(let y)): return try intOp(op, x, y)
        case (.float(let x), .float(let y)): return try floatOp(op, x, y)
        case (.int(let x), .float(let y)): return try floatOp(op, Double(x), y)
        case (.float(let x), .int(let y)): return try floatOp(op, x, Double(y))
        case (.object(let o), _):
            if let r = try o.binaryOp(op, b, reflected: false, interp: self) { return r }
            if case .object(let p) = b, !Interpreter.sameType(o, p), let r = try p.binaryOp(op, a, reflected: true, interp: self) { return r }
        case (_, .object(let p)):
            if let r = try p.binaryOp(op, a, reflected: true, interp: self) { return r }
        default:
            if let r = try valueOp(op, a, b) { return r }
        }
        throw binaryTypeError(op, a, b)
    }

    /// Python tries the reflected operator only when the operands' types differ.
    static func sameType(_ a: PyObject, _ b: PyObject) -> Bool {
        if let x = a as? PyInstance, let y = b as? PyInstance { return x.cls === y.cls }
        return a === b || (!(a is PyInstance) && ObjectIdentifier(type(of: a)) == ObjectIdentifier(type(of: b)))
    }

    /// `a <op>= b`: in place for objects that support it (lists, tensors), else ``binaryOp(_:_:_:)``.
    public func inplaceOp(_ op: PyBinaryOp, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        switch a {
        case .object(let o):
            if let r = try o.inplaceOp(op, b, interp: self) { return r }
        case .list(let l):
            if op == .add {
                let more = try iterate(b)
                try checkLength(l.items.count + more.count, bytesPerElement: MemoryLayout<PyValue>.stride)
                l.items.append(contentsOf: more)
                return a
            }
            if op == .mul {
                guard let n = b.asInt else { throw binaryTypeError(op, a, b) }
                l.items = try repeated(l.items, n)
                return a
            }
        default:
            break
        }
        return try binaryOp(op, a, b)
    }

    func binaryTypeError(_ op: PyBinaryOp, _ a: PyValue, _ b: PyValue) -> PyException {
        if op == .add {
            switch a {
            case .str: return PyException(.typeError, "can only concatenate str (not \"\(b.typeName)\") to str")
            case .list: return PyException(.typeError, "can only concatenate list (not \"\(b.typeName)\") to list")
            case .tuple: return PyException(.typeError, "can only concatenate tuple (not \"\(b.typeName)\") to tuple")
            default: break
            }
        }
        if op == .mul {
            switch (a, b) {
            case (.str, _), (.list, _), (.tuple, _):
                if b.asInt == nil { return PyException(.typeError, "can't multiply sequence by non-int of type '\(b.typeName)'") }
            case (_, .str), (_, .list), (_, .tuple):
                if a.asInt == nil { return PyException(.typeError, "can't multiply sequence by non-int of type '\(a.typeName)'") }
            default: break
            }
        }
        let symbol = op == .pow ? "** or pow()" : op.symbol
        return PyException(.typeError, "unsupported operand type(s) for \(symbol): '\(a.typeName)' and '\(b.typeName)'")
    }

    func overflow() -> UnsupportedFeature {
        UnsupportedFeature("integer arithmetic beyond 64 bits", line: currentLine)
    }

    func intOp(_ op: PyBinaryOp, _ x: Int, _ y: Int) throws -> PyValue {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw overflow() }
            return .int(r)
        case .sub:
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw overflow() }
            return .int(r)
        case .mul:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw overflow() }
            return .int(r)
        case .truediv:
            if y == 0 { throw PyException(.zeroDivisionError, "division by zero") }
            return .float(Double(x) / Double(y))
        case .floordiv:
            if y == 0 { throw PyException(.zeroDivisionError, "integer division or modulo by zero") }
            if x == Int.min && y == -1 { throw overflow() }
            return .int(Interpreter.floorDiv(x, y))
        case .mod:
            if y == 0 { throw PyException(.zeroDivisionError, "integer modulo by zero") }
            if y == -1 { return .int(0) }
            return .int(Interpreter.floorMod(x, y))
        case .pow:
            if y < 0 {
                if x == 0 { throw PyException(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(x), Double(y)))
            }
            return .int(try intPow(x, y))
        case .lshift:
            if y < 0 { throw PyException(.valueError, "negative shift count") }
            if x == 0 { return .int(0) }
            if y >= 63 || (x << y) >> y != x { throw overflow() }
            return .int(x << y)
        case .rshift:
            if y < 0 { throw PyException(.valueError, "negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .and: return .int(x & y)
        case .or: return .int(x | y)
        case .xor: return .int(x ^ y)
        case .matmul:
            throw PyException(.typeError, "unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    func intPow(_ base: Int, _ exponent: Int) throws -> Int {
        var result = 1, b = base, e = exponent
        while e > 0 {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: b)
                if o { throw overflow() }
                result = r
            }
            e >>= 1
            if e > 0 {
                let (sq, o) = b.multipliedReportingOverflow(by: b)
                if o { throw overflow() }
                b = sq
            }
        }
        return result
    }

    /// Python's `x // y`; the caller rules out `y == 0` and `Int.min // -1` (2**63 does not fit).
    static func floorDiv(_ x: Int, _ y: Int) -> Int {
        let q = x / y
        return (x % y != 0 && ((x < 0) != (y < 0))) ? q - 1 : q
    }

    static func floorMod(_ x: Int, _ y: Int) -> Int {
        if y == -1 { return 0 }  // Int.min % -1 traps
        let r = x % y
        return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r
    }

    func floatOp(_ op: PyBinaryOp, _ x: Double, _ y: Double) throws -> PyValue {
        switch op {
        case .add: return .float(x + y)
        case .sub: return .float(x - y)
        case .mul: return .float(x * y)
        case .truediv:
            if y == 0 { throw PyException(.zeroDivisionError, "float division by zero") }
            return .float(x / y)
        case .floordiv:
            if y == 0 { throw PyException(.zeroDivisionError, "float floor division by zero") }
            return .float(Interpreter.floatDivmod(x, y).0)
        case .mod:
            if y == 0 { throw PyException(.zeroDivisionError, "float modulo") }
            return .float(Interpreter.floatDivmod(x, y).1)
        case .pow:
            return .float(try floatPow(x, y))
        default:
            throw PyException(.typeError, "unsupported operand type(s) for \(op.symbol): 'float' and 'float'")
        }
    }

    func floatPow(_ x: Double, _ y: Double) throws -> Double {
        if x == 0 && y < 0 { throw PyException(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
        if x < 0 && y != y.rounded() && x.isFinite && y.isFinite {
            throw UnsupportedFeature("complex numbers (negative number raised to a fractional power)", line: currentLine)
        }
        let r = Foundation.pow(x, y)
        if r.isInfinite && x.isFinite && y.isFinite {
            throw PyException(.overflowError, args: [.int(34), .str("Numerical result out of range")])
        }
        return r
    }

    /// Python's float divmod: the floor quotient and a remainder with the divisor's sign.
    static func floatDivmod(_ x: Double, _ y: Double) -> (Double, Double) {
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 {
            if (y < 0) != (mod < 0) {
                mod += y
                div -= 1
            }
        } else {
            mod = copysign(0, y)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = copysign(0, x / y)
        }
        return (floordiv, mod)
    }

    /// Operators on bools (as ints), strings and sequences.
    func valueOp(_ op: PyBinaryOp, _ a: PyValue, _ b: PyValue) throws -> PyValue? {
        if case .bool(let x) = a, case .bool(let y) = b {
            switch op {
            case .and: return .bool(x && y)
            case .or: return .bool(x || y)
            case .xor: return .bool(x != y)
            default: break
            }
        }
        switch (a, b) {
        case (.bool, .int), (.int, .bool), (.bool, .bool):
            return try intOp(op, a.asInt!, b.asInt!)
        case (.bool(let x), .float(let y)): return try floatOp(op, x ? 1 : 0, y)
        case (.float(let x), .bool(let y)): return try floatOp(op, x, y ? 1 : 0)
        default: break
        }
        if case .dict(let x) = a, case .dict(let y) = b, case .counter = x.kind, case .counter = y.kind, op != .or {
            return try counterOperation(op, x, y)
        }
        switch op {
        case .add:
            switch (a, b) {
            // Checked like a repetition: doubling a string or list in a loop must end in
            // MemoryError or the sequence limit, not in the allocator.
            case (.str(let x), .str(let y)):
                try checkLength(x.utf8.count + y.utf8.count)
                return .str(x + y)
            case (.list(let x), .list(let y)):
                try checkLength(x.items.count + y.items.count, bytesPerElement: MemoryLayout<PyValue>.stride)
                return .list(PyList(x.items + y.items))
            case (.tuple(let x), .tuple(let y)):
                try checkLength(x.count + y.count, bytesPerElement: MemoryLayout<PyValue>.stride)
                return .tuple(x + y)
            default: return nil
            }
        case .mul:
            switch (a, b) {
            case (.str(let s), _):
                guard let n = b.asInt else { return nil }
                return .str(try repeatedString(s, n))
            case (_, .str(let s)):
                guard let n = a.asInt else { return nil }
                return .str(try repeatedString(s, n))
            case (.list(let l), _):
                guard let n = b.asInt else { return nil }
                return .list(PyList(try repeated(l.items, n)))
            case (_, .list(let l)):
                guard let n = a.asInt else { return nil }
                return .list(PyList(try repeated(l.items, n)))
            case (.tuple(let t), _):
                guard let n = b.asInt else { return nil }
                return .tuple(try repeated(t, n))
            case (_, .tuple(let t)):
                guard let n = a.asInt else { return nil }
                return .tuple(try repeated(t, n))
            default: return nil
            }
        case .mod:
            if case .str(let s) = a { return .str(try percentFormat(s, b)) }
            return nil
        case .or:
            if case .dict(let x) = a, case .dict(let y) = b {
                if case .counter = x.kind, case .counter = y.kind { return try counterOperation(op, x, y) }
                let d = x.copy()
                for (k, v) in y.items { try d.set(k, v) }
                return .dict(d)
            }
            return nil
        default:
            return nil
        }
    }

    /// Checks `count * n` elements of a repetition: CPython's OverflowError for a string whose
    /// length overflows, MemoryError for a list or tuple, then ``checkLength(_:)``.
    func checkRepetition(_ count: Int, _ n: Int, string: Bool = false) throws {
        let (total, overflow) = count.multipliedReportingOverflow(by: Swift.max(n, 0))
        if overflow {
            throw string ? PyException(.overflowError, "repeated string is too long") : PyException(.memoryError, nil)
        }
        try checkLength(total, bytesPerElement: string ? 1 : MemoryLayout<UnsafeRawPointer>.size)
    }

    /// Refuses to build a string or sequence of `length` elements when CPython could not
    /// allocate it either (MemoryError), or when it exceeds what gradviz builds
    /// (``maxSequenceLength``, reported as a resource limit).
    func checkLength(_ length: Int, bytesPerElement: Int = 1) throws {
        try Interpreter.checkAllocatable(length, bytesPerElement: bytesPerElement)
        if length > Interpreter.maxSequenceLength {
            throw ResourceLimitExceeded("sequence of more than \(Interpreter.maxSequenceLength) elements", line: currentLine)
        }
    }

    /// CPython's MemoryError for `length` elements no machine could allocate.
    static func checkAllocatable(_ length: Int, bytesPerElement: Int) throws {
        let (bytes, overflow) = length.multipliedReportingOverflow(by: bytesPerElement)
        if overflow || bytes > unallocatableBytes { throw PyException(.memoryError, nil) }
    }

    /// The largest list, tuple or string the interpreter builds.
    static let maxSequenceLength = 100_000_000
    /// Allocations no machine a lesson runs on could make (64 GiB): CPython's MemoryError.
    static let unallocatableBytes = 1 << 36

    /// `s * n`. An empty string repeated any number of times is empty at once (Swift's
    /// `String(repeating:count:)` would loop n times: `'' * 2**62` never ended).
    private func repeatedString(_ s: String, _ n: Int) throws -> String {
        try checkRepetition(s.unicodeScalars.count, n, string: true)
        return n <= 0 || s.isEmpty ? "" : String(repeating: s, count: n)
    }

    /// `items * n`; an empty list or tuple is empty at once, however large n is.
    private func repeated(_ items: [PyValue], _ n: Int) throws -> [PyValue] {
        try checkRepetition(items.count, n)
        guard n > 0, !items.isEmpty else { return [] }
        var out: [PyValue] = []
        out.reserveCapacity(items.count * n)
        for _ in 0..<n { out.append(contentsOf: items) }
        return out
    }

    /// `-v`, `+v`, `~v`.
    public func unaryOp(_ op: PyUnaryOp, _ v: PyValue) throws -> PyValue {
        switch (op, v) {
        case (.neg, .int(let i)):
            if i == Int.min { throw overflow() }
            return .int(-i)
        case (.neg, .float(let d)): return .float(-d)
        case (.neg, .bool(let b)): return .int(b ? -1 : 0)
        case (.pos, .int), (.pos, .float): return v
        case (.pos, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        case (_, .object(let o)):
            if let r = try o.unaryOp(op, interp: self) { return r }
        case (.pos, .dict(let d)), (.neg, .dict(let d)):
            if case .counter = d.kind {
                let empty = PyDict()
                empty.kind = .counter
                if let r = try counterOperation(op == .pos ? .add : .sub, empty, d) { return r }
            }
        default: break
        }
        throw PyException(.typeError, "bad operand type for unary \(op.rawValue): '\(v.typeName)'")
    }
}

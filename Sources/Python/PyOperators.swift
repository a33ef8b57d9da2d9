/// Python's binary arithmetic operators, with their symbols and dunder method names.
public enum PyBinaryOp: String, CaseIterable, Sendable {
    case add = "+", sub = "-", mul = "*", matmul = "@", truediv = "/", floordiv = "//"
    case mod = "%", pow = "**", lshift = "<<", rshift = ">>", and = "&", xor = "^", or = "|"

    /// The operator as written in source (`+`).
    public var symbol: String { rawValue }

    /// The stem of the dunder names (`add` for `__add__`, `__radd__`, `__iadd__`).
    public var dunderStem: String {
        switch self {
        case .add: return "add"
        case .sub: return "sub"
        case .mul: return "mul"
        case .matmul: return "matmul"
        case .truediv: return "truediv"
        case .floordiv: return "floordiv"
        case .mod: return "mod"
        case .pow: return "pow"
        case .lshift: return "lshift"
        case .rshift: return "rshift"
        case .and: return "and"
        case .xor: return "xor"
        case .or: return "or"
        }
    }

    /// `__add__`.
    public var dunder: String { "__\(dunderStem)__" }
    /// `__radd__`.
    public var reflectedDunder: String { "__r\(dunderStem)__" }
    /// `__iadd__`.
    public var inplaceDunder: String { "__i\(dunderStem)__" }
}

/// Python's unary operators other than `not` (which every object supports through truthiness).
public enum PyUnaryOp: String, Sendable {
    case neg = "-", pos = "+", invert = "~"

    /// `__neg__`, `__pos__`, `__invert__`.
    public var dunder: String {
        switch self {
        case .neg: return "__neg__"
        case .pos: return "__pos__"
        case .invert: return "__invert__"
        }
    }
}

/// Python's rich comparison operators.
public enum PyCompareOp: String, Sendable {
    case lt = "<", le = "<=", eq = "==", ne = "!=", gt = ">", ge = ">="

    /// `__lt__` and friends.
    public var dunder: String {
        switch self {
        case .lt: return "__lt__"
        case .le: return "__le__"
        case .eq: return "__eq__"
        case .ne: return "__ne__"
        case .gt: return "__gt__"
        case .ge: return "__ge__"
        }
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    public var swapped: PyCompareOp {
        switch self {
        case .lt: return .gt
        case .le: return .ge
        case .eq: return .eq
        case .ne: return .ne
        case .gt: return .lt
        case .ge: return .le
        }
    }
}

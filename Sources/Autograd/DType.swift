/// The element types a tensor can hold, named as PyTorch names them.
///
/// Values of every dtype are stored as `Double`; float32 tensors keep each value
/// rounded to the nearest `Float`, so results equal float32 arithmetic for the
/// correctly rounded operations (+, −, ×, ÷, sqrt).
public enum DType: Int, Sendable, CaseIterable, Comparable {
    case bool = 0
    case int64 = 1
    case float32 = 2
    case float64 = 3

    /// `torch.float32`, as Python prints the dtype object.
    public var torchName: String {
        switch self {
        case .bool: "torch.bool"
        case .int64: "torch.int64"
        case .float32: "torch.float32"
        case .float64: "torch.float64"
        }
    }

    /// The legacy type name used in some PyTorch messages (`torch.FloatTensor`).
    public var legacyTypeName: String {
        switch self {
        case .bool: "torch.BoolTensor"
        case .int64: "torch.LongTensor"
        case .float32: "torch.FloatTensor"
        case .float64: "torch.DoubleTensor"
        }
    }

    /// The scalar type name of C++ messages (`Float`, `Double`, `Long`, `Bool`).
    public var scalarTypeName: String {
        switch self {
        case .bool: "Bool"
        case .int64: "Long"
        case .float32: "Float"
        case .float64: "Double"
        }
    }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }

    /// Rounds a value to what this dtype can hold.
    @inlinable
    public func round(_ v: Double) -> Double {
        switch self {
        case .float32: return Double(Float(v))
        case .float64: return v
        case .int64: return v.isFinite ? v.rounded(.towardZero) : v
        case .bool: return v != 0 ? 1 : 0
        }
    }

    public static func < (a: DType, b: DType) -> Bool { a.rawValue < b.rawValue }
}

/// The element types a tensor can hold, named as PyTorch names them.
///
/// Floating-point and bool tensors store their values as `Double`, each rounded to
/// what the dtype holds (float32 values are exact `Float`s, so results equal float32
/// arithmetic for the correctly rounded operations +, −, ×, ÷, sqrt). The integer
/// dtypes store `Int64`s, wrapped to their width, so int64 is exact over its range.
public enum DType: Int, Sendable, CaseIterable {
    case bool = 0
    case uint8 = 1
    case int8 = 2
    case int16 = 3
    case int32 = 4
    case int64 = 5
    case float16 = 6
    case bfloat16 = 7
    case float32 = 8
    case float64 = 9

    /// `torch.float32`, as Python prints the dtype object.
    public var torchName: String { "torch." + shortName }

    /// `float32`: the name after `torch.` (also what `finfo(...).dtype` gives).
    public var shortName: String {
        switch self {
        case .bool: "bool"
        case .uint8: "uint8"
        case .int8: "int8"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .float16: "float16"
        case .bfloat16: "bfloat16"
        case .float32: "float32"
        case .float64: "float64"
        }
    }

    /// The legacy tensor type name (`torch.FloatTensor`), as `tensor.type()` returns it.
    public var legacyTypeName: String { "torch." + scalarTypeName + "Tensor" }

    /// The scalar type name of C++ messages (`Float`, `Double`, `Long`, `Bool`).
    public var scalarTypeName: String {
        switch self {
        case .bool: "Bool"
        case .uint8: "Byte"
        case .int8: "Char"
        case .int16: "Short"
        case .int32: "Int"
        case .int64: "Long"
        case .float16: "Half"
        case .bfloat16: "BFloat16"
        case .float32: "Float"
        case .float64: "Double"
        }
    }

    /// The C++ type in "value cannot be converted to type … without overflow".
    public var cppTypeName: String {
        switch self {
        case .bool: "bool"
        case .uint8: "uint8_t"
        case .int8: "int8_t"
        case .int16: "int16_t"
        case .int32: "int"
        case .int64: "int64_t"
        case .float16: "c10::Half"
        case .bfloat16: "c10::BFloat16"
        case .float32: "float"
        case .float64: "double"
        }
    }

    /// The C++ type name PyTorch's `TypeMeta` prints in some messages (`long int`, `float`).
    public var typeMetaName: String {
        switch self {
        case .bool: "bool"
        case .uint8: "unsigned char"
        case .int8: "signed char"
        case .int16: "short int"
        case .int32: "int"
        case .int64: "long int"
        case .float16: "c10::Half"
        case .bfloat16: "c10::BFloat16"
        case .float32: "float"
        case .float64: "double"
        }
    }

    /// The dtype with this legacy type name (`FloatTensor` → float32).
    public static func withScalarTypeName(_ name: String) -> DType? {
        allCases.first { $0.scalarTypeName == name }
    }

    public var isFloatingPoint: Bool {
        switch self {
        case .float16, .bfloat16, .float32, .float64: true
        default: false
        }
    }

    /// Whether CPU kernels compute in `Float` (float32, and float16/bfloat16, whose
    /// values are computed in float and rounded).
    @inlinable
    public var computesInFloat: Bool { rawValue >= DType.float16.rawValue && rawValue <= DType.float32.rawValue }

    /// The precision a computation in this dtype reads its operands at: its own, except
    /// that float16/bfloat16 kernels read CPU scalars (`scalar`) as float.
    @inlinable
    func operandPrecision(scalar: Bool) -> DType {
        scalar && computesInFloat ? .float32 : self
    }

    /// The integer dtypes (not bool), whose tensors store `Int64` elements.
    @inlinable
    public var isInteger: Bool { rawValue >= DType.uint8.rawValue && rawValue <= DType.int64.rawValue }

    /// `dtype.is_signed`.
    public var isSigned: Bool { self != .bool && self != .uint8 }

    /// `itemsize` / `element_size()` in bytes.
    public var itemSize: Int {
        switch self {
        case .bool, .uint8, .int8: 1
        case .int16, .float16, .bfloat16: 2
        case .int32, .float32: 4
        case .int64, .float64: 8
        }
    }

    /// The width in bits (`iinfo(...).bits`, `finfo(...).bits`).
    public var bits: Int { itemSize * 8 }

    /// The smallest and largest value of an integer dtype.
    public var integerRange: ClosedRange<Int64> {
        switch self {
        case .uint8: 0...255
        case .int8: -128...127
        case .int16: Int64(Int16.min)...Int64(Int16.max)
        case .int32: Int64(Int32.min)...Int64(Int32.max)
        case .bool: 0...1
        default: Int64.min...Int64.max
        }
    }

    /// The largest finite value of a floating dtype (`finfo(...).max`).
    public var largestFinite: Double {
        switch self {
        case .float16: 65504
        case .bfloat16: 3.3895313892515355e+38
        case .float32: Double(Float.greatestFiniteMagnitude)
        default: Double.greatestFiniteMagnitude
        }
    }
}

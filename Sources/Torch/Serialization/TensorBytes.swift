import Foundation
import Autograd

/// A tensor's elements as the little-endian bytes of a PyTorch storage, and back.
enum TensorBytes {
    /// PyTorch's legacy storage class of a dtype (`FloatStorage`, `LongStorage`…), as pickled.
    static func storageName(_ dtype: DType) -> String {
        dtype.scalarTypeName + "Storage"
    }

    static func dtype(storage name: String) -> DType? {
        DType.allCases.first { storageName($0) == name }
    }

    static func encode(_ elements: TensorElements, _ dtype: DType) -> Data {
        var data = Data(capacity: elements.count * dtype.itemSize)
        func append<T: FixedWidthInteger>(_ bits: T) {
            withUnsafeBytes(of: bits.littleEndian) { data.append(contentsOf: $0) }
        }
        switch elements {
        case .integers(let v):
            for x in v {
                switch dtype.itemSize {
                case 1: append(UInt8(truncatingIfNeeded: x))
                case 2: append(UInt16(truncatingIfNeeded: x))
                case 4: append(UInt32(truncatingIfNeeded: x))
                default: append(UInt64(bitPattern: x))
                }
            }
        case .doubles(let v):
            for x in v {
                switch dtype {
                case .float64: append(x.bitPattern)
                case .float32: append(Float(x).bitPattern)
                case .float16: append(Float16(x).bitPattern)
                // A bfloat16 value is a float whose low 16 bits are zero.
                case .bfloat16: append(UInt16(truncatingIfNeeded: Float(x).bitPattern >> 16))
                default: append(UInt8(x != 0 ? 1 : 0))
                }
            }
        }
        return data
    }

    static func decode(_ data: Data, _ dtype: DType) -> TensorElements {
        let width = dtype.itemSize
        let bytes = [UInt8](data)
        let count = bytes.count / width
        let raw = (0..<count).map { i -> UInt64 in
            var r: UInt64 = 0
            for b in 0..<width { r |= UInt64(bytes[i * width + b]) << (8 * UInt64(b)) }
            return r
        }
        switch dtype {
        case .float64: return .doubles(raw.map { Double(bitPattern: $0) })
        case .float32: return .doubles(raw.map { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0))) })
        case .float16: return .doubles(raw.map { Double(Float16(bitPattern: UInt16(truncatingIfNeeded: $0))) })
        case .bfloat16: return .doubles(raw.map { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0) << 16)) })
        case .bool: return .doubles(raw.map { $0 != 0 ? 1 : 0 })
        case .uint8: return .integers(raw.map { Int64($0) })
        case .int8: return .integers(raw.map { Int64(Int8(truncatingIfNeeded: $0)) })
        case .int16: return .integers(raw.map { Int64(Int16(truncatingIfNeeded: $0)) })
        case .int32: return .integers(raw.map { Int64(Int32(truncatingIfNeeded: $0)) })
        case .int64: return .integers(raw.map { Int64(bitPattern: $0) })
        }
    }
}

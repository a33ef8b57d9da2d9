import Foundation
import Autograd

/// A tensor's elements as the little-endian bytes of a PyTorch storage, and back, for the
/// dtypes that have a storage class name in PyTorch's pickles.
enum TensorBytes {
    /// PyTorch's legacy storage class per dtype (`torch.FloatStorage`…), as pickled.
    static let storageNames: [DType: String] = [
        .float32: "FloatStorage", .float64: "DoubleStorage", .int64: "LongStorage", .bool: "BoolStorage",
    ]

    static func dtype(storage name: String) -> DType? {
        storageNames.first { $0.value == name }?.key
    }

    static func byteWidth(_ dtype: DType) -> Int {
        dtype == .float64 || dtype == .int64 ? 8 : (dtype == .bool ? 1 : 4)
    }

    static func encode(_ values: [Double], _ dtype: DType) -> Data {
        var data = Data(capacity: values.count * byteWidth(dtype))
        for v in values {
            if dtype == .float32 {
                withUnsafeBytes(of: Float(v).bitPattern.littleEndian) { data.append(contentsOf: $0) }
            } else if dtype == .float64 {
                withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            } else if dtype == .int64 {
                withUnsafeBytes(of: Int64(v).littleEndian) { data.append(contentsOf: $0) }
            } else {
                data.append(v != 0 ? 1 : 0)
            }
        }
        return data
    }

    static func decode(_ data: Data, _ dtype: DType) -> [Double] {
        let width = byteWidth(dtype)
        let bytes = [UInt8](data)
        let count = bytes.count / width
        var out = [Double]()
        out.reserveCapacity(count)
        for i in 0..<count {
            var raw: UInt64 = 0
            for b in 0..<width { raw |= UInt64(bytes[i * width + b]) << (8 * UInt64(b)) }
            if dtype == .float32 {
                out.append(Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
            } else if dtype == .float64 {
                out.append(Double(bitPattern: raw))
            } else if dtype == .int64 {
                out.append(Double(Int64(bitPattern: raw)))
            } else {
                out.append(raw != 0 ? 1 : 0)
            }
        }
        return out
    }
}

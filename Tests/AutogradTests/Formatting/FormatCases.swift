import Foundation

/// The cases in `format_cases.json`, written by `scripts/gen_format_cases.py`
/// from CPython and PyTorch.
struct FormatCases: Decodable {
    /// `[bit pattern in hex, repr(x)]`.
    let repr: [[String]]
    let format: [FormatCase]
    let tensors: [TensorCase]
    let sizes: [SizeCase]

    struct SizeCase: Decodable {
        let shape: [Int]
        let expected: String

        init(from decoder: Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            shape = try pair.decode([Int].self)
            expected = try pair.decode(String.self)
        }
    }

    struct PythonError: Decodable {
        let type: String
        let message: String
    }

    struct FormatCase: Decodable {
        let kind: String
        let spec: String
        let value: Scalar
        let expected: String?
        let error: PythonError?
    }

    struct TensorCase: Decodable {
        let values: [Element]
        let shape: [Int]
        let dtype: String
        let requires_grad: Bool
        let grad_fn: String?
        let expected: String
    }

    /// A format argument: a JSON integer (int) or a string (str, or a float's
    /// bit pattern in hex).
    enum Scalar: Decodable, CustomStringConvertible {
        case int(Int)
        case string(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let i = try? container.decode(Int.self) {
                self = .int(i)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        var description: String {
            switch self {
            case .int(let i): String(i)
            case .string(let s): s.debugDescription
            }
        }
    }

    /// A tensor element: a JSON number, or `"nan"`, `"inf"`, `"-inf"`.
    struct Element: Decodable {
        let value: Double

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let d = try? container.decode(Double.self) {
                value = d
            } else {
                value = Double(try container.decode(String.self))!
            }
        }
    }

    static let shared: FormatCases = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("format_cases.json")
        do {
            return try JSONDecoder().decode(FormatCases.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot load \(url.path): \(error)")
        }
    }()
}

/// Double from its IEEE 754 bit pattern in hex.
func doubleFromBits(_ hex: String) -> Double {
    Double(bitPattern: UInt64(hex, radix: 16)!)
}

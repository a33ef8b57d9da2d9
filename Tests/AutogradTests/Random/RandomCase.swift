import Foundation
import Testing

/// One recorded PyTorch session from `random_cases.json`: a seed, then calls and
/// what torch returned for each (written by `scripts/gen_random_cases.py`).
struct RandomCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Step: Decodable, Sendable {
        var op: String
        var dtype: String?
        var count: Int?
        var n: Int?
        var from: Double?
        var to: Double?
        var mean: Double?
        var std: Double?
        var low: String?
        var high: String?
        var seed: String?
        var initialSeed: String?
        var probabilities: [Double]?
        var values: [Double]?
        var ints: [String]?
    }

    var name: String
    var seed: String
    var initialSeed: String
    var steps: [Step]

    var testDescription: String { name }
}

enum RandomCases {
    private struct File: Decodable {
        var torch: String
        var cases: [RandomCase]
    }

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("random_cases.json")

    /// Every case, or an empty list when the file cannot be read (`loadAll` reports why).
    static let all: [RandomCase] = (try? loadAll()) ?? []

    static func loadAll() throws -> [RandomCase] {
        try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }
}

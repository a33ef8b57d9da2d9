import Foundation
import Testing
import Torch
@testable import Trace

/// `docs/trace-schema.md` is the contract of `--trace`: every event of every shipped lesson has
/// exactly the keys its tables list.
@Suite struct TraceSchemaTests {
    struct Schema {
        var common: Set<String> = []
        var kinds: [String: Set<String>] = [:]
        var tensor: Set<String> = []
        var node: Set<String> = []
        var header: Set<String> = []
    }

    /// The tables of the schema page: the first column of each (backticked key), and for the
    /// kinds table the listed fields.
    static func schema() throws -> Schema {
        let text = try LessonTrace.lesson("docs/trace-schema.md")
        var s = Schema()
        var section = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { section = String(line.dropFirst(3)); continue }
            guard line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let key = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            switch section {
            case let x where x.hasPrefix("The header"): s.header.insert(key)
            case "Every event": s.common.insert(key)
            case "Kinds and their fields":
                s.kinds[key] = Set(cells[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            case "Tensor snapshot": s.tensor.insert(key)
            case "Node snapshot": s.node.insert(key)
            default: break
            }
        }
        return s
    }

    static func keys(_ v: JSONValue) -> Set<String> {
        if case .object(let o) = v { return Set(o.keys) }
        return []
    }

    @Test func documentedTablesCoverEveryKind() throws {
        let s = try TraceSchemaTests.schema()
        #expect(s.kinds.count == 17)
        #expect(s.common == ["index", "kind", "line", "top_line", "loops", "depth", "node"])
        #expect(s.header == ["schema", "version", "outline"])
    }

    @Test(arguments: ShippedLessons.all)
    func eventsMatchTheSchema(_ path: String) throws {
        let s = try TraceSchemaTests.schema()
        let run = LessonTrace.run(try LessonTrace.lesson(path), scenes: .none)
        let data = TraceWriter.encode(run.events, outline: run.outline)
        let lines = try #require(String(data: data, encoding: .utf8)).split(separator: "\n")
        let header = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(Set(header?.keys ?? [:].keys) == s.header)
        #expect(header?["version"] as? Int == TraceWriter.version)
        var seen = Set<String>()
        for e in run.events {
            let json = e.json
            guard case .object(let o) = json, case .string(let kind)? = o["kind"] else {
                Issue.record("\(path): event \(e.index) is not an object with a kind")
                continue
            }
            seen.insert(kind)
            let expected = s.common.union(s.kinds[kind] ?? ["?"])
            #expect(Set(o.keys) == expected, "\(path) event \(e.index) (\(kind)): \(Set(o.keys).symmetricDifference(expected))")
            // Snapshots inside have the tensor and node tables' keys.
            var stack: [(String, JSONValue)] = o.map { ($0.key, $0.value) }
            while let (k, v) = stack.popLast() {
                switch v {
                case .array(let items): stack += items.map { (k, $0) }
                case .object(let inner):
                    if ["inputs", "output", "roots", "grads", "leaf", "before", "incoming", "after", "outgoing", "tensors", "tensor"].contains(k),
                       inner["dtype"] != nil {
                        #expect(Set(inner.keys) == s.tensor, "\(path) event \(e.index): tensor keys \(Set(inner.keys).symmetricDifference(s.tensor))")
                    }
                    if k == "node", inner["formulas"] != nil {
                        #expect(Set(inner.keys) == s.node, "\(path) event \(e.index): node keys \(Set(inner.keys).symmetricDifference(s.node))")
                    }
                default: break
                }
            }
            // The text written is the same value, one line.
            #expect(lines[e.index + 1] == Substring(json.text))
        }
        #expect(seen.isSubset(of: Set(s.kinds.keys)))
    }
}

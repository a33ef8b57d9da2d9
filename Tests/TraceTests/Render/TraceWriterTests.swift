import Foundation
import Testing
@testable import Trace

@Suite struct TraceWriterTests {
    @Test func jsonLinesRoundTrip() throws {
        let events = try PictureLessons.seed()
        let data = try TraceWriter.encode(events)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == events.count + 1 && lines.last == "")
        #expect(lines[0].hasPrefix("{\"index\":0,\"inputs\":[],\"kind\":\"forward\",\"line\":3,"))
        #expect(try TraceWriter.decode(data) == events)
    }

    @Test func nonFiniteNumbersSurvive() throws {
        var e = TraceEvent(index: 0, kind: .print, line: 1)
        e.text = "nan"
        var s = TensorSnapshot(Autograd.Tensor(values: [.nan, .infinity, -.infinity], shape: [3]))
        s.name = "bad"
        e.tensor = s
        let data = try TraceWriter.encode([e])
        #expect(String(decoding: data, as: UTF8.self).contains("[\"NaN\",\"Infinity\",\"-Infinity\"]"))
        let back = try TraceWriter.decode(data)
        #expect(back[0].tensor?.values?[0].isNaN == true && back[0].tensor?.values?[1] == .infinity)
    }

    @Test func missingFolderIsReportedPlainly() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-missing-\(UUID().uuidString)/t.jsonl")
        #expect {
            try TraceWriter.write(try PictureLessons.seed(), to: file)
        } throws: { error in
            "\(error)" == "cannot write \(file.path): the folder \(file.deletingLastPathComponent().path) does not exist"
        }
    }

    @Test func writesAtomically() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("seed.jsonl")
        try TraceWriter.write(try PictureLessons.seed(), to: file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["seed.jsonl"])
        #expect(try TraceWriter.decode(Data(contentsOf: file)).count == 9)
    }
}

import Autograd

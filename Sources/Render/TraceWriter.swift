import Foundation

/// `--trace FILE`: the events as JSON Lines, one `TraceEvent` per line with
/// sorted keys (schema in docs/trace-schema.md).
public enum TraceWriter {
    /// The JSON Lines text of `events`. Non-finite numbers are written as the
    /// strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
    public static func encode(_ events: [TraceEvent]) throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        enc.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        var out = Data()
        for e in events {
            out += try enc.encode(e)
            out.append(0x0A)
        }
        return out
    }

    /// Writes `events` to `file` atomically (a temporary sibling renamed into place).
    public static func write(_ events: [TraceEvent], to file: URL) throws {
        try AtomicOutput.replaceFile(file, data: try encode(events))
    }

    /// Reads a JSON Lines trace back.
    public static func decode(_ data: Data) throws -> [TraceEvent] {
        let dec = JSONDecoder()
        dec.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try data.split(separator: 0x0A).map { try dec.decode(TraceEvent.self, from: Data($0)) }
    }
}

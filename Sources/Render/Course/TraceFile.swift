import Foundation
import Python
import Trace

/// Writes `--trace` files: the JSON Lines of ``TraceWriter``, atomically.
public enum TraceFile {
    public static func write(_ events: [TraceEvent], outline: LessonOutline, to file: URL) throws {
        try AtomicOutput.replaceFile(file, data: TraceWriter.encode(events, outline: outline))
    }
}

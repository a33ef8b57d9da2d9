#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lesson's standard output, buffered as CPython buffers `sys.stdout`: line by
/// line on a terminal, in 8 KiB blocks otherwise.
///
/// A failed write never stops the program with a trap. As in CPython, a block write
/// that fails while the lesson runs is an `OSError` that ends the lesson (exit 1); a
/// failure of the last flush, at exit, is reported as "Exception ignored" and makes the
/// exit status 120. Later output is dropped.
final class StandardOutput: @unchecked Sendable {
    /// CPython's buffer size for a file that is not a terminal (io.DEFAULT_BUFFER_SIZE).
    static let blockSize = 8192

    private let fd: Int32
    private let lineBuffered: Bool
    private var buffer: [UInt8] = []
    /// The errno of a write that failed while the lesson ran.
    private(set) var failure: Int32?

    init(fd: Int32 = 1) {
        self.fd = fd
        lineBuffered = isatty(fd) == 1
    }

    func write(_ s: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= StandardOutput.blockSize || (lineBuffered && s.utf8.contains(0x0A)) {
            failure = flush()
        }
    }

    /// Writes what is buffered; the errno when that fails.
    @discardableResult
    func flush() -> Int32? {
        defer { buffer.removeAll(keepingCapacity: true) }
        return StandardOutput.writeAll(fd, buffer)
    }

    /// Writes all of `bytes` to `fd`, again after an interruption; the errno of a failure, or nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let n = Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return errno }
                if n == 0 { return EIO }
                offset += n
            }
            return nil
        }
    }

    /// The last line of the traceback CPython prints for a failed write of `sys.stdout`
    /// (`OSError: [Errno 28] No space left on device`).
    static func pythonError(_ code: Int32) -> String {
        let type: String
        switch code {
        case EPIPE: type = "BrokenPipeError"
        case ECONNRESET: type = "ConnectionResetError"
        case EAGAIN: type = "BlockingIOError"
        default: type = "OSError"
        }
        return "\(type): [Errno \(code)] \(String(cString: strerror(code)))"
    }

    /// What CPython prints when the flush at exit fails.
    static func ignoredAtExit(_ code: Int32) -> String {
        "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\(pythonError(code))\n"
    }
}

/// The longest string formatting and padding build. CPython pads to any width its memory
/// holds and raises `MemoryError` where the allocation fails; gradviz raises that `MemoryError`
/// past this length instead of working (or allocating) without end.
public enum PythonStringLimit {
    /// Code points in one padded or formatted string.
    public static let maxLength = 100_000_000

    /// CPython's `MemoryError` (no message) for a result of `length` code points past `maxLength`.
    public static func check(_ length: Int) throws {
        if length > maxLength { throw PythonFormatError(type: "MemoryError", message: "") }
    }
}

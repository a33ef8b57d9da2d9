/// Messages to standard error, written straight to file descriptor 2. A closed or
/// full standard error loses the message, as in CPython, and never stops the program.
enum StandardError {
    static func write(_ text: String) {
        _ = StandardOutput.writeAll(2, Array(text.utf8))
    }
}

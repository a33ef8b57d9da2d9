import Python

/// libFuzzer entry: the input is Python source handed to the lexer and parser only,
/// on the interpreter's large stack as in a real run. Syntax errors are ordinary
/// results; a trap, a sanitizer report or a run past `-timeout` is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let source = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return -1 }
    PythonRunner.runOnLargeStack {
        _ = try? Parser(source: source).parseModule()
    }
    return 0
}

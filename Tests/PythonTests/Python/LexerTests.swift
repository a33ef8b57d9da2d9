import Testing
@testable import Python

/// Token streams checked against `python3 -m tokenize` (columns here are 1-based).
@Suite("Lexer")
struct LexerTests {
    func kinds(_ source: String) throws -> [TokenKind] {
        try Lexer(source: source).tokenize().map(\.kind)
    }

    /// ```python
    /// if x:
    ///     y = 1
    ///     if y:
    ///         z
    /// w
    /// ```
    @Test func indentAndDedent() throws {
        let k = try kinds("if x:\n    y = 1\n    if y:\n        z\nw\n")
        #expect(k == [
            .keyword(.if), .name("x"), .op(":"), .newline,
            .indent, .name("y"), .op("="), .int(1), .newline,
            .keyword(.if), .name("y"), .op(":"), .newline,
            .indent, .name("z"), .newline,
            .dedent, .dedent, .name("w"), .newline, .endOfFile,
        ])
    }

    @Test func blankLinesAndCommentsDoNotIndent() throws {
        let k = try kinds("def f():\n\n    # note\n    return 1\n\n# end\n")
        #expect(k == [
            .keyword(.def), .name("f"), .op("("), .op(")"), .op(":"), .newline,
            .indent, .keyword(.return), .int(1), .newline, .dedent, .endOfFile,
        ])
    }

    @Test func dedentsAtEndOfFileWithoutNewline() throws {
        let k = try kinds("for i in r:\n  for j in r:\n    pass")
        #expect(k.suffix(5) == [.keyword(.pass), .newline, .dedent, .dedent, .endOfFile])
    }

    @Test func implicitAndExplicitLineJoining() throws {
        let k = try kinds("x = (1,\n     2)\ny = 1 + \\\n    2\n")
        #expect(k == [
            .name("x"), .op("="), .op("("), .int(1), .op(","), .int(2), .op(")"), .newline,
            .name("y"), .op("="), .int(1), .op("+"), .int(2), .newline, .endOfFile,
        ])
    }

    @Test func numbers() throws {
        let k = try kinds("1_000 0x1F 0o17 0b101 1.5 .5 5. 1e-3 2E+2 3.25e1\n")
        #expect(k.prefix(10) == [.int(1000), .int(31), .int(15), .int(5), .float(1.5), .float(0.5), .float(5),
                                 .float(0.001), .float(200), .float(32.5)])
    }

    @Test func operatorsLongestMatch() throws {
        let k = try kinds("a **= b // c @ d -> e != f <<= g\n")
        #expect(k.filter { if case .op = $0 { return true } else { return false } }
                == [.op("**="), .op("//"), .op("@"), .op("->"), .op("!="), .op("<<=")])
    }

    @Test func stringsAndEscapes() throws {
        let k = try kinds(#"'a\tb' "q\"x" r'\n' '''tri"ple''' '\x41\u00e9' 'it''s'"# + "\n")
        #expect(k.prefix(7) == [.string("a\tb"), .string("q\"x"), .string("\\n"), .string("tri\"ple"),
                                .string("Aé"), .string("it"), .string("s")])
    }

    @Test func fStringParts() throws {
        let k = try kinds(#"f"x={x!r:>{w}} {{y}} {a + b=}""# + "\n")
        guard case .fstring(let parts) = k[0] else {
            Issue.record("expected an f-string token, got \(k[0])")
            return
        }
        #expect(parts.count == 4)
        #expect(parts[0] == .literal("x="))
        if case .field(let f) = parts[1] {
            #expect(f.expression == "x")
            #expect(f.conversion == "r")
            #expect(f.spec.count == 2)
            #expect(f.location == SourceLocation(line: 1, column: 6))
        } else {
            Issue.record("expected a field")
        }
        #expect(parts[2] == .literal(" {y} "))
        if case .field(let f) = parts[3] {
            #expect(f.expression == "a + b")
            #expect(f.debugText == "a + b=")
        } else {
            Issue.record("expected a debug field")
        }
    }

    @Test func commentLinesAreKept() throws {
        let lexer = Lexer(source: "## Setup\n# make x\nx = 1  # inline\n\n    # indented\ny = 2\n")
        _ = try lexer.tokenize()
        #expect(lexer.commentLines == [1: "## Setup", 2: "# make x", 5: "# indented"])
    }

    @Test func tokenLocations() throws {
        let tokens = try Lexer(source: "x = 1\n  \nif y:\n    z(a)\n").tokenize()
        #expect(tokens[0].location == SourceLocation(line: 1, column: 1))
        #expect(tokens[2].location == SourceLocation(line: 1, column: 5))
        let z = tokens.first { $0.kind == .name("z") }!
        #expect(z.location == SourceLocation(line: 4, column: 5))
        let a = tokens.first { $0.kind == .name("a") }!
        #expect(a.location == SourceLocation(line: 4, column: 7))
    }

    @Test(arguments: [
        ("x = 'abc\n", "unterminated string literal (detected at line 1)"),
        ("x = \"\"\"abc\n", "unterminated triple-quoted string literal (detected at line 1)"),
        ("x = 0123\n", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
        ("x = 1_\n", "invalid decimal literal"),
        ("x = 0x\n", "invalid hexadecimal literal"),
        ("x = (1,\n", "'(' was never closed"),
        ("x = [1, 2)\n", "closing parenthesis ')' does not match opening parenthesis '['"),
        ("x = 1)\n", "unmatched ')'"),
        ("x = \\ 1\n", "unexpected character after line continuation character"),
        ("x = （1）\n", "invalid character '（' (U+FF08)"),
    ])
    func tokenizerErrors(_ source: String, _ message: String) {
        #expect {
            _ = try Lexer(source: source).tokenize()
        } throws: { error in
            (error as? PySyntaxError)?.message == message
        }
    }

    /// CPython reports what is wrong inside a string literal when the parser reaches it, so the
    /// tokenizer only marks the literal.
    @Test(arguments: [
        ("f'{'\n", "f-string: expecting '}'"),
        ("f'}'\n", "f-string: single '}' is not allowed"),
        ("f'{}'\n", "f-string: empty expression not allowed"),
        ("s = '\\x4'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"),
    ])
    func literalErrorsComeFromTheParser(_ source: String, _ message: String) throws {
        let tokens = try Lexer(source: source).tokenize()
        #expect(tokens.contains { if case .invalidLiteral = $0.kind { return true } else { return false } })
        #expect {
            _ = try Parser(source: source).parseModule()
        } throws: { error in
            (error as? PySyntaxError)?.message == message
        }
    }

    @Test func unindentMismatch() {
        #expect {
            _ = try Lexer(source: "if x:\n    a\n  b\n").tokenize()
        } throws: { error in
            guard let e = error as? PySyntaxError else { return false }
            return e.kind == .indentationError && e.message == "unindent does not match any outer indentation level"
                && e.location.line == 3
        }
    }
}

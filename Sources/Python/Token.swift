/// A lexical token of the Python subset.
public struct Token: Equatable {
    public var kind: TokenKind
    /// Where the token starts.
    public var location: SourceLocation
    /// Where the token ends (exclusive).
    public var end: SourceLocation

    /// Creates a token.
    public init(_ kind: TokenKind, _ location: SourceLocation, end: SourceLocation) {
        self.kind = kind
        self.location = location
        self.end = end
    }
}

/// What a token is.
public enum TokenKind: Equatable {
    case name(String)
    case keyword(Keyword)
    case int(Int)
    case float(Double)
    /// A string literal, escapes decoded.
    case string(String)
    /// An f-string literal, split into text and replacement fields.
    case fstring([FStringPart])
    /// A string literal whose content is invalid (a bad escape, a bad f-string field): CPython
    /// reports it when the parser reaches the literal, not while tokenizing.
    case invalidLiteral(PySyntaxError)
    /// A literal of a kind gradviz does not support (`b'...'`, `3j`).
    case unsupportedLiteral(String)
    /// An operator or delimiter (`+`, `**=`, `(`, `:`, `->`).
    case op(String)
    case newline
    case indent
    case dedent
    case endOfFile
}

/// Python's reserved words.
public enum Keyword: String, CaseIterable, Sendable {
    case False, None, True, and, `as`, assert, async, await, `break`, `class`, `continue`, def, del
    case elif, `else`, except, finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda
    case nonlocal, not, or, pass, raise, `return`, `try`, `while`, with, yield
}

/// A piece of an f-string.
public enum FStringPart: Equatable {
    /// Literal text (escapes and `{{`/`}}` decoded).
    case literal(String)
    /// A replacement field `{expression!conversion:spec}`.
    case field(FStringField)
}

/// One `{...}` of an f-string, with its expression still as source text.
public struct FStringField: Equatable {
    /// The expression source text.
    public var expression: String
    /// Where the expression text starts in the file.
    public var location: SourceLocation
    /// `r`, `s` or `a` after `!`.
    public var conversion: Character?
    /// The format spec, which may itself contain fields (`{x:{w}}`).
    public var spec: [FStringPart]
    /// For `{x=}`: the text `x=` (with its spaces) printed before the value.
    public var debugText: String?
}

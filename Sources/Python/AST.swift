/// An expression node.
public struct Expr {
    public var kind: ExprKind
    /// Where the expression starts.
    public var location: SourceLocation

    public init(_ kind: ExprKind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// The kinds of expressions of the subset.
public indirect enum ExprKind {
    case name(String)
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case ellipsis
    case fstring([FStringNode])
    case list([Expr])
    case tuple([Expr])
    case set([Expr])
    /// Entries; a nil key is a `**mapping` spread.
    case dict([(key: Expr?, value: Expr)])
    case starred(Expr)
    case attribute(Expr, String)
    case index(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case call(Expr, [Argument])
    case binary(Expr, PyBinaryOp, Expr)
    case unary(PyUnaryOp, Expr)
    case not(Expr)
    /// `and` (true) or `or` (false) over two or more operands.
    case boolOp(isAnd: Bool, [Expr])
    case compare(Expr, [(CompareOperator, Expr)])
    /// `body if test else orelse`.
    case conditional(test: Expr, body: Expr, orelse: Expr)
    case lambda(Parameters, Expr)
    case comprehension(ComprehensionKind, [ComprehensionClause])
    /// `yield value` (value nil for a bare `yield`); makes the enclosing function a generator.
    case yield(Expr?)
    /// `yield from iterable`.
    case yieldFrom(Expr)
    /// `name := value`, which binds `name` in the enclosing function (or module) scope.
    case namedExpr(String, Expr)
}

/// A comparison operator, including membership and identity.
public enum CompareOperator: Equatable {
    case rich(PyCompareOp)
    case `in`, notIn, `is`, isNot
}

/// What a comprehension builds.
public indirect enum ComprehensionKind {
    case list(Expr)
    case set(Expr)
    case dict(key: Expr, value: Expr)
    case generator(Expr)
}

/// `for target in iterable if cond...` inside a comprehension.
public struct ComprehensionClause {
    public var target: Expr
    public var iterable: Expr
    public var conditions: [Expr]
}

/// A piece of an f-string expression.
public indirect enum FStringNode {
    case literal(String)
    case field(Expr, conversion: Character?, spec: [FStringNode], debugText: String?)
}

/// A call argument.
public enum Argument {
    case positional(Expr)
    case keyword(String, Expr)
    case star(Expr)
    case doubleStar(Expr)
}

/// The parameter list of a `def` or `lambda`.
public struct Parameters {
    public var items: [Parameter]

    public init(items: [Parameter] = []) { self.items = items }
}

/// One parameter with its kind and default expression.
public struct Parameter {
    public var name: String
    public var kind: PySignature.Kind
    public var defaultValue: Expr?
    public var location: SourceLocation
}

/// A statement node.
public struct Stmt {
    public var kind: StmtKind
    public var location: SourceLocation

    public init(_ kind: StmtKind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// The kinds of statements of the subset.
public indirect enum StmtKind {
    case expression(Expr)
    /// `a = b = value`: one or more targets.
    case assign([Expr], Expr)
    case augAssign(Expr, PyBinaryOp, Expr)
    case annAssign(Expr, annotation: Expr, value: Expr?)
    case pass
    case `break`
    case `continue`
    case `return`(Expr?)
    case delete([Expr])
    case global([String])
    case nonlocal([String])
    /// `if`/`elif` branches in order, then `else`.
    case `if`([(test: Expr, body: [Stmt])], orelse: [Stmt])
    case `while`(Expr, body: [Stmt], orelse: [Stmt])
    case `for`(target: Expr, iterable: Expr, body: [Stmt], orelse: [Stmt])
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    case with([WithItem], body: [Stmt])
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finally: [Stmt])
    case raise(Expr?, cause: Expr?)
    case assert(Expr, message: Expr?)
    /// `import a.b as c, d`.
    case `import`([ImportName])
    /// `from a.b import x as y`.
    case importFrom(module: String, names: [ImportName])
}

/// `def name(params): body`.
public struct FunctionDef {
    public var name: String
    public var parameters: Parameters
    public var body: [Stmt]
    public var decorators: [Expr]
}

/// `class name(base): body`.
public struct ClassDef {
    public var name: String
    public var bases: [Expr]
    public var body: [Stmt]
    public var decorators: [Expr]
}

/// `expr as target` in a `with` statement.
public struct WithItem {
    public var context: Expr
    public var target: Expr?
}

/// `except Type as name: body`.
public struct ExceptHandler {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var location: SourceLocation
}

/// A dotted module name with an optional alias.
public struct ImportName {
    public var name: String
    public var alias: String?
    public var location: SourceLocation
}

import Testing
@testable import Python

/// Parser structure, node locations, and CPython 3.11's syntax error texts.
@Suite("Parser")
struct ParserTests {
    func parse(_ source: String) throws -> [Stmt] {
        try Parser(source: source).parseModule()
    }

    @Test func statementLocations() throws {
        let body = try parse("x = 1\n\nif x:\n    y = f(x)\nelse:\n    pass\n")
        #expect(body.count == 2)
        #expect(body[0].location == SourceLocation(line: 1, column: 1))
        #expect(body[1].location == SourceLocation(line: 3, column: 1))
        guard case .if(let branches, let orelse) = body[1].kind else {
            Issue.record("expected if")
            return
        }
        #expect(branches[0].body[0].location == SourceLocation(line: 4, column: 5))
        #expect(orelse[0].location == SourceLocation(line: 6, column: 5))
        guard case .assign(_, let value) = branches[0].body[0].kind, case .call(let callee, let args) = value.kind else {
            Issue.record("expected a call assignment")
            return
        }
        #expect(value.location == SourceLocation(line: 4, column: 9))
        #expect(callee.location == SourceLocation(line: 4, column: 9))
        if case .positional(let arg) = args[0] {
            #expect(arg.location == SourceLocation(line: 4, column: 11))
        }
    }

    @Test func precedenceLadder() throws {
        let body = try parse("r = -a ** 2 + b * c @ d < e and not f or g\n")
        guard case .assign(_, let e) = body[0].kind, case .boolOp(false, let ors) = e.kind else {
            Issue.record("expected or at the top")
            return
        }
        guard case .boolOp(true, let ands) = ors[0].kind, case .not = ands[1].kind,
              case .compare(let lhs, _) = ands[0].kind, case .binary(let neg, .add, let mat) = lhs.kind else {
            Issue.record("unexpected shape")
            return
        }
        guard case .unary(.neg, let pow) = neg.kind, case .binary(_, .pow, _) = pow.kind else {
            Issue.record("-a ** 2 should be -(a ** 2)")
            return
        }
        guard case .binary(let mul, .matmul, _) = mat.kind, case .binary(_, .mul, _) = mul.kind else {
            Issue.record("* and @ share a level, left-associative")
            return
        }
    }

    @Test func fStringFieldLocation() throws {
        let body = try parse("x = 1\nprint(f'a{x + 1}')\n")
        guard case .expression(let call) = body[1].kind, case .call(_, let args) = call.kind,
              case .positional(let fs) = args[0], case .fstring(let nodes) = fs.kind,
              case .field(let e, _, _, _) = nodes[1] else {
            Issue.record("expected an f-string field")
            return
        }
        #expect(e.location == SourceLocation(line: 2, column: 11))
    }

    @Test func deeplyNestedBracketsAreRejected() {
        let source = "x = " + String(repeating: "(", count: 250) + "1" + String(repeating: ")", count: 250) + "\n"
        #expect {
            _ = try Parser(source: source).parseModule()
        } throws: { error in
            (error as? PySyntaxError)?.message == "too many nested parentheses"
        }
    }

    @Test func longStatementListsParseIteratively() throws {
        let source = String(repeating: "x = x + 1\n", count: 20_000)
        #expect(try parse(source).count == 20_000)
    }

    /// Expected texts produced by `python3` 3.11 on each source.
    @Test(arguments: [
        ("x = $", "SyntaxError", "invalid syntax"),
        ("if x\n  pass", "SyntaxError", "expected ':'"),
        ("if x:\npass", "IndentationError", "expected an indented block after 'if' statement on line 1"),
        ("  x = 1", "IndentationError", "unexpected indent"),
        ("x = 1 +", "SyntaxError", "invalid syntax"),
        ("print \"a\"", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?"),
        ("x = 1 = 2", "SyntaxError", "cannot assign to literal"),
        ("f() = 3", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?"),
        ("for x in y\n  pass", "SyntaxError", "expected ':'"),
        ("else:\n pass", "SyntaxError", "invalid syntax"),
        ("return 1", "SyntaxError", "'return' outside function"),
        ("break", "SyntaxError", "'break' outside loop"),
        ("def f():\n  nonlocal x", "SyntaxError", "no binding for nonlocal 'x' found"),
        ("f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized"),
        ("f(a=1, 2)", "SyntaxError", "positional argument follows keyword argument"),
        ("x = {1: }", "SyntaxError", "expression expected after dictionary key and ':'"),
        ("def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument"),
        ("f(**a, *b)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking"),
        ("try:\n  pass\nx=1", "SyntaxError", "expected 'except' or 'finally' block"),
        ("del f()", "SyntaxError", "cannot delete function call"),
        ("a = 1 if 2", "SyntaxError", "expected 'else' after 'if' expression"),
        ("(a, b) += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment"),
        ("print(1 2)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?"),
        ("a b", "SyntaxError", "invalid syntax"),
        ("True = 1", "SyntaxError", "cannot assign to True"),
        ("x = *a", "SyntaxError", "can't use starred expression here"),
        ("def f(*): pass", "SyntaxError", "named arguments must follow bare *"),
        ("def f(a, a): pass", "SyntaxError", "duplicate argument 'a' in function definition"),
        ("a, *b, *c = 1", "SyntaxError", "multiple starred expressions in assignment"),
        ("*a = 1", "SyntaxError", "starred assignment target must be in a list or tuple"),
        ("f'{a b}'", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?"),
        ("f'{a!x}'", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
        ("def f():\nreturn 1", "IndentationError", "expected an indented block after function definition on line 1"),
        ("x = (1 +\n2\nprint(x)", "SyntaxError", "'(' was never closed"),
        ("x if y else z = 1", "SyntaxError", "cannot assign to conditional expression"),
        ("[x for x in y] = 1", "SyntaxError", "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?"),
    ])
    func syntaxErrors(_ source: String, _ kind: String, _ message: String) {
        #expect {
            let parser = Parser(source: source)
            let body = try parser.parseModule()
            let interp = Interpreter(output: { _ in })
            _ = try Compiler(interp: interp, module: PyModuleObject(name: "__main__"), fileName: "t",
                             commentLines: [:], sourceLines: []).compileModule(body)
        } throws: { error in
            guard let e = error as? PySyntaxError else { return false }
            return e.kind.rawValue == kind && e.message == message
        }
    }

    @Test func syntaxErrorLayout() {
        let e = PySyntaxError(.syntaxError, "expected ':'", at: SourceLocation(line: 2, column: 9))
        let text = e.formatted(fileName: "lesson.txt", sourceLines: ["x = 1", "    if x > 0", "        pass"])
        #expect(text == "  File \"lesson.txt\", line 2\n    if x > 0\n        ^\nSyntaxError: expected ':'\n")
    }

    @Test(arguments: [
        ("async def f(): pass", "'async'"),
        ("x = 3j", "complex literal"),
        ("x = b'a'", "bytes literal"),
        ("class A(B, C): pass", "multiple inheritance"),
        ("match point:\n    case (0, 0):\n        pass", "'match' statement"),
    ])
    func unsupportedConstructs(_ source: String, _ construct: String) {
        #expect {
            let body = try Parser(source: source + "\n").parseModule()
            let interp = Interpreter(output: { _ in })
            _ = try Compiler(interp: interp, module: PyModuleObject(name: "__main__"), fileName: "t",
                             commentLines: [:], sourceLines: []).compileModule(body)
        } throws: { error in
            (error as? UnsupportedFeature) == UnsupportedFeature(construct, line: 1)
        }
    }
}

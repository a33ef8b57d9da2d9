extension PyClass {
    /// `object`.
    public static let object = PyClass(builtin: "object", base: nil, kind: .object)
    /// `type`.
    public static let type = PyClass(builtin: "type", base: .object, kind: .type)
    /// `NoneType`.
    public static let noneType = PyClass(builtin: "NoneType", base: .object, kind: .none)
    /// `int`.
    public static let int = PyClass(builtin: "int", base: .object, kind: .int)
    /// `bool`.
    public static let bool = PyClass(builtin: "bool", base: .int, kind: .bool)
    /// `float`.
    public static let float = PyClass(builtin: "float", base: .object, kind: .float)
    /// `str`.
    public static let str = PyClass(builtin: "str", base: .object, kind: .str)
    /// `list`.
    public static let list = PyClass(builtin: "list", base: .object, kind: .list)
    /// `tuple`.
    public static let tuple = PyClass(builtin: "tuple", base: .object, kind: .tuple)
    /// `dict`.
    public static let dict = PyClass(builtin: "dict", base: .object, kind: .dict)
    /// `set`.
    public static let set = PyClass(builtin: "set", base: .object, kind: .set)
    /// `range`.
    public static let range = PyClass(builtin: "range", base: .object, kind: .range)
    /// `function`.
    public static let function = PyClass(builtin: "function", base: .object, kind: .function)
    /// `builtin_function_or_method`.
    public static let builtinFunction = PyClass(builtin: "builtin_function_or_method", base: .object, kind: .builtinFunction)
    /// `module`.
    public static let module = PyClass(builtin: "module", base: .object, kind: .module)

    /// `BaseException`.
    public static let baseException = PyClass(builtin: "BaseException", base: .object, kind: .baseException)
    /// `Exception`.
    public static let exception = PyClass(builtin: "Exception", base: .baseException, kind: .baseException)
    /// `KeyboardInterrupt`.
    public static let keyboardInterrupt = PyClass(builtin: "KeyboardInterrupt", base: .baseException, kind: .baseException)
    /// `ArithmeticError`.
    public static let arithmeticError = PyClass(builtin: "ArithmeticError", base: .exception, kind: .baseException)
    /// `ZeroDivisionError`.
    public static let zeroDivisionError = PyClass(builtin: "ZeroDivisionError", base: .arithmeticError, kind: .baseException)
    /// `OverflowError`.
    public static let overflowError = PyClass(builtin: "OverflowError", base: .arithmeticError, kind: .baseException)
    /// `LookupError`.
    public static let lookupError = PyClass(builtin: "LookupError", base: .exception, kind: .baseException)
    /// `IndexError`.
    public static let indexError = PyClass(builtin: "IndexError", base: .lookupError, kind: .baseException)
    /// `KeyError`.
    public static let keyError = PyClass(builtin: "KeyError", base: .lookupError, kind: .baseException)
    /// `ValueError`.
    public static let valueError = PyClass(builtin: "ValueError", base: .exception, kind: .baseException)
    /// `TypeError`.
    public static let typeError = PyClass(builtin: "TypeError", base: .exception, kind: .baseException)
    /// `NameError`.
    public static let nameError = PyClass(builtin: "NameError", base: .exception, kind: .baseException)
    /// `UnboundLocalError`.
    public static let unboundLocalError = PyClass(builtin: "UnboundLocalError", base: .nameError, kind: .baseException)
    /// `AttributeError`.
    public static let attributeError = PyClass(builtin: "AttributeError", base: .exception, kind: .baseException)
    /// `AssertionError`.
    public static let assertionError = PyClass(builtin: "AssertionError", base: .exception, kind: .baseException)
    /// `RuntimeError`.
    public static let runtimeError = PyClass(builtin: "RuntimeError", base: .exception, kind: .baseException)
    /// `NotImplementedError`.
    public static let notImplementedError = PyClass(builtin: "NotImplementedError", base: .runtimeError, kind: .baseException)
    /// `RecursionError`.
    public static let recursionError = PyClass(builtin: "RecursionError", base: .runtimeError, kind: .baseException)
    /// `StopIteration`.
    public static let stopIteration = PyClass(builtin: "StopIteration", base: .exception, kind: .baseException)
    /// `ImportError`.
    public static let importError = PyClass(builtin: "ImportError", base: .exception, kind: .baseException)
    /// `ModuleNotFoundError`.
    public static let moduleNotFoundError = PyClass(builtin: "ModuleNotFoundError", base: .importError, kind: .baseException)
    /// `SyntaxError`.
    public static let syntaxError = PyClass(builtin: "SyntaxError", base: .exception, kind: .baseException)
    /// `Warning`, the base of the warning categories.
    public static let warning = PyClass(builtin: "Warning", base: .exception, kind: .baseException)
    /// `GeneratorExit`, raised at a generator's yield by `close()`.
    public static let generatorExit = PyClass(builtin: "GeneratorExit", base: .baseException, kind: .baseException)
    /// `SystemExit`, raised by `sys.exit()`.
    public static let systemExit = PyClass(builtin: "SystemExit", base: .baseException, kind: .baseException)
    /// `MemoryError`.
    public static let memoryError = PyClass(builtin: "MemoryError", base: .exception, kind: .baseException)
    /// `OSError`.
    public static let osError = PyClass(builtin: "OSError", base: .exception, kind: .baseException)
    /// `FileNotFoundError`.
    public static let fileNotFoundError = PyClass(builtin: "FileNotFoundError", base: .osError, kind: .baseException)
    /// `IndentationError`.
    public static let indentationError = PyClass(builtin: "IndentationError", base: .syntaxError, kind: .baseException)
    /// `TabError`.
    public static let tabError = PyClass(builtin: "TabError", base: .indentationError, kind: .baseException)
    /// `SystemError`.
    public static let systemError = PyClass(builtin: "SystemError", base: .exception, kind: .baseException)
    /// `EOFError`.
    public static let eofError = PyClass(builtin: "EOFError", base: .exception, kind: .baseException)
    /// `FloatingPointError`.
    public static let floatingPointError = PyClass(builtin: "FloatingPointError", base: .arithmeticError, kind: .baseException)
    /// `UnicodeError`.
    public static let unicodeError = PyClass(builtin: "UnicodeError", base: .valueError, kind: .baseException)
    /// `UserWarning`.
    public static let userWarning = PyClass(builtin: "UserWarning", base: .warning, kind: .baseException)
    /// `DeprecationWarning`.
    public static let deprecationWarning = PyClass(builtin: "DeprecationWarning", base: .warning, kind: .baseException)
    /// `RuntimeWarning`.
    public static let runtimeWarning = PyClass(builtin: "RuntimeWarning", base: .warning, kind: .baseException)
    /// `FutureWarning`.
    public static let futureWarning = PyClass(builtin: "FutureWarning", base: .warning, kind: .baseException)
    /// `PendingDeprecationWarning`.
    public static let pendingDeprecationWarning = PyClass(builtin: "PendingDeprecationWarning", base: .warning, kind: .baseException)
    /// `SyntaxWarning`.
    public static let syntaxWarning = PyClass(builtin: "SyntaxWarning", base: .warning, kind: .baseException)
    /// `ImportWarning`.
    public static let importWarning = PyClass(builtin: "ImportWarning", base: .warning, kind: .baseException)
    /// `UnicodeWarning`.
    public static let unicodeWarning = PyClass(builtin: "UnicodeWarning", base: .warning, kind: .baseException)
    /// `BytesWarning`.
    public static let bytesWarning = PyClass(builtin: "BytesWarning", base: .warning, kind: .baseException)
    /// `ResourceWarning`.
    public static let resourceWarning = PyClass(builtin: "ResourceWarning", base: .warning, kind: .baseException)
    /// `EncodingWarning`.
    public static let encodingWarning = PyClass(builtin: "EncodingWarning", base: .warning, kind: .baseException)

    /// Every builtin exception class, by name.
    public static let builtinExceptions: [PyClass] = [
        .baseException, .exception, .keyboardInterrupt, .arithmeticError, .zeroDivisionError,
        .overflowError, .lookupError, .indexError, .keyError, .valueError, .typeError, .nameError,
        .unboundLocalError, .attributeError, .assertionError, .runtimeError, .notImplementedError,
        .recursionError, .stopIteration, .importError, .moduleNotFoundError, .syntaxError, .warning,
        .generatorExit, .systemExit, .memoryError, .osError, .fileNotFoundError, .indentationError, .tabError,
        .systemError, .eofError, .floatingPointError, .unicodeError, .userWarning, .deprecationWarning,
        .runtimeWarning, .futureWarning, .pendingDeprecationWarning, .syntaxWarning, .importWarning,
        .unicodeWarning, .bytesWarning, .resourceWarning, .encodingWarning,
    ]
}

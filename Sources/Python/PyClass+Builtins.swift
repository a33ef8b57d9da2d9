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
    /// `MemoryError`: a string or sequence no memory holds.
    public static let memoryError = PyClass(builtin: "MemoryError", base: .exception, kind: .baseException)
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
    /// `UserWarning`-free stand-in for warnings-as-errors is not needed; `Warning` exists for subclassing.
    public static let warning = PyClass(builtin: "Warning", base: .exception, kind: .baseException)

    /// Every builtin exception class, by name.
    public static let builtinExceptions: [PyClass] = [
        .baseException, .exception, .keyboardInterrupt, .arithmeticError, .zeroDivisionError,
        .overflowError, .memoryError, .lookupError, .indexError, .keyError, .valueError, .typeError, .nameError,
        .unboundLocalError, .attributeError, .assertionError, .runtimeError, .notImplementedError,
        .recursionError, .stopIteration, .importError, .moduleNotFoundError, .syntaxError, .warning,
    ]
}

import Plot
import Python

/// Keyword arguments of a plotting call, read by name or alias, with matplotlib's checks.
struct Keywords {
    var args: PyArgs
    let interp: Interpreter

    init(_ args: PyArgs, _ interp: Interpreter) {
        self.args = args
        self.interp = interp
    }

    /// The value of the first of `names` given (aliases such as `lw` / `linewidth`).
    func value(_ names: String...) -> PyValue? {
        for n in names {
            if let v = args.keyword(n) { return v }
        }
        return nil
    }

    func double(_ names: String...) throws -> Double? {
        for n in names {
            if let v = args.keyword(n), !v.isNone { return try interp.toDouble(v) }
        }
        return nil
    }

    func string(_ names: String...) throws -> String? {
        for n in names {
            if let v = args.keyword(n), !v.isNone { return try PlotArguments.string(v, interp) }
        }
        return nil
    }

    func bool(_ name: String) throws -> Bool? {
        guard let v = args.keyword(name), !v.isNone else { return nil }
        return try interp.isTruthy(v)
    }

    func color(_ names: String...) throws -> PlotColor? {
        for n in names {
            if let v = args.keyword(n), !v.isNone { return try PlotArguments.color(v, interp) }
        }
        return nil
    }

    /// `label=`: any value, shown with `str()`.
    func label() throws -> String? {
        guard let v = args.keyword("label"), !v.isNone else { return nil }
        return try interp.str(v)
    }

    func lineStyle() throws -> LineStyle? {
        guard let s = try string("linestyle", "ls") else { return nil }
        guard let style = LineStyle(spec: s) else {
            throw PyException(.valueError, "'\(s)' is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'")
        }
        return style
    }

    func marker() throws -> MarkerShape?? {
        guard let v = args.keyword("marker") else { return nil }
        if v.isNone { return .some(nil) }
        let s = try interp.str(v)
        if s == "None" || s == "none" || s == "" || s == " " { return .some(nil) }
        guard let m = MarkerShape(rawValue: s) else {
            throw PyException(.valueError, "Unrecognized marker style \(try interp.repr(v))")
        }
        return .some(m)
    }
}

/// Raises a Python exception from a plotting error, as the class matplotlib raises.
func pythonError(_ e: PlotError) -> PyException {
    switch e.kind {
    case .valueError: return PyException(.valueError, e.message)
    case .typeError: return PyException(.typeError, e.message)
    case .indexError: return PyException(.indexError, e.message)
    case .keyError: return PyException(.keyError, e.message)
    case .attributeError: return PyException(.attributeError, e.message)
    default: return PyException(.runtimeError, e.message)
    }
}

/// Runs `body`, turning plotting errors into Python exceptions.
func plotting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as PlotError {
        throw pythonError(e)
    }
}

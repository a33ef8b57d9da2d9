import Plot
import Python

/// The `matplotlib.pyplot` module: figure management, and every Axes method as a function
/// on the current axes (`plt.plot` is `plt.gca().plot`, `plt.xlabel` is `set_xlabel`, …).
enum PyplotModule {
    /// pyplot names that call an Axes method of another name.
    static let renamed: [String: String] = [
        "title": "set_title", "xlabel": "set_xlabel", "ylabel": "set_ylabel",
        "xlim": "set_xlim", "ylim": "set_ylim", "xticks": "set_xticks", "yticks": "set_yticks",
        "xscale": "set_xscale", "yscale": "set_yscale", "cla": "cla",
    ]

    static let forwarded = ["plot", "scatter", "fill_between", "axhline", "axvline", "text", "annotate", "arrow",
                            "quiver", "contour", "contourf", "clabel", "imshow", "legend", "grid", "axis", "margins",
                            "tick_params", "semilogx", "semilogy", "loglog"]

    static func make(state: PyplotState) -> PyModuleObject {
        let m = PyModuleObject(name: "matplotlib.pyplot")
        func define(_ name: String, _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            m.set(name, .object(PyBuiltinFunction(name: name, body)))
        }
        for name in forwarded {
            guard let method = AxesMethods.methods[name] else { continue }
            define(name) { args, interp in try method(try state.gcf().gca(), args, interp) }
        }
        for (name, target) in renamed {
            guard let method = AxesMethods.methods[target] else { continue }
            define(name) { args, interp in
                let ax = try state.gcf().gca()
                // xlim() / ylim() with no arguments read the limits.
                if args.count == 0, name == "xlim" || name == "ylim", let get = AxesMethods.methods["get_" + name] {
                    return try get(ax, args, interp)
                }
                if args.count == 0, name == "xticks" || name == "yticks" { return .tuple([.list(PyList([])), .list(PyList([]))]) }
                return try method(ax, args, interp)
            }
        }
        define("figure") { args, interp in
            let kw = Keywords(args, interp)
            var num: Int?
            if let n = args.positional.first ?? args.keyword("num"), !n.isNone {
                if case .object(let f as FigureObject) = n { state.current = f; return .object(f) }
                num = try interp.index(n)
            }
            var size: (Double, Double)?
            if let fs = kw.value("figsize"), !fs.isNone {
                let v = try PlotArguments.values(fs, interp)
                guard v.count == 2, v.allSatisfy({ $0 > 0 && $0.isFinite && $0 <= 100 }) else {
                    throw PyException(.valueError, "figure size must be positive finite not \(try interp.repr(fs))")
                }
                size = (v[0], v[1])
            }
            return .object(try state.figure(num: num, size: size, dpi: try dpi(kw)))
        }
        define("subplots") { args, interp in
            let kw = Keywords(args, interp)
            var size: (Double, Double)?
            if let fs = kw.value("figsize"), !fs.isNone {
                let v = try PlotArguments.values(fs, interp)
                guard v.count == 2, v.allSatisfy({ $0 > 0 && $0.isFinite && $0 <= 100 }) else {
                    throw PyException(.valueError, "figure size must be positive finite not \(try interp.repr(fs))")
                }
                size = (v[0], v[1])
            }
            let fig = try state.figure(num: nil, size: size, dpi: try dpi(kw))
            let axes = try FigureMethods.subplotsGrid(fig, args, interp)
            return .tuple([.object(fig), axes])
        }
        define("subplot") { args, interp in
            .object(try FigureMethods.addSubplot(try state.gcf(), args, interp))
        }
        define("gcf") { _, _ in .object(try state.gcf()) }
        define("gca") { _, _ in .object(try state.gcf().gca()) }
        define("sca") { args, _ in
            if case .object(let a as AxesObject)? = args.positional.first {
                state.current = a.figureObject
                a.figureObject.currentAxes = a
            }
            return .none
        }
        define("show") { _, interp in
            try state.show(line: interp.currentLine)
            return .none
        }
        define("savefig") { args, interp in
            try state.save(try state.gcf(), args, interp)
            return .none
        }
        define("close") { args, interp in
            guard let what = args.positional.first ?? args.keyword("fig"), !what.isNone else {
                if let c = state.current { state.close(c) }
                return .none
            }
            switch what {
            case .str(let s) where s == "all": state.closeAll()
            case .object(let f as FigureObject): state.close(f)
            case .int(let n): if let f = state.figures.first(where: { $0.number == n }) { state.close(f) }
            default: throw PyException(.typeError, "close() argument must be a Figure, an int, a string, or None, not \(what.typeName)")
            }
            return .none
        }
        define("clf") { _, interp in
            if let f = state.current { _ = try FigureMethods.methods["clf"]?(f, PyArgs(), interp) }
            return .none
        }
        define("suptitle") { args, interp in try FigureMethods.methods["suptitle"]!(try state.gcf(), args, interp) }
        define("tight_layout") { _, _ in try state.gcf().figure.tightLayout = true; return .none }
        define("get_fignums") { _, _ in .list(PyList(state.figures.map { .int($0.number) }.sorted { ($0.asInt ?? 0) < ($1.asInt ?? 0) })) }
        define("colorbar") { args, interp in try ColorbarMethods.colorbar(try state.gcf(), args, interp) }
        define("ion") { _, _ in .none }
        define("ioff") { _, _ in .none }
        define("pause") { _, _ in .none }
        define("draw") { _, _ in .none }
        m.set("rcParams", .dict(PyDict()))
        return m
    }

    static func dpi(_ kw: Keywords) throws -> Double? {
        guard let d = try kw.double("dpi") else { return nil }
        guard d > 0 && d <= 1200 else { throw PyException(.valueError, "dpi must be between 0 and 1200") }
        return d
    }
}

/// Registers `matplotlib` and `matplotlib.pyplot` in an interpreter.
public enum MatplotlibModules {
    /// Makes `import matplotlib.pyplot as plt` work in `interp` with `options`.
    public static func register(in interp: Interpreter, options: PlotOptions = PlotOptions()) {
        let state = PyplotState(options: options)
        let pyplot = PyplotModule.make(state: state)
        let matplotlib = PyModuleObject(name: "matplotlib")
        matplotlib.set("__version__", .str("3.11.2"))
        // Drawing always goes through cairo; the backend's name is kept for get_backend().
        let backend = BackendName()
        matplotlib.set("use", .object(PyBuiltinFunction(name: "use") { args, interp in
            if let name = args.positional.first ?? args.keyword("backend") { backend.name = try interp.str(name) }
            return .none
        }))
        matplotlib.set("get_backend", .object(PyBuiltinFunction(name: "get_backend") { _, _ in .str(backend.name) }))
        matplotlib.set("rcParams", .dict(PyDict()))
        interp.registerNativeModule("matplotlib", matplotlib)
        interp.registerNativeModule("matplotlib.pyplot", pyplot)
        // The state lives as long as the modules do.
        keep(state, in: pyplot)
    }

    private static func keep(_ state: PyplotState, in module: PyModuleObject) {
        module.set("_gradviz_state", .object(StateHolder(state)))
    }
}

/// The backend name `matplotlib.use` set.
final class BackendName {
    var name = "agg"
}

/// Keeps the pyplot state alive with its module.
final class StateHolder: NativeObject {
    let state: PyplotState

    init(_ state: PyplotState) {
        self.state = state
    }
}

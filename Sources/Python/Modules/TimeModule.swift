import Foundation

/// The `time` module: clocks (whose values a lesson prints only as differences or not at all)
/// and `sleep`.
extension Interpreter {
    func makeTimeModule() -> PyModuleObject {
        let m = PyModuleObject(name: "time")
        func clock(_ name: String, _ read: @escaping () -> Double) {
            m.set(name, .object(PyBuiltinFunction(name: name) { args, _ in
                try Interpreter.expectArgs(args, name, min: 0, max: 0)
                return .float(read())
            }))
        }
        func nanoseconds(_ name: String, _ read: @escaping () -> Int) {
            m.set(name, .object(PyBuiltinFunction(name: name) { args, _ in
                try Interpreter.expectArgs(args, name, min: 0, max: 0)
                return .int(read())
            }))
        }
        clock("time") { Date().timeIntervalSince1970 }
        clock("perf_counter") { Interpreter.monotonicSeconds() }
        clock("monotonic") { Interpreter.monotonicSeconds() }
        clock("process_time") { Interpreter.processSeconds() }
        nanoseconds("time_ns") { Int(Date().timeIntervalSince1970 * 1e9) }
        nanoseconds("perf_counter_ns") { Int(Interpreter.monotonicSeconds() * 1e9) }
        nanoseconds("monotonic_ns") { Int(Interpreter.monotonicSeconds() * 1e9) }
        m.set("sleep", .object(PyBuiltinFunction(name: "sleep") { args, interp in
            try Interpreter.expectArgs(args, "sleep", min: 1, max: 1)
            let seconds = try interp.toDouble(args.positional[0])
            if seconds.isNaN { throw PyException(.valueError, "Invalid value NaN (not a number)") }
            if seconds < 0 { throw PyException(.valueError, "sleep length must be non-negative") }
            if seconds > Double(Int32.max) { throw PyException(.overflowError, "sleep length is too large") }
            Thread.sleep(forTimeInterval: seconds)
            return .none
        }))
        return m
    }

    static func monotonicSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func processSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// The methods of `collections.deque`, with CPython's errors.
extension PyDeque {
    func method(_ name: String) -> PyValue? {
        let body: ((PyArgs, Interpreter) throws -> PyValue)?
        switch name {
        case "append", "appendleft":
            body = { args, _ in
                try Interpreter.expectArgs(args, name, min: 1, max: 1)
                name == "append" ? self.append(args.positional[0]) : self.appendLeft(args.positional[0])
                return .none
            }
        case "extend", "extendleft":
            body = { args, interp in
                try Interpreter.expectArgs(args, name, min: 1, max: 1)
                for v in try interp.iterate(args.positional[0]) {
                    name == "extend" ? self.append(v) : self.appendLeft(v)
                }
                return .none
            }
        case "pop", "popleft":
            body = { args, _ in
                try Interpreter.expectArgs(args, name, min: 0, max: 0)
                guard let v = name == "pop" ? self.popRight() : self.popLeft() else {
                    throw PyException(.indexError, "pop from an empty deque")
                }
                return v
            }
        case "rotate":
            body = { args, interp in
                try Interpreter.expectArgs(args, "rotate", min: 0, max: 1)
                let n = args.positional.isEmpty ? 1 : try interp.index(args.positional[0])
                guard self.count > 1 else { return .none }
                let shift = Interpreter.floorMod(n, self.count)
                let values = self.items
                self.replace(with: Array(values[(values.count - shift)...] + values[..<(values.count - shift)]))
                return .none
            }
        case "clear":
            body = { _, _ in
                self.replace(with: [])
                return .none
            }
        case "copy":
            body = { _, _ in
                let d = PyDeque(maxlen: self.maxlen)
                d.replace(with: self.items)
                return .object(d)
            }
        case "count":
            body = { args, interp in
                try Interpreter.expectArgs(args, "count", min: 1, max: 1)
                return .int(try self.items.filter { try interp.equalsItem($0, args.positional[0]) }.count)
            }
        case "index":
            body = { args, interp in
                try Interpreter.expectArgs(args, "index", min: 1, max: 3)
                let values = self.items
                func bound(_ i: Int, _ fallback: Int) throws -> Int {
                    guard args.positional.count > i else { return fallback }
                    var b = try interp.index(args.positional[i])
                    if b < 0 { b = max(0, b + values.count) }
                    return min(b, values.count)
                }
                let start = try bound(1, 0), stop = try bound(2, values.count)
                if start < stop {
                    for i in start..<stop where try interp.equalsItem(values[i], args.positional[0]) { return .int(i) }
                }
                throw PyException(.valueError, "\(try interp.repr(args.positional[0])) is not in deque")
            }
        case "insert":
            body = { args, interp in
                try Interpreter.expectArgs(args, "insert", min: 2, max: 2)
                if let m = self.maxlen, self.count >= m { throw PyException(.indexError, "deque already at its maximum size") }
                var values = self.items
                var i = try interp.index(args.positional[0])
                if i < 0 { i = max(0, i + values.count) }
                values.insert(args.positional[1], at: min(i, values.count))
                self.replace(with: values)
                return .none
            }
        case "remove":
            body = { args, interp in
                try Interpreter.expectArgs(args, "remove", min: 1, max: 1)
                var values = self.items
                guard let i = try values.firstIndex(where: { try interp.equalsItem($0, args.positional[0]) }) else {
                    throw PyException(.valueError, "\(try interp.repr(args.positional[0])) is not in deque")
                }
                values.remove(at: i)
                self.replace(with: values)
                return .none
            }
        case "reverse":
            body = { _, _ in
                self.replace(with: self.items.reversed())
                return .none
            }
        default:
            body = nil
        }
        guard let body else { return nil }
        return .object(PyBuiltinFunction(name: name, boundTo: .object(self), body))
    }
}

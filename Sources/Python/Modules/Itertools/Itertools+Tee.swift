/// `itertools.tee`: independent iterators over one input, which is read once; values are kept
/// until every iterator of the group has passed them.
final class TeeBuffer {
    let source: PyIterator
    /// Values read from the source and not yet passed by every iterator; `items[0]` is value
    /// number `base`.
    var items: [PyValue] = []
    var base = 0
    var exhausted = false
    /// The group's iterators, to find what all of them have passed.
    var members: [WeakTee] = []

    init(source: PyIterator) {
        self.source = source
    }

    /// Value number `index`, reading the source when it is not read yet; nil at the end.
    func value(at index: Int, interp: Interpreter) throws -> PyValue? {
        while index - base >= items.count {
            if exhausted { return nil }
            guard let v = try source.next(interp: interp) else {
                exhausted = true
                return nil
            }
            items.append(v)
        }
        return items[index - base]
    }

    /// Drops the values every iterator has passed, once enough of them have piled up.
    func trim() {
        guard items.count > 1024 else { return }
        members.removeAll { $0.tee == nil }
        let lowest = members.compactMap { $0.tee?.position }.min() ?? base + items.count
        let drop = Swift.min(lowest - base, items.count)
        if drop > 0 {
            items.removeFirst(drop)
            base += drop
        }
    }
}

/// A weak reference to a tee iterator.
struct WeakTee {
    weak var tee: TeeIterator?
}

/// One iterator of a `tee` group.
final class TeeIterator: PyIterator, NativeTyped {
    let nativeType: NativeType
    let buffer: TeeBuffer
    var position: Int

    init(_ type: NativeType, buffer: TeeBuffer, position: Int) {
        self.nativeType = type
        self.buffer = buffer
        self.position = position
        super.init()
        buffer.members.append(WeakTee(tee: self))
    }

    override var typeName: String { nativeType.name }

    override func pythonType(interp: Interpreter) -> PyObject? { nativeType }

    override func next(interp: Interpreter) throws -> PyValue? {
        guard let v = try buffer.value(at: position, interp: interp) else { return nil }
        position += 1
        buffer.trim()
        return v
    }

    override func repr(interp: Interpreter) throws -> String? {
        "<itertools._tee object at \(addressText)>"
    }
}

extension Itertools {
    /// `tee(iterable, n=2)`, a function, and its iterator class `_tee`.
    static func installTee(_ type: TypeMaker, in m: PyModuleObject) {
        let teeType = type("_tee") { me, args, interp in
            try Interpreter.expectArgs(args, "_tee", min: 1, max: 1)
            return .object(TeeIterator(me, buffer: TeeBuffer(source: try interp.makeIterator(args.positional[0])), position: 0))
        }
        m.set("tee", .object(PyBuiltinFunction(name: "tee") { args, interp in
            try Interpreter.expectArgs(args, "tee", min: 1, max: 2)
            let n = args.positional.count == 2 ? try interp.index(args.positional[1]) : 2
            if n < 0 { throw PyException(.valueError, "n must be >= 0") }
            let it = try interp.makeIterator(args.positional[0])
            if n == 0 { return .tuple([]) }
            // A tuple of n iterators: CPython's MemoryError, or gradviz's sequence limit.
            try interp.checkLength(n, bytesPerElement: MemoryLayout<PyValue>.stride)
            // A tee iterator is copied (sharing its group); anything else starts a new group.
            let first = (it as? TeeIterator) ?? TeeIterator(teeType, buffer: TeeBuffer(source: it), position: 0)
            var result: [PyValue] = [.object(first)]
            for _ in 1..<n { result.append(.object(TeeIterator(teeType, buffer: first.buffer, position: first.position))) }
            return .tuple(result)
        }))
    }
}

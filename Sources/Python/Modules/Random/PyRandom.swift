import Foundation

/// A `random.Random` generator: Mersenne Twister state plus the second normal deviate that
/// `gauss` keeps, with CPython's methods computed the way CPython computes them.
final class PyRandom: NativeObject {
    var twister: MersenneTwister
    /// `gauss_next`: the second value of the last Box–Muller pair.
    var gaussNext: Double?

    /// A generator seeded from the operating system, as `random.Random()`.
    override init() {
        twister = MersenneTwister(key: PyRandom.entropyKey())
    }

    override var typeName: String { "Random" }

    override var nativeClass: NativeClass? { PyRandom.randomClass }

    /// `random.Random`, callable with an optional seed.
    static let randomClass = PyRandomClass()

    /// 624 words from the system's random source (`random.seed(None)`).
    static func entropyKey() -> [UInt32] {
        var generator = SystemRandomNumberGenerator()
        return (0..<MersenneTwister.stateSize).map { _ in UInt32.random(in: .min ... .max, using: &generator) }
    }

    /// The methods of `Random` instances (and of the module, bound to its hidden instance).
    static let methods: [(String, (PyRandom, PyArgs, Interpreter) throws -> PyValue)] = [
        ("seed", { r, a, i in try r.seed(a, i) }),
        ("random", { r, a, _ in
            try Interpreter.expectArgs(a, "random", min: 0, max: 0)
            return .float(r.twister.nextDouble())
        }),
        ("getrandbits", { r, a, i in try r.getrandbits(a, i) }),
        ("getstate", { r, a, _ in
            try Interpreter.expectArgs(a, "getstate", min: 0, max: 0)
            return r.state
        }),
        ("setstate", { r, a, i in
            try Interpreter.expectArgs(a, "setstate", min: 1, max: 1)
            try r.setState(a.positional[0], i)
            return .none
        }),
        ("randrange", { r, a, i in try r.randrange(a, i) }),
        ("randint", { r, a, i in try r.randint(a, i) }),
        ("choice", { r, a, i in try r.choice(a, i) }),
        ("choices", { r, a, i in try r.choices(a, i) }),
        ("shuffle", { r, a, i in try r.shuffle(a, i) }),
        ("sample", { r, a, i in try r.sample(a, i) }),
        ("uniform", { r, a, i in try r.uniform(a, i) }),
        ("triangular", { r, a, i in try r.triangular(a, i) }),
        ("gauss", { r, a, i in try r.gauss(a, i) }),
        ("normalvariate", { r, a, i in try r.normalvariate(a, i) }),
        ("lognormvariate", { r, a, i in try r.lognormvariate(a, i) }),
        ("expovariate", { r, a, i in try r.expovariate(a, i) }),
        ("gammavariate", { r, a, i in try r.gammavariate(a, i) }),
        ("betavariate", { r, a, i in try r.betavariate(a, i) }),
        ("paretovariate", { r, a, i in try r.paretovariate(a, i) }),
        ("weibullvariate", { r, a, i in try r.weibullvariate(a, i) }),
        ("vonmisesvariate", { r, a, i in try r.vonmisesvariate(a, i) }),
    ]

    /// Method `name` bound to this generator.
    func boundMethod(_ name: String) -> PyValue? {
        guard let (_, body) = PyRandom.methods.first(where: { $0.0 == name }) else { return nil }
        return .object(PyBuiltinFunction(name: name, boundTo: .object(self)) { [unowned self] args, interp in
            try body(self, args, interp)
        })
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        if name == "gauss_next" { return gaussNext.map { .float($0) } ?? PyValue.none }
        if name == "VERSION" { return .int(3) }
        return boundMethod(name)
    }

    override func repr(interp: Interpreter) throws -> String? {
        "<random.Random object at \(addressText)>"
    }

    override func attributeNames(interp: Interpreter) -> [String]? {
        PyRandom.methods.map(\.0) + ["VERSION", "gauss_next"]
    }

    // MARK: seeding and state

    /// `seed(a=None, version=2)`: ints by their absolute value, str and bytes through SHA-512,
    /// other hashable values by their hash, as CPython.
    func seed(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        let b = try bindMethod(args, "Random.seed(self, a=None, version=2)")
        let a = b[0], version = try interp.index(b[1])
        gaussNext = nil
        switch a {
        case .none:
            twister.seed(key: PyRandom.entropyKey())
        case .int, .bool:
            twister.seed(key: PyRandom.words(of: UInt64(try interp.index(a).magnitude)))
        case .str(let s) where version == 2:
            twister.seed(key: PyRandom.stringSeedKey(Array(s.utf8)))
        case .str(let s) where version == 1:
            twister.seed(key: PyRandom.words(of: PyRandom.versionOneSeed(s)))
        case .float:
            twister.seed(key: PyRandom.words(of: UInt64(bitPattern: Int64(try interp.hash(a)))))
        case .object(let o) where !(o is PyInstance) && !(o is PyModuleObject) && !(o is PyFunction):
            throw PyException(.typeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        default:
            if case .object(let inst as PyInstance) = a, inst.cls.lookup("__index__") != nil {
                twister.seed(key: PyRandom.words(of: UInt64(try interp.index(a).magnitude)))
            } else {
                throw PyException(.typeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
            }
        }
        return .none
    }

    /// The 32-bit words of a non-negative integer, least significant first (at least one).
    static func words(of n: UInt64) -> [UInt32] {
        let low = UInt32(truncatingIfNeeded: n), high = UInt32(truncatingIfNeeded: n >> 32)
        return high == 0 ? [low] : [low, high]
    }

    /// The key for a str or bytes seed: the integer whose big-endian bytes are the text
    /// followed by its SHA-512 digest, split into 32-bit words from the least significant end.
    static func stringSeedKey(_ bytes: [UInt8]) -> [UInt32] {
        var number = bytes + SHA512.digest(bytes)
        while number.first == 0 { number.removeFirst() }
        var key: [UInt32] = []
        var end = number.count
        while end > 0 {
            var word: UInt32 = 0
            for i in max(0, end - 4)..<end { word = word << 8 | UInt32(number[i]) }
            key.append(word)
            end -= 4
        }
        return key.isEmpty ? [0] : key
    }

    /// The version 1 string hash of Python 2's `random.seed`.
    static func versionOneSeed(_ s: String) -> UInt64 {
        let codes = s.unicodeScalars.map { UInt64($0.value) }
        var x: UInt64 = codes.first.map { $0 << 7 } ?? 0
        for c in codes { x = (1_000_003 &* x) ^ c }
        x ^= UInt64(codes.count)
        return x == UInt64.max ? UInt64(bitPattern: -2) : x
    }

    /// `getstate()`: `(3, (624 words..., index), gauss_next)`.
    var state: PyValue {
        let stateWords = twister.words.map { PyValue.int(Int($0)) } + [.int(twister.index)]
        return .tuple([.int(3), .tuple(stateWords), gaussNext.map { .float($0) } ?? .none])
    }

    func setState(_ value: PyValue, _ interp: Interpreter) throws {
        guard case .tuple(let parts) = value, parts.count == 3 else {
            throw PyException(.typeError, "state vector must be a tuple")
        }
        let version = try interp.index(parts[0])
        guard version == 3 || version == 2 else {
            throw PyException(.valueError, "state with version \(version) passed to Random.setstate() of version 3")
        }
        guard case .tuple(let stateWords) = parts[1] else { throw PyException(.typeError, "state vector must be a tuple") }
        guard stateWords.count == MersenneTwister.stateSize + 1 else {
            throw PyException(.valueError, "state vector is the wrong size")
        }
        var words: [UInt32] = []
        for v in stateWords.dropLast() {
            let i = try interp.index(v)
            if version == 2 {
                words.append(UInt32(truncatingIfNeeded: Interpreter.floorMod(i, 1 << 32)))
            } else {
                guard let w = UInt32(exactly: i) else {
                    throw PyException(.overflowError, "Python int too large to convert to C unsigned long")
                }
                words.append(w)
            }
        }
        let index = try interp.index(stateWords[MersenneTwister.stateSize])
        guard index >= 0 && index <= MersenneTwister.stateSize else { throw PyException(.valueError, "invalid state") }
        twister.restore(words: words, index: index)
        gaussNext = parts[2].isNone ? nil : try interp.toDouble(parts[2])
    }

    func getrandbits(_ args: PyArgs, _ interp: Interpreter) throws -> PyValue {
        try Interpreter.expectArgs(args, "getrandbits", min: 1, max: 1)
        let k = try interp.index(args.positional[0])
        if k < 0 { throw PyException(.valueError, "number of bits must be non-negative") }
        if k > 64 { throw interp.overflow() }
        let bits = twister.bits(k)
        guard let value = Int(exactly: bits) else { throw interp.overflow() }
        return .int(value)
    }

    /// Binds the arguments of a method that CPython writes in Python, so that argument errors
    /// count `self` and name `Random.method()` as CPython's do; the result omits `self`.
    func bindMethod(_ args: PyArgs, _ signature: String) throws -> [PyValue] {
        var withSelf = args
        withSelf.positional.insert(.object(self), at: 0)
        let bound = try withSelf.bind(PySignature.cached(signature))
        return Array(bound.values.dropFirst())
    }

    /// `_randbelow(n)` for n > 0: `getrandbits(n.bit_length())` until below n.
    func below(_ n: Int) -> Int {
        let k = Int.bitWidth - n.leadingZeroBitCount
        var r = Int(twister.bits(k))
        while r >= n { r = Int(twister.bits(k)) }
        return r
    }
}

/// `random.Random`.
final class PyRandomClass: NativeClass {
    init() {
        super.init(name: "Random")
    }

    override var qualifiedName: String { "random.Random" }

    override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        try Interpreter.expectArgs(args, "Random", min: 0, max: 1)
        let r = PyRandom()
        _ = try r.seed(args, interp)
        return .object(r)
    }
}

extension Interpreter {
    /// The `random` module: functions bound to one hidden generator seeded from the system.
    func makeRandomModule() -> PyModuleObject {
        let m = PyModuleObject(name: "random")
        let generator = PyRandom()
        for (name, _) in PyRandom.methods {
            if let method = generator.boundMethod(name) { m.set(name, method) }
        }
        m.set("Random", .object(PyRandom.randomClass))
        return m
    }
}

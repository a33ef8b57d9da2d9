/// A Python class: a builtin type (`int`, `ValueError`) or a class defined by a lesson.
///
/// Single inheritance only, so the MRO is the chain of ``base`` links; a user class may end
/// its chain in a ``NativeClass`` (``nativeBase``), which is asked after the user classes miss.
public final class PyClass: PyObject {
    /// `__name__`.
    public let name: String
    /// The base class (`object` has none).
    public let base: PyClass?
    /// The native class this class derives from, directly or through its bases.
    public let nativeBase: NativeClass?
    /// The class namespace: methods, class attributes, descriptors.
    public var dict: [String: PyValue] {
        didSet { version &+= 1 }
    }
    /// Bumped on every change of ``dict``; lookups cache results per chain of versions.
    @exclusivity(unchecked) private var version = 0
    @exclusivity(unchecked) private var lookupCache: [String: PyValue?] = [:]
    @exclusivity(unchecked) private var cacheStamp: [Int] = []
    /// `__module__`; `builtins` for builtin types.
    public var moduleName: String
    /// The builtin type this class is, or derives from (`int` for `bool`, `exception` for ValueError).
    let kind: PyBuiltinKind

    /// Creates a class deriving from `base` (a user class, or `object` when nil) or from a native class.
    public init(name: String, base: PyClass?, nativeBase: NativeClass? = nil,
                dict: [String: PyValue] = [:], moduleName: String = "__main__") {
        self.name = name
        self.base = base ?? (nativeBase == nil ? PyClass.object : nil)
        self.nativeBase = nativeBase ?? base?.nativeBase
        self.dict = dict
        self.moduleName = moduleName
        self.kind = base?.kind ?? .object
        self.isBuiltin = moduleName == "builtins"
    }

    /// A builtin type, or a type a standard-library module implements in Swift (`module`):
    /// shared by every interpreter, immutable, not subclassable unless it is `object` or an
    /// exception.
    init(builtin name: String, base: PyClass?, kind: PyBuiltinKind, module: String = "builtins") {
        self.name = name
        self.base = base
        self.nativeBase = nil
        self.dict = [:]
        self.moduleName = module
        self.kind = kind
        self.isBuiltin = true
    }

    public override var typeName: String { "type" }

    /// True for builtin types (not defined by a lesson or prelude).
    public let isBuiltin: Bool
    /// Builds the instances of a class a module defines in Swift (`collections.OrderedDict`,
    /// a namedtuple), given the class being instantiated (which may be a subclass).
    var constructor: ((PyClass, PyArgs, Interpreter) throws -> PyValue)?
    /// The abstract methods left unimplemented, computed when a class deriving from `abc.ABC`
    /// is created (nil for other classes); instantiating it is an error while any remain.
    var abstractMethods: [String]?

    /// The class and its bases, most derived first (Python's `__mro__`, without natives).
    public var mro: [PyClass] {
        var result: [PyClass] = []
        var c: PyClass? = self
        while let k = c {
            result.append(k)
            c = k.base
        }
        return result
    }

    /// Looks `name` up in the namespaces of the MRO, without binding or native fallback.
    ///
    /// - Complexity: one dictionary lookup while no class of the chain changes.
    public func lookup(_ name: String) -> PyValue? {
        if isBuiltin { return uncachedLookup(name) }
        if !cacheIsValid() {
            lookupCache.removeAll(keepingCapacity: true)
            cacheStamp.removeAll(keepingCapacity: true)
            var c: PyClass? = self
            while let k = c {
                cacheStamp.append(k.version)
                c = k.base
            }
        }
        if let hit = lookupCache[name] { return hit }
        var found: PyValue?
        var c: PyClass? = self
        while let k = c {
            if let v = k.dict[name] {
                found = v
                break
            }
            c = k.base
        }
        lookupCache[name] = .some(found)
        return found
    }

    /// Builtin classes are shared by interpreters running on different threads, so they
    /// keep no cache.
    private func uncachedLookup(_ name: String) -> PyValue? {
        var c: PyClass? = self
        while let k = c {
            if let v = k.dict[name] { return v }
            c = k.base
        }
        return nil
    }

    private func cacheIsValid() -> Bool {
        var i = 0
        var c: PyClass? = self
        while let k = c {
            if i >= cacheStamp.count || cacheStamp[i] != k.version { return false }
            i += 1
            c = k.base
        }
        return i == cacheStamp.count
    }

    /// The class in the MRO whose namespace defines `name`.
    public func definingClass(of name: String) -> PyClass? {
        var c: PyClass? = self
        while let k = c {
            if k.dict[name] != nil { return k }
            c = k.base
        }
        return nil
    }

    /// True when `self` is `other` or derives from it.
    public func isSubclass(of other: PyClass) -> Bool {
        var c: PyClass? = self
        while let k = c {
            if k === other { return true }
            c = k.base
        }
        return false
    }

    /// True when this class derives from BaseException.
    public var isExceptionClass: Bool { isSubclass(of: .baseException) }

    public override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        try interp.classGetAttr(self, name)
    }

    public override func setAttr(_ name: String, _ value: PyValue, interp: Interpreter) throws -> Bool {
        if isBuiltin {
            throw PyException(.typeError, "cannot set '\(name)' attribute of immutable type '\(self.name)'")
        }
        dict[name] = value
        return true
    }

    public override func delAttr(_ name: String, interp: Interpreter) throws -> Bool {
        if isBuiltin {
            throw PyException(.typeError, "cannot delete '\(name)' attribute of immutable type '\(self.name)'")
        }
        if dict.removeValue(forKey: name) == nil {
            throw PyException(.attributeError, "type object '\(self.name)' has no attribute '\(name)'")
        }
        return true
    }

    public override func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? {
        try interp.instantiate(self, args)
    }

    public override func repr(interp: Interpreter) throws -> String? {
        moduleName == "builtins" ? "<class '\(name)'>" : "<class '\(moduleName).\(name)'>"
    }
}

/// The builtin type at the root of a class's chain, which decides how its instances behave.
enum PyBuiltinKind {
    case object, type, none, bool, int, float, str, list, tuple, dict, set, range
    case function, builtinFunction, module, baseException, native
}

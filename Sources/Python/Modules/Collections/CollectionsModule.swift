/// The `collections` module: `deque`, `OrderedDict`, `defaultdict`, `Counter`, `namedtuple`.
extension Interpreter {
    func makeCollectionsModule() -> PyModuleObject {
        let m = PyModuleObject(name: "collections")
        m.set("deque", .object(PyDeque.type))
        m.set("OrderedDict", .object(PyClass.orderedDict))
        m.set("defaultdict", .object(PyClass.defaultDict))
        m.set("Counter", .object(PyClass.counter))
        m.set("namedtuple", .object(PyBuiltinFunction(name: "namedtuple") { args, interp in try interp.makeNamedTuple(args) }))
        return m
    }
}

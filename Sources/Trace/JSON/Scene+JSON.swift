/// The scene as `manifest.json` writes it (schema: docs/manifest.schema.json).
extension Scene {
    public var json: JSONValue {
        .object(["nodes": .array(nodes.map(\.json)), "edges": .array(edges.map(\.json))])
    }
}

extension SceneNode {
    public var json: JSONValue {
        var o: [String: JSONValue] = ["id": .string(id.description)]
        switch content {
        case .tensor(let t):
            o["kind"] = .string("tensor")
            o["name"] = t.name.map(JSONValue.string) ?? .null
            o["names"] = .array(t.names.map(JSONValue.string))
            o["shape"] = .array(t.value.shape.map(JSONValue.int))
            o["dtype"] = .string(t.value.dtype)
            o["values"] = t.value.json
            o["grad"] = t.grad?.json ?? .null
            o["requires_grad"] = .bool(t.requiresGrad)
            o["is_leaf"] = .bool(t.isLeaf)
            o["grad_fn"] = t.gradFn.map { .string(SceneNodeID.function($0).description) } ?? .null
            o["version"] = .int(t.version)
            o["is_parameter"] = .bool(t.isParameter)
            if let a = t.arrived { o["arrived"] = a.json }
            o["line"] = t.line.map(JSONValue.int) ?? .null
            o["module"] = t.module?.json ?? .null
        case .function(let f):
            o["kind"] = .string(f.kind.rawValue)
            o["name"] = f.names.first.map(JSONValue.string) ?? .null
            o["names"] = .array(f.names.map(JSONValue.string))
            o["op"] = .string(f.name)
            if let v = f.variable { o["variable"] = .string(SceneNodeID.tensor(v).description) }
            o["saved"] = .array(f.saved.map { .object(["name": .string($0.name), "values": $0.value.json]) })
            o["released"] = .bool(f.released)
            o["line"] = f.line.map(JSONValue.int) ?? .null
            o["module"] = f.module?.json ?? .null
        }
        return .object(o)
    }
}

extension SceneEdge {
    public var json: JSONValue {
        var o: [String: JSONValue] = ["from": .string(from.description), "to": .string(to.description),
                                      "gradient": gradient?.json ?? .null]
        switch kind {
        case .gradFn: o["kind"] = .string("grad_fn")
        case .variable: o["kind"] = .string("variable")
        case .next(let input, let inputNr):
            o["kind"] = .string("next")
            o["input"] = .int(input)
            o["input_nr"] = .int(inputNr)
        }
        return .object(o)
    }
}

extension TensorValues {
    /// Nested lists as `tolist()` gives them (a bare number for a 0-dim tensor), or for a large
    /// tensor an object with its `min`, `max`, `mean`, `norm` (and `heat`, every value, up to 256).
    public var json: JSONValue {
        switch content {
        case .full(let v):
            return TensorValues.nested(v, shape: shape, dtype: dtype)
        case .summary(let s):
            var o: [String: JSONValue] = ["min": .double(s.min), "max": .double(s.max), "mean": .double(s.mean),
                                          "norm": .double(s.norm), "count": .int(count)]
            if let h = s.heat { o["heat"] = .array(h.map(JSONValue.double)) }
            return .object(["summary": .object(o)])
        }
    }

    static func scalar(_ x: Double, dtype: String) -> JSONValue {
        switch dtype {
        case "torch.bool": return .bool(x != 0)
        case "torch.int64", "torch.int32", "torch.int16", "torch.int8", "torch.uint8":
            return x.isFinite && Swift.abs(x) < 9.2e18 ? .int(Int(x)) : .double(x)
        default: return .double(x)
        }
    }

    /// Row-major `values` as lists nested by `shape`, built without recursion.
    static func nested(_ values: [Double], shape: [Int], dtype: String) -> JSONValue {
        if shape.isEmpty { return values.first.map { scalar($0, dtype: dtype) } ?? .null }
        var level = values.map { scalar($0, dtype: dtype) }
        for size in shape.reversed() {
            if size == 0 {
                level = []
                continue
            }
            var grouped: [JSONValue] = []
            grouped.reserveCapacity(level.count / size)
            var i = 0
            while i + size <= level.count {
                grouped.append(.array(Array(level[i..<(i + size)])))
                i += size
            }
            level = grouped
        }
        return level.first ?? .array([])
    }
}

extension ModuleRef {
    public var json: JSONValue { .object(["path": .string(path), "label": .string(label)]) }
}

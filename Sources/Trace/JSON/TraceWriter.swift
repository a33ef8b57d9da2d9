import Foundation
import Autograd
import Python

/// `--trace FILE`: the run as JSON Lines (schema: docs/trace-schema.md). The first line is a
/// header with the schema version and the lesson's outline; then one event per line, keys
/// sorted, so the same run gives the same bytes.
public enum TraceWriter {
    public static let version = 2

    public static func encode(_ events: [TraceEvent], outline: LessonOutline) -> Data {
        var out = ""
        JSONValue.object(["schema": .string("gradviz-trace"), "version": .int(version), "outline": outline.json]).write(into: &out)
        out += "\n"
        for e in events {
            e.json.write(into: &out)
            out += "\n"
        }
        return Data(out.utf8)
    }
}

extension LessonOutline {
    public var json: JSONValue {
        .object([
            "sections": .array(sections.map { .object(["title": .string($0.title), "line": .int($0.line)]) }),
            "statements": .array(statements.map { s in
                .object(["line": .int(s.line), "kind": .string(s.kind.rawValue), "source": .string(s.source),
                         "narration": .array(s.narration.map(JSONValue.string)),
                         "function": s.function.map(JSONValue.int) ?? .null, "loops": .array(s.loops.map(JSONValue.int))])
            }),
            "loops": .array(loops.map { .object(["line": .int($0.line), "end_line": .int($0.endLine), "keyword": .string($0.keyword)]) }),
            "functions": .array(functions.map {
                .object(["name": .string($0.name), "qualname": .string($0.qualname), "line": .int($0.line), "end_line": .int($0.endLine)])
            }),
            "closing_narration": .array(closingNarration.map(JSONValue.string)),
        ])
    }
}

extension TraceEvent {
    /// The event as one JSON object: `index`, `kind`, the context, and the kind's own fields.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "index": .int(index), "kind": .string(kindName),
            "line": context.line.map(JSONValue.int) ?? .null, "top_line": context.topLine.map(JSONValue.int) ?? .null,
            "loops": .array(context.loops.map { .object(["line": .int($0.line), "iteration": .int($0.iteration)]) }),
            "depth": .int(context.depth), "node": context.node.map(JSONValue.int) ?? .null,
        ]
        switch kind {
        case .statement(let header): o["header"] = .bool(header)
        case .statementEnd: break
        case .iteration(let i): o["iteration"] = .int(i)
        case .loopEnd(let n): o["iterations"] = .int(n)
        case .forward(let f):
            o["op"] = .string(f.op)
            o["arguments"] = .object(Dictionary(uniqueKeysWithValues: f.arguments.map { ($0.name, $0.value.json) }))
            o["inputs"] = .array(f.inputs.map(\.json))
            o["output"] = f.output.json
            o["node"] = f.node?.json ?? .null
            o["in_place"] = .bool(f.inPlace)
        case .backwardBegin(let b):
            o["roots"] = .array(b.roots.map(\.json))
            o["grads"] = .array(b.grads.map(\.json))
            o["inputs"] = b.inputs.map { .array($0.map(\.json)) } ?? .null
            o["returns_gradients"] = .bool(b.returnsGradients)
            o["retain_graph"] = .bool(b.retainGraph)
            o["create_graph"] = .bool(b.createGraph)
        case .nodeBegin(let n): o["node"] = n.json
        case .node(let n):
            o["node"] = n.node.json
            o["incoming"] = .array(n.incoming.map { $0?.json ?? .null })
            o["outgoing"] = .array(n.outgoing.map { $0?.json ?? .null })
            o["contributions"] = .array(n.contributions.map { .array($0.map(\.json)) })
        case .accumulate(let a):
            o["leaf"] = a.leaf.json
            o["node"] = a.node.json
            o["before"] = a.before?.json ?? .null
            o["incoming"] = a.incoming.json
            o["after"] = a.after.json
            o["contributions"] = .array(a.contributions.map(\.json))
        case .hook(let h):
            o["tensor"] = h.tensor?.json ?? .null
            o["incoming"] = h.incoming.json
            o["outgoing"] = h.outgoing?.json ?? .null
        case .backwardEnd(let released): o["released"] = .array(released.map(JSONValue.int))
        case .zeroGrad(let z):
            o["tensors"] = .array(z.tensors.map(\.json))
            o["before"] = .array(z.before.map { $0?.json ?? .null })
            o["set_to_none"] = .bool(z.setToNone)
        case .step(let s):
            o["optimizer"] = .string(s.optimizer)
            o["before"] = .array(s.before.map(\.json))
            o["after"] = .array(s.after.map(\.json))
            o["rule"] = .string(s.rule)
        case .gradMode(let on): o["enabled"] = .bool(on)
        case .print(let text): o["text"] = .string(text)
        case .plot(let p):
            o["width"] = .double(p.width)
            o["height"] = .double(p.height)
            o["saved_to"] = p.savedTo.map(JSONValue.string) ?? .null
            o["svg"] = .string(p.svg)
        case .error(let e):
            o["type"] = .string(e.type)
            o["message"] = .string(e.message)
            o["node"] = e.node?.json ?? .null
        }
        return .object(o)
    }
}

extension TensorSnapshot {
    public var json: JSONValue {
        .object(["id": .int(id), "name": name.map(JSONValue.string) ?? .null, "shape": .array(shape.map(JSONValue.int)),
                 "dtype": .string(dtype), "values": values.json, "requires_grad": .bool(requiresGrad), "is_leaf": .bool(isLeaf),
                 "grad_fn": gradFn.map(JSONValue.string) ?? .null, "grad_fn_id": gradFnID.map(JSONValue.int) ?? .null])
    }
}

extension NodeSnapshot {
    public var json: JSONValue {
        .object([
            "id": .int(id), "name": .string(name), "op": op.map(JSONValue.string) ?? .null,
            "next": .array(next.map { e in
                e.map { .object(["node": .int($0.node), "node_name": .string($0.nodeName), "input_nr": .int($0.inputNr),
                                 "variable": $0.variable.map(JSONValue.int) ?? .null]) } ?? .null
            }),
            "input_names": .array(inputNames.map(JSONValue.string)), "formulas": .array(formulas.map(JSONValue.string)),
            "local_derivatives": .array(localDerivatives.map { $0.map(JSONValue.string) ?? .null }),
            "arguments": .object(Dictionary(uniqueKeysWithValues: arguments.map { ($0.name, $0.value.json) })),
            "saved": .array(saved.map { .object(["name": .string($0.name), "tensor": .int($0.tensor), "values": $0.values.json]) }),
            "released": .bool(released), "variable": variable.map(JSONValue.int) ?? .null,
        ])
    }
}

extension Contribution {
    public var json: JSONValue { .object(["from": .int(from), "input": .int(input), "value": value.json]) }
}

extension OpArgument.Value {
    public var json: JSONValue {
        switch self {
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .bool(let b): return .bool(b)
        case .ints(let l): return .array(l.map(JSONValue.int))
        case .string(let s): return .string(s)
        case .none: return .null
        }
    }
}

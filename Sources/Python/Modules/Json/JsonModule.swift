/// The `json` module's string functions: `dumps` (indent, separators, sort_keys,
/// ensure_ascii, allow_nan, skipkeys, default) and `loads`, with CPython's output and its
/// `JSONDecodeError` messages. (`dump`/`load` need files, which lessons do not have.)
extension Interpreter {
    func makeJsonModule() -> PyModuleObject {
        let m = PyModuleObject(name: "json")
        let decodeError = PyClass(name: "JSONDecodeError", base: .valueError, moduleName: "json.decoder")
        m.set("JSONDecodeError", .object(decodeError))
        m.set("dumps", .object(PyBuiltinFunction(name: "dumps") { args, interp in
            let b = try args.bind(PySignature.cached(
                "dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False)"))
            var encoder = JsonEncoder(interp: interp)
            encoder.skipKeys = try interp.isTruthy(b[1])
            encoder.ensureASCII = try interp.isTruthy(b[2])
            encoder.allowNaN = try interp.isTruthy(b[4])
            switch b[6] {
            case .none: encoder.indent = nil
            case .str(let s): encoder.indent = s
            default:
                let n = try interp.index(b[6])
                try interp.checkLength(n)
                encoder.indent = String(repeating: " ", count: Swift.max(0, n))
            }
            if case .tuple(let seps) = b[7], seps.count == 2, case .str(let item) = seps[0], case .str(let key) = seps[1] {
                encoder.itemSeparator = item
                encoder.keySeparator = key
            } else if !b[7].isNone {
                throw PyException(.valueError, "too many values to unpack (expected 2)")
            } else if encoder.indent != nil {
                encoder.itemSeparator = ","
            }
            encoder.defaultFunction = b[8].isNone ? nil : b[8]
            encoder.sortKeys = try interp.isTruthy(b[9])
            try encoder.encode(b[0], depth: 0)
            return .str(encoder.output)
        }))
        m.set("loads", .object(PyBuiltinFunction(name: "loads") { args, interp in
            let b = try args.bind(PySignature.cached(
                "loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None)"))
            guard case .str(let text) = b[0] else {
                throw PyException(.typeError, "the JSON object must be str, bytes or bytearray, not \(b[0].typeName)")
            }
            var decoder = JsonDecoder(text: text, interp: interp, errorClass: decodeError)
            decoder.objectHook = b[2].isNone ? nil : b[2]
            return try decoder.decodeDocument()
        }))
        return m
    }
}

/// The `string` module's constants and `capwords`.
extension Interpreter {
    func makeStringModule() -> PyModuleObject {
        let m = PyModuleObject(name: "string")
        let lower = "abcdefghijklmnopqrstuvwxyz", upper = lower.uppercased(), digits = "0123456789"
        let punctuation = ##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##
        let whitespace = " \t\n\r\u{0B}\u{0C}"
        m.set([("ascii_lowercase", .str(lower)), ("ascii_uppercase", .str(upper)), ("ascii_letters", .str(lower + upper)),
               ("digits", .str(digits)), ("hexdigits", .str(digits + "abcdefABCDEF")), ("octdigits", .str("01234567")),
               ("punctuation", .str(punctuation)), ("whitespace", .str(whitespace)),
               ("printable", .str(digits + lower + upper + punctuation + whitespace))])
        m.set("capwords", .object(PyBuiltinFunction(name: "capwords") { args, interp in
            let b = try args.bind(PySignature.cached("capwords(s, sep=None)"))
            let words = try interp.call(try interp.getAttribute(b[0], "split"), [b[1]])
            let capitalized = try interp.iterate(words).map { try interp.call(try interp.getAttribute($0, "capitalize"), []) }
            let separator = b[1].isNone ? PyValue.str(" ") : b[1]
            return try interp.call(try interp.getAttribute(separator, "join"), [.list(PyList(capitalized))])
        }))
        return m
    }
}

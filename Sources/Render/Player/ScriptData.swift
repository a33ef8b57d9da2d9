import Trace

/// JSON carried inside a page's `<script type="application/json">` element.
enum ScriptData {
    /// The element holding `json`. Inside a script element the HTML parser ends the data at
    /// `</script` and changes state at `<!--`; `<` appears in JSON only inside strings, so those
    /// two sequences are written with JSON escapes (`<\/`, `\u003c!--`), which parse to the same text.
    static func element(id: String, json: JSONValue) -> String {
        var text = ""
        json.write(into: &text)
        return "<script id=\"\(id)\" type=\"application/json\">" + escape(text) + "</script>\n"
    }

    static func escape(_ text: String) -> String {
        guard text.contains("<") else { return text }
        return text.replacingOccurrences(of: "</", with: "<\\/").replacingOccurrences(of: "<!--", with: "\\u003c!--")
    }
}

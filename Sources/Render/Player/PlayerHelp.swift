/// The keyboard help dialog (`?`).
enum PlayerHelp {
    static func dialog(_ s: PlayerStrings) -> String {
        let rows: [(keys: [String], action: String)] = [
            (["→", "n"], s["k_next"]), (["←", "b"], s["k_prev"]), ([s["key_space"], "k"], s["k_play"]),
            (["Home", "End"], s["k_ends"]), (["PageDown", "]", "PageUp", "["], s["k_sections"]), (["+", "−"], s["k_speed"]),
            (["v"], s["k_view"]), (["f"], s["k_wide"]), (["l"], s["k_legend"]), (["Tab", "Enter"], s["k_node"]), (["Esc"], s["k_close"]),
            (["?"], s["k_help"]),
        ]
        var body = ""
        for r in rows {
            let keys = r.keys.map { "<kbd>\(SVGText.escape($0))</kbd>" }.joined(separator: " ")
            body += "<tr><th scope=\"row\">\(keys)</th><td>\(SVGText.escape(r.action))</td></tr>\n"
        }
        return """
        <dialog id="gv-help" aria-labelledby="gv-help-title">
        <h2 id="gv-help-title">\(SVGText.escape(s["help"]))</h2>
        <table><thead><tr><th scope="col">\(SVGText.escape(s["key"]))</th><th scope="col">\(SVGText.escape(s["action"]))</th></tr></thead>
        <tbody>
        \(body)</tbody></table>
        <p><button id="gv-help-close" class="gv-btn" type="button">\(SVGText.escape(s["close"]))</button></p>
        </dialog>
        """
    }
}

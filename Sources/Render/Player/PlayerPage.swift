import Trace

/// A lesson's offline player: ONE self-contained `index.html` with every frame's SVG, the
/// manifest and the script inlined, so it works from `file://`, uploaded alone to a course
/// platform, and with no network.
enum PlayerPage {
    /// The page for a lesson whose manifest is `manifest` and frames `svgs`; `course` is the
    /// relative link back to the course page, when the lesson is part of one.
    static func lesson(manifest: JSONValue, svgs: [String], title: String, language: String, course: String?) -> String {
        let s = PlayerStrings(language: language)
        let strings = JSONValue.object(s.all.mapValues(JSONValue.string))
        var page = """
        <!doctype html>
        <html lang="\(s.htmlLanguage)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="gradviz">
        <title>\(SVGText.escape(title))</title>
        <style>\(PlayerStyle.css)</style></head>
        <body>
        \(header(title: title, course: course, s))
        \(panes(s))
        \(footer(s))
        \(PlayerHelp.dialog(s))
        <noscript><p>\(SVGText.escape(s["noscript"]))</p></noscript>

        """
        page += ScriptData.element(id: "gv-manifest", json: manifest)
        page += ScriptData.element(id: "gv-frames", json: .array(svgs.map(JSONValue.string)))
        page += ScriptData.element(id: "gv-strings", json: strings)
        page += "<script>\n" + PlayerScript.text + "\n</script>\n</body></html>\n"
        return page
    }

    private static func header(title: String, course: String?, _ s: PlayerStrings) -> String {
        let back = course.map { "<a href=\"\(SVGText.escape($0))\">← \(SVGText.escape(s["course"]))</a>" } ?? ""
        return """
        <header>\(back)<h1>\(SVGText.escape(title))</h1>
        <button id="gv-view" class="gv-btn" type="button" aria-pressed="false" title="\(attr(s["view_label"])) (v)">\(SVGText.escape(s["view_slide"]))</button>
        <button id="gv-wide" class="gv-btn" type="button" aria-pressed="false" title="\(attr(s["wide_label"])) (f)">\(SVGText.escape(s["wide"]))</button>
        <button id="gv-legend-btn" class="gv-btn" type="button" aria-expanded="false" aria-controls="gv-legend" title="\(attr(s["legend"])) (l)">\(SVGText.escape(s["legend"]))</button>
        <button id="gv-help-btn" class="gv-btn" type="button" aria-haspopup="dialog" aria-label="\(attr(s["help"]))" title="\(attr(s["help"])) (?)">?</button>
        </header>
        """
    }

    private static func panes(_ s: PlayerStrings) -> String {
        """
        <main>
        <div id="gv-left">
        <section id="gv-source-pane" aria-labelledby="gv-source-title">
        <h2 class="gv-pane-title" id="gv-source-title">\(SVGText.escape(s["source"])) <span id="gv-source-where"></span></h2>
        <div id="gv-source" tabindex="0" role="region" aria-labelledby="gv-source-title"></div>
        </section>
        <section id="gv-output-pane" aria-labelledby="gv-output-title">
        <h2 class="gv-pane-title" id="gv-output-title">\(SVGText.escape(s["output"]))</h2>
        <pre id="gv-console" tabindex="0" data-empty="\(attr(s["no_output"]))"></pre>
        </section>
        </div>
        <div id="gv-right">
        <div id="gv-figure">
        <div id="gv-stage"></div>
        <div id="gv-legend" role="dialog" aria-labelledby="gv-legend-title" hidden>
        <div class="gv-details-head"><h2 id="gv-legend-title">\(SVGText.escape(s["legend"]))</h2><button id="gv-legend-close" class="gv-btn" type="button" aria-label="\(attr(s["close"]))">×</button></div>
        <div id="gv-legend-body"></div>
        </div>
        </div>
        <aside id="gv-details" hidden aria-labelledby="gv-details-title">
        <div class="gv-details-head"><h2 id="gv-details-title"></h2><button id="gv-details-close" class="gv-btn" type="button" aria-label="\(attr(s["close"]))" title="\(attr(s["close"])) (Esc)">×</button></div>
        <div id="gv-details-body" aria-live="polite"></div>
        </aside>
        <section id="gv-explain" aria-label="\(attr(s["explanation"]))"></section>
        </div>
        </main>
        """
    }

    private static func footer(_ s: PlayerStrings) -> String {
        func button(_ id: String, _ label: String, _ key: String, _ icon: String) -> String {
            "<button id=\"\(id)\" class=\"gv-btn\" type=\"button\" aria-label=\"\(attr(label))\" title=\"\(attr(label)) (\(attr(key)))\">\(icon)</button>"
        }
        let play = "<button id=\"gv-play\" class=\"gv-btn\" type=\"button\" aria-pressed=\"false\" aria-label=\"\(attr(s["play"]))\" "
            + "title=\"\(attr(s["play"])) (\(attr(s["key_space"])))\">\(Icon.svg(Icon.play, "gv-icon-play"))\(Icon.svg(Icon.pause, "gv-icon-pause"))</button>"
        return """
        <footer>
        <div class="gv-timeline"><div id="gv-marks"></div><input id="gv-slider" type="range" min="1" max="1" step="1" value="1" aria-label="\(attr(s["timeline"]))"></div>
        <div class="gv-controls">
        \(button("gv-first", s["first"], "Home", Icon.svg(Icon.first)))\(button("gv-prev", s["prev"], "←", Icon.svg(Icon.prev)))\(play)\(button("gv-next", s["next"], "→", Icon.svg(Icon.next)))\(button("gv-last", s["last"], "End", Icon.svg(Icon.last)))
        <label>\(SVGText.escape(s["speed"])) <select id="gv-speed"></select></label>
        <span id="gv-counter" aria-hidden="true"></span>
        <span class="gv-spacer"></span>
        <label>\(SVGText.escape(s["section"])) <select id="gv-section"></select></label>
        </div>
        <div id="gv-status" class="gv-sr" role="status"></div>
        </footer>
        """
    }

    /// Text for an attribute value.
    static func attr(_ s: String) -> String { SVGText.escape(s) }
}

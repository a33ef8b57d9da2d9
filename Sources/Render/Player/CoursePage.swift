/// The course page: the lessons by language, each linking to its player and to its sections.
enum CoursePage {
    /// A lesson as the course page lists it.
    struct Lesson {
        /// The player's path relative to the course page (`lesson1/index.html`).
        var index: String
        var title: String
        /// `en` or `zh`.
        var language: String
        var frames: Int
        /// Section titles with the frame (1-based) each starts at, nil when it has no frame.
        var sections: [(title: String, frame: Int?)]
    }

    static func html(_ lessons: [Lesson]) -> String {
        let pageLanguage = lessons.first?.language ?? "en"
        let page = PlayerStrings(language: pageLanguage)
        var languages: [String] = []
        for l in lessons where !languages.contains(l.language) { languages.append(l.language) }
        var body = ""
        for language in languages {
            let s = PlayerStrings(language: language)
            body += "<section lang=\"\(s.htmlLanguage)\">\n"
            if languages.count > 1 { body += "<h2>\(language == "zh" ? "中文" : "English")</h2>\n" }
            body += "<ol class=\"gv-lessons\">\n"
            for l in lessons where l.language == language {
                let href = SVGText.escape(l.index)
                body += "<li><a class=\"gv-lesson\" href=\"\(href)\">\(SVGText.escape(l.title))</a> "
                body += "<span class=\"gv-count\">\(SVGText.escape(s["steps_n"].replacingOccurrences(of: "{n}", with: String(l.frames))))</span>"
                let linked = l.sections.compactMap { sec in sec.frame.map { (sec.title, $0) } }
                    .filter { $0.0 != l.title }
                if !linked.isEmpty {
                    body += "\n<ol class=\"gv-secs\">"
                    for (title, frame) in linked { body += "<li><a href=\"\(href)#\(frame)\">\(SVGText.escape(title))</a></li>" }
                    body += "</ol>"
                }
                body += "</li>\n"
            }
            body += "</ol>\n</section>\n"
        }
        return """
        <!doctype html>
        <html lang="\(page.htmlLanguage)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="gradviz">
        <title>\(SVGText.escape(page["course"]))</title>
        <style>\(style)</style></head>
        <body><main>
        <h1>\(SVGText.escape(page["course"]))</h1>
        \(body)</main></body></html>

        """
    }

    static let style = """
    body{margin:0;font:16px/1.5 "DejaVu Sans","Noto Sans CJK SC","Noto Sans CJK",system-ui,sans-serif;color:#1a1a1a;background:#f5f6f8}
    main{max-width:960px;margin:0 auto;padding:24px 20px 48px}
    h1{font-size:28px;margin:0 0 12px}h2{font-size:20px;margin:28px 0 8px;color:#5b6068}
    .gv-lessons{padding-left:28px}.gv-lessons>li{background:#fff;border:1px solid #d5d8de;border-radius:8px;padding:10px 14px;margin:10px 0}
    .gv-lesson{font-weight:bold;font-size:18px}.gv-count{color:#5b6068;font-size:14px;margin-left:8px}
    .gv-secs{margin:6px 0 0;padding-left:22px;font-size:15px;columns:2 280px}
    a{color:#0b57d0}a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
    """
}

import Trace

/// The offline player pages: a lesson's frames with keyboard navigation and captions, and a
/// course page listing the lessons.
enum PlayerPage {
    static func lesson(manifest: JSONValue, svgs: [String], title: String, course: String?) -> String {
        let data = manifest.text.replacingOccurrences(of: "</", with: "<\\/")
        let back = course.map { "<a href=\"\(SVGText.escape($0))\">← course</a> · " } ?? ""
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>\(SVGText.escape(title))</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body{margin:0;font-family:"DejaVu Sans","Noto Sans CJK SC",sans-serif;background:#fafafa;color:#1a1a1a}
        header{padding:8px 16px;display:flex;gap:16px;align-items:center}
        #frame{display:block;width:100%;height:auto;max-height:calc(100vh - 120px);object-fit:contain;background:#fff}
        #caption{padding:8px 16px;white-space:pre-wrap}
        button{font-size:16px}
        </style></head><body>
        <header>\(back)<strong>\(SVGText.escape(title))</strong>
        <button id="prev" aria-label="previous frame">◀</button><span id="counter"></span>
        <button id="next" aria-label="next frame">▶</button></header>
        <img id="frame" alt="">
        <div id="caption"></div>
        <script id="manifest" type="application/json">\(data)</script>
        <script>
        const m = JSON.parse(document.getElementById('manifest').textContent);
        let i = 0;
        function show(k) {
          i = Math.max(0, Math.min(m.frames.length - 1, k));
          const f = m.frames[i];
          document.getElementById('frame').src = f.file;
          document.getElementById('counter').textContent = (i + 1) + ' / ' + m.frames.length;
          const c = f.caption;
          document.getElementById('caption').textContent = [c.section, ...c.narration, c.heading, ...c.details].filter(Boolean).join('\\n');
          if (location.hash !== '#' + (i + 1)) history.replaceState(null, '', '#' + (i + 1));
        }
        document.getElementById('prev').onclick = () => show(i - 1);
        document.getElementById('next').onclick = () => show(i + 1);
        addEventListener('keydown', e => { if (e.key === 'ArrowRight' || e.key === ' ') show(i + 1); if (e.key === 'ArrowLeft') show(i - 1); });
        addEventListener('hashchange', () => { const k = parseInt(location.hash.slice(1)); if (k) show(k - 1); });
        show((parseInt(location.hash.slice(1)) || 1) - 1);
        </script></body></html>
        """
    }

    static func course(_ lessons: [JSONValue]) -> String {
        var items = ""
        for case .object(let o) in lessons {
            guard case .string(let index)? = o["index"], case .string(let title)? = o["title"] else { continue }
            items += "<li><a href=\"\(SVGText.escape(index))\">\(SVGText.escape(title))</a></li>\n"
        }
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Course</title></head>
        <body style="font-family:'DejaVu Sans',sans-serif"><h1>Lessons</h1><ol>
        \(items)</ol></body></html>
        """
    }
}

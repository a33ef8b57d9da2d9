import Foundation

/// The offline HTML pages: a lesson's frame player and a course's lesson list.
/// No network: frames are referenced relatively, the frame list is inlined.
enum PlayerHTML {
    static func escape(_ s: String) -> String {
        var r = ""
        for c in s {
            switch c {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            default: r.append(c)
            }
        }
        return r
    }

    /// JSON for a `<script>` element: `<` escaped so the text cannot close the element.
    static func scriptJSON<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        let s = String(decoding: try enc.encode(value), as: UTF8.self)
        return s.replacingOccurrences(of: "<", with: "\\u003c")
    }

    private static let style = """
        html, body { margin: 0; height: 100%; background: #f8fafc; color: #111827;
          font-family: "DejaVu Sans", "Noto Sans CJK SC", sans-serif; }
        header { display: flex; align-items: center; gap: 0.8em; padding: 0.5em 1em;
          background: #ffffff; border-bottom: 1px solid #e5e7eb; height: 2.2em; }
        header h1 { font-size: 1.1em; margin: 0; flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        header a { color: #1d4ed8; text-decoration: none; }
        #counter { font-variant-numeric: tabular-nums; min-width: 5em; text-align: center; }
        button { font-size: 1em; padding: 0.15em 0.8em; cursor: pointer; }
        main { display: flex; flex-direction: column; height: calc(100% - 3.3em); }
        #stage { flex: 1; min-height: 0; display: flex; align-items: center; justify-content: center;
          background: #ffffff; overflow: auto; }
        #stage img { width: 100%; height: 100%; object-fit: contain; }
        #caption { white-space: pre-wrap; margin: 0; padding: 0.4em 1em; border-top: 1px solid #e5e7eb;
          font-family: inherit; font-size: 0.85em; color: #374151; max-height: 6em; overflow: auto; }
        .hint { color: #6b7280; font-size: 0.85em; }
        ul.lessons { list-style: none; padding: 0 1em; } ul.lessons li { margin: 0.6em 0; font-size: 1.1em; }
        """

    private static let script = """
        (function () {
          var frames = JSON.parse(document.getElementById('frames').textContent);
          var img = document.getElementById('frame');
          var counter = document.getElementById('counter');
          var caption = document.getElementById('caption');
          var current = 0;
          var cache = {};
          function preload(k) {
            if (k >= 0 && k < frames.length && !cache[k]) { cache[k] = new Image(); cache[k].src = frames[k].file; }
          }
          function show(k) {
            if (frames.length === 0) { counter.textContent = '0 / 0'; return; }
            current = Math.max(0, Math.min(frames.length - 1, k));
            var f = frames[current];
            img.src = f.file;
            img.alt = 'frame ' + (current + 1) + ': ' + f.caption;
            counter.textContent = (current + 1) + ' / ' + frames.length;
            caption.textContent = f.caption;
            document.body.setAttribute('data-frame', String(current + 1));
            try { history.replaceState(null, '', '#' + (current + 1)); } catch (e) { }
            preload(current + 1);
            preload(current - 1);
          }
          document.addEventListener('keydown', function (e) {
            if (e.altKey || e.ctrlKey || e.metaKey) { return; }
            var k = e.key;
            if (k === 'ArrowRight' || k === 'PageDown' || k === ' ' || k === 'Enter') { show(current + 1); }
            else if (k === 'ArrowLeft' || k === 'PageUp' || k === 'Backspace') { show(current - 1); }
            else if (k === 'Home') { show(0); }
            else if (k === 'End') { show(frames.length - 1); }
            else { return; }
            e.preventDefault();
          });
          document.getElementById('prev').addEventListener('click', function () { show(current - 1); });
          document.getElementById('next').addEventListener('click', function () { show(current + 1); });
          var start = parseInt(location.hash.slice(1), 10);
          show(isNaN(start) ? 0 : start - 1);
        })();
        """

    struct PlayerFrame: Encodable {
        var file: String
        var caption: String
    }

    /// A lesson's player: arrow keys (and space, Enter, PageUp/PageDown, Home/End), a counter, the caption.
    static func player(title: String, frames: [PlayerFrame], course: String?) throws -> String {
        let back = course.map { "<a href=\"\(escape($0))\">course</a>" } ?? ""
        let first = frames.first?.file ?? ""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · gradviz</title>
            <style>
            \(style)
            </style>
            </head>
            <body data-frame="1">
            <header>\(back)<h1>\(escape(title))</h1><span class="hint">← → to step</span>
            <button id="prev" type="button" title="previous frame (←)">←</button><span id="counter">1 / \(frames.count)</span><button id="next" type="button" title="next frame (→)">→</button></header>
            <main><div id="stage"><img id="frame" src="\(escape(first))" alt="frame 1"></div><pre id="caption"></pre></main>
            <script type="application/json" id="frames">\(try scriptJSON(frames))</script>
            <script>
            \(script)
            </script>
            </body>
            </html>

            """
    }

    /// A course's front page: its lessons with their titles.
    static func course(_ manifest: CourseManifest) -> String {
        let items = manifest.lessons.map { l in
            "<li><a href=\"\(escape(l.index))\">\(escape(l.title))</a> <span class=\"hint\">\(escape(l.name)) · \(l.frames) frames</span></li>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Course · gradviz</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <header><h1>Course: \(manifest.lessons.count) lessons</h1></header>
            <ul class="lessons">
            \(items)
            </ul>
            </body>
            </html>

            """
    }
}

import Foundation
import Testing

/// The lesson players of the shipped course: each one file that carries its frames, data and
/// script, speaking the lesson's language; the course page linking them.
@Suite struct PlayerPageTests {
    static func page(_ lesson: String) throws -> String {
        let course = try ShippedCourse.shared.get()
        return try String(contentsOf: course.folder.appendingPathComponent("\(lesson)/index.html"), encoding: .utf8)
    }

    @Test(arguments: ["lesson1", "lesson8", "zh-lesson4"])
    func playerCarriesEveryFrameAndNothingOutside(lesson: String) throws {
        let course = try ShippedCourse.shared.get()
        let html = try PlayerPageTests.page(lesson)
        let manifest = try JSONDocument.parse(Data(contentsOf: course.folder.appendingPathComponent("\(lesson)/manifest.json")))
        let frames = try #require(manifest["frames"]?.array)
        for k in 1...frames.count { #expect(html.contains("data-frame=\\\"\(k)\\\""), "frame \(k) is not inlined") }
        // No file, image, style sheet or script is loaded: the only link is back to the course page.
        let re = try NSRegularExpression(pattern: #"(?:src|href)\s*=\s*\\?"([^"\\]*)"#)
        let refs = re.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { m in
            Range(m.range(at: 1), in: html).map { String(html[$0]) }
        }
        #expect(refs.allSatisfy { $0 == "../index.html" || $0.hasPrefix("#") || $0.hasPrefix("http://www.w3.org/") }, "\(refs)")
        #expect(!html.contains("@import") && !html.contains("url(http"))
        // The data blocks end only where their script elements end.
        let scripts = html.components(separatedBy: "<script").count - 1
        #expect(scripts == html.components(separatedBy: "</script>").count - 1)
        #expect(scripts == 4)
    }

    @Test func chineseLessonsGetChineseControls() throws {
        let zh = try PlayerPageTests.page("zh-lesson1")
        #expect(zh.contains("<html lang=\"zh-Hans\">"))
        #expect(zh.contains("aria-label=\"下一步\""))
        #expect(zh.contains("键盘帮助"))
        let en = try PlayerPageTests.page("lesson1")
        #expect(en.contains("<html lang=\"en\">"))
        #expect(en.contains("aria-label=\"Next step\""))
        #expect(!en.contains("下一步"))
    }

    @Test func coursePageLinksEveryLessonAndItsSections() throws {
        let course = try ShippedCourse.shared.get()
        let html = try String(contentsOf: course.folder.appendingPathComponent("index.html"), encoding: .utf8)
        for lesson in course.lessons { #expect(html.contains("href=\"\(lesson)/index.html\""), "\(lesson)") }
        let manifest = try JSONDocument.parse(Data(contentsOf: course.folder.appendingPathComponent("lesson1/manifest.json")))
        for s in try #require(manifest["sections"]?.array).dropFirst() {
            let frame = try #require(s["frame"]?.number)
            #expect(html.contains("href=\"lesson1/index.html#\(Int(frame))\""))
        }
        #expect(html.contains("<section lang=\"zh-Hans\">") && html.contains("<h2>中文</h2>"))
    }
}

import Foundation

/// Whether the fonts pictures need are installed: Chinese text needs a CJK font (Debian's
/// `fonts-noto-cjk`), else PNG and PDF frames show boxes where the characters should be.
public enum FontCheck {
    /// Font file names that carry CJK glyphs.
    static let cjkMarkers = ["cjk", "wqy", "wenquanyi", "droidsansfallback", "sourcehan", "notosanssc", "notoserifsc", "ukai", "uming"]

    /// True when a CJK font file is in one of fontconfig's usual folders.
    public static func hasCJKFont(folders: [String]? = nil) -> Bool {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        let roots = folders ?? ["/usr/share/fonts", "/usr/local/share/fonts", home + "/.local/share/fonts", home + "/.fonts"]
        var pending = roots
        var seen = 0
        let fm = FileManager.default
        while let dir = pending.popLast(), seen < 50_000 {
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for name in names {
                seen += 1
                let lower = name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
                if cjkMarkers.contains(where: lower.contains) && (lower.hasSuffix(".ttc") || lower.hasSuffix(".ttf") || lower.hasSuffix(".otf")) {
                    return true
                }
                var isDir: ObjCBool = false
                let path = dir + "/" + name
                if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { pending.append(path) }
            }
        }
        return false
    }

    /// True when `text` holds CJK characters.
    public static func needsCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x3400...0x9FFF).contains($0.value)
            || (0xAC00...0xD7AF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
    }
}

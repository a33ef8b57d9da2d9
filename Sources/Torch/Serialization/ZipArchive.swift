import Foundation
import CZlib

/// The zip container of PyTorch's checkpoints: entries stored uncompressed (as `torch.save`
/// writes them), read back through the central directory. Nothing else of the zip format
/// is needed: PyTorch neither compresses nor spans checkpoints.
enum ZipArchive {
    static func crc(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return 0 }
            return UInt32(truncatingIfNeeded: crc32(0, base, uInt(raw.count)))
        }
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    /// A zip of `entries` (name, contents), stored, in order.
    static func write(_ entries: [(name: String, data: Data)]) -> Data {
        var out = Data(), directory = Data()
        for (name, data) in entries {
            let nameBytes = Data(name.utf8)
            let checksum = crc(data)
            let offset = UInt32(truncatingIfNeeded: out.count)
            // Local file header: version 2.0, no flags, stored, 1980-01-01 00:00.
            append(UInt32(0x0403_4b50), to: &out)
            for v: UInt16 in [20, 0, 0, 0, 0x21] { append(v, to: &out) }
            append(checksum, to: &out)
            append(UInt32(truncatingIfNeeded: data.count), to: &out)
            append(UInt32(truncatingIfNeeded: data.count), to: &out)
            append(UInt16(truncatingIfNeeded: nameBytes.count), to: &out)
            append(UInt16(0), to: &out)
            out.append(nameBytes)
            out.append(data)
            // Its central directory record.
            append(UInt32(0x0201_4b50), to: &directory)
            for v: UInt16 in [20, 20, 0, 0, 0, 0x21] { append(v, to: &directory) }
            append(checksum, to: &directory)
            append(UInt32(truncatingIfNeeded: data.count), to: &directory)
            append(UInt32(truncatingIfNeeded: data.count), to: &directory)
            append(UInt16(truncatingIfNeeded: nameBytes.count), to: &directory)
            for v: UInt16 in [0, 0, 0, 0] { append(v, to: &directory) }
            append(UInt32(0), to: &directory)
            append(offset, to: &directory)
            directory.append(nameBytes)
        }
        let directoryOffset = UInt32(truncatingIfNeeded: out.count)
        out.append(directory)
        append(UInt32(0x0605_4b50), to: &out)
        for v: UInt16 in [0, 0, UInt16(truncatingIfNeeded: entries.count), UInt16(truncatingIfNeeded: entries.count)] { append(v, to: &out) }
        append(UInt32(truncatingIfNeeded: directory.count), to: &out)
        append(directoryOffset, to: &out)
        append(UInt16(0), to: &out)
        return out
    }

    /// The entries of a zip whose entries are stored, by name; nil when it is not such a zip.
    static func read(_ zip: Data) -> [String: Data]? {
        let bytes = [UInt8](zip)
        func u16(_ at: Int) -> Int? { at + 2 <= bytes.count && at >= 0 ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard let lo = u16(at), let hi = u16(at + 2) else { return nil }
            return lo | hi << 16
        }
        // The end-of-central-directory record: the last signature within the final 64 KiB + 22 bytes.
        var end = -1
        var at = bytes.count - 22
        while at >= Swift.max(0, bytes.count - 22 - 65_535) {
            if u32(at) == 0x0605_4b50 { end = at; break }
            at -= 1
        }
        guard end >= 0, let count = u16(end + 10), var entry = u32(end + 16) else { return nil }
        var entries: [String: Data] = [:]
        for _ in 0..<count {
            guard u32(entry) == 0x0201_4b50, let method = u16(entry + 10), method == 0,
                  let size = u32(entry + 20), let nameLength = u16(entry + 28), let extra = u16(entry + 30),
                  let comment = u16(entry + 32), let local = u32(entry + 42),
                  entry + 46 + nameLength <= bytes.count,
                  let localName = u16(local + 26), let localExtra = u16(local + 28) else { return nil }
            let name = String(decoding: bytes[(entry + 46)..<(entry + 46 + nameLength)], as: UTF8.self)
            let start = local + 30 + localName + localExtra
            guard start + size <= bytes.count else { return nil }
            entries[name] = Data(bytes[start..<(start + size)])
            entry += 46 + nameLength + extra + comment
        }
        return entries
    }
}

import Foundation

/// The chunks of a PNG file, read by hand so tests can check the container itself.
struct PNGChunks {
    struct Chunk {
        var type: String
        var payload: [UInt8]
        var storedCRC: UInt32
        var computedCRC: UInt32
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    var chunks: [Chunk] = []

    /// Splits `png` after its signature into length-type-payload-CRC chunks.
    init(_ png: Data) throws {
        let bytes = [UInt8](png)
        guard bytes.starts(with: Self.signature) else { throw Malformed(description: "no PNG signature") }
        var at = 8
        while at < bytes.count {
            guard at + 12 <= bytes.count else { throw Malformed(description: "truncated chunk header at \(at)") }
            let length = Int(Self.bigEndian(bytes, at))
            guard at + 12 + length <= bytes.count else { throw Malformed(description: "truncated chunk at \(at)") }
            let typeAndPayload = Array(bytes[(at + 4)..<(at + 8 + length)])
            chunks.append(Chunk(
                type: String(decoding: typeAndPayload.prefix(4), as: UTF8.self),
                payload: Array(typeAndPayload.dropFirst(4)),
                storedCRC: Self.bigEndian(bytes, at + 8 + length),
                computedCRC: Self.crc32(typeAndPayload)))
            at += 12 + length
        }
    }

    /// The IHDR fields: width, height, bit depth, colour type, compression, filter, interlace.
    var header: (width: UInt32, height: UInt32, bitDepth: UInt8, colourType: UInt8, rest: [UInt8])? {
        guard let ihdr = chunks.first, ihdr.type == "IHDR", ihdr.payload.count == 13 else { return nil }
        let p = ihdr.payload
        return (Self.bigEndian(p, 0), Self.bigEndian(p, 4), p[8], p[9], Array(p[10...]))
    }

    static func bigEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// CRC-32 (ISO 3309, reflected polynomial 0xEDB88320), bit by bit: slow, plain, independent of zlib.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// Pixels as cairo draws them into an ARGB32 image surface, borrowed for the length of a call.
///
/// Each pixel is one native-endian 32-bit word `0xAARRGGBB` whose colour channels are
/// premultiplied by alpha; rows start `stride` bytes apart (`stride ≥ 4 · width`).
package struct PremultipliedPixels {
    /// Pixels per row.
    package var width: Int
    /// Number of rows.
    package var height: Int
    /// Bytes from the start of one row to the start of the next.
    package var stride: Int
    /// `height · stride` bytes, 4-byte aligned; valid only inside the call that lends them.
    package var bytes: UnsafeRawBufferPointer

    /// Describes `bytes` as `height` rows of `width` pixels, `stride` bytes apart.
    package init(width: Int, height: Int, stride: Int, bytes: UnsafeRawBufferPointer) {
        self.width = width
        self.height = height
        self.stride = stride
        self.bytes = bytes
    }

    /// The pixel at column `x` of row `y`, as `0xAARRGGBB` (premultiplied).
    package func pixel(x: Int, y: Int) -> UInt32 {
        bytes.load(fromByteOffset: y * stride + 4 * x, as: UInt32.self)
    }
}

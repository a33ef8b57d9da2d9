/// How `PNGEncoder` filters rows and how hard zlib compresses them.
package struct PNGOptions: Sendable, Equatable, CustomStringConvertible {
    /// The PNG filter every row gets (`adaptive` picks one per row).
    package enum Filter: String, Sendable, CaseIterable {
        case none, sub, up, average, paeth
        /// Per row, the filter whose output has the smallest sum of |byte as Int8| (libpng's heuristic).
        case adaptive
    }

    /// zlib's match-finding strategy.
    package enum Strategy: String, Sendable, CaseIterable {
        /// `Z_DEFAULT_STRATEGY`: LZ77 matches at any distance.
        case standard
        /// `Z_RLE`: matches only at distance 1 (runs of one byte value), much faster.
        case rle
        /// `Z_FILTERED`: favours Huffman coding over short matches, meant for filtered image rows.
        case filtered
    }

    /// The row filter.
    package var filter: Filter
    /// zlib's level, 1 (fastest) … 9 (smallest).
    package var level: Int32
    /// zlib's strategy.
    package var strategy: Strategy

    /// Chooses a filter, level and strategy.
    package init(filter: Filter, level: Int32, strategy: Strategy) {
        self.filter = filter
        self.level = level
        self.strategy = strategy
    }

    /// `up, level 1, rle`.
    package var description: String { "\(filter.rawValue), level \(level), \(strategy.rawValue)" }
}

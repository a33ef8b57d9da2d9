/// `repr(tensor)` and `print(tensor)` exactly as PyTorch prints them: a port of
/// `torch/_tensor_str.py` for the default print options (precision 4,
/// threshold 1000, edgeitems 3, linewidth 80, automatic scientific mode).
public enum TensorFormatter {
    static let precision = 4
    /// Tensors with more elements than this are summarized with `...`.
    static let threshold = 1000
    /// Elements kept at each end of a summarized dimension.
    static let edgeItems = 3
    static let lineWidth = 80

    /// What `print(t)` shows: `tensor([1., 2.], requires_grad=True)`.
    ///
    /// - Complexity: O(n) in the number of elements shown.
    public static func repr(_ t: TensorPrintInput) -> String {
        let prefix = "tensor("
        let indent = prefix.utf8.count
        let count = Shape.count(t.shape)
        let integers = t.dtype.isInteger ? (t.integers ?? t.values.map(ElementFormatter.saturated)) : nil
        precondition((integers?.count ?? t.values.count) == count, "elements do not fill shape \(t.shape)")
        var suffixes: [String] = []
        let body: String
        if count == 0 {
            // No elements to infer the dtype from, so every non-default dtype is shown.
            if t.shape.count != 1 { suffixes.append("size=" + tupleRepr(t.shape)) }
            if t.dtype != t.defaultFloat { suffixes.append("dtype=" + t.dtype.torchName) }
            body = "[]"
        } else {
            // The default dtype, int64 and bool are inferred from the printed elements.
            if t.dtype != t.defaultFloat && t.dtype != .int64 && t.dtype != .bool {
                suffixes.append("dtype=" + t.dtype.torchName)
            }
            body = tensorString(t, integers: integers, indent: indent)
        }
        if let name = t.gradFnName {
            suffixes.append("grad_fn=<\(name)>")
        } else if t.requiresGrad {
            suffixes.append("requires_grad=True")
        }
        return addSuffixes(prefix + body, suffixes, indent: indent)
    }

    /// `torch.Size([2, 3])`, as `print(t.shape)` shows it.
    public static func sizeRepr(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    /// Python's `str(tuple(shape))`: `(0, 3)`, `(0,)`.
    static func tupleRepr(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// `_add_suffixes`: each suffix follows `, ` on the current line, or starts
    /// a new line at `indent` when the line would pass the line width.
    static func addSuffixes(_ tensorString: String, _ suffixes: [String], indent: Int) -> String {
        var out = tensorString
        let utf8 = Array(tensorString.utf8)
        let lastNewline = utf8.lastIndex(of: UInt8(ascii: "\n")) ?? -1
        // PyTorch's own measure, two more than the last line's length.
        var lastLineLength = utf8.count - lastNewline + 1
        for suffix in suffixes {
            let length = suffix.utf8.count
            if lastLineLength + length + 2 > lineWidth {
                out += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLineLength = indent + length
            } else {
                out += ", " + suffix
                lastLineLength += length + 2
            }
        }
        return out + ")"
    }

    /// The indices shown along a dimension of `size`: all of them, or when
    /// summarizing a long dimension the edges around `nil` for `...`.
    private static func shownIndices(_ size: Int, summarize: Bool) -> [Int?] {
        if summarize && size > 2 * edgeItems {
            return Array(0..<edgeItems) + [nil] + Array((size - edgeItems)..<size)
        }
        return Array(0..<size)
    }

    /// `_tensor_str` for a tensor with at least one element.
    private static func tensorString(_ t: TensorPrintInput, integers: [Int64]?, indent: Int) -> String {
        let summarize = Shape.count(t.shape) > threshold
        let rank = t.shape.count
        let shown = t.shape.map { shownIndices($0, summarize: summarize) }
        var strides = [Int](repeating: 1, count: rank)
        for d in stride(from: rank - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * t.shape[d + 1] }

        let formatter: ElementFormatter
        let text: (Int) -> String
        if let integers {
            let f = ElementFormatter(dtype: t.dtype, shownIntegers: shownElements(integers, shown: shown, strides: strides))
            formatter = f
            text = { f.format(integer: integers[$0]) }
        } else {
            let f = ElementFormatter(dtype: t.dtype, shownValues: shownElements(t.values, shown: shown, strides: strides))
            formatter = f
            text = { f.format(t.values[$0]) }
        }
        if rank == 0 { return text(0) }

        func row(_ offset: Int, indent: Int) -> String {
            vectorString(
                text, offset: offset, shown: shown[rank - 1], indent: indent,
                summarize: summarize, formatter: formatter)
        }
        if rank == 1 { return row(0, indent: indent) }

        // `_tensor_str_with_formatter`, walking the nested lists with an explicit
        // cursor per dimension: the sub-blocks of a dimension are separated by
        // a comma, one newline per remaining dimension, and the next indent.
        var out = "["
        var position = [Int](repeating: 0, count: rank - 1)
        var base = [Int](repeating: 0, count: rank - 1)
        var depth = 0
        while true {
            let entries = shown[depth]
            if position[depth] == entries.count {
                out += "]"
                if depth == 0 { break }
                depth -= 1
                position[depth] += 1
                continue
            }
            if position[depth] > 0 {
                out += "," + String(repeating: "\n", count: rank - depth - 1)
                    + String(repeating: " ", count: indent + depth + 1)
            }
            guard let index = entries[position[depth]] else {
                out += "..."
                position[depth] += 1
                continue
            }
            let offset = base[depth] + index * strides[depth]
            if depth == rank - 2 {
                out += row(offset, indent: indent + depth + 1)
                position[depth] += 1
                continue
            }
            out += "["
            depth += 1
            base[depth] = offset
            position[depth] = 0
        }
        return out
    }

    /// `get_summarized_data`: the elements at every combination of shown indices.
    private static func shownElements<T>(_ values: [T], shown: [[Int?]], strides: [Int]) -> [T] {
        let kept = shown.map { $0.compactMap { $0 } }
        if kept.contains(where: \.isEmpty) { return [] }
        var result: [T] = []
        var cursor = [Int](repeating: 0, count: kept.count)
        while true {
            var offset = 0
            for d in 0..<kept.count { offset += kept[d][cursor[d]] * strides[d] }
            result.append(values[offset])
            var d = kept.count - 1
            while d >= 0 {
                cursor[d] += 1
                if cursor[d] < kept[d].count { break }
                cursor[d] = 0
                d -= 1
            }
            if d < 0 { return result }
        }
    }

    /// `_vector_str`: one innermost row, wrapped to the line width with
    /// continuation lines indented one past the opening bracket.
    private static func vectorString(
        _ text: (Int) -> String, offset: Int, shown: [Int?], indent: Int, summarize: Bool,
        formatter: ElementFormatter
    ) -> String {
        let elementLength = formatter.maxWidth + 2
        let available = lineWidth - indent
        let floorQuotient = available >= 0
            ? available / elementLength : -((-available + elementLength - 1) / elementLength)
        let perLine = max(1, floorQuotient)
        let items = shown.map { index in
            index.map { text(offset + $0) } ?? " ..."
        }
        var lines: [String] = []
        var start = 0
        while start < items.count {
            let end = min(start + perLine, items.count)
            lines.append(items[start..<end].joined(separator: ", "))
            start = end
        }
        return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
    }
}

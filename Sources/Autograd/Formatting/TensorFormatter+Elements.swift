import PyFormat
extension TensorFormatter {
    /// A port of `torch._tensor_str._Formatter`: one element format and width
    /// for the whole tensor, chosen from the elements that will be shown.
    ///
    /// Floating tensors print in one of three modes, decided by the nonzero
    /// finite elements: integer mode (`1.`, `-3.`) when all are integral;
    /// scientific mode (`1.0000e-05`) when max/min exceeds 1000, the max
    /// exceeds 1e8 or the min is below 1e-4; fixed mode (`0.1000`) otherwise.
    struct ElementFormatter {
        let dtype: DType
        private(set) var intMode = true
        private(set) var sciMode = false
        /// Every element is right-aligned to this width.
        private(set) var maxWidth = 1

        init<Values: Sequence<Double>>(dtype: DType, shownValues: Values) {
            self.dtype = dtype
            guard dtype.isFloatingPoint else {
                for value in shownValues {
                    maxWidth = max(maxWidth, plainText(value).utf8.count)
                }
                return
            }
            let nonzeroFinite = shownValues.filter { $0.isFinite && $0 != 0 }
            guard !nonzeroFinite.isEmpty else { return }

            var minAbs = Double.infinity, maxAbs = 0.0
            for value in nonzeroFinite {
                minAbs = min(minAbs, value.magnitude)
                maxAbs = max(maxAbs, value.magnitude)
                if value != value.rounded(.up) { intMode = false }
            }
            sciMode = maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4

            for value in nonzeroFinite {
                let width: Int
                if sciMode {
                    width = exponentText(value).utf8.count
                } else if intMode {
                    width = formatFloatShort(value, style: .fixed, precision: 0).utf8.count + 1
                } else {
                    width = fixedText(value).utf8.count
                }
                maxWidth = max(maxWidth, width)
            }
        }

        /// The formatter of an integer tensor: every element as `str(int)`.
        init(dtype: DType, shownIntegers: [Int64]) {
            self.dtype = dtype
            for value in shownIntegers { maxWidth = max(maxWidth, String(value).utf8.count) }
        }

        /// A value of an integer tensor known only as a `Double` (as pictures keep them),
        /// clamped to the int64 range (NaN as 0).
        static func saturated(_ value: Double) -> Int64 {
            if value.isNaN { return 0 }
            if value >= 0x1p63 { return .max }
            if value < -0x1p63 { return .min }
            return Int64(value)
        }

        /// One integer element, left-padded to `maxWidth`.
        func format(integer value: Int64) -> String {
            let text = String(value)
            let padding = maxWidth - text.utf8.count
            return padding > 0 ? String(repeating: " ", count: padding) + text : text
        }

        /// One element, left-padded to `maxWidth`.
        func format(_ value: Double) -> String {
            let text: String
            if !dtype.isFloatingPoint {
                text = plainText(value)
            } else if sciMode {
                text = exponentText(value)
            } else if intMode {
                let digits = formatFloatShort(value, style: .fixed, precision: 0)
                text = value.isFinite ? digits + "." : digits
            } else {
                text = fixedText(value)
            }
            let padding = maxWidth - text.utf8.count
            return padding > 0 ? String(repeating: " ", count: padding) + text : text
        }

        /// `f"{value}"` of the Python int or bool that `tolist()` returns.
        private func plainText(_ value: Double) -> String {
            if dtype == .bool { return value != 0 ? "True" : "False" }
            return String(ElementFormatter.saturated(value))
        }

        /// `"{:.4e}".format(value)`.
        private func exponentText(_ value: Double) -> String {
            formatFloatShort(value, style: .exponent, precision: TensorFormatter.precision)
        }

        /// `"{:.4f}".format(value)`.
        private func fixedText(_ value: Double) -> String {
            formatFloatShort(value, style: .fixed, precision: TensorFormatter.precision)
        }
    }
}

import Trace
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StepThrough {
    /// Whether to colour output: only on a terminal, and never when `NO_COLOR`
    /// is set to a non-empty value (https://no-color.org).
    public static func colorEnabled(environment: [String: String], isTTY: Bool) -> Bool {
        guard isTTY else { return false }
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        return true
    }

    /// Steps through the lesson on the terminal.
    ///
    /// With standard input and output both terminals: a full-screen view
    /// (alternate screen, hidden cursor, raw keys). Enter, space, `n` or →
    /// go to the next step; `b` or ← back; `g`/`G` to the first/last; `?`
    /// shows the keys; `q`, Ctrl-C or Ctrl-D quit. The view is redrawn when
    /// the window is resized. The terminal is restored however this ends:
    /// by returning, by throwing, or by a signal (see `TerminalSignals`).
    ///
    /// Otherwise (piped, in CI) it writes the whole transcript to standard
    /// output, coloured only if standard output is a terminal and `NO_COLOR` is unset.
    public func runInteractive() throws {
        let environment = StepThrough.environment()
        if !Terminal.isTTY(0) || !Terminal.isTTY(1) {
            let tty = Terminal.isTTY(1)
            let columns = Int(environment["COLUMNS"] ?? "") ?? (tty ? Terminal(input: 1, output: 1).size().columns : 80)
            Terminal(input: 0, output: 1).write(transcript(color: StepThrough.colorEnabled(environment: environment, isTTY: tty),
                                                           width: columns))
            return
        }
        let terminal = Terminal()
        try terminal.enter()
        defer { terminal.leave() }
        let color = StepThrough.colorEnabled(environment: environment, isTTY: true)
        var state = ViewState()
        var size = terminal.size()
        terminal.write(render(screen(state, rows: size.rows, columns: size.columns, color: color)))
        loop: while true {
            switch terminal.read() {
            case .closed:
                break loop
            case .resized:
                size = terminal.size()
                terminal.write("\u{1B}[2J")
            case .bytes(let bytes):
                for key in StepKey.parse(bytes) {
                    if !state.apply(key, count: frames.count) { break loop }
                }
            }
            terminal.write(render(screen(state, rows: size.rows, columns: size.columns, color: color)))
        }
    }

    /// Which step is on screen, and whether help is shown.
    struct ViewState: Equatable {
        var step = 0
        var help = false

        /// Applies `key`; false when it quits.
        mutating func apply(_ key: StepKey, count: Int) -> Bool {
            if key == .quit { return false }
            if help {
                help = false
                return true
            }
            switch key {
            case .next: step = min(step + 1, max(count - 1, 0))
            case .back: step = max(step - 1, 0)
            case .first: step = 0
            case .last: step = max(count - 1, 0)
            case .help: help = true
            case .escape, .other, .quit: break
            }
            return true
        }
    }

    /// The full screen for `state`: exactly `rows` lines, none wider than `columns`.
    func screen(_ state: ViewState, rows: Int, columns: Int, color: Bool) -> [String] {
        let rows = max(rows, 1), columns = max(columns, 10)
        let frame = frames.isEmpty ? nil : frames[min(state.step, frames.count - 1)]
        let title = " gradviz · \(fileName)  " + (frame?.header(of: frames.count, words: words) ?? words.noSteps) + " "
        var header = StyledLine(DisplayWidth.pad(DisplayWidth.truncate(title, to: columns), to: columns), .inverse)
        header = header.truncated(to: columns)
        let atEnd = state.step >= frames.count - 1
        let keys = atEnd ? words.keysAtEnd : words.keys
        let footer = StyledLine(keys, .dim).truncated(to: columns - 1)
        var lines = [header]
        let available = rows - 2
        if available > 0 {
            var body: [StyledLine]
            if state.help {
                body = words.help
            } else if let f = frame {
                body = f.caption + (f.caption.isEmpty ? [] : [StyledLine()]) + f.body
            } else {
                body = [StyledLine(words.noEvents, .dim)]
            }
            body = body.flatMap { $0.wrapped(to: columns) }
            let current = frame?.frame.explanation.line
            let wantSource = current == nil || state.help ? 0 : source.lines.count
            let sourceHeight = min(wantSource, max(min(3, available - 1), available - 1 - body.count))
            if sourceHeight > 0 {
                lines += source.render(source.window(around: current, height: sourceHeight), current: current)
                lines.append(StyledLine(String(repeating: "─", count: columns), .dim))
            }
            let room = max(rows - 1 - lines.count, 0)
            if body.count > room {
                let hidden = body.count - room + 1
                body = Array(body.prefix(max(room - 1, 0)))
                if room > 0 { body.append(StyledLine("… \(hidden) more lines: enlarge the window", .dim)) }
            }
            lines += body
        }
        while lines.count < rows - 1 { lines.append(StyledLine()) }
        if rows > 1 { lines.append(footer) }
        return lines.prefix(rows).map { $0.truncated(to: columns).rendered(color: color) }
    }

    /// The screen drawn from the top left, each line cleared to its end.
    func render(_ lines: [String]) -> String {
        "\u{1B}[H" + lines.map { $0 + "\u{1B}[K" }.joined(separator: "\r\n") + "\u{1B}[J"
    }

    static func environment() -> [String: String] {
        var out: [String: String] = [:]
        for key in ["NO_COLOR", "COLUMNS"] {
            if let v = getenv(key) { out[key] = String(cString: v) }
        }
        return out
    }
}

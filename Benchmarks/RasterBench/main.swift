import Foundation
import Raster

// Times Raster on 1920×1080 frames: drawing alone, the PNG encoder against cairo's
// cairo_surface_write_to_png, the encoder's filter/level/strategy choices, parallel
// rendering, and a PDF of the frames. Prints a Markdown report; `--out DIR` also keeps
// the PNGs and the PDF for looking at.
// Usage: raster-bench [--runs N] [--frames N] [--out DIR] [--svg-dir DIR]

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let runs = option("--runs").flatMap(Int.init) ?? 9
let frameCount = max(1, option("--frames").flatMap(Int.init) ?? 16)
let outDir = option("--out").map { URL(fileURLWithPath: $0) }
let (width, height) = (1920, 1080)
// The frames gradviz wrote into `--svg-dir DIR` (the middle one for single-frame timings), or synthetic ones.
let svgDir = option("--svg-dir")
let givenFrames = svgDir.map { dir in
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".svg") }.sorted()
        .prefix(frameCount).compactMap { try? String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
} ?? []
if let svgDir, givenFrames.isEmpty {
    FileHandle.standardError.write("raster-bench: no readable .svg files in \(svgDir)\n".data(using: .utf8) ?? Data())
    exit(1)
}
let frames = givenFrames.isEmpty ? (0..<frameCount).map { BenchFrames.make(step: $0) } : Array(givenFrames)
let frame = frames[frames.count / 2]
let source = svgDir.map { "frame \(frames.count / 2 + 1) of \(frames.count) SVGs in \($0)" } ?? "a synthetic lesson-like frame"

/// Milliseconds of CPU time this thread has used (the machine is shared, so wall clock is noisy).
func threadCPUms() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}

/// Milliseconds of CPU time all threads of the process have used.
func processCPUms() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}

func wallMS() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }

/// Median milliseconds (by `clock`) of `runs` runs of `body`, after one warm-up run.
func median(_ runs: Int, clock: () -> Double = threadCPUms, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = clock()
        try body()
        times.append(clock() - start)
    }
    return times.sorted()[times.count / 2]
}

/// The 1-minute load average, to judge how busy the machine was during the wall-clock runs.
func load() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}

func ms(_ value: Double) -> String { String(format: "%.1f", value) }
func kb(_ bytes: Int) -> String { String(format: "%.0f", Double(bytes) / 1024) }

do {
    let drawMS = try median(runs) { try Raster.withPixels(svg: frame, width: width, height: height) { _ in } }
    var ours = Data(), theirs = Data()
    let (oursMS, cairoMS) = try Raster.withPixels(svg: frame, width: width, height: height) { pixels in
        (try median(runs) { ours = try PNGEncoder.encode(pixels, options: Raster.pngOptions) },
         try median(runs) { theirs = try Raster.cairoPNG(pixels) })
    }
    let totalMS = try median(runs) { _ = try Raster.png(svg: frame, width: width, height: height) }

    print("## Raster: one 1920×1080 frame (\(source); median of \(runs) runs, CPU ms of the rendering thread)\n")
    print("| step | ms | PNG KiB |")
    print("|---|---|---|")
    print("| draw (librsvg + cairo into pixels) | \(ms(drawMS)) | – |")
    print("| encode: gradviz's encoder (\(Raster.pngOptions)) | \(ms(oursMS)) | \(kb(ours.count)) |")
    print("| encode: cairo_surface_write_to_png (libpng defaults) | \(ms(cairoMS)) | \(kb(theirs.count)) |")
    print("| Raster.png (draw + encode) | \(ms(totalMS)) | \(kb(ours.count)) |")

    print("\n### Encoder settings on the same pixels (that frame; a crowded synthetic 720-node frame)\n")
    print("| filter | zlib level | strategy | encode ms | PNG KiB | crowded: encode ms | crowded: PNG KiB |")
    print("|---|---|---|---|---|---|---|")
    let settings = PNGOptions.Filter.allCases.flatMap { filter in
        [(1, PNGOptions.Strategy.standard), (1, .rle), (2, .standard), (3, .standard), (6, .standard), (6, .filtered)]
            .map { PNGOptions(filter: filter, level: Int32($0.0), strategy: $0.1) }
    }
    var rows = settings.map { "| \($0.filter.rawValue) | \($0.level) | \($0.strategy.rawValue) |" }
    for svg in [frame, BenchFrames.dense()] {
        try Raster.withPixels(svg: svg, width: width, height: height) { pixels in
            for (i, options) in settings.enumerated() {
                var png = Data()
                let t = try median(max(3, runs / 2)) { png = try PNGEncoder.encode(pixels, options: options) }
                rows[i] += " \(ms(t)) | \(kb(png.count)) |"
            }
        }
    }
    rows.forEach { print($0) }

    let threads = ProcessInfo.processInfo.activeProcessorCount
    let batchRuns = max(1, runs / 3)
    var serial: [Data] = [], parallel: [Data] = [], pdf = Data()
    /// (wall ms, CPU ms of all threads) of `body`, medians of `batchRuns` runs.
    func both(_ body: () throws -> Void) rethrows -> (Double, Double) {
        (try median(batchRuns, clock: wallMS, body), try median(batchRuns, clock: processCPUms, body))
    }
    let serialMS = try both { serial = try frames.map { try Raster.png(svg: $0, width: width, height: height) } }
    let parallelMS = try both { parallel = try Raster.pngs(frames, width: width, height: height, threads: threads) }
    // Each call of pngs starts new threads, and pango gives each thread a font map of its own.
    let freshThreadMS = try both { _ = try Raster.pngs([frame], width: width, height: height, threads: 1) }
    let pdfMS = try both { pdf = try Raster.pdf(pages: frames, pageWidth: 960, pageHeight: 540) }

    print("\n### \(frames.count) frames (median of \(batchRuns); machine load \(load()) on \(threads) cores)\n")
    print("| work | wall ms | CPU ms (all threads) | wall ms per frame |")
    print("|---|---|---|---|")
    func row(_ name: String, _ t: (Double, Double), frames n: Int) {
        print("| \(name) | \(ms(t.0)) | \(ms(t.1)) | \(ms(t.0 / Double(n))) |")
    }
    row("Raster.png, one frame after another", serialMS, frames: frames.count)
    row("Raster.pngs on \(threads) threads (bytes identical to serial: \(parallel == serial))", parallelMS, frames: frames.count)
    row("Raster.pngs of 1 frame on a new thread (font map built afresh)", freshThreadMS, frames: 1)
    row("Raster.pdf, \(frames.count) pages of 960×540 pt (\(kb(pdf.count)) KiB)", pdfMS, frames: frames.count)

    if let outDir {
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        try ours.write(to: outDir.appendingPathComponent("frame.png"))
        try theirs.write(to: outDir.appendingPathComponent("frame-cairo.png"))
        try pdf.write(to: outDir.appendingPathComponent("frames.pdf"))
        try frame.write(to: outDir.appendingPathComponent("frame.svg"), atomically: true, encoding: .utf8)
        try Raster.png(svg: BenchFrames.dense(), width: width, height: height).write(to: outDir.appendingPathComponent("crowded.png"))
    }
} catch {
    FileHandle.standardError.write("raster-bench: \(error)\n".data(using: .utf8) ?? Data())
    exit(1)
}

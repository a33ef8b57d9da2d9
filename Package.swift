// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// CI builds the project's own targets with warnings as errors (`GRADVIZ_WERROR=1`).
let strict: [SwiftSetting] = ProcessInfo.processInfo.environment["GRADVIZ_WERROR"] == nil ? [] : [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "gradviz",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Autograd", targets: ["Autograd"]),
        .library(name: "Trace", targets: ["Trace"]),
        .library(name: "Torch", targets: ["Torch"]),
        .library(name: "Raster", targets: ["Raster"]),
        .executable(name: "gradviz", targets: ["gradviz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libgvc (Graphviz) as a C module, found through pkg-config
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // librsvg + cairo (+ GLib for GError and GObject lifetimes) as a C module, found through pkg-config
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),
        // zlib's deflate and crc32 for the PNG encoder (and crc32 for torch.save's zip archives)
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // SVG text -> librsvg -> cairo -> PNG (own encoder) / PDF (one page per SVG), in process
        .target(name: "Raster", dependencies: ["CRsvg", "CZlib"]),
        // times Raster's PNG path against cairo's PNG writer and the encoder's filter/level choices
        .executableTarget(name: "raster-bench", dependencies: ["Raster"], path: "Benchmarks/RasterBench"),
        // cairo + pango as a C module, found through pkg-config (pangocairo brings both)
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // figure model (axes, artists, ticks, contours) -> cairo -> SVG / PNG / PDF, in matplotlib's style
        .target(name: "Plot", dependencies: ["CCairo"]),
        // matplotlib / matplotlib.pyplot for the interpreter: lesson values -> Plot figures -> files and observers
        .target(name: "Matplotlib", dependencies: ["Python", "Plot", "PyFormat"]),
        // Python's float repr, str.format and %-formatting, shared by the interpreter and tensor printing
        .target(name: "PyFormat"),
        // float32/float64 matrix-product kernels in C: vectorised across output elements, each
        // element summed in its fixed order; AVX2 + FMA chosen at run time, portable C otherwise.
        // Always optimised (the tests run them too) and never contracting a*b+c on its own.
        .target(
            name: "CKernels",
            cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off"])],
            linkerSettings: [.linkedLibrary("m")]
        ),
        // tensors -> ops recorded as grad_fn nodes -> backward engine -> gradients
        .target(name: "Autograd", dependencies: ["PyFormat", "CKernels"]),
        // engine + interpreter reports -> typed events, scenes of the program's state, explanations
        .target(name: "Trace", dependencies: ["Autograd", "Python", "PyFormat"]),
        // scenes + explanations -> laid-out frames -> SVG / PNG / PDF, manifest, player
        .target(name: "Render", dependencies: ["Trace", "Autograd", "CGraphviz", "Raster"]),
        // explanations -> the terminal step-through
        .target(name: "Stepper", dependencies: ["Trace"]),
        // lesson source -> tokens -> AST -> closures -> run (the Python subset, no torch)
        .target(name: "Python", dependencies: ["PyFormat"]),
        // torch, torch.nn, torch.optim for the interpreter over Autograd; a lesson run reported to Trace
        .target(name: "Torch", dependencies: ["Python", "Autograd", "Trace", "Matplotlib", "CZlib"]),
        // command line: argument parsing and wiring only
        .executableTarget(
            name: "gradviz",
            dependencies: [
                "Torch", "Trace", "Render", "Stepper", "Autograd", "Python", "Matplotlib", "CKernels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AutogradTests", dependencies: ["Autograd", "PyFormat", "CKernels"],
            exclude: ["Formatting/format_cases.json", "Kernels/kernel_cases.json", "Random/random_cases.json", "Reduction/sum_cases.json"]
        ),
        .testTarget(name: "TraceTests", dependencies: ["Trace", "Torch", "Autograd", "Python"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Trace", "Torch"]),
        .testTarget(name: "StepperTests", dependencies: ["Stepper", "Trace", "Torch"]),
        .testTarget(name: "PythonTests", dependencies: ["Python"]),
        .testTarget(name: "GradvizTests", dependencies: ["gradviz"]),
        .testTarget(name: "RasterTests", dependencies: ["Raster", "CRsvg", "CZlib"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "Matplotlib", "Torch"],
                    exclude: ["References", "tick_cases.json"]),
    ],
    swiftLanguageModes: [.v5]
)

// (Swift targets only: CKernels is C.)
for target in package.targets where target.type != .system && target.name != "CKernels" {
    target.swiftSettings = (target.swiftSettings ?? []) + strict
}

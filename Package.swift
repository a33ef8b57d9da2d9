// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "gradviz",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Autograd", targets: ["Autograd"]),
        .library(name: "Trace", targets: ["Trace"]),
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
        // tensors -> ops recorded as grad_fn nodes -> backward engine -> gradients
        .target(name: "Autograd"),
        // engine events -> trace -> DOT -> SVG / PNG / PDF, and the terminal stepper
        .target(name: "Trace", dependencies: ["Autograd", "CGraphviz"]),
        // lesson source -> tokens -> AST -> run on Autograd, narrated into Trace
        .target(name: "Lesson", dependencies: ["Autograd", "Trace"]),
        // command line: argument parsing and wiring only
        .executableTarget(
            name: "gradviz",
            dependencies: [
                "Lesson", "Trace", "Autograd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AutogradTests", dependencies: ["Autograd"],
            exclude: ["Formatting/format_cases.json", "Kernels/kernel_cases.json", "Random/random_cases.json", "Reduction/sum_cases.json"]
        ),
        .testTarget(name: "TraceTests", dependencies: ["Trace", "Autograd"], exclude: ["Stepper/Goldens"]),
        .testTarget(name: "LessonTests", dependencies: ["Lesson", "Autograd", "Trace"]),
        .testTarget(name: "GradvizTests", dependencies: ["gradviz"]),
    ],
    swiftLanguageModes: [.v5]
)

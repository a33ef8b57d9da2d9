import Foundation

/// Python's `warnings` output for the warnings PyTorch gives lessons, shown once per
/// location as Python's default filter does.
final class TorchWarnings {
    /// The warnings of the lesson running on this thread.
    static var current: TorchWarnings? {
        get { Thread.current.threadDictionary[key] as? TorchWarnings }
        set { Thread.current.threadDictionary[key] = newValue }
    }
    private static let key = "gradviz.TorchWarnings"

    private let sink: (String) -> Void
    private let fileName: String
    private let lines: [Substring]
    private var seen = Set<String>()
    /// The lesson's `warnings` filters: whether a UserWarning with this message, file, line and
    /// module is shown (nil: shown once per location, Python's default).
    private let passes: ((_ message: String, _ file: String, _ line: Int, _ module: String) -> Bool)?

    init(fileName: String, source: String, passes: ((String, String, Int, String) -> Bool)? = nil,
         sink: @escaping (String) -> Void) {
        self.fileName = fileName
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        self.passes = passes
        self.sink = sink
    }

    /// A warning raised from C++ (`TORCH_WARN`): Python attributes it to the lesson line running.
    static func fromLesson(_ message: String, line: Int) {
        guard let w = current else { return }
        let source = line >= 1 && line <= w.lines.count ? w.lines[line - 1].trimmingCharacters(in: .whitespaces) : ""
        w.emit(file: w.fileName, line: line, module: "__main__", message: message, sourceLine: source)
    }

    /// A warning raised by torch's own Python code, attributed to that code.
    static func fromTorch(file: String, line: Int, sourceLine: String, message: String) {
        // torch/autograd/graph.py is the module torch.autograd.graph.
        let module = file.hasPrefix(torchRoot)
            ? "torch" + file.dropFirst(torchRoot.count).replacingOccurrences(of: "/", with: ".").replacingOccurrences(of: ".py", with: "")
            : file
        current?.emit(file: file, line: line, module: module, message: message, sourceLine: sourceLine)
    }

    private func emit(file: String, line: Int, module: String, message: String, sourceLine: String) {
        if let passes {
            guard passes(message, file, line, module) else { return }
        } else {
            guard seen.insert("\(file):\(line)\u{0}\(message)").inserted else { return }
        }
        sink("\(file):\(line): UserWarning: \(message)\n  \(sourceLine)\n")
    }

    static let nonLeafGrad = "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more information. (Triggered internally at /__w/pytorch/pytorch/build/aten/src/ATen/core/TensorBody.h:488.)"

    static let createGraphCycle = "Using backward() with create_graph=True will create a reference cycle between the parameter and its gradient which can cause a memory leak. We recommend using autograd.grad when creating the graph to avoid this. If you have to use this function, make sure to reset the .grad fields of your parameters to None after use to break the cycle and avoid the leak. (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/engine.cpp:1445.)"

    /// Where torch 2.15 raises the create_graph warning from.
    static func warnCreateGraph() {
        fromTorch(file: torchRoot + "/autograd/graph.py", line: 1113,
                  sourceLine: "return Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass",
                  message: createGraphCycle)
    }

    static let torchRoot = "/usr/lib/python3/dist-packages/torch"
}


import Foundation
import Testing
import Trace
@testable import Render

/// What the player page carries: JSON that survives inside a script element, and PyTorch's
/// printed form of the tensors in a scene.
@Suite struct PlayerDataTests {
    @Test(arguments: ["</script><script>alert(1)</script>", "<!-- a -->", "a < b </SCRIPT", "plain"])
    func scriptDataCannotEndItsElement(text: String) throws {
        let json = JSONValue.array([.string(text), .object(["svg": .string("<svg><title>\(text)</title></svg>")])])
        let element = ScriptData.element(id: "d", json: json)
        let body = element.dropFirst("<script id=\"d\" type=\"application/json\">".count).dropLast("</script>\n".count)
        #expect(!body.lowercased().contains("</script") && !body.contains("<!--"))
        // The escapes are JSON's own: the data parses back to the same strings.
        let back = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [Any])
        #expect(back.first as? String == text)
    }

    @Test func reprIsWhatPrintShows() {
        let x = TensorValues(elements: [3], shape: [], dtype: "torch.float32")
        #expect(Manifest.repr(x, requiresGrad: true, gradFn: nil, parameter: false) == "tensor(3., requires_grad=True)")
        #expect(Manifest.repr(x, requiresGrad: true, gradFn: "MulBackward0", parameter: false) == "tensor(3., grad_fn=<MulBackward0>)")
        let w = TensorValues(elements: [0.5, -1.25], shape: [2], dtype: "torch.float32")
        #expect(Manifest.repr(w, requiresGrad: true, gradFn: nil, parameter: true)
                == "Parameter containing:\ntensor([ 0.5000, -1.2500], requires_grad=True)")
        let n = TensorValues(elements: [1, 2], shape: [2], dtype: "torch.int64")
        #expect(Manifest.repr(n, requiresGrad: false, gradFn: nil, parameter: false) == "tensor([1, 2])")
        let d = TensorValues(elements: [1], shape: [1], dtype: "torch.float64")
        #expect(Manifest.repr(d, requiresGrad: false, gradFn: nil, parameter: false) == "tensor([1.], dtype=torch.float64)")
    }

    @Test func reprNeedsEveryValue() {
        // Up to 256 elements the summary keeps every value (its heat strip), so it prints.
        let mid = TensorValues(elements: (0..<100).map(Double.init), shape: [100], dtype: "torch.float32")
        #expect(Manifest.repr(mid, requiresGrad: false, gradFn: nil, parameter: false)?.hasPrefix("tensor([ 0.,  1.,") == true)
        let big = TensorValues(elements: (0..<300).map(Double.init), shape: [300], dtype: "torch.float32")
        #expect(Manifest.repr(big, requiresGrad: false, gradFn: nil, parameter: false) == nil)
        let odd = TensorValues(elements: [1], shape: [1], dtype: "torch.complex64")
        #expect(Manifest.repr(odd, requiresGrad: false, gradFn: nil, parameter: false) == nil)
    }
}

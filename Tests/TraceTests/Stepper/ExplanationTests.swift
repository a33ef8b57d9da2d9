import Testing
@testable import Trace

/// What the step-through says about each kind of event, on traces recorded through the engine.
@Suite struct ExplanationTests {
    static func transcript(_ scenario: Scenario, width: Int = 100) throws -> String {
        try IsolatedTrace.stepper(scenario).transcript(color: false, width: width)
    }

    @Test func smallTensorsGetOneLineOfArithmeticPerElement() throws {
        let t = try Self.transcript(.vector)
        #expect(t.contains("forward  mul: y = w·x"))
        #expect(t.contains("y[1]       2·(-1) = -2"))
        #expect(t.contains("loss       0.5 + (-2) + 6 + 0 = 4.5"))
        #expect(t.contains("local      ∂loss/∂y = 1"))
        #expect(t.contains("local      ∂y/∂w = x"))
        #expect(t.contains("chain rule ∂loss/∂w = ∂loss/∂y · ∂y/∂w"))
        #expect(t.contains("[1]      2 · (-1) = -2"))
        #expect(t.contains("w.grad = [1, -2, 4, 0]"))
    }

    @Test func hooksSayWhatTheySawAndReturned() throws {
        let t = try Self.transcript(.vector)
        #expect(t.contains("hook  a hook on y sees its gradient"))
        #expect(t.contains("called with ∂loss/∂y = [1, 1, 1, 1]"))
        #expect(t.contains("returned   [2, 2, 2, 2]"))
        #expect(t.contains("the returned tensor replaces the gradient"))
    }

    @Test func accumulationShowsBeforePlusIncomingEqualsAfter() throws {
        let t = try Self.transcript(.vector)
        #expect(t.contains("rule       w.grad = w.grad before + ∂loss/∂w"))
        #expect(t.contains("w.grad[0] = 1 + 1 = 2"))
        #expect(t.contains("w.grad[1] = -2 + (-2) = -4"))
        #expect(t.contains("retain_graph=True: saved tensors are kept"))
        #expect(t.contains("the saved tensors of 1 node were freed"))
    }

    @Test func largeTensorsGetShapesAndSummaries() throws {
        let t = try Self.transcript(.large)
        #expect(t.contains("a          shape [2, 4], min 0, max 7, mean 3.5"))
        #expect(t.contains("local      ∂b/∂a² = 1 / 8"))
        #expect(t.contains("local      ∂a²/∂a = 2·a"))
        #expect(t.contains("elementwise over shape [2, 4]"))
        #expect(t.contains("result   shape [2, 4], min 0, max 1.75, mean 0.875"))
        #expect(t.contains("a.grad = shape [2, 4], min 0, max 1.75, mean 0.875"))
        #expect(!t.contains("[0, 1, 2, 3"), "no element lists beyond four elements")
    }

    @Test func unnamedResultsAreNamedByTheirExpression() throws {
        let t = try Self.transcript(.intermediates)
        #expect(t.contains("forward  pow: x³"))
        #expect(t.contains("x³         2³ = 8"))
        #expect(t.contains("exp(x³)    exp(8) = 2981"))
        #expect(t.contains("forward  add: t₉ = (exp(x³) / 100) + (v·x)"), "long expressions get a placeholder, defined here")
        #expect(t.contains("local      ∂x³/∂x = 3·x² = 12"))
        #expect(t.contains("59.62 · 3·2² = 715.4"))
        #expect(t.contains("0.02 · exp(8) = 0.02 · 2981 = 59.62"))
    }

    @Test func broadcastInputsSumTheGradientsOfTheirCopies() throws {
        let t = try Self.transcript(.intermediates)
        #expect(t.contains("chain rule ∂out/∂x = Σ ∂out/∂(v·x) · ∂(v·x)/∂x"))
        #expect(t.contains("x (shape []) was broadcast to shape [2]"))
        #expect(t.contains("1 · 1 + 1 · 2 = 3"))
        #expect(t.contains("local      ∂t₉/∂(v·x) = 1"), "alpha of add is 1")
    }

    @Test func gradientsFromSeveralPathsAdd() throws {
        let t = try Self.transcript(.intermediates)
        #expect(t.contains("2 paths lead here (from MulBackward0, PowBackward0): their gradients add"))
        #expect(t.contains("sum        3 + 715.4 = 718.4"))
        #expect(t.contains("x.grad = 718.4"))
    }

    @Test func gradModeStepZeroGradAndInPlaceHaveTheirOwnWords() throws {
        let t = try Self.transcript(.optimizer)
        #expect(t.contains("grad mode  gradient recording is off"))
        #expect(t.contains("grad mode  gradient recording is on"))
        #expect(t.contains("in place  w is changed in place"))
        #expect(t.contains("step  the optimizer updates the parameters"))
        #expect(t.contains("rule       w ← w − lr · w.grad  (lr = 0.1)"))
        #expect(t.contains("w[1]       -2 → -1.6"))
        #expect(t.contains("zero_grad  gradients set to None"))
        #expect(t.contains("w.grad     None (was [2, -4])"))
        #expect(t.contains("· pass 2 ─"))
        #expect(t.contains("[1]      1 · 2·(-2) = -4"))
    }

    @Test func gradientsAreCalledByTheLeafTheyBelongTo() throws {
        let t = try Self.transcript(.optimizer)
        #expect(t.contains("forward  mul: 0.1·w.grad"))
        #expect(t.contains("(0.1·w.grad)[1] 0.1·(-4) = -0.4"))
    }

    @Test(arguments: [40, 60, 100])
    func transcriptLinesFitTheWidth(_ width: Int) throws {
        for scenario in Scenario.allCases {
            let t = try Self.transcript(scenario, width: width)
            for line in t.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(line)")
            }
        }
    }

    @Test func colourIsAnsiOnTopOfTheSameText() throws {
        let stepper = try IsolatedTrace.stepper(.seed)
        let plain = stepper.transcript(color: false, width: 80)
        let colored = stepper.transcript(color: true, width: 80)
        #expect(colored.contains("\u{1B}[1;33m"))
        #expect(ScreenTests.stripANSI(colored).split(separator: "\n").map { $0.trailingSpacesRemoved }
                == plain.split(separator: "\n").map { String($0) })
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(StepThrough.colorEnabled(environment: [:], isTTY: true))
        #expect(!StepThrough.colorEnabled(environment: [:], isTTY: false))
        #expect(!StepThrough.colorEnabled(environment: ["NO_COLOR": "1"], isTTY: true))
        #expect(StepThrough.colorEnabled(environment: ["NO_COLOR": ""], isTTY: true), "no-color.org: an empty value does not count")
    }

    @Test func emptyTraceSaysSo() {
        let t = StepThrough(events: [], source: "", fileName: "empty.txt").transcript(color: false, width: 80)
        #expect(t.contains("0 steps"))
        #expect(t.contains("nothing to step through"))
    }
}

extension Substring {
    var trailingSpacesRemoved: String { String(self).trailingSpacesRemoved }
}

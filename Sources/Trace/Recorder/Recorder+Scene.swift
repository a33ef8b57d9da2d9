import Autograd

extension Recorder {
    /// The program's state at `event`: its roots, the running statement's temporaries, the
    /// running backward pass's roots, and what that backward pass has delivered so far.
    func captureScene(for event: TraceEvent) -> Scene {
        var capture = SceneCapture(roots: roots?.sceneRoots() ?? [])
        capture.held = temporaries.compactMap(\.tensor) + (backward?.roots ?? [])
        capture.tensorLines = tensorLines
        capture.nodeLines = nodeLines
        capture.tensorModules = tensorModules
        capture.nodeModules = nodeModules
        if let b = backward {
            capture.flow.edges = b.flows
            capture.flow.seeds = b.seeds
            capture.flow.accumulating = b.accumulating
        }
        if let b = backward { capture.flow.arrived = b.arrivedAtNode }
        capture.previous = lastScene
        let scene = capture.capture()
        lastScene = scene
        for n in scene.nodes {
            if case .tensor(let t) = n.content, let name = t.name, case .tensor(let id) = n.id { names[id] = name }
        }
        return scene
    }
}

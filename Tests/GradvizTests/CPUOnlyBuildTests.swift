import Foundation
import Testing

/// What a CPU-only build of PyTorch does where the goldens' PyTorch (built with CUDA,
/// without a GPU) answers differently: asking for CUDA fails with an AssertionError,
/// and the profiler prints no timings.
@Suite struct CPUOnlyBuildTests {
    /// Runs `source` as a lesson in a temporary folder.
    static func run(_ source: String) throws -> CLIRunner.Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-cpu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try source.write(to: dir.appendingPathComponent("lesson.txt"), atomically: true, encoding: .utf8)
        return try CLIRunner.run(["lesson.txt"], in: dir)
    }

    static func lastErrorLine(_ r: CLIRunner.Result) -> String {
        r.stderr.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test(arguments: [
        "torch.ones(2).cuda()",
        "torch.zeros(2, device='cuda')",
        "torch.tensor([1.0], device=torch.device('cuda:0'))",
        "torch.ones(2).to('cuda')",
        "torch.nn.Linear(2, 2).cuda()",
        "torch.cuda.current_device()",
    ])
    func cudaFailsAsWithoutCUDA(_ statement: String) throws {
        let r = try CPUOnlyBuildTests.run("import torch\nprint('before')\n\(statement)\n")
        #expect(r.stdout == "before\n")
        #expect(CPUOnlyBuildTests.lastErrorLine(r) == "AssertionError: Torch not compiled with CUDA enabled")
        #expect(r.status == 1)
    }

    @Test func versionAndCudaQueries() throws {
        let r = try CPUOnlyBuildTests.run("""
            import torch
            print(torch.__version__, torch.version.cuda, torch.cuda.is_available(), torch.accelerator.current_accelerator())
            print(torch.ones(2).to('cpu').device, torch.get_default_device())
            """)
        #expect(r.stdout == "2.15.0 None False None\ncpu cpu\n")
    }

    @Test func profilerTablesPrint() throws {
        let r = try CPUOnlyBuildTests.run("""
            import torch
            x = torch.ones(3, requires_grad=True)
            with torch.autograd.profiler.profile() as prof:
                (x * 2).sum().backward()
            print(prof.key_averages().table(sort_by="self_cpu_time_total").splitlines()[1].split())
            print(str(prof).endswith("Self CPU time total: 0.000us\\n"), x.grad)
            """)
        #expect(r.stdout == "['Name', 'Self', 'CPU', '%', 'Self', 'CPU', 'CPU', 'total', '%', 'CPU', 'total', 'CPU', 'time', 'avg', '#', 'of', 'Calls']\nTrue tensor([2., 2., 2.])\n")
        #expect(r.status == 0)
    }
}

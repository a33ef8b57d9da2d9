import Python
import Autograd

/// `torch.cuda`, `torch.backends` and the default-device functions, as a CPU-only build of
/// PyTorch has them: no accelerator is available, and asking to use one fails the way it
/// fails there.
enum DeviceModules {
    static func notCompiled(_ name: String) -> PyValue {
        TorchModule.fn(name) { _, _ in throw PyException(.assertionError, "Torch not compiled with CUDA enabled") }
    }

    static func constant(_ name: String, _ value: PyValue) -> PyValue {
        TorchModule.fn(name) { _, _ in value }
    }

    static func cuda() -> PyModuleObject {
        let m = PyModuleObject(name: "torch.cuda")
        m.set("is_available", constant("is_available", .bool(false)))
        m.set("device_count", constant("device_count", .int(0)))
        m.set("is_initialized", constant("is_initialized", .bool(false)))
        // Seeding CUDA is silently deferred when there is no CUDA, so lessons may call it.
        for name in ["manual_seed", "manual_seed_all", "seed", "seed_all", "empty_cache"] {
            m.set(name, TorchModule.fn(name) { _, _ in .none })
        }
        for name in ["current_device", "get_device_name", "get_device_properties", "get_device_capability", "synchronize",
                     "set_device", "memory_allocated", "max_memory_allocated", "memory_reserved", "init"] {
            m.set(name, notCompiled(name))
        }
        return m
    }

    static func backends() -> PyModuleObject {
        let m = PyModuleObject(name: "torch.backends")
        let mps = PyModuleObject(name: "torch.backends.mps")
        mps.set("is_available", constant("is_available", .bool(false)))
        mps.set("is_built", constant("is_built", .bool(false)))
        m.set("mps", .object(mps))
        let cudnn = PyModuleObject(name: "torch.backends.cudnn")
        cudnn.set("enabled", .bool(true))
        cudnn.set("benchmark", .bool(false))
        cudnn.set("deterministic", .bool(false))
        cudnn.set("is_available", constant("is_available", .bool(false)))
        m.set("cudnn", .object(cudnn))
        return m
    }

    static func install(in torch: TorchModuleObject) {
        torch.set("device", .object(DeviceClass.shared))
        torch.set("cuda", .object(cuda()))
        torch.set("backends", .object(backends()))
        let accelerator = PyModuleObject(name: "torch.accelerator")
        accelerator.set("is_available", constant("is_available", .bool(false)))
        accelerator.set("device_count", constant("device_count", .int(0)))
        accelerator.set("current_accelerator", constant("current_accelerator", .none))
        torch.set("accelerator", .object(accelerator))
        let version = PyModuleObject(name: "torch.version")
        version.set("__version__", .str(TorchModule.version))
        version.set("cuda", .none)
        version.set("debug", .bool(false))
        torch.set("version", .object(version))
        let nn = PyModuleObject(name: "torch._C._nn")
        nn.set("_parse_to", TorchModule.fn("_parse_to") { args, _ in
            let r = try ToArguments.parse(args)
            return .tuple([r.device.map { .object($0) } ?? .none, r.dtype.map { .object(DTypeObject.of($0)) } ?? .none,
                           .bool(r.nonBlocking), .none])
        })
        let c = PyModuleObject(name: "torch._C")
        c.set("_nn", .object(nn))
        torch.set("_C", .object(c))
        torch.set("set_default_device", TorchModule.fn("set_default_device") { [unowned torch] args, _ in
            let b = try args.bind(signature: "set_default_device(device)")
            torch.defaultDevice = b["device"].isNone ? .cpu : try DeviceObject.from(b["device"], function: "set_default_device")
            return .none
        })
        torch.set("get_default_device", TorchModule.fn("get_default_device") { [unowned torch] _, _ in
            .object(torch.defaultDevice)
        })
    }
}

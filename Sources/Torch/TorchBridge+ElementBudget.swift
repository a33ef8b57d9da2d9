import Python
import Autograd

// Factories refuse tensors past `Tensor.maxElements`, but `expand` makes views of any size
// without allocating (as PyTorch's). An operation on such a view would materialize or visit
// every element: it is refused with the limit's error instead of exhausting memory or time.
extension TorchBridge {
    /// Tensor methods and `torch` functions that only read a tensor's metadata or make a view
    /// of it, and printing, which reads only the elements it shows.
    static let viewOnly: Set<String> = [
        "size", "dim", "ndimension", "numel", "nelement", "stride", "storage_offset", "is_contiguous",
        "element_size", "expand", "expand_as", "broadcast_to", "detach", "detach_", "requires_grad_", "retain_grad",
        "t", "transpose", "swapaxes", "swapdims", "permute", "movedim", "moveaxis", "unsqueeze", "squeeze", "narrow",
        "select", "unbind", "split", "chunk", "diagonal", "type", "is_floating_point", "is_complex", "get_device",
        "__repr__", "__str__", "__format__", "register_hook", "is_leaf", "data_ptr",
    ]

    /// Throws the element limit's error when an operation named `name` would compute with a
    /// tensor among `receiver` and `args` (or in a list or tuple among them) past the limit.
    static func checkElementBudget(_ name: String, receiver: Tensor? = nil, _ args: PyArgs) throws {
        if viewOnly.contains(name) { return }
        if let receiver { try checkElementBudget(receiver) }
        for v in args.positional { try checkElementBudget(v) }
        for k in args.keywords { try checkElementBudget(k.value) }
    }

    /// The check for one value, and the tensors directly inside a list or tuple.
    static func checkElementBudget(_ v: PyValue) throws {
        switch v {
        case .list(let l): for item in l.items { if let t = tensor(item) { try checkElementBudget(t) } }
        case .tuple(let items): for item in items { if let t = tensor(item) { try checkElementBudget(t) } }
        default: if let t = tensor(v) { try checkElementBudget(t) }
        }
    }

    /// Only an expanded view can be past the limit: the error names its shape and the limit.
    static func checkElementBudget(_ t: Tensor) throws {
        if t.numel > Tensor.maxElements { try run { try Tensor.validateShape(t.shape) } }
    }
}

/// `torch.autograd.profiler` and `torch.profiler` as context managers lessons can wrap
/// code in. gradviz measures no CPU times, so the tables they print list no events
/// (PyTorch's own tables hold timings that differ from run to run anyway).
enum ProfilerPrelude {
    static let source = #"""
import torch

_HEADERS = ["Name", "Self CPU %", "Self CPU", "CPU total %", "CPU total", "CPU time avg", "# of Calls"]

class EventList:
    def __init__(self, events=()):
        self.events = list(events)

    def __len__(self):
        return len(self.events)

    def __iter__(self):
        return iter(self.events)

    def table(self, sort_by=None, row_limit=100, max_src_column_width=75, max_name_column_width=55, max_shapes_column_width=80, header=None, top_level_events_only=False):
        widths = [max(len(h), 12) for h in _HEADERS]
        line = "  ".join("-" * w for w in widths) + "  "
        head = "  ".join(h.rjust(w) for h, w in zip(_HEADERS, widths)) + "  "
        return line + "\n" + head + "\n" + line + "\n" + line + "\nSelf CPU time total: 0.000us\n"

    def total_average(self):
        return None

class profile:
    def __init__(self, enabled=True, *, use_cuda=False, use_device=None, record_shapes=False, with_flops=False, profile_memory=False, with_stack=False, with_modules=False, use_kineto=True, use_cpu=True, experimental_config=None, acc_events=False, custom_trace_id_callback=None):
        self.enabled = enabled
        self.function_events = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.function_events = EventList()
        return False

    def key_averages(self, group_by_input_shape=False, group_by_stack_n=0, group_by_overload_name=False):
        return EventList()

    def table(self, sort_by=None, row_limit=100, **kwargs):
        return EventList().table(sort_by=sort_by, row_limit=row_limit)

    def export_chrome_trace(self, path):
        raise NotImplementedError("gradviz: unsupported: profiler traces (export_chrome_trace)")

    def __str__(self):
        return self.table()

    def __repr__(self):
        return self.table()

class record_function:
    def __init__(self, name, args=None):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return False
"""#

    /// `torch.profiler`: the same profile, with the activity names lessons pass to it.
    static let newSource = #"""
import torch
from torch.autograd.profiler import record_function, EventList
import torch.autograd.profiler as _legacy

class ProfilerActivity:
    CPU = "CPU"
    CUDA = "CUDA"
    MPS = "MPS"
    XPU = "XPU"

class profile(_legacy.profile):
    def __init__(self, *, activities=None, schedule=None, on_trace_ready=None, record_shapes=False, profile_memory=False, with_stack=False, with_flops=False, with_modules=False, experimental_config=None, execution_trace_observer=None, acc_events=False, use_cuda=None, custom_trace_id_callback=None):
        super().__init__()

    def step(self):
        pass
"""#
}

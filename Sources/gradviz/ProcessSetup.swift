import CKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the process settles before anything else runs, as CPython does at start-up.
enum ProcessSetup {
    static func prepare() {
        reopenClosedStandardStreams()
        // CPython ignores SIGPIPE: a closed pipe is a BrokenPipeError, not a silent death.
        signal(SIGPIPE, SIG_IGN)
        disableCrashPrompt()
        keepFreedMemory()
    }

    /// A training loop frees and allocates the same large tensors every step. By default
    /// glibc hands blocks above 128 KB back to the kernel (mmap/munmap, or trimming the heap),
    /// so each step faults the pages in again and zero-fills them: a third of a 784-256-10
    /// step's time went to page faults. Large blocks stay in the heap for reuse instead, up
    /// to 32 MB each (larger ones are still mapped and returned), and up to 256 MB of free
    /// heap is kept, as PyTorch's CPU caching keeps its blocks.
    static func keepFreedMemory() {
        ck_keep_freed_memory()
    }

    /// A standard stream closed by the caller (`>&-`) becomes /dev/null, so no file gradviz
    /// opens later takes its number, and output to it goes nowhere, as CPython's
    /// `sys.stdout = None` makes `print` do.
    static func reopenClosedStandardStreams() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }

    /// The Swift runtime's crash report waits 30 s for a key on a terminal ("Press space to
    /// interact"); a class in front of a crashed lesson should see the report and the prompt
    /// back at once. The runtime reads SWIFT_BACKTRACE before `main`, so gradviz sets it and
    /// starts itself again, once, only where the prompt would appear (standard input and output
    /// both terminals) and only when the user has not chosen settings of their own.
    static func disableCrashPrompt() {
        #if os(Linux)
        if let chosen = getenv(backtraceVariable), chosen.pointee != 0 { return }
        guard isatty(0) == 1, isatty(1) == 1 else { return }
        setenv(backtraceVariable, nonInteractive, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Not restarted (no /proc): carry on with the runtime's defaults.
        unsetenv(backtraceVariable)
        #endif
    }

    static let backtraceVariable = "SWIFT_BACKTRACE"
    static let nonInteractive = "interactive=no"
}

import Foundation

/// Runs independent jobs on a fixed number of threads of its own and collects the results in order.
///
/// Jobs are handed out in index order from one counter; after a job fails no new ones start,
/// and the failure reported is the one with the smallest index — the same one a serial loop
/// would have stopped at, since every smaller index had already been handed out.
enum FixedThreads {
    /// Stack size of each thread: 8 MiB, as the main thread has, since librsvg recurses
    /// over the SVG's element tree.
    static let stackSize = 8 << 20

    /// `(0..<count).map(job)`, computed on `threads` threads (at most one per job).
    static func map<T: Sendable>(
        count: Int, threads: Int, _ job: @escaping @Sendable (Int) throws -> T
    ) throws -> [T] {
        let state = State<T>(count: count)
        let workers = min(threads, count)
        let finished = DispatchGroup()
        for _ in 0..<workers {
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                while let index = state.claim() {
                    do {
                        state.store(try job(index), at: index)
                    } catch {
                        state.fail(error, at: index)
                    }
                }
            }
            thread.stackSize = stackSize
            thread.start()
        }
        finished.wait()
        return try state.results()
    }

    /// The counter, the results and the first failure, behind one lock.
    private final class State<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let count: Int
        private var values: [T?]
        private var failure: (index: Int, error: Error)?

        init(count: Int) {
            self.count = count
            values = Array(repeating: nil, count: count)
        }

        /// The next job's index, or nil when all are handed out or one has failed.
        func claim() -> Int? {
            lock.withLock {
                guard next < count, failure == nil else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func store(_ value: T, at index: Int) {
            lock.withLock { values[index] = value }
        }

        func fail(_ error: Error, at index: Int) {
            lock.withLock {
                if failure.map({ index < $0.index }) ?? true { failure = (index, error) }
            }
        }

        /// Every result in index order, or the failure with the smallest index.
        func results() throws -> [T] {
            try lock.withLock {
                if let failure { throw failure.error }
                return values.compactMap { $0 }
            }
        }
    }
}

import Foundation

/// A value computed on a thread of its own while the caller goes on: `values` reads the 8.7 texts for the verifier
/// while the migration runs, and builds the `--diff` while the verifier checks (BENCHMARKS.md, seventh pass).
///
/// The work takes only `Sendable` values and shares no mutable state with the caller, so its result is the one it
/// would give on the caller's thread: the output does not depend on the timing. `value` waits for the thread
/// (`pthread_join`) and gives the result; a value never read is waited for when it is dropped, so no thread outlives
/// it. When no thread can be started (`pthread_create` fails), the work runs at once on the caller's thread. The thread
/// blocks SIGINT, SIGTERM, SIGHUP and SIGQUIT: they go to the main thread, as without it.
public final class ConcurrentValue<Value: Sendable>: @unchecked Sendable {
    /// Written once by the thread, read only after it has been joined.
    private final class Box: @unchecked Sendable {
        var result: Value?
    }

    private let box = Box()
    /// The running thread; nil once joined, or when the work ran on the caller's thread.
    private var thread: pthread_t?

    /// Starts `work` on a new thread (16 MiB of stack, as much as the tree walks of a values file may need).
    public init(_ work: @escaping @Sendable () -> Value) {
        let box = self.box
        let runner = Unmanaged.passRetained(ConcurrentRunner { box.result = work() })
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 16 << 20)
        var handle = pthread_t()
        if pthread_create(&handle, &attributes, { context in
            ConcurrentRunner.blockDeferredSignals()
            Unmanaged<ConcurrentRunner>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, runner.toOpaque()) == 0 {
            thread = handle
        } else {
            runner.release()
            box.result = work()
        }
    }

    /// The result, once the work is done (waits for it). Read from the thread that made the value.
    public var value: Value {
        join()
        return box.result!
    }

    private func join() {
        guard let running = thread else { return }
        pthread_join(running, nil)
        thread = nil
    }

    deinit { join() }
}

/// The work of one `ConcurrentValue` thread, as a non-generic class that a C function pointer can start.
private final class ConcurrentRunner: @unchecked Sendable {
    let body: () -> Void

    init(_ body: @escaping () -> Void) {
        self.body = body
    }

    /// SIGINT, SIGTERM, SIGHUP and SIGQUIT are blocked on the work's thread, so that they reach the main thread, as
    /// when the command ran on one: it decides when they act (`ValuesOutput` holds them until the files are in).
    static func blockDeferredSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}

import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Hands a response to `HTTPTransport.send`'s callbacks on the event-loop thread, as NIO reads
/// it. AsyncHTTPClient's async API hands every head and body chunk to the awaiting task
/// instead, which resumes on another thread: one wake-up per network read, each waiting for a
/// free core, on the path from the first byte on the socket to the first byte on stdout. Here
/// decoding and printing run where the bytes arrive, as in curl's single thread.
///
/// An error status (400 and up) is not streamed: its body (up to 1 MiB) becomes the error.
/// A callback that throws fails the request (AHC then closes the connection) and its error is
/// the one `send` rethrows.
final class StreamingResponseDelegate: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = Void

    // Called only from the request's event loop, one call at a time, while `send` awaits the
    // task's result. AHC may keep the delegate after that, so `send` drops the closures (on the
    // event loop, after any callback in flight) before they stop being valid.
    private var onHead: ((HTTPResponseHead) throws -> Void)?
    private var onBytes: ((ByteBufferView) throws -> Void)?
    private var head: HTTPResponseHead?
    private var errorBody: [UInt8] = []
    /// The error a callback threw, if any; read by `send` after the task has finished.
    private(set) var callbackError: (any Error)?
    /// Set on the event loop by `dropCallbacks`; read by `send` once the task's future has
    /// completed. AHC can complete that future before the delegate's last call has returned
    /// (ThreadSanitizer caught the read racing `didFinishRequest`'s write), so it is locked.
    private let dropped = Locked(false)
    var callbacksDropped: Bool { dropped.withLock { $0 } }

    init(onHead: @escaping (HTTPResponseHead) throws -> Void, onBytes: @escaping (ByteBufferView) throws -> Void) {
        self.onHead = onHead
        self.onBytes = onBytes
    }

    func didReceiveHead(task: HTTPClient.Task<Void>, _ response: NIOHTTP1.HTTPResponseHead) -> EventLoopFuture<Void> {
        let head = HTTPResponseHead(
            status: Int(response.status.code),
            contentType: response.headers.first(name: "content-type") ?? "",
            headers: response.headers.map { ($0.name, $0.value) })
        self.head = head
        guard head.status < 400 else { return task.eventLoop.makeSucceededVoidFuture() }
        return run(task) { try onHead?(head) }
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        if let head, head.status >= 400 {
            if errorBody.count < 1 << 20 { errorBody += buffer.readableBytesView }
            return task.eventLoop.makeSucceededVoidFuture()
        }
        guard let onBytes else { return task.eventLoop.makeFailedFuture(CancellationError()) }
        return run(task) { try onBytes(buffer.readableBytesView) }
    }

    func didFinishRequest(task: HTTPClient.Task<Void>) throws {
        // The last call for this request, on the event loop: the callbacks can go now, and
        // `send` need not hop back onto the loop to drop them (two thread wake-ups at the end
        // of every answer).
        dropCallbacks()
        if let head, head.status >= 400 {
            throw ProviderError.fromHTTP(status: head.status, body: errorBody, retryAfter: RetryAfter.seconds(from: head))
        }
    }

    func didReceiveError(task: HTTPClient.Task<Void>, _ error: any Error) {
        dropCallbacks()  // terminal, like didFinishRequest
    }

    /// Forgets the callbacks: called on the event loop when the request ends, or by `send` once
    /// it has the task's result if neither of the delegate's last calls came.
    func dropCallbacks() {
        onHead = nil
        onBytes = nil
        dropped.withLock { $0 = true }
    }

    private func run(_ task: HTTPClient.Task<Void>, _ body: () throws -> Void) -> EventLoopFuture<Void> {
        do {
            try body()
            return task.eventLoop.makeSucceededVoidFuture()
        } catch {
            callbackError = error
            return task.eventLoop.makeFailedFuture(error)
        }
    }
}

import ArgumentParser
import Foundation

/// Output written to a temporary file beside its destination and moved into place when complete,
/// in chunks so memory does not grow with the output; `-` streams to standard output. A
/// destination that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is
/// written in place: moving a file over it would replace the device or pipe itself.
enum OutputFile {
    /// Bytes gathered before each write.
    static let chunk = 1 << 20

    static func write(_ path: String, _ body: (@escaping (String) throws -> Void) throws -> Void) throws {
        let buffer = WriteBuffer(destination: path == "-" ? "standard output" : path)
        // Runs `body` into `fd`, the last gathered bytes written at the end.
        func fill(_ fd: Int32) throws {
            buffer.fd = fd
            try body { try buffer.append($0) }
            try buffer.flush()
        }
        if path == "-" { return try fill(STDOUT_FILENO) }
        var status = stat()
        let inPlace = stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).tmp")
        let fd = inPlace ? open(path, O_WRONLY | O_CLOEXEC) : open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path) }
        if inPlace {
            defer { close(fd) }
            return try fill(fd)
        }
        var isOpen = true
        do {
            try fill(fd)
            isOpen = false
            guard close(fd) == 0 else { throw failure(path) }
            guard rename(temporary.path, destination.path) == 0 else { throw failure(path) }
        } catch {
            if isOpen { close(fd) }
            unlink(temporary.path)
            throw error
        }
    }

    /// Writes to standard output straight from the bytes' or text's own storage (`Console`'s results:
    /// a 500-page PDF's tables as JSON are megabytes, once copied twice on the way out), a refused
    /// write said as `write` says it.
    static func standardOutput(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeAll($0, to: STDOUT_FILENO, destination: "standard output") }
    }

    static func standardOutput(_ text: String) throws {
        var text = text
        try text.withUTF8 { try writeAll(UnsafeRawBufferPointer($0), to: STDOUT_FILENO, destination: "standard output") }
    }

    /// write(2) of all of `raw`, resumed after an interruption or a partial write; a failed write (a
    /// full disk) is said with the destination's name.
    private static func writeAll(_ raw: UnsafeRawBufferPointer, to fd: Int32, destination: String) throws {
        var done = 0
        while done < raw.count {
            let n = systemWrite(fd, raw.baseAddress! + done, raw.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure(destination) }
            done += n
        }
    }

    /// The usage error for a destination the system refused, with its reason (`errno`).
    private static func failure(_ path: String) -> ValidationError {
        ValidationError("cannot write \(path): \(String(cString: strerror(errno)))")
    }

    /// Bytes gathered and written with `write(2)`: FileHandle's `write(contentsOf:)` and `Data`'s
    /// `append(contentsOf:)` of a string's bytes are generic, and the runtime looked their types up
    /// on first use, ~0.2 ms of every process (docs/benchmarks.md, twenty-seventh session).
    private final class WriteBuffer {
        let destination: String
        var fd: Int32 = -1
        var bytes: [UInt8] = []

        init(destination: String) { self.destination = destination }

        func append(_ text: String) throws {
            bytes += text.utf8
            if bytes.count >= OutputFile.chunk { try flush() }
        }

        /// Writes what was gathered.
        func flush() throws {
            try bytes.withUnsafeBytes { try OutputFile.writeAll($0, to: fd, destination: destination) }
            bytes.removeAll(keepingCapacity: true)
        }
    }
}

/// write(2), named apart from `OutputFile.write`, which an unqualified `write` in the type would find.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }

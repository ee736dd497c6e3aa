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
        // Runs `body` into `handle`, the last gathered bytes written at the end.
        func fill(_ handle: FileHandle) throws {
            buffer.handle = handle
            try body { try buffer.append($0) }
            try buffer.flush()
        }
        if path == "-" { return try fill(FileHandle.standardOutput) }
        var status = stat()
        let inPlace = stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).tmp")
        let fd = inPlace ? open(path, O_WRONLY | O_CLOEXEC) : open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        if inPlace {
            try fill(handle)
            return try handle.close()
        }
        do {
            try fill(handle)
            try handle.close()
            guard rename(temporary.path, destination.path) == 0 else { throw failure(path) }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// The usage error for a destination the system refused, with its reason (`errno`).
    private static func failure(_ path: String) -> ValidationError {
        ValidationError("cannot write \(path): \(String(cString: strerror(errno)))")
    }

    private final class WriteBuffer {
        let destination: String
        var handle: FileHandle?
        var data = Data()

        init(destination: String) { self.destination = destination }

        func append(_ text: String) throws {
            data.append(contentsOf: text.utf8)
            if data.count >= OutputFile.chunk { try flush() }
        }

        /// Writes what was gathered; a failed write (a full disk) is said with the destination's name.
        func flush() throws {
            do {
                try handle?.write(contentsOf: data)
            } catch {
                let e = error as NSError
                let reason = e.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(e.code))) : e.localizedDescription
                throw ValidationError("cannot write \(destination): \(reason)")
            }
            data.removeAll(keepingCapacity: true)
        }
    }
}

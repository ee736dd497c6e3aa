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
        if path == "-" {
            buffer.handle = FileHandle.standardOutput
            try body { try buffer.append($0) }
            try buffer.flush()
            return
        }
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ValidationError("cannot write \(path): \(String(cString: strerror(errno)))") }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            buffer.handle = handle
            try body { try buffer.append($0) }
            try buffer.flush()
            try handle.close()
            return
        }
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ValidationError("cannot write \(path): \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        buffer.handle = handle
        do {
            try body { try buffer.append($0) }
            try buffer.flush()
            try handle.close()
            guard rename(temporary.path, destination.path) == 0 else {
                throw ValidationError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
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

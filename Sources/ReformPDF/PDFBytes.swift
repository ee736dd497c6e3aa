import CPoppler
import Foundation

/// A PDF's bytes in memory, read once and parsed in place by everything that opens the document:
/// poppler-glib's document (every lane's, and a fresh copy for drawing glyphs), poppler's core for
/// scanned pages' pictures (`ScanPictureSource`), and the checksum. Owns its buffer and frees it
/// exactly once, when the last of them lets go. Never written after it is filled.
final class PDFBytes: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
    let count: Int

    private init(count: Int) {
        self.count = count
        pointer = .allocate(byteCount: Swift.max(1, count), alignment: 16)
    }

    deinit { pointer.deallocate() }

    /// A copy of `data` (standard input, a database blob).
    convenience init(copying data: Data) {
        self.init(count: data.count)
        data.withUnsafeBytes { raw in
            if let base = raw.baseAddress { pointer.copyMemory(from: base, byteCount: raw.count) }
        }
    }

    /// The `size` bytes of an open file, from its start; nil when it holds another number of bytes
    /// (it changed while being read) or cannot be read.
    convenience init?(reading descriptor: Int32, size: Int) {
        self.init(count: size)
        var done = 0
        while done < size {
            let n = pread(descriptor, pointer + done, size - done, off_t(done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        var probe: UInt8 = 0
        guard pread(descriptor, &probe, 1, off_t(size)) == 0 else { return nil }  // grown since it was measured
    }

    /// The bytes as `Data`, without copying them (the data keeps them alive).
    var data: Data {
        Data(bytesNoCopy: pointer, count: count, deallocator: .custom { [self] _, _ in withExtendedLifetime(self) {} })
    }

    /// A GLib view of the bytes, without copying them: it keeps them alive until GLib lets it go.
    /// The caller owns the returned reference.
    func glibBytes() -> OpaquePointer {
        g_bytes_new_with_free_func(pointer, gsize(count), { owner in
            if let owner { Unmanaged<PDFBytes>.fromOpaque(owner).release() }
        }, Unmanaged.passRetained(self).toOpaque())
    }
}

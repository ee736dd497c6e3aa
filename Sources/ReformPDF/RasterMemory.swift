import CPoppler
import Foundation

/// Pixel memory for page rasters, recycled. A page rendered at one pixel a point is 2 MB, and fresh
/// memory is 512 page faults for the kernel to zero-fill: half the page faults of reading a small
/// PDF went to the white paint of each new raster. A raster's surface owns its block and hands it
/// back here when cairo destroys the surface (whoever held the last reference); the next raster of
/// that size takes it. A few small blocks wait at most, so memory stays flat: a scan's larger
/// rasters (8 MB at two pixels a point, 35 MB for OCR) are freed as before, since they would sit
/// idle in the peak memory of a run with OCR.
///
/// A block of a megabyte or more is aligned to the 2 MB huge page and offered to the kernel as one
/// (`MADV_HUGEPAGE`, where transparent huge pages are on or on request): its first touch is then one
/// fault and one page to clear instead of 512, about a fifth of a one-page PDF's render.
final class RasterMemory: @unchecked Sendable {
    static let shared = RasterMemory(blocks: 4, bytes: 4 << 20)

    /// Blocks waiting for reuse, and the most there may be (count, and bytes of one block).
    private var idle: [Block] = []
    private let maximumBlocks: Int
    private let maximumBytes: Int
    private let lock = NSLock()

    struct Block {
        var pointer: UnsafeMutableRawPointer
        var bytes: Int
    }

    init(blocks: Int, bytes: Int) {
        maximumBlocks = blocks
        maximumBytes = bytes
    }

    /// Blocks waiting now (for tests).
    var idleCount: Int { lock.withLock { idle.count } }

    /// A cairo RGB24 image surface of `width` × `height` over a recycled block when one fits (its
    /// pixels are whatever the last page left: the caller paints it). The surface frees the block.
    func surface(width: Int, height: Int) -> OpaquePointer {
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(clamping: width)))
        guard stride > 0, height > 0, height <= Int(Int32.max) else {
            return cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(clamping: width), Int32(clamping: height))
        }
        let block = take(stride * height)
        let surface = cairo_image_surface_create_for_data(block.pointer.assumingMemoryBound(to: UInt8.self),
                                                          CAIRO_FORMAT_RGB24, Int32(width), Int32(height), Int32(stride))!
        let owner = UnsafeMutablePointer<Owner>.allocate(capacity: 1)
        owner.initialize(to: Owner(block: block, memory: .passRetained(self)))
        let attached = cairo_surface_set_user_data(surface, RasterMemory.key, owner) { raw in
            guard let owner = raw?.assumingMemoryBound(to: Owner.self) else { return }
            owner.pointee.memory.takeRetainedValue().give(owner.pointee.block)
            owner.deinitialize(count: 1)
            owner.deallocate()
        }
        if cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS || attached != CAIRO_STATUS_SUCCESS {
            // An error surface (a size cairo refuses) keeps no pointer to the block.
            cairo_surface_destroy(surface)
            if attached != CAIRO_STATUS_SUCCESS {
                owner.pointee.memory.release()
                owner.deinitialize(count: 1)
                owner.deallocate()
                give(block)
            }
            return cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(clamping: width), Int32(clamping: height))
        }
        return surface
    }

    /// What a surface's user data holds: its block and the memory to give it back to.
    private struct Owner {
        var block: Block
        var memory: Unmanaged<RasterMemory>
    }

    /// The smallest waiting block of at least `bytes` and at most twice that, else a new one.
    private func take(_ bytes: Int) -> Block {
        let reused: Block? = lock.withLock {
            let fits = idle.indices.filter { idle[$0].bytes >= bytes && idle[$0].bytes <= 2 * bytes }
            guard let i = fits.min(by: { idle[$0].bytes < idle[$1].bytes }) else { return nil }
            return idle.remove(at: i)
        }
        return reused ?? RasterMemory.allocate(bytes)
    }

    /// The huge page size of x86-64 and arm64 Linux with 4 KB pages.
    static let hugePage = 2 << 20

    /// A new block of at least `bytes`, from malloc; one of a megabyte or more rounded up to whole
    /// huge pages, aligned to one and marked for them.
    static func allocate(_ bytes: Int) -> Block {
        let huge = bytes >= hugePage / 2
        let size = huge ? (bytes + hugePage - 1) / hugePage * hugePage : bytes
        var pointer: UnsafeMutableRawPointer?
        guard posix_memalign(&pointer, huge ? hugePage : 64, size) == 0, let pointer else {
            fatalError("reform: out of memory for a \(size)-byte page raster")
        }
        #if os(Linux)
        if huge { _ = madvise(pointer, size, MADV_HUGEPAGE) }  // a hint: refused, the pages come one by one
        #endif
        return Block(pointer: pointer, bytes: size)
    }

    /// Keeps a block for the next raster (not one larger than the limit), dropping the oldest
    /// waiting one past the count.
    private func give(_ block: Block) {
        let dropped: [Block] = lock.withLock {
            guard block.bytes <= maximumBytes else { return [block] }
            idle.append(block)
            return idle.count > maximumBlocks ? [idle.removeFirst()] : []
        }
        for d in dropped { free(d.pointer) }
    }

    /// Frees the waiting blocks: a page about to be read by OCR has no use for them, and they would
    /// sit beside its picture and engines in the run's peak memory (a new one is made on need).
    func releaseIdle() {
        let waiting: [Block] = lock.withLock {
            defer { idle.removeAll() }
            return idle
        }
        for block in waiting { free(block.pointer) }
    }

    /// The address cairo files the block under (its value is never read).
    nonisolated(unsafe) private static let key = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
}

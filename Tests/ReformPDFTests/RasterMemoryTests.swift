import CPoppler
import Foundation
@testable import ReformPDF
import ReformTestSupport
import Testing

@Suite struct RasterMemoryTests {
    /// The surface gives its block back when cairo destroys it, however late: a context made on the
    /// surface keeps the pixels alive after the raster is gone.
    @Test func aBlockReturnsWhenItsSurfaceIsDestroyed() {
        let memory = RasterMemory(blocks: 2, bytes: 1 << 20)
        let surface = memory.surface(width: 100, height: 50)
        let cr = cairo_create(surface)!
        cairo_surface_destroy(surface)
        #expect(memory.idleCount == 0)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)   // the pixels are still the surface's
        cairo_destroy(cr)
        #expect(memory.idleCount == 1)
    }

    /// The next surface of a size takes the waiting block; at most `blocks` wait, the oldest dropped.
    @Test func blocksAreReusedAndBounded() {
        let memory = RasterMemory(blocks: 2, bytes: 1 << 20)
        let first = memory.surface(width: 100, height: 50)
        let pixels = cairo_image_surface_get_data(first)
        cairo_surface_destroy(first)
        let second = memory.surface(width: 100, height: 50)
        #expect(cairo_image_surface_get_data(second) == pixels)
        #expect(memory.idleCount == 0)
        let others = (0..<3).map { memory.surface(width: 40 + $0, height: 40) }
        for s in others { cairo_surface_destroy(s) }
        cairo_surface_destroy(second)
        #expect(memory.idleCount == 2)
        // Larger than the limit of one block: freed, never kept.
        cairo_surface_destroy(memory.surface(width: 1000, height: 1000))
        #expect(memory.idleCount == 2)
    }

    /// Before a page is read by OCR the waiting blocks are freed; the next surface gets a new one.
    @Test func waitingBlocksAreReleasedBeforeOCR() {
        let memory = RasterMemory(blocks: 2, bytes: 1 << 20)
        cairo_surface_destroy(memory.surface(width: 100, height: 50))
        cairo_surface_destroy(memory.surface(width: 200, height: 50))
        #expect(memory.idleCount == 2)
        memory.releaseIdle()
        #expect(memory.idleCount == 0)
        let surface = memory.surface(width: 100, height: 50)
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        cairo_surface_destroy(surface)
        #expect(memory.idleCount == 1)
    }

    /// A recycled raster is painted white again: the last page's ink does not show through.
    @Test func aRecycledRasterStartsWhite() throws {
        let page = try PDFDocument(path: Fixtures.path("ruled-cjk.pdf")).page(1)
        let rendered = page.render(scale: 0.5)
        #expect(rendered.luminance().contains { $0 < 128 })
        let (width, height) = (rendered.width, rendered.height)
        for _ in 0..<3 {
            PageRaster(width: width, height: height, scale: 0.5).draw { cr in
                cairo_set_source_rgb(cr, 0, 0, 0)
                cairo_paint(cr)
            }
        }
        #expect(PageRaster(width: width, height: height, scale: 0.5).luminance().allSatisfy { $0 == 255 })
    }

    /// A block of a megabyte or more is whole huge pages on a huge-page boundary; a small one is
    /// the size asked for.
    @Test func largeBlocksAreWholeAlignedHugePages() {
        let large = RasterMemory.allocate(3 << 20)
        defer { free(large.pointer) }
        #expect(large.bytes == 4 << 20)
        #expect(Int(bitPattern: large.pointer) % RasterMemory.hugePage == 0)
        let small = RasterMemory.allocate(100_000)
        defer { free(small.pointer) }
        #expect(small.bytes == 100_000)
        #expect(Int(bitPattern: small.pointer) % 64 == 0)
    }
}

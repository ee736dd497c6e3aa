import ArgumentParser
import Foundation
import ReformPDF
#if canImport(Glibc)
import Glibc
#endif

/// The `reform` command line: archived PDF forms in, clean data out.
@main
struct Reform: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reform",
        abstract: "Turn archived PDF forms into clean data.",
        discussion: """
            Exit codes: 0 success; 3 file missing or unreadable; 4 not a PDF (or empty); \
            5 damaged or truncated PDF; 6 encrypted (no or wrong password); 7 zero pages; \
            8 no text layer (needs OCR); 10 several files failed for different reasons; \
            11 ingest or export database cannot be used; 64 usage error.
            """,
        version: ReformVersion.string,
        subcommands: [ExtractCommand.self, EvalCommand.self, ShowCommand.self, ReportCommand.self, TablesCommand.self, TextCommand.self, IngestCommand.self, ExportCommand.self]
    )

    static func main() {
        AllocatorPolicy.apply()
        // before any thread starts, so that setting the environment races no one
        OCRThreads.limit()
        main(nil)
    }
}

/// How glibc's allocator gives memory back, set once at start-up.
///
/// poppler reads a whole substituted system font into one buffer (19 MB for Noto Sans CJK, once per
/// lane) and frees it. glibc then raises its mmap threshold to that size, so later big buffers
/// (page rasters) come from the heap and the freed space stays there: 20–30 MB more peak memory per
/// lane. A fixed threshold keeps every buffer above it in its own mapping, returned when freed; a
/// generous trim threshold keeps the heap from being shrunk and regrown page after page.
enum AllocatorPolicy {
    /// Buffers at least this big get their own mapping (a 72 dpi page raster, 2 MB, stays below).
    static let mmapThreshold: Int32 = 4 << 20
    /// Free space at the top of the heap kept for reuse before it is returned.
    static let trimThreshold: Int32 = 16 << 20

    static func apply() {
        _ = mallopt(-1, trimThreshold)
        _ = mallopt(-3, mmapThreshold)
    }

    /// At most one heap (arena) for each of the run's `lanes` threads (M_ARENA_MAX, -8), set once
    /// the lanes are known and before they start. glibc otherwise gives a thread that finds the
    /// heaps busy a heap of its own, up to eight a core: with `--jobs 1`, the lane and the main
    /// thread each kept their own, and what one freed stayed resident, unused by the other (the
    /// 500-page mixed PDF peaked 5–8 MB higher). A lane seldom waits: its small blocks come from
    /// its own thread cache.
    private static func limitArenas(toLanes lanes: Int) {
        _ = mallopt(-8, Int32(clamping: max(1, lanes)))
    }

    /// The lanes a run's `--jobs` asks for (one a core when not given), the heaps limited to them.
    static func lanes(jobs: Int?) -> Int {
        let lanes = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        limitArenas(toLanes: lanes)
        return lanes
    }

    /// glibc's mallopt, declared in <malloc.h>, which the Glibc module leaves out: its parameter
    /// numbers are glibc's (M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3, M_ARENA_MAX -8).
    private static func mallopt(_ parameter: Int32, _ value: Int32) -> Int32 {
        #if canImport(Glibc)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return 0 }
        return unsafeBitCast(symbol, to: MallOpt.self)(parameter, value)
        #else
        return 0
        #endif
    }
}

enum ReformVersion {
    static let string = "0.1.0"
}

// swift-tools-version:6.0
import PackageDescription

/// reform: archived PDF forms in, canonical records out.
/// The targets follow the pipeline: extract (ReformPDF) → reconstruct (ReformLayout) → normalize (ReformForms).
let package = Package(
    name: "reform",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reform", targets: ["reform"]),
        .library(name: "ReformPDF", targets: ["ReformPDF"]),
        .library(name: "ReformLayout", targets: ["ReformLayout"]),
        .library(name: "ReformForms", targets: ["ReformForms"]),
        .library(name: "ReformText", targets: ["ReformText"]),
        .library(name: "ReformIngest", targets: ["ReformIngest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System library: poppler-glib and cairo through a shim header; nothing else lives here.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]
        ),
        // System library: tesseract's C API, the OCR back-end for scanned pages. Its header only:
        // the library is opened on the first scanned page (shim.h), not linked into every process.
        // apt: libtesseract-dev, tesseract-ocr-chi-sim, tesseract-ocr-eng (scripts/lib/setup.sh).
        .systemLibrary(name: "CTesseract"),
        // C: the glyph gate, a cairo_show_glyphs of the executable's own that skips glyphs while a
        // page is rendered for its table lines (glyph_gate.c says how). Linked in, not a library.
        .target(name: "CGlyphGate", linkerSettings: [.linkedLibrary("dl")]),
        // C++: poppler's FoFiTrueType::load, GfxFont::locateFont, GfxResources' constructor and Stream::makeFilter of the
        // executable's own: system font files mapped instead of read whole, an empty stand-in font for
        // renders that draw no glyphs, and a document's fonts built once for its pages (font_files.cpp,
        // font_stubs.cpp, font_dicts.cpp say why); poppler's global parameters kept for the process
        // (global_params.cpp); flate streams inflated by zlib (flate_streams.cpp); and the hex
        // numbers of poppler-data's maps read without stdio (hex_scan.cpp). Linked in, not a library.
        .target(name: "CFontFiles", dependencies: ["CPoppler", "CGlyphGate"],
                linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("poppler"), .linkedLibrary("z")]),
        // C++: tesseract's adaptive-classifier templates built empty, the executable's own
        // constructor, and its universal ambiguity table left unloaded: the LSTM recognizer never
        // consults either, and chi_sim's templates are 48 MB an engine, the table's characters 9 MB
        // (adapt_templates.cpp and universal_ambigs.cpp say why). Linked in, not a library. libtesseract is opened on the first
        // scan, not linked, so nothing in the link asks for the constructor: the linker is told to
        // export them, or the library would never find them in a build without --export-dynamic.
        .target(name: "CTesseractTemplates", linkerSettings: [
            .linkedLibrary("dl"),
            .unsafeFlags(["-Xlinker", "--export-dynamic-symbol=_ZN9tesseract22ADAPT_TEMPLATES_STRUCTC1ERNS_10UNICHARSETE",
                          "-Xlinker", "--export-dynamic-symbol=_ZN9tesseract22ADAPT_TEMPLATES_STRUCTC2ERNS_10UNICHARSETE",
                          "-Xlinker", "--export-dynamic-symbol=_ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_"]),
        ]),
        // C++: a scanned page's one picture read from the PDF by poppler's core, in grey at its own
        // resolution: a scan's pixels for OCR and its rulings without poppler-glib's page-sized
        // colour surfaces (scan_picture.cpp says why).
        .target(name: "CScanPicture", dependencies: ["CPoppler"], linkerSettings: [.linkedLibrary("poppler")]),
        // C: the ink mask of a colour render with the processor's AVX2 instructions, when it has them (ink_mark.c).
        .target(name: "CInkMask"),
        // Stage 1, extract: the only code that touches poppler, cairo or tesseract.
        .target(name: "ReformPDF", dependencies: ["CPoppler", "CTesseract", "CTesseractTemplates", "CGlyphGate", "CFontFiles", "CScanPicture", "CInkMask"]),
        // Stage 2, reconstruct: words, lines, grids, tables.
        .target(name: "ReformLayout", dependencies: ["ReformPDF"]),
        // C: SHA-256 blocks with the processor's SHA instructions, when it has them (sha256.c).
        .target(name: "CDigest"),
        // Stage 3, normalize: the form template, target grammar, canonical record, review checks.
        .target(name: "ReformForms", dependencies: ["ReformLayout", "CDigest"]),
        // Scrambled plain text (no geometry) to the same records, by the form's grammar, with confidences.
        .target(name: "ReformText", dependencies: ["ReformForms"]),
        // Batches: reading inputs into records, the SQLite store, exports.
        .target(
            name: "ReformIngest",
            dependencies: ["ReformForms", "ReformText", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The CLI: argument parsing and printing only.
        .executableTarget(
            name: "reform",
            dependencies: [
                "ReformPDF", "ReformLayout", "ReformForms", "ReformText", "ReformIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: fixtures, truth files, running tools.
        .target(name: "ReformTestSupport", dependencies: ["ReformPDF"], path: "Tests/ReformTestSupport"),
        .testTarget(name: "ReformPDFTests", dependencies: ["ReformPDF", "ReformTestSupport"]),
        .testTarget(name: "ReformLayoutTests", dependencies: ["ReformLayout", "ReformTestSupport"]),
        .testTarget(name: "ReformFormsTests", dependencies: ["ReformForms", "ReformTestSupport"]),
        .testTarget(name: "ReformTextTests", dependencies: ["ReformText", "ReformTestSupport"]),
        .testTarget(name: "ReformIngestTests", dependencies: ["ReformIngest", "ReformTestSupport"]),
        // End-to-end: runs the built `reform` binary as a user would.
        .testTarget(name: "ReformCLITests", dependencies: ["ReformTestSupport", "ReformPDF", "reform"], exclude: ["References"]),
    ],
    swiftLanguageModes: [.v6]
)

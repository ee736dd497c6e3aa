"""The report of scripts/bench-instructions: callgrind_annotate's listings of one or two binaries
(each inclusive, then self) turned into totals, the pipeline's stages and the busiest functions.

    instructions.py TOP NAME [NAME] -- INCLUSIVE SELF [INCLUSIVE SELF]
"""

import re
import subprocess
import sys

LINE = re.compile(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(?:\S*?:)?(.*?)(?: \[[^\]]*\])?\s*$")
# Where the work is, by the function that starts each stage (its mangled name; a stage whose
# function was renamed shows "-").
STAGES = [
    ("render (poppler: content, fonts, text layer; cairo)", r"^poppler_page_render$"),
    ("text layer read out (PDFPage.glyphs)", r"PDFPageC6glyphs"),
    ("rulings (RulingScanner.scan)", r"RulingScannerV4scan_"),
    ("tables (TableExtractor.tables)", r"TableExtractorV6tables2in"),
    ("text lines (TextLayout.lines)", r"V5lines6glyphs7rulings"),
    ("forms read and checked (FormReader.readDetailed)", r"FormReaderV12readDetailed_6source.*tF$"),
    ("documents freed (GObjectReference deinit)", r"GObjectReferenceCfD$"),
]
DIGEST = r"SHA256V6update"


def read(path):
    """Instructions by function (the first, largest, of names that repeat), and the total."""
    counts, total = {}, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if "PROGRAM TOTALS" in line:
                total = int(line.split()[0].replace(",", ""))
                continue
            m = LINE.match(line)
            if m and total is not None:
                counts.setdefault(m.group(2).strip(), int(m.group(1).replace(",", "")))
    return counts, total


def largest(counts, pattern):
    return max((v for k, v in counts.items() if re.search(pattern, k)), default=None)


def demangled(symbols):
    try:
        out = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(symbols),
                             capture_output=True, text=True, check=True).stdout.splitlines()
        return out if len(out) == len(symbols) else symbols
    except (OSError, subprocess.CalledProcessError):
        return symbols


def main(argv):
    split = argv.index("--")
    top, names, files = int(argv[0]), argv[1:split], argv[split + 1:]
    # per binary: (inclusive counts, total, own counts)
    runs = []
    for i in range(0, len(files), 2):
        inclusive, total = read(files[i])
        runs.append((inclusive, total, read(files[i + 1])[0]))
    two = len(runs) == 2

    for name, (inclusive, total, _) in zip(names, runs):
        digest = largest(inclusive, DIGEST) or 0
        print(f"{name}: {total:,} instructions; the file digest {digest:,} (SHA instructions outside "
              f"valgrind), without it {total - digest:,}")
    if two:
        (ia, ta, _), (ib, tb, _) = runs
        da, db = largest(ia, DIGEST) or 0, largest(ib, DIGEST) or 0
        print(f"second / first: {tb / ta:.4f} ({100 * (tb - ta) / ta:+.2f}%); without the digest "
              f"{(tb - db) / (ta - da):.4f} ({100 * ((tb - db) - (ta - da)) / (ta - da):+.2f}%)")
    total = runs[0][1]

    def row(label, a, b):
        cells = f"{'-':>22}" if a is None else f"{a:>15,} {100 * a / total:5.1f}%"
        if two:
            if b is None:
                cells += f"  {'-':>24}"
            elif a is None:
                cells += f"  {b:>15,} {'new':>8}"
            else:
                cells += f"  {b:>15,} {100 * (b - a) / a:+7.2f}%"
        return f"{cells}  {label}"

    print("\nstages, callees included" + ("  (first, its share; second, the change)" if two else ""))
    for label, pattern in STAGES:
        print(row(label, largest(runs[0][0], pattern), largest(runs[1][0], pattern) if two else None))

    own = runs[0][2]
    chosen = [k for k, _ in sorted(own.items(), key=lambda kv: -kv[1])][:top]
    if two:
        # and the functions whose own instructions changed most, so that a saving shows below the top
        other = runs[1][2]
        changed = sorted(set(own) | set(other), key=lambda k: -abs(other.get(k, 0) - own.get(k, 0)))[:top]
        chosen += [k for k in changed if k not in chosen]
    print("\nfunctions by their own instructions" + ("  (first, its share; second, the change)" if two else ""))
    for key, label in zip(chosen, demangled(chosen)):
        print(row(label[:110], own.get(key), runs[1][2].get(key) if two else None))


if __name__ == "__main__":
    main(sys.argv[1:])

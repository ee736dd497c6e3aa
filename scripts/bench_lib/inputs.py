"""The inputs: the corpus's born-digital and scanned PDFs, and PDFs of 1..500 pages made from them."""

import glob
import os
import subprocess

SCRATCH = os.path.join(".scratch", "bench")
QUICK_FILES = {"born-digital": ["rl-portrait-04.pdf"], "scanned": ["scan-portrait-03.pdf"]}


def page_count(path):
    out = subprocess.run(["qpdf", "--show-npages", path], capture_output=True, text=True,
                         check=True)
    return int(out.stdout.strip())


def corpus_sets(repo, quick):
    """{set name: [(path, pages), ...]} in file-name order."""
    sets = {}
    for name in ("born-digital", "scanned"):
        paths = sorted(glob.glob(os.path.join(repo, "Corpus", name, "*.pdf")))
        if quick:
            paths = [p for p in paths if os.path.basename(p) in QUICK_FILES[name]]
        sets[name] = [(os.path.relpath(p, repo), page_count(p)) for p in paths]
    return sets


def interleaved_pages(sets):
    """Every corpus page as (file, page), taken round-robin across the files: the k-th page
    of the result is page (k // n) mod pages(f) + 1 of file f = k mod n, so any prefix is a
    mix of born-digital and scanned pages in the corpus's proportions of files."""
    files = [f for s in sets.values() for f in s]
    k = 0
    while True:
        path, pages = files[k % len(files)]
        yield path, (k // len(files)) % pages + 1
        k += 1


def build_pdf(repo, sets, pages, out):
    """A PDF of the first `pages` pages of interleaved_pages, by qpdf; kept when it exists."""
    if os.path.exists(out) and page_count(out) == pages:
        return out
    os.makedirs(os.path.dirname(out), exist_ok=True)
    args = ["qpdf", "--empty", "--pages"]
    gen = interleaved_pages(sets)
    for _ in range(pages):
        path, page = next(gen)
        args += [os.path.join(repo, path), str(page)]
    tmp = out + ".tmp"
    subprocess.run(args + ["--", tmp], check=True)
    os.replace(tmp, out)
    return out


def scratch_pdf(repo, name, pages, quick):
    """Where a built PDF goes, under .scratch/bench/ (gitignored, never committed). A quick run's
    PDFs are made from its two files alone and named apart: build_pdf keeps a PDF that has the
    right page count, so a full run must not take a quick run's for its own, nor the reverse."""
    return os.path.join(repo, SCRATCH, f"{name}-{pages}p{'-quick' if quick else ''}.pdf")


def scaling_pdfs(repo, sets, sizes, quick=False):
    """{pages: path} for each size."""
    return {n: os.path.relpath(build_pdf(repo, sets, n, scratch_pdf(repo, "corpus", n, quick)), repo)
            for n in sizes}

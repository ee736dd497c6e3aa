"""Runs one peer on a list of cases; executed by .venv-peers/bin/python.

usage: peer_worker.py SPEC JOBS.json CACHE_DIR

SPEC is a peer name, optionally with a forced mode: ``camelot``, ``camelot:stream``,
``pdfplumber:text`` ... Without a forced mode the case's mode is used (null = the
peer's own default / auto, see PEER_MODES). Each case's output is written to
CACHE_DIR/SPEC/SUITE/CASE.json as {"tables": [grid, ...], "seconds": s,
"error": str|null, "version": ...}; cases already cached are skipped.
Timing covers only the extraction call(s) for the case (imports excluded).
"""

import json
import os
import sys
import time
import traceback
import warnings

warnings.filterwarnings("ignore")



def clean(rows):
    return [["" if c is None else str(c) for c in (r or [])] for r in (rows or [])]


# --------------------------------------------------------------------------- peers

class PdfPlumber:
    def __init__(self):
        import pdfplumber
        self.lib = pdfplumber
        self.version = pdfplumber.__version__
        self.cache = {}

    def run(self, job, mode):
        pdf = self.cache.get(job["pdf"])
        if pdf is None:
            self.cache.clear()
            pdf = self.cache[job["pdf"]] = self.lib.open(job["pdf"])
        page = pdf.pages[job["page"] - 1]
        if job["area"]:
            t, l, b, r = job["area"]
            x0, y0, x1, y1 = page.bbox
            box = (max(l, x0), max(t, y0), min(r, x1), min(b, y1))
            page = page.crop(box)
        tables = page.extract_tables({"vertical_strategy": mode, "horizontal_strategy": mode})
        return [clean(t) for t in tables]


class PyMuPDF:
    def __init__(self):
        import fitz
        self.lib = fitz
        self.version = fitz.VersionBind
        self.cache = {}

    def run(self, job, mode):
        doc = self.cache.get(job["pdf"])
        if doc is None:
            self.cache.clear()
            doc = self.cache[job["pdf"]] = self.lib.open(job["pdf"])
        page = doc[job["page"] - 1]
        kw = {}
        if job["area"]:
            t, l, b, r = job["area"]
            kw["clip"] = self.lib.Rect(l, t, r, b)
        if mode in ("lines", "text"):
            kw["strategy"] = mode
        tabs = page.find_tables(**kw)
        return [clean(t.extract()) for t in tabs.tables]


class Camelot:
    def __init__(self):
        import camelot
        self.lib = camelot
        self.version = camelot.__version__

    def run(self, job, mode):
        kw = {"pages": str(job["page"]), "flavor": mode}
        if job["area"]:
            t, l, b, r = job["area"]
            h = job["displayed_size"][1]
            spec = "%g,%g,%g,%g" % (l, h - t, r, h - b)
            # the camelot suite says which of the two its test used; ICDAR's GT region is the
            # table (table_areas);
            # tabula's area is a region to look in: table_regions for lattice (table_areas
            # there needs rulings on the area's edge), table_areas for stream
            kind = job.get("area_kind") or ("table_regions" if job["suite"] == "tabula-java"
                                            and mode == "lattice" else "table_areas")
            key = "table_regions" if kind == "table_regions" else "table_areas"
            kw[key] = [spec]
        tables = self.lib.read_pdf(job["pdf"], **kw)
        return [clean(t.df.values.tolist()) for t in tables]


class Tabula:
    def __init__(self):
        import tabula
        self.lib = tabula
        self.version = getattr(tabula, "__version__", "?")

    def run(self, job, mode):
        # guess (tabula's table detection, tabula-py's default) when no area is given
        guess = not job["area"]
        kw = {"pages": job["page"], "guess": guess, "multiple_tables": True,
              "output_format": "json", "silent": True}
        if mode == "lattice":
            kw["lattice"] = True
        elif mode == "stream":
            kw["stream"] = True
        if job["area"]:
            kw["area"] = list(job["area"])
        out = self.lib.read_pdf(job["pdf"], **kw)
        tables = []
        for t in out or []:
            tables.append(clean([[c.get("text", "") for c in row] for row in t.get("data", [])]))
        return tables


PEERS = {"pdfplumber": PdfPlumber, "pymupdf": PyMuPDF, "camelot": Camelot, "tabula": Tabula}


def resolve_mode(peer, forced, case_mode):
    """The peer's setting for a case: lattice/stream as the case says; mode null ->
    the peer's own default (pdfplumber and PyMuPDF: lines, camelot: lattice, tabula:
    neither flag, tabula-java decides)."""
    if forced:
        return forced
    if peer == "pdfplumber":
        return {"lattice": "lines", "stream": "text"}.get(case_mode, "lines")
    if peer == "pymupdf":
        return {"lattice": "lines", "stream": "text"}.get(case_mode, "default")
    if peer == "camelot":
        return case_mode or "lattice"
    if peer == "tabula":
        return case_mode or "decide"
    raise ValueError(peer)


def cache_path(cache_dir, spec, job):
    suffix = "+fullpage" if job["suite"] == "icdar2013" and not job["area"] else ""
    return os.path.join(cache_dir, spec.replace(":", "-") + suffix, job["suite"],
                        job["case"] + ".json")


def is_cached(cache_dir, spec, job):
    """A cached result counts if it was made with the mode we would use now."""
    peer, _, forced = spec.partition(":")
    try:
        with open(cache_path(cache_dir, spec, job), encoding="utf-8") as f:
            return json.load(f).get("mode") == resolve_mode(peer, forced or None, job["mode"])
    except (OSError, ValueError):
        return False


def main(argv):
    spec, jobs_path, cache_dir = argv[1:4]
    peer, _, forced = spec.partition(":")
    with open(jobs_path, encoding="utf-8") as f:
        jobs = json.load(f)
    runner = PEERS[peer]()
    todo = [j for j in jobs if not is_cached(cache_dir, spec, j)]
    if todo:  # warm-up call, untimed (JVM start, lazy imports)
        try:
            runner.run(todo[0], resolve_mode(peer, forced or None, todo[0]["mode"]))
        except Exception:
            pass
    for job in todo:
        path = cache_path(cache_dir, spec, job)
        mode = resolve_mode(peer, forced or None, job["mode"])
        t0 = time.perf_counter()
        err = None
        try:
            tables = runner.run(job, mode)
        except Exception as e:  # a peer failing on a case scores 0 there
            tables = []
            err = f"{type(e).__name__}: {e}"
            tb = traceback.format_exc().strip().splitlines()
            err += " @ " + (tb[-3].strip() if len(tb) >= 3 else "")
        dt = time.perf_counter() - t0
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"spec": spec, "mode": mode, "tables": tables, "seconds": dt,
                       "error": err, "version": str(runner.version)}, f, ensure_ascii=False)
        os.replace(tmp, path)
        print(f"{spec} {job['key']} {dt:.2f}s {len(tables)}t{' ERR ' + err[:100] if err else ''}",
              flush=True)


if __name__ == "__main__":
    main(sys.argv)

"""One peer extracts the tables of every page of one PDF; run by .venv-peers/bin/python.

usage: peer_run.py PEER PDF [PDF ...]

PEER is pdfplumber, pymupdf, camelot or tabula. Several PDFs are read one after the other in
this one process (imports paid once), as a script over a folder would. Prints one JSON line on
stdout: {"peer", "version", "pages", "tables", "cells", "startup", "seconds", "error"}, summed
over the PDFs. `startup` is the imports (and, for tabula, starting the JVM); `seconds` is the
extraction of all pages alone: the in-process time. The parent measures the whole process too.
"""

import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")


def pdfplumber_setup():
    import pdfplumber
    return pdfplumber, pdfplumber.__version__


def pdfplumber_run(lib, path):
    pages = tables = cells = 0
    with lib.open(path) as pdf:
        for page in pdf.pages:
            found = page.extract_tables()  # lines strategy, the default
            pages += 1
            tables += len(found)
            cells += sum(len(row) for t in found for row in t)
            page.close()  # drop the page's cached objects, as a long document needs
    return pages, tables, cells


def pymupdf_setup():
    import pymupdf
    return pymupdf, pymupdf.VersionBind


def pymupdf_run(lib, path):
    pages = tables = cells = 0
    with lib.open(path) as doc:
        for page in doc:
            found = page.find_tables().tables
            pages += 1
            tables += len(found)
            cells += sum(len(row) for t in found for row in t.extract())
    return pages, tables, cells


def camelot_setup():
    import camelot
    return camelot, camelot.__version__


def camelot_run(lib, path):
    found = lib.read_pdf(path, pages="all", flavor="lattice")
    pages = len({t.page for t in found})  # pages with a table; the page count comes from the parent
    return pages, len(found), sum(t.df.size for t in found)


def tabula_setup():
    import tabula
    from tabula import backend, io
    # start the JVM here so that `seconds` is extraction only (tabula-py starts it lazily)
    try:
        io._tabula_vm = backend.TabulaVm(java_options=io._build_java_options(None, "utf-8"),
                                         silent=True)
    except Exception:  # an other tabula-py: the first call starts it
        pass
    return tabula, getattr(tabula, "__version__", "?")


def tabula_run(lib, path):
    found = lib.read_pdf(path, pages="all", lattice=True, multiple_tables=True, silent=True)
    return 0, len(found), sum(t.size for t in found)


def main(argv):
    peer, paths = argv[1], argv[2:]
    t0 = time.perf_counter()
    lib, version = globals()[peer + "_setup"]()
    t1 = time.perf_counter()
    err = None
    pages = tables = cells = 0
    for path in paths:
        try:
            p, t, c = globals()[peer + "_run"](lib, path)
            pages, tables, cells = pages + p, tables + t, cells + c
        except Exception as e:  # reported, and the parent marks the run failed
            err = err or f"{path}: {type(e).__name__}: {e}"
    t2 = time.perf_counter()
    print(json.dumps({"peer": peer, "version": str(version), "pages": pages, "tables": tables,
                      "cells": cells, "startup": t1 - t0, "seconds": t2 - t1, "error": err}))
    return 1 if err else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

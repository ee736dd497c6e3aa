"""The tools measured: how each is called on one PDF and what its run tells us."""

import json
import os
import re
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))

PEERS = ["pymupdf", "pdfplumber", "camelot", "tabula"]
LABELS = {
    "reform-extract": "reform extract",
    "reform-tables": "reform tables",
    "reform-extract-default": "reform extract (default: a lane per core)",
    "pdftotext": "pdftotext -bbox-layout",
    "pymupdf": "PyMuPDF find_tables",
    "pdfplumber": "pdfplumber extract_tables",
    "camelot": "camelot lattice",
    "tabula": "tabula lattice",
    "reform-timings": "reform extract --timings",
    "reform-extract-noocr": "reform extract --ocr never",
    "poppler-start": "libpoppler-glib, a process that starts and ends (reference)",
    "poppler-words": "libpoppler-glib, words alone: open, each page's text and character boxes (reference)",
}
# the references: what any reader built on libpoppler-glib pays per file (poppler_words.c)
REFERENCES = ["poppler-start", "poppler-words"]
# batch: all the files of a set in one call, as a user runs a folder (see make_batch_tools)
BATCH_LABELS = {
    "reform-extract": "reform extract FILES… (one process, both cores)",
    "reform-tables": "reform tables FILES… (one process, both cores)",
    "pdftotext": "pdftotext -bbox-layout, one process a file (a shell loop)",
    "pymupdf": "PyMuPDF find_tables, one interpreter",
    "pdfplumber": "pdfplumber extract_tables, one interpreter",
    "camelot": "camelot lattice, one interpreter",
    "tabula": "tabula lattice, one interpreter and JVM",
}


@dataclass
class Tool:
    key: str
    argv: list            # the command before the PDF path
    tail: list = field(default_factory=list)   # after the path
    capture: bool = False  # read stdout (the peers print their in-process time)

    @property
    def label(self):
        return LABELS.get(self.key, self.key)

    def command(self, pdf):
        """The command on one PDF, or on a list of PDFs (batch tools)."""
        return self.argv + (list(pdf) if isinstance(pdf, (list, tuple)) else [pdf]) + self.tail

    def details(self, sample):
        """What the run reports about itself: the peers' in-process seconds and table count,
        reform's stage timings."""
        if self.capture:
            for line in reversed(sample.stdout.strip().splitlines()):
                try:
                    d = json.loads(line)
                except ValueError:
                    continue
                return {"inproc": d["seconds"], "startup": d["startup"], "tables": d["tables"],
                        "cells": d["cells"], "error": d["error"], "version": d["version"]}
            return {"error": "no report: " + sample.stderr.strip()[-300:]}
        if self.key == "reform-timings":
            return {"stages": parse_timings(sample.stderr)}
        return {}


# TimingsReport pads stage names to 10 characters with String.padding(toLength:), which also
# cuts longer names: these are the RulingScanner stages it cuts
CUT_NAMES = {"rulings.ma": "rulings.mask", "rulings.sk": "rulings.skew",
             "rulings.ro": "rulings.rows", "rulings.tr": "rulings.transpose",
             "rulings.co": "rulings.columns", "rulings.pr": "rulings.prune"}


def parse_timings(stderr):
    """`--timings` lines `  stage   seconds` after `stage timings (s):`, total left out."""
    stages = {}
    on = False
    for line in stderr.splitlines():
        if line.startswith("stage timings"):
            on = True
            continue
        m = re.match(r"\s+(\S+)\s+([0-9.]+)\s*$", line) if on else None
        if m and m.group(1) != "total":
            name = CUT_NAMES.get(m.group(1), m.group(1))
            stages[name] = stages.get(name, 0.0) + float(m.group(2))
    return stages


def make_tools(reform, peer_python, peers, probe=None):
    """The tools in their base order; reform runs one page at a time (--jobs 1) like the
    others, which are single-threaded, and as a user types it (default lanes: one per core,
    measured on the born-digital set) beside it. `probe`: the built poppler_words, whose two
    reference runs show the least a libpoppler-glib reader can take per file."""
    tools = [
        Tool("reform-extract", [reform, "extract", "--jobs", "1"]),
        Tool("reform-tables", [reform, "tables", "--jobs", "1"]),
        Tool("pdftotext", ["pdftotext", "-bbox-layout"], tail=["-"]),
        Tool("reform-extract-default", [reform, "extract"]),
    ]
    if probe:
        tools += [Tool("poppler-start", [probe, "--start-only"]), Tool("poppler-words", [probe])]
    tools.append(Tool("reform-timings", [reform, "extract", "--jobs", "1", "--timings"]))
    for p in peers:
        tools.append(Tool(p, [peer_python, os.path.join(HERE, "peer_run.py"), p], capture=True))
    return tools


def make_batch_tools(reform, peer_python, peers):
    """The same tools, each given all the files of a set at once: reform reads them in one
    process with its default lanes (one file per core), the peers in one Python process (imports
    and the JVM paid once), pdftotext, which takes one file, in a shell loop."""
    tools = [
        Tool("reform-extract", [reform, "extract"]),
        Tool("reform-tables", [reform, "tables"]),
        Tool("pdftotext", ["sh", "-c", 'for f; do pdftotext -bbox-layout "$f" -; done', "sh"]),
    ]
    for p in peers:
        tools.append(Tool(p, [peer_python, os.path.join(HERE, "peer_run.py"), p], capture=True))
    return tools

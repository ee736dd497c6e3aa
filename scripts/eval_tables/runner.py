"""Runs `reform tables` on every case and scores it."""

import json
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

from .score import score_case

TIMEOUT = 300


def fmt_num(v):
    return ("%.3f" % v).rstrip("0").rstrip(".")


def reform_argv(reform, case):
    argv = list(reform) + ["tables", case.pdf, "--pages", str(case.page)]
    if case.area is not None:
        argv += ["--area", ",".join(fmt_num(v) for v in case.area)]
    argv += ["--mode", case.mode or "auto", "--format", "json"]
    return argv


def parse_output(stdout, page):
    doc = json.loads(stdout)
    tables = []
    for t in doc.get("tables") or []:
        if t.get("page") not in (None, page):
            continue
        rows = t.get("rows")
        if rows is None and t.get("cells"):
            # rebuild the grid from the cells (spanning text at the top-left slot)
            nr = int(t.get("n_rows") or 1 + max(c["row"] for c in t["cells"]))
            nc = int(t.get("n_cols") or 1 + max(c["col"] for c in t["cells"]))
            rows = [["" for _ in range(nc)] for _ in range(nr)]
            for c in t["cells"]:
                rows[c["row"]][c["col"]] = c.get("text") or ""
        tables.append({"rows": rows or [], "cells": t.get("cells")})
    return tables


def run_case(reform, case):
    argv = reform_argv(reform, case)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return score_case(case, [], time.perf_counter() - t0, f"timeout after {TIMEOUT}s")
    except OSError as e:
        return score_case(case, [], time.perf_counter() - t0, f"cannot run: {e}")
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        msg = (p.stderr or "").strip().splitlines()
        return score_case(case, [], dt, f"exit {p.returncode}: {msg[-1] if msg else ''}")
    try:
        tables = parse_output(p.stdout, case.page)
    except (ValueError, KeyError, TypeError, IndexError) as e:
        return score_case(case, [], dt, f"bad JSON output: {e}")
    return score_case(case, tables, dt)


def run_all(reform, cases, jobs=2, progress=None):
    results = [None] * len(cases)
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        futs = {ex.submit(run_case, reform, c): i for i, c in enumerate(cases)}
        for fut, i in futs.items():
            results[i] = fut.result()
            if progress:
                progress(results[i])
    return results

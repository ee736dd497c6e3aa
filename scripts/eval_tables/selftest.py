"""Self-test of the runner and the scorer (``scripts/eval-tables --selftest``).

This file is also the fake ``reform`` binary used by the test::

    python3 selftest.py --fake exact|shifted|fail tables PDF --pages N [--area t,l,b,r] --mode M --format json

``exact`` looks the case(s) up in the suite index by (pdf, page, area, mode) and prints their
expected grids in reform's JSON contract (spanning cells from ``spans`` as cells with
row_span/col_span): every score must be 1. ``shifted`` prints each expected grid with a junk
row on top and a junk column on the left (so a rigid offset of (1, 1) is needed), the text
of its last non-empty row altered and, for ICDAR cases, its spans dropped: scores must be below 1 and
equal to what that damage implies. ``fail`` exits 1: every case must score 0.
"""

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from eval_tables import suites as suites_mod  # noqa: E402
from eval_tables.metrics import (adjacency_relations, align_score, cell_scores,  # noqa: E402
                                 cells_from_grid, normalize_grid, prf, relation_counts)

JUNK = "#junk#"


# --------------------------------------------------------------------------- fake reform

def fake_main(argv):
    kind = argv[0]
    if kind == "fail":
        print("fake reform: failing on purpose", file=sys.stderr)
        return 1
    p = argparse.ArgumentParser()
    p.add_argument("cmd")
    p.add_argument("pdf")
    p.add_argument("--pages", type=int)
    p.add_argument("--area")
    p.add_argument("--mode", default="auto")
    p.add_argument("--format")
    a = p.parse_args(argv[1:])
    assert a.cmd == "tables" and a.format == "json", argv
    area = [float(v) for v in a.area.split(",")] if a.area else None
    root = os.environ.get("REFORM_PEER_SUITES", suites_mod.DEFAULT_ROOT)
    tables = []
    pdf = os.path.realpath(a.pdf)
    for c in suites_mod.load_cases(root, where=lambda e: e["page"] == a.pages and os.path.realpath(
            os.path.join(root, e["pdf"])) == pdf):
        if (c.mode or "auto") != a.mode:
            continue
        if (c.area is None) != (area is None):
            continue
        if area and max(abs(x - y) for x, y in zip(c.area, area)) > 0.01:
            continue
        tables.append(make_table(c, kind))
    json.dump({"file": a.pdf, "tables": tables}, sys.stdout, ensure_ascii=False)
    return 0


def damage(rows):
    """Corrupt the text of the last non-empty row; add a junk row and column that are
    non-empty only in their corner (so no empty row/column of the grid comes alive)."""
    rows = [list(r) for r in rows]
    nonempty = [i for i, r in enumerate(rows) if any((t or "").strip() for t in r)]
    if len(nonempty) > 1:
        i = nonempty[-1]
        rows[i] = [(t + "~") if (t or "").strip() else t for t in rows[i]]
    width = max(len(r) for r in rows) if rows else 0
    return [[JUNK] + [""] * width] + [[""] + r for r in rows]


def make_table(case, kind):
    rows = [list(r) for r in case.expected]
    spans = case.spans
    if kind == "shifted":
        rows, spans = damage(rows), []
    covered = {}
    for (r0, c0, r1, c1) in spans:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                covered[(r, c)] = (r0, c0)
    cells = []
    for (r0, c0, r1, c1) in spans:
        cells.append({"row": r0, "col": c0, "row_span": r1 - r0 + 1, "col_span": c1 - c0 + 1,
                      "bbox": [0, 0, 0, 0], "text": rows[r0][c0]})
    for r, row in enumerate(rows):
        for c, t in enumerate(row):
            if (r, c) not in covered:
                cells.append({"row": r, "col": c, "row_span": 1, "col_span": 1,
                              "bbox": [0, 0, 0, 0], "text": t})
    n_cols = max((len(r) for r in rows), default=0)
    return {"page": case.page, "bbox": [0, 0, 0, 0], "mode": "stream",
            "n_rows": len(rows), "n_cols": n_cols, "cells": cells, "rows": rows}


# --------------------------------------------------------------------------- checks

def unit_checks():
    fails = []

    def check(cond, what):
        if not cond:
            fails.append(what)

    # normalisation and empty rows/cols
    check(normalize_grid([["", " a\n b ", ""], ["", "", ""], ["", "\uff21", None]])
          == [["a b"], ["A"]], "normalize_grid")
    # rigid alignment
    n, off = align_score([["a", "b"], ["c", "d"]], [["x", "x", "x"], ["x", "a", "b"], ["x", "c", "q"]])
    check((n, off) == (3, (1, 1)), f"align_score {n} {off}")
    s = cell_scores([["a", "b"], ["c", "d"]], [[["a"]], [["a", "b"], ["c", "d"], ["", ""]]])
    check(s["exact"] and s["acc"] == 1.0 and s["best_index"] == 1, f"cell_scores {s}")
    # adjacency relations with a spanning header and a blank cell:
    #   H  H  (H spans 2 columns)
    #   a  ''  b
    #   c  d   e
    cells = cells_from_grid([["H", "", "G"], ["a", "", "b"], ["c", "d", "e"]], [[0, 0, 0, 1]])
    rels = adjacency_relations(cells)
    want = {("H", "G", "h"), ("a", "b", "h"), ("c", "d", "h"), ("d", "e", "h"),
            ("H", "a", "v"), ("H", "d", "v"), ("a", "c", "v"), ("G", "b", "v"), ("b", "e", "v")}
    check(set(rels) == want and sum(rels.values()) == len(want), f"relations {sorted(rels)}")
    c, g, p = relation_counts(rels, adjacency_relations(cells_from_grid(
        [["H", "", "G"], ["a", "", "b"], ["c", "d", "e"]])))
    # without the span: H->G still found (blank skipped), H->d lost, ''->d not a relation
    check((c, g, p) == (8, 9, 8), f"relation_counts {(c, g, p)}")
    check(prf(8, 9, 8)[0] == 1.0, "prf")
    return fails


def run_fake(kind, args, cases):
    from .runner import run_all
    reform = [sys.executable, os.path.abspath(__file__), "--fake", kind]
    os.environ["REFORM_PEER_SUITES"] = args.root
    return run_all(reform, cases, jobs=args.jobs)


def same_inputs(cases):
    seen = {}
    for c in cases:
        seen.setdefault((c.pdf, c.page, c.mode, tuple(c.area or ())), []).append(c.name)
    return {n for names in seen.values() if len(names) > 1 for n in names}


def expected_shifted_acc(case):
    exp = normalize_grid(case.expected)
    n = sum(1 for r in exp for t in r if t)
    if len(exp) <= 1:
        return 1.0
    last = sum(1 for t in exp[-1] if t)
    # an altered cell can still match only if "text~" occurs in the table; lower bound
    return (n - last) / n


def main(args):
    from .score import summarize, summary_line
    fails = unit_checks()
    excluded = [] if args.include_tool_specific else [t for t in args.exclude_tags.split(",") if t]
    want = None
    if args.suite:
        want = {s.strip() for v in args.suite for s in v.split(",") if s.strip()}
    cases = suites_mod.load_cases(args.root, want, args.case, excluded)
    print(f"selftest: {len(cases)} cases, unit checks {'ok' if not fails else 'FAILED'}")

    res = run_fake("exact", args, cases)
    for r in res:
        if not (r["ok"] and r["acc"] == 1.0 and r["exact"]):
            fails.append(f"exact fake: {r['suite']}/{r['case']} acc {r['acc']} exact {r['exact']}"
                         f" {r['error']}")
        if "rel_gt" in r and not (r["rel_correct"] == r["rel_gt"] == r["rel_pred"]):
            fails.append(f"exact fake: {r['case']} relations {r['rel_correct']}/{r['rel_gt']}"
                         f"/{r['rel_pred']}")
    for s, a in summarize(res).items():
        print("exact   " + summary_line(s, a))

    res = run_fake("shifted", args, cases)
    by = {c.name: c for c in cases}
    twins = same_inputs(cases)
    if twins:
        print(f"  {len(twins)} cases share (pdf, page, mode, area) with another case")
    for r in res:
        c = by[r["case"]]
        lo = expected_shifted_acc(c)
        if c.name in twins:  # another case with the same inputs may match better
            continue
        if r["exact"] or not (lo - 1e-5 <= r["acc"] < 1.0 or (lo == 1.0 and r["acc"] == 1.0)):
            fails.append(f"shifted fake: {r['case']} acc {r['acc']} (want >= {lo:.3f}, < 1)")
        if r["ok"] and r["acc"] > 0 and r["offset"] != [1, 1]:
            fails.append(f"shifted fake: {r['case']} offset {r['offset']}")
        if "rel_gt" in r and prf(r["rel_correct"], r["rel_gt"], r["rel_pred"])[2] >= 1.0:
            fails.append(f"shifted fake: {r['case']} relations not damaged")
    for s, a in summarize(res).items():
        print("shifted " + summary_line(s, a))

    res = run_fake("fail", args, cases)
    for r in res:
        if r["ok"] or r["acc"] != 0 or r.get("rel_correct", 0):
            fails.append(f"fail fake: {r['case']} scored")
    for s, a in summarize(res).items():
        print("fail    " + summary_line(s, a))

    for f in fails[:40]:
        print("FAIL", f)
    print(f"selftest {'FAILED (%d)' % len(fails) if fails else 'passed'}")
    return 1 if fails else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--fake":
        sys.exit(fake_main(sys.argv[2:]))
    print("run: scripts/eval-tables --selftest", file=sys.stderr)
    sys.exit(2)

"""Per-case scoring and per-suite aggregation."""

from collections import OrderedDict

from .metrics import (adjacency_relations, cell_scores, cells_from_grid, cells_from_output,
                      prf, relation_counts)
from .suites import SUITE_ORDER


def table_cells(table):
    """Cells with spans of a predicted table: its ``cells`` if it has them
    (our JSON), else every grid slot as a 1x1 cell (peers)."""
    if table.get("cells"):
        return cells_from_output(table["cells"])
    return cells_from_grid(table.get("rows") or [])


def score_case(case, tables, seconds, error=None):
    """Score one case. tables: list of {"rows": grid, "cells": optional}."""
    tables = tables or []
    grids = [t.get("rows") or [] for t in tables]
    cs = cell_scores(case.expected, grids)
    res = OrderedDict(suite=case.suite, case=case.name, tags=case.tags,
                      ok=error is None, error=error, seconds=round(seconds, 4),
                      n_tables=len(tables), acc=round(cs["acc"], 6), exact=cs["exact"],
                      n_expected=cs["n_expected"], n_correct=cs["n_correct"],
                      best_table=cs["best_index"], offset=cs["offset"],
                      exp_shape=cs["exp_shape"], pred_shape=cs["pred_shape"])
    if case.is_icdar:
        pred = None
        for t in tables:
            r = adjacency_relations(table_cells(t))
            pred = r if pred is None else pred + r
        pred = pred if pred is not None else adjacency_relations([])
        best = None
        for v, gt_cells in enumerate(case.gt_variants()):
            c, g, p = relation_counts(adjacency_relations(gt_cells), pred)
            key = (prf(c, g, p)[2], c)
            if best is None or key > best[0]:
                best = (key, v, c, g, p)
        _, v, c, g, p = best
        res.update(rel_correct=c, rel_gt=g, rel_pred=p, gt_variant=v)
    return res


def summarize(results):
    """Per-suite aggregates, in SUITE_ORDER. cell_acc is the mean of per-case
    accuracies (macro); cell_acc_micro pools cells."""
    by = OrderedDict()
    for r in results:
        by.setdefault(r["suite"], []).append(r)
    out = OrderedDict()
    for s in sorted(by, key=lambda s: (SUITE_ORDER.index(s) if s in SUITE_ORDER else 99, s)):
        rs = by[s]
        n = len(rs)
        agg = OrderedDict(cases=n,
                          failed=sum(1 for r in rs if not r["ok"]),
                          exact=sum(1 for r in rs if r["exact"]) / n,
                          cell_acc=sum(r["acc"] for r in rs) / n,
                          cell_acc_micro=(sum(r["n_correct"] for r in rs)
                                          / max(1, sum(r["n_expected"] for r in rs))),
                          sec_per_table=sum(r["seconds"] for r in rs) / n)
        if any("rel_gt" in r for r in rs):
            c = sum(r.get("rel_correct", 0) for r in rs)
            g = sum(r.get("rel_gt", 0) for r in rs)
            p = sum(r.get("rel_pred", 0) for r in rs)
            P, R, F = prf(c, g, p)
            agg.update(icdar_p=P, icdar_r=R, icdar_f1=F, rel_correct=c, rel_gt=g, rel_pred=p)
        out[s] = agg
    return out


def summary_line(suite, agg, label=None):
    head = f"{label + ' ' if label else ''}{suite:<12} {agg['cases']:>4} cases"
    line = (f"{head}  exact {100 * agg['exact']:5.1f}%  cell_acc {agg['cell_acc']:.3f}")
    if "icdar_f1" in agg:
        line += (f"  icdar P {agg['icdar_p']:.3f} R {agg['icdar_r']:.3f}"
                 f" F1 {agg['icdar_f1']:.3f}")
    line += f"  {agg['sec_per_table']:.2f} sec/table"
    if agg["failed"]:
        line += f"  ({agg['failed']} failed)"
    return line


def detail_line(r):
    s = (f"  {r['case']:<58} acc {r['acc']:.3f} {'EXACT' if r['exact'] else '     '}"
         f" exp {r['exp_shape'][0]}x{r['exp_shape'][1]}")
    if r["pred_shape"]:
        s += f" got {r['pred_shape'][0]}x{r['pred_shape'][1]}"
        if r["offset"] and r["offset"] != [0, 0]:
            s += f" off {r['offset'][0]:+d},{r['offset'][1]:+d}"
    s += f" [{r['n_tables']}t]"
    if "rel_gt" in r:
        P, R, F = prf(r["rel_correct"], r["rel_gt"], r["rel_pred"])
        s += f" rel F1 {F:.2f} ({r['rel_correct']}/{r['rel_gt']}gt/{r['rel_pred']}pred)"
    s += f" {r['seconds']:.2f}s"
    if r["error"]:
        s += f"  ERROR: {r['error'][:160]}"
    return s

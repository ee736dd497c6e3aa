"""Scoring functions (definitions in the package docstring, ``eval_tables/__init__.py``).

Pure python, no third-party imports: this module is also imported by the peer
worker that runs inside ``.venv-peers``.
"""

import re
import unicodedata
from collections import Counter

_WS = re.compile(r"\s+")


# --------------------------------------------------------------------------- text

def norm_cell(text):
    """Cell-accuracy normalisation: NFKC, whitespace runs -> one space, stripped."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    return _WS.sub(" ", text).strip()


def norm_rel(text):
    """ICDAR relation normalisation: NFKC, all whitespace removed."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    return _WS.sub("", text)


# --------------------------------------------------------------------------- grids

def normalize_grid(rows):
    """Normalise every cell, pad ragged rows, drop all-empty rows and columns."""
    rows = [[norm_cell(c) for c in (r or [])] for r in (rows or [])]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    keep = [j for j in range(width) if any(r[j] for r in rows)]
    return [[r[j] for j in keep] for r in rows]


def align_score(exp, pred):
    """Best rigid alignment of two normalised grids.

    Returns (matches, (dr, dc)): the largest number of non-empty expected cells
    exp[i][j] equal to pred[i+dr][j+dc] over all integer offsets.
    """
    where = {}
    for i, row in enumerate(pred):
        for j, t in enumerate(row):
            if t:
                where.setdefault(t, []).append((i, j))
    votes = Counter()
    for i, row in enumerate(exp):
        for j, t in enumerate(row):
            if t and t in where:
                for (pi, pj) in where[t]:
                    votes[(pi - i, pj - j)] += 1
    if not votes:
        return 0, (0, 0)
    off, n = max(votes.items(), key=lambda kv: (kv[1], -abs(kv[0][0]) - abs(kv[0][1])))
    return n, off


def cell_scores(expected_rows, predicted_tables):
    """Cell accuracy and exactness of the best predicted table.

    predicted_tables: list of grids (list of rows of strings).
    Returns dict(acc, exact, n_expected, n_correct, best_index, offset, pred_shape).
    """
    exp = normalize_grid(expected_rows)
    n_exp = sum(1 for r in exp for t in r if t)
    best = {"acc": 0.0, "exact": False, "n_expected": n_exp, "n_correct": 0,
            "best_index": None, "offset": None, "pred_shape": None,
            "exp_shape": [len(exp), len(exp[0]) if exp else 0]}
    for k, rows in enumerate(predicted_tables):
        pred = normalize_grid(rows)
        n, off = align_score(exp, pred)
        acc = n / n_exp if n_exp else (1.0 if not pred else 0.0)
        exact = pred == exp
        key = (exact, acc)
        if best["best_index"] is None or key > (best["exact"], best["acc"]):
            best.update(acc=acc, exact=exact, n_correct=n, best_index=k, offset=list(off),
                        pred_shape=[len(pred), len(pred[0]) if pred else 0])
    return best


# --------------------------------------------------------------------------- ICDAR 2013

def cells_from_grid(rows, spans=None):
    """Cells (r0, c0, r1, c1, text) of a grid whose spanning cells are listed in
    ``spans`` ([r0, c0, r1, c1], inclusive) with their text at (r0, c0); every
    other slot is a 1x1 cell."""
    spans = spans or []
    covered = set()
    cells = []
    for (r0, c0, r1, c1) in spans:
        cells.append((r0, c0, r1, c1, rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""))
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                covered.add((r, c))
    for r, row in enumerate(rows):
        for c, t in enumerate(row):
            if (r, c) not in covered:
                cells.append((r, c, r, c, t if t is not None else ""))
    return cells


def cells_from_output(cells):
    """Cells of our JSON output: {"row","col","row_span","col_span","text"}."""
    out = []
    for c in cells:
        r0, c0 = int(c["row"]), int(c["col"])
        r1 = r0 + max(1, int(c.get("row_span", 1) or 1)) - 1
        c1 = c0 + max(1, int(c.get("col_span", 1) or 1)) - 1
        out.append((r0, c0, r1, c1, c.get("text") or ""))
    return out


def adjacency_relations(cells):
    """Adjacency relations of a table (Goebel et al. 2012/2013).

    For every non-blank cell: its nearest non-blank neighbour to the right in each
    grid row the cell spans, and its nearest non-blank neighbour below in each grid
    column it spans (blank cells are skipped, a spanning cell may therefore have
    several neighbours in one direction; each (cell, neighbour) pair counts once).
    Returns a Counter of (text1, text2, "h"|"v") with ``norm_rel`` text.
    """
    grid = {}
    texts = []
    for idx, (r0, c0, r1, c1, t) in enumerate(cells):
        texts.append(norm_rel(t))
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                grid[(r, c)] = idx  # later cells win on overlap
    if not grid:
        return Counter()
    n_r = max(r for r, _ in grid) + 1
    n_c = max(c for _, c in grid) + 1
    pairs = set()
    rels = Counter()

    def scan(seq, direction):
        prev = None
        for idx in seq:
            if idx is None or not texts[idx] or idx == prev:
                continue
            if prev is not None and (prev, idx, direction) not in pairs:
                pairs.add((prev, idx, direction))
                rels[(texts[prev], texts[idx], direction)] += 1
            prev = idx

    for r in range(n_r):
        scan([grid.get((r, c)) for c in range(n_c)], "h")
    for c in range(n_c):
        scan([grid.get((r, c)) for r in range(n_r)], "v")
    return rels


def relation_counts(gt_rels, pred_rels):
    """(correct, n_gt, n_pred) with multiset matching of relation tuples."""
    correct = sum((gt_rels & pred_rels).values())
    return correct, sum(gt_rels.values()), sum(pred_rels.values())


def prf(correct, n_gt, n_pred):
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gt if n_gt else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

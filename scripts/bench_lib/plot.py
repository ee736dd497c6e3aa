"""The scaling plot; run by a Python with matplotlib (.venv-bench).

usage: plot.py SERIES.json OUT.png
SERIES.json: {"title": str, "series": {label: [[pages, seconds, rss_mb], ...]}}
"""

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(src, out):
    with open(src, encoding="utf-8") as f:
        d = json.load(f)
    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(10, 4), dpi=110)
    for label, pts in d["series"].items():
        pages = [p[0] for p in pts]
        ax_t.plot(pages, [p[1] for p in pts], marker="o", label=label)
        ax_m.plot(pages, [p[2] for p in pts], marker="o", label=label)
    first = next(iter(d["series"].values()))
    if first:  # a line through the first tool's largest point with slope 1: linear in pages
        n, s = first[-1][0], first[-1][1]
        xs = [first[0][0], n]
        ax_t.plot(xs, [s * x / n for x in xs], ls="--", c="grey", lw=0.8, label="linear")
    ax_t.set_xscale("log")
    ax_t.set_yscale("log")
    ax_t.set_xlabel("pages")
    ax_t.set_ylabel("wall time, s (median)")
    ax_t.set_title("time")
    ax_m.set_xscale("log")
    ax_m.set_ylim(bottom=0)
    ax_m.set_xlabel("pages")
    ax_m.set_ylabel("peak RSS, MB (median)")
    ax_m.set_title("memory")
    for ax in (ax_t, ax_m):
        ax.grid(True, which="both", lw=0.3)
    ax_t.legend(fontsize=8)
    fig.suptitle(d["title"], fontsize=10)
    fig.tight_layout()
    fig.savefig(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

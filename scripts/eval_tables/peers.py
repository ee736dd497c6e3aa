"""--peers: run pdfplumber, PyMuPDF, camelot and tabula-py on the same cases,
score them with the same scorer and write docs/peer-results.md."""

import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from .peer_worker import is_cached
from .score import score_case, summarize, summary_line

HERE = os.path.dirname(os.path.abspath(__file__))
VENV = ".venv-peers"
CACHE = os.path.join(".scratch", "peers")
PINS = ["pdfplumber==0.11.10", "pymupdf==1.26.7", "camelot-py==2.0.0", "tabula-py==2.10.0",
        "jpype1"]  # jpype: tabula-java in-process instead of one JVM per call

# main comparison (case's own mode; null -> the peer's auto), and the
# ICDAR-only variants quoted in icdar2013/README.md
MAIN_SPECS = ["tabula", "camelot", "pdfplumber", "pymupdf"]
ICDAR_SPECS = ["camelot:stream", "camelot:hybrid", "camelot:lattice", "pdfplumber:text",
               "pdfplumber:lines"]
LABELS = {"tabula": "tabula-py 2.10 (tabula-java 1.0.5)", "camelot": "camelot 2.0",
          "pdfplumber": "pdfplumber 0.11", "pymupdf": "PyMuPDF 1.26.7 find_tables",
          "reform": "reform (ours)"}

# icdar2013/README.md and README.md "Peer results" (cell acc, exact, s/call)
README_PEERS = {
    "tabula": {"tabula-java": (0.87, 0.87, 0.11), "camelot": (0.67, 0.20, 0.32),
               "icdar2013": (0.58, 0.19, 0.25)},
    "camelot": {"tabula-java": (0.81, 0.57, 0.34), "camelot": (0.74, 0.43, 0.60),
                "icdar2013": (0.79, 0.42, 0.92)},
    "pdfplumber": {"tabula-java": (0.76, 0.39, 0.31), "camelot": (0.50, 0.11, 0.49),
                   "icdar2013": (0.50, 0.26, 0.25)},
    "pymupdf": {"tabula-java": (0.77, 0.35, 0.41), "camelot": (0.49, 0.09, 0.90),
                "icdar2013": (0.53, 0.33, 0.49)},
}
README_ICDAR_F1 = {"camelot:stream": 0.908, "pdfplumber:text": 0.845, "camelot:lattice": 0.069,
                   "pdfplumber:lines": 0.284, "pymupdf": 0.156}
NOTES_MARK = "<!-- notes: everything below this line is hand-written and kept on regeneration -->"


def venv_python(repo):
    return os.path.join(repo, VENV, "bin", "python")


def ensure_tools(tools):
    """Installs the Debian package of each (command, package) whose command is missing."""
    missing = [pkg for tool, pkg in tools if not shutil.which(tool)]
    if not missing:
        return
    print(f"installing {' '.join(missing)} (apt-get)", file=sys.stderr)
    # root runs apt-get itself (a fresh container has no sudo); others through sudo -n
    apt = ["apt-get"] if os.geteuid() == 0 else ["sudo", "-n", "apt-get"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(apt + ["update", "-qq"], check=False, env=env)
    subprocess.run(apt + ["install", "-y", "-qq", "--no-install-recommends"] + missing, check=False, env=env)


def ensure_venv(repo, install=True):
    py = venv_python(repo)
    if install:
        # camelot needs ghostscript, tabula-py a Java runtime
        ensure_tools([("gs", "ghostscript"), ("java", "default-jre-headless")])
    if not shutil.which("java"):
        print("warning: no java on PATH; tabula-py will fail", file=sys.stderr)
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", os.path.join(repo, VENV)], check=True)
    if install:
        probe = subprocess.run([py, "-c", "import pdfplumber, fitz, camelot, tabula, jpype"],
                               capture_output=True)
        if probe.returncode != 0:
            subprocess.run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
            subprocess.run([py, "-m", "pip", "install", "-q"] + PINS, check=True)
    return py


def cache_dir_name(spec, case):
    # ICDAR run on the full page (--icdar-area none) is cached apart
    suffix = "+fullpage" if case.is_icdar and case.area is None else ""
    return spec.replace(":", "-") + suffix


def cache_file(cache_dir, spec, case):
    return os.path.join(cache_dir, cache_dir_name(spec, case), case.suite, case.name + ".json")


def run_specs(py, specs_cases, cache_dir, jobs=2):
    """specs_cases: list of (spec, cases). Runs the uncached ones, 2 workers at a time."""
    tasks = []
    tmpdir = os.path.join(cache_dir, "_jobs")
    os.makedirs(tmpdir, exist_ok=True)
    for spec, cases in specs_cases:
        todo = [c for c in cases if not is_cached(cache_dir, spec, c.to_job())]
        if not todo:
            continue
        n = 2 if len(todo) > 20 else 1
        for k in range(n):
            chunk = todo[k::n]
            path = os.path.join(tmpdir, f"{cache_dir_name(spec, todo[0])}_{k}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump([c.to_job() for c in chunk], f)
            tasks.append((spec, path, len(chunk)))

    def work(task):
        spec, path, n = task
        t0 = time.time()
        log = os.path.join(tmpdir, os.path.basename(path) + ".log")
        with open(log, "w") as lf:
            p = subprocess.run([py, os.path.join(HERE, "peer_worker.py"), spec, path, cache_dir],
                               stdout=lf, stderr=subprocess.STDOUT)
        print(f"  {spec}: {n} cases in {time.time() - t0:.0f}s (exit {p.returncode}, log {log})",
              file=sys.stderr, flush=True)

    if tasks:
        print(f"running {len(tasks)} peer jobs ({sum(t[2] for t in tasks)} case runs)",
              file=sys.stderr, flush=True)
        with ThreadPoolExecutor(max_workers=jobs) as ex:
            list(ex.map(work, tasks))


def score_spec(spec, cases, cache_dir):
    out = []
    for c in cases:
        path = cache_file(cache_dir, spec, c)
        try:
            with open(path, encoding="utf-8") as f:
                d = json.load(f)
        except (OSError, ValueError):
            out.append(score_case(c, [], 0.0, "not run"))
            continue
        out.append(score_case(c, [{"rows": t} for t in d["tables"]], d["seconds"], d["error"]))
    return out


def _cell(agg):
    if not agg:
        return "-"
    return f"{agg['cell_acc']:.2f} / {100 * agg['exact']:.0f}% / {agg['sec_per_table']:.2f}"


def write_markdown(path, command, suites, main, icdar_extra, n_cases, excluded, check=None):
    lines = ["# Peer results on the peer suites", "",
             "Generated by `scripts/eval-tables --peers` from the peers' own test suites in "
             "`/work/shared/peer-suites/` (not in this repo). Reproduce with:", "",
             "```", command, "```", "",
             "Each tool gets only the case's page, mode and area (ICDAR 2013: the ground-truth "
             "region plus 2 pt on each side, the acceptance protocol). lattice/stream as the "
             "case says (pdfplumber and PyMuPDF: lines/text strategy); `mode: null` -> the "
             "peer's own default: tabula neither flag (tabula-java decides), camelot "
             "`lattice`, pdfplumber and PyMuPDF lines. tabula gets `guess=True` only when no "
             "area is given; camelot gets the area as `table_areas`, except `table_regions` "
             "where the camelot test used that and for tabula-java lattice cases. No "
             "tool-specific options (camelot `columns`, `row_tol`, ... are not passed). "
             "Seconds: the extraction call alone, after an untimed warm-up call; reform: the "
             "whole process.", "",
             f"Cases: {n_cases}" + (f" (excluded tags: {', '.join(excluded)})" if excluded else "")
             + ". Scoring definitions: `scripts/eval_tables/__init__.py`.", "",
             "## Cell accuracy / exact tables / seconds per table", ""]
    head = "| tool | " + " | ".join(f"{s} ({main[next(iter(main))][0].get(s, {}).get('cases', 0)})"
                                    for s in suites) + " | ICDAR 2013 structure P / R / F1 |"
    lines += [head, "|---" * (len(suites) + 2) + "|"]
    if "reform" not in main:
        lines.append("| reform (ours) | " + " | ".join("not built yet" for _ in suites)
                     + " | - |")
    for spec, (aggs, _) in main.items():
        ic = aggs.get("icdar2013")  # noqa
        icf = (f"{ic['icdar_p']:.3f} / {ic['icdar_r']:.3f} / **{ic['icdar_f1']:.3f}**"
               if ic and "icdar_f1" in ic else "-")
        label = LABELS.get(spec, spec)
        if spec == "reform":
            rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                 text=True, cwd=os.path.dirname(path)).stdout.strip()
            label += f" @ {rev}" if rev else ""
        lines.append(f"| {label} | "
                     + " | ".join(_cell(aggs.get(s)) for s in suites) + f" | {icf} |")
    if check:
        lines += ["", "## Check of the scorer against the suites' README", "",
                  "The README's \"Peer results\" protocol differs from the one above: all 223 "
                  "cases (tool-specific ones included) and ICDAR 2013 on the full page "
                  "(`area: null`, so table detection is part of it). Same peers, same scorer, "
                  "that protocol (`--include-tool-specific --icdar-area none`):", "",
                  "| peer | suite | measured | README | delta acc |", "|---|---|---|---|---|"]
    for spec, aggs in (check or {}).items():
        for s in suites:
            ref = README_PEERS.get(spec, {}).get(s)
            a = aggs.get(s)
            if not ref or not a:
                continue
            lines.append(f"| {LABELS.get(spec, spec)} | {s} | {_cell(a)} | "
                         f"{ref[0]:.2f} / {100 * ref[1]:.0f}% / {ref[2]:.2f} | "
                         f"{a['cell_acc'] - ref[0]:+.2f} |")
    if icdar_extra:
        lines += ["", "## ICDAR 2013 structure F1 by peer configuration", "",
                  "Adjacency-relation metric, relations summed over all 156 tables; "
                  "reference = `icdar2013/README.md`.", "",
                  "| configuration | P | R | F1 | README F1 | cell acc | exact |",
                  "|---|---|---|---|---|---|---|"]
        for spec, a in icdar_extra.items():
            ref = README_ICDAR_F1.get(spec)
            lines.append(f"| {spec} | {a['icdar_p']:.3f} | {a['icdar_r']:.3f} | "
                         f"{a['icdar_f1']:.3f} | {ref if ref is not None else '-'} | "
                         f"{a['cell_acc']:.2f} | {100 * a['exact']:.0f}% |")
    notes = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
        if NOTES_MARK in old:
            notes = old.split(NOTES_MARK, 1)[1]
    lines += ["", NOTES_MARK]
    text = "\n".join(lines) + (notes if notes else "\n")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def run_peers(args, cases, repo, reform_results=None):
    cache_dir = os.path.join(repo, CACHE)
    py = ensure_venv(repo, install=not args.no_install)
    specs = args.peer_list.split(",") if args.peer_list else list(MAIN_SPECS)
    extra = [] if args.peer_list else ICDAR_SPECS
    icdar_cases = [c for c in cases if c.is_icdar]
    if args.rerun:
        for spec in specs + extra:
            shutil.rmtree(os.path.join(cache_dir, spec.replace(":", "-")), ignore_errors=True)
    run_specs(py, [(s, cases) for s in specs] + [(s, icdar_cases) for s in extra if icdar_cases],
              cache_dir, jobs=args.jobs)
    suites = []
    for c in cases:
        if c.suite not in suites:
            suites.append(c.suite)
    main = {}
    if reform_results is not None:
        main["reform"] = (summarize(reform_results), reform_results)
    all_results = {}
    for spec in specs:
        res = score_spec(spec, cases, cache_dir)
        all_results[spec] = res
        main[spec] = (summarize(res), res)
    icdar_extra = {}
    for spec in extra + (["pymupdf"] if "pymupdf" in specs and extra else []):
        if icdar_cases:
            res = score_spec(spec, icdar_cases, cache_dir)
            all_results.setdefault(spec, res)
            icdar_extra[spec] = summarize(res)["icdar2013"]
    for spec, (aggs, _) in main.items():
        if spec == "reform":  # already printed
            continue
        for s, a in aggs.items():
            print(summary_line(s, a, label=f"{spec:<16}"))
    for spec, a in icdar_extra.items():
        print(summary_line("icdar2013", a, label=f"{spec:<16}"))
    return main, icdar_extra, all_results, suites


def run_check(args, cases, repo):
    """The README protocol for the main peers (see write_markdown); returns aggregates."""
    cache_dir = os.path.join(repo, CACHE)
    py = ensure_venv(repo, install=False)
    run_specs(py, [(s, cases) for s in MAIN_SPECS], cache_dir, jobs=args.jobs)
    out = {}
    for spec in MAIN_SPECS:
        out[spec] = summarize(score_spec(spec, cases, cache_dir))
        for s, a in out[spec].items():
            print(summary_line(s, a, label=f"check {spec:<10}"))
    return out

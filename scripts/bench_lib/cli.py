"""scripts/bench: time and peak RSS of reform, pdftotext -bbox-layout and the table peers."""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

from . import environment, inputs, report
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from eval_tables.peers import ensure_tools, ensure_venv  # noqa: E402  (the same pinned venv as scripts/eval-tables)
from .measure import run_child
from .tools import BATCH_LABELS, PEERS, REFERENCES, Tool, make_batch_tools, make_tools

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCALING_TOOLS = ["reform-extract", "pdftotext"]


def parse(argv):
    ap = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    ap.add_argument("--quick", action="store_true",
                    help="one born-digital and one scanned file, 3 runs, scaling to 10 pages, "
                         "a 10-page long PDF, no peers unless --peers; results-quick.json, docs "
                         "untouched")
    ap.add_argument("--runs", type=int, help="measured rounds after the warm-up (default 5, quick 3)")
    ap.add_argument("--peers", dest="peers", action="store_true", default=None,
                    help="measure the peers (default for a full run)")
    ap.add_argument("--no-peers", dest="peers", action="store_false")
    ap.add_argument("--peer-list", help=f"comma-separated subset of {','.join(PEERS)}")
    ap.add_argument("--no-install", action="store_true",
                    help="do not create or fill the peers' virtual environment")
    ap.add_argument("--reform", help="the reform binary to measure (skips the build)")
    ap.add_argument("--no-build", action="store_true", help="use the existing release binary")
    ap.add_argument("--scratch-path", default=".build",
                    help="swift build --scratch-path (default .build)")
    ap.add_argument("--dynamic-stdlib", action="store_true",
                    help="build reform as a plain `swift build -c release` does, with the shared Swift "
                         "runtime (default: scripts/lib/release-args, as scripts/demo builds it)")
    ap.add_argument("--rev", help="build reform from this git revision, exported with git archive "
                                  "into .scratch/bench/src (others' uncommitted edits left out)")
    ap.add_argument("--peer-sets", help="the corpus sets the peers run on (default: all)")
    ap.add_argument("--timing-runs", type=int, default=2,
                    help="passes of reform extract --timings over the corpus (default 2)")
    ap.add_argument("--scaling-runs", type=int,
                    help="measured rounds of the scaling phase (default: --runs)")
    ap.add_argument("--sizes", help="scaling page counts (default 1,10,100,500; quick 1,10)")
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--no-batch", action="store_true",
                    help="skip the batch phase (each set's files in one call per tool)")
    ap.add_argument("--no-long", action="store_true",
                    help="skip the long-PDF phase (every tool on one PDF of the largest --sizes "
                         "count of born-digital pages; the scaling phase then measures that PDF "
                         "with reform and pdftotext)")
    ap.add_argument("--long-runs", type=int,
                    help="measured rounds of the long-PDF phase (default: --runs)")
    ap.add_argument("--out", help="results JSON (default .scratch/bench/results.json, "
                                  "quick: results-quick.json)")
    ap.add_argument("--docs", dest="docs", action="store_true", default=None,
                    help="write docs/benchmarks.md and docs/bench-scaling.png (default for a full run)")
    ap.add_argument("--no-docs", dest="docs", action="store_false")
    ap.add_argument("--report-only", action="store_true",
                    help="measure nothing: render the docs again from the results JSON")
    a = ap.parse_args(argv)
    a.runs = a.runs or (3 if a.quick else 5)
    a.scaling_runs = a.scaling_runs or a.runs
    a.long_runs = a.long_runs or a.runs
    a.peers = (not a.quick) if a.peers is None else a.peers
    a.docs = (not a.quick) if a.docs is None else a.docs
    a.sizes = [int(s) for s in (a.sizes or ("1,10" if a.quick else "1,10,100,500")).split(",")]
    a.out = a.out or os.path.join(REPO, inputs.SCRATCH,
                                  "results-quick.json" if a.quick else "results.json")
    return a


def sync_tree(src, dst):
    """Makes dst hold src's files, rewriting only the files whose bytes differ."""
    want = set()
    for root, _, files in os.walk(src):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), src)
            want.add(rel)
            a, b = os.path.join(src, rel), os.path.join(dst, rel)
            with open(a, "rb") as f:
                data = f.read()
            if os.path.exists(b):
                with open(b, "rb") as f:
                    if f.read() == data:
                        continue
            os.makedirs(os.path.dirname(b), exist_ok=True)
            with open(b, "wb") as f:
                f.write(data)
    for root, _, files in os.walk(dst):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), dst)
            if rel not in want:
                os.remove(os.path.join(dst, rel))


def release_flags():
    """The swift build arguments of a release build (scripts/lib/release-args, shared with the shell
    scripts); build_reform uses plain `-c release` instead under --dynamic-stdlib."""
    out = subprocess.run([os.path.join(REPO, "scripts", "lib", "release-args")], check=True,
                         capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line]


def build_reform(a):
    if a.reform:
        return os.path.abspath(a.reform)
    scratch = os.path.join(REPO, a.scratch_path)
    src = REPO
    if a.rev:
        # only changed files are rewritten (git archive stamps every file with the commit
        # time), so the next build is incremental
        src = os.path.join(REPO, inputs.SCRATCH, "src")
        fresh = src + ".new"
        subprocess.run(["rm", "-rf", fresh], check=True)
        os.makedirs(fresh)
        archive = subprocess.run(["git", "-C", REPO, "archive", a.rev], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", fresh], input=archive, check=True)
        sync_tree(fresh, src)
        subprocess.run(["rm", "-rf", fresh], check=True)
    if not a.no_build:
        flags = ["-c", "release"] if a.dynamic_stdlib else release_flags()
        print(f"building: swift build {' '.join(flags)} --product reform --scratch-path {a.scratch_path}",
              file=sys.stderr, flush=True)
        subprocess.run(["swift", "build"] + flags + ["--product", "reform", "--scratch-path", scratch],
                       cwd=src, check=True)
    path = os.path.join(scratch, "release", "reform")
    if not os.path.exists(path):
        sys.exit(f"scripts/bench: no reform binary at {path}; build it or pass --reform PATH")
    return path


def build_probe():
    """Compiles poppler_words.c (the per-file reference of any libpoppler-glib reader) into the
    scratch folder with the system's C compiler; None, with a warning, where it cannot."""
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "poppler_words.c")
    out = os.path.join(REPO, inputs.SCRATCH, "poppler_words")
    cc = next((c for c in ("cc", "clang", "gcc") if shutil.which(c)), None)
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "poppler-glib"], capture_output=True,
                           text=True) if shutil.which("pkg-config") else None
    if not cc or not flags or flags.returncode != 0:
        print("warning: no C compiler or no poppler-glib for pkg-config: the libpoppler-glib "
              "reference rows are left out", file=sys.stderr)
        return None
    os.makedirs(os.path.dirname(out), exist_ok=True)
    made = subprocess.run([cc, "-O2", "-o", out, src] + flags.stdout.split(), capture_output=True, text=True)
    if made.returncode != 0:
        print(f"warning: {cc} could not build poppler_words.c, the reference rows are left out:\n"
              f"{made.stderr.strip()[-500:]}", file=sys.stderr)
        return None
    return out


def peer_python(a):
    if not a.peers:
        return None
    return ensure_venv(REPO, install=not a.no_install)


def record(tool, pdf, pages, s):
    row = {"file": pdf, "pages": pages, "wall": round(s.wall, 5), "rss_kb": s.rss_kb,
           "code": s.code}
    row.update(tool.details(s))
    if s.code != 0 and not row.get("error"):
        row["error"] = s.stderr.strip()[-300:]
    return row


def measure_rounds(jobs, tools, runs, label, load, skip=lambda group, tool: False, by_tool=False,
                   warm=None):
    """jobs: [(group, pdf, pages)] (pdf: a list of files for a batch call). Returns {group: {tool
    key: [[row per pdf] per round]}}; `runs` rounds, the tool order rotated each round.

    by_tool=False: one warm-up of every tool on the first pdf of each group, then each round takes
    the pdfs in turn and runs every tool on one before the next (A B C on file 1, A B C on file 2).
    by_tool=True: each round runs one tool over all of a group's pdfs before the next tool (A on
    every file, then B ...), each tool's turn opened by an unmeasured run on the group's first file.
    A machine that pages out file pages idle for seconds (this one: DAMON proactive reclaim) makes
    a tool that waits while the others run read its own code back from disk inside the measured
    run; by tool, every measured run follows one of the same tool.

    warm: the file of the unmeasured runs (default: the group's first file); a long PDF's tools
    warm up on a small one, which brings their code back without minutes of peers' work."""
    out = {}
    groups = {}
    for group, pdf, pages in jobs:
        groups.setdefault(group, []).append((pdf, pages))

    def first_file(group):
        if warm:
            return warm
        pdf = groups[group][0][0]
        return pdf[:1] if isinstance(pdf, (list, tuple)) else pdf

    def measure(t, group, pdf, pages, rows):
        s = run_child(t.command(pdf), capture_stdout=t.capture)
        rows.setdefault(group, {}).setdefault(t.key, []).append(record(t, pdf, pages, s))
        if s.code != 0:
            print(f"  {t.key} {pdf}: exit {s.code}: {s.stderr.strip()[-200:]}", file=sys.stderr)

    if not by_tool:
        for group in groups:
            for t in tools:
                if not skip(group, t):
                    run_child(t.command(first_file(group)), capture_stdout=t.capture)
    for r in range(runs):
        t0 = time.time()
        order = tools[r % len(tools):] + tools[:r % len(tools)]
        rows = {}
        for group, items in groups.items():
            if by_tool:
                for t in order:
                    if skip(group, t):
                        continue
                    run_child(t.command(first_file(group)), capture_stdout=t.capture)
                    for pdf, pages in items:
                        measure(t, group, pdf, pages, rows)
            else:
                for pdf, pages in items:
                    for t in order:
                        if not skip(group, t):
                            measure(t, group, pdf, pages, rows)
        for group, per_tool in rows.items():
            for key, rr in per_tool.items():
                out.setdefault(group, {}).setdefault(key, []).append(rr)
        load.append({"phase": label, "round": r + 1, "loadavg": list(os.getloadavg()),
                     "seconds": round(time.time() - t0, 1)})
        print(f"{label}: round {r + 1}/{runs} in {time.time() - t0:.0f}s, "
              f"load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
    return out


def main(argv=None):
    a = parse(sys.argv[1:] if argv is None else argv)
    os.chdir(REPO)
    if a.report_only:
        with open(a.out, encoding="utf-8") as f:
            results = json.load(f)
        report.write_docs(REPO, results)
        return 0
    started = time.time()
    # the pages are counted and the 500-page PDF is cut by qpdf; pdftotext is the floor measured
    # against: both installed when missing, whatever --no-install says of the peers' environment
    ensure_tools([("qpdf", "qpdf"), ("pdftotext", "poppler-utils")])
    reform = build_reform(a)
    py = peer_python(a)
    peers = [p for p in (a.peer_list.split(",") if a.peer_list else PEERS)] if py else []
    results = {
        "schema": 1, "quick": a.quick, "runs": a.runs,
        "command": "scripts/bench " + " ".join(shlex.quote(x) for x in sys.argv[1:]),
        "started": time.strftime("%Y-%m-%d %H:%M:%S %z", time.localtime(started)),
        "machine": environment.machine(),
        "versions": environment.versions(REPO, reform, py, a.rev),
        "load": [],
    }
    sets = inputs.corpus_sets(REPO, a.quick)
    results["sets"] = {k: {"files": v, "pages": sum(p for _, p in v)} for k, v in sets.items()}
    tools = make_tools(reform, py, peers, probe=build_probe())
    results["tools"] = {t.key: t.label for t in tools}
    results["tools"]["reform-extract-noocr"] = Tool("reform-extract-noocr", []).label
    results["options"] = {"runs": a.runs, "scaling_runs": a.scaling_runs,
                          "timing_runs": a.timing_runs, "peer_sets": a.peer_sets or "all",
                          "long_runs": None if a.no_long else a.long_runs,
                          "rev": a.rev, "reform": os.path.relpath(reform, REPO),
                          "by_tool": True}
    peer_sets = a.peer_sets.split(",") if a.peer_sets else list(sets)

    def peer_off(group, t):
        return t.capture and group not in peer_sets
    timed = [t for t in tools if t.key == "reform-timings"]
    tools = [t for t in tools if t.key != "reform-timings"]
    jobs = [(name, pdf, pages) for name, files in sets.items() for pdf, pages in files]
    print(f"corpus: {len(jobs)} files, {sum(j[2] for j in jobs)} pages, {len(tools)} tools, "
          f"{a.runs} rounds", file=sys.stderr, flush=True)
    results["main"] = measure_rounds(jobs, tools, a.runs, "corpus", results["load"],
                                     skip=lambda g, t: peer_off(g, t)
                                     or ((t.key == "reform-extract-default" or t.key in REFERENCES)
                                         and g != "born-digital"),
                                     by_tool=True)
    if not a.no_batch:
        btools = make_batch_tools(reform, py, peers)
        results["batch_tools"] = {t.key: BATCH_LABELS[t.key] for t in btools}
        bjobs = [(name, [pdf for pdf, _ in files], sum(p for _, p in files))
                 for name, files in sets.items()]
        results["batch"] = measure_rounds(bjobs, btools, a.runs, "batch", results["load"],
                                          skip=peer_off,
                                          by_tool=True)
    # the largest size again from born-digital pages alone, in one PDF: the issue's targets are
    # on those pages, and a long document is how an archive often holds them
    long_pages = max(a.sizes)
    born = None
    if not (a.no_long and a.no_scaling):
        born = os.path.relpath(inputs.build_pdf(
            REPO, {"born-digital": sets["born-digital"]}, long_pages,
            inputs.scratch_pdf(REPO, "born-digital", long_pages, a.quick)), REPO)
    if not a.no_long:
        # every tool but the start-only reference, each one process on the whole PDF; warmed up
        # on a small file (camelot takes minutes on the long one)
        ltools = [t for t in tools if t.key != "poppler-start"]
        group, warm = f"born-digital-{long_pages}", sets["born-digital"][0][0]
        results["long_pdf"] = {"pages": long_pages, "pdf": born, "group": group, "warm": warm}
        results["long"] = measure_rounds([(group, born, long_pages)], ltools, a.long_runs, "long",
                                         results["load"], by_tool=True,
                                         skip=lambda g, t: peer_off("born-digital", t), warm=warm)
    if a.timing_runs:
        stages = measure_rounds(jobs, timed, a.timing_runs, "timings", results["load"])
        for g, per_tool in stages.items():
            results["main"][g].update(per_tool)
    if not a.no_scaling:
        pdfs = inputs.scaling_pdfs(REPO, sets, a.sizes, a.quick)
        # the text layer alone beside the full run: what OCR's engines add to time and memory
        stools = [t for t in tools if t.key in SCALING_TOOLS] + [
            Tool("reform-extract-noocr", [reform, "extract", "--jobs", "1", "--ocr", "never"])]
        sjobs = [(str(n), pdf, n) for n, pdf in pdfs.items()]
        results["scaling"] = {"pdfs": {str(n): p for n, p in pdfs.items()}}
        if a.no_long:
            # the born-digital PDF here instead, with reform and pdftotext alone
            sjobs.append((f"born-digital-{long_pages}", born, long_pages))
            results["scaling"]["born_digital"] = {"pages": long_pages, "pdf": born}
        results["scaling"]["runs"] = measure_rounds(
            sjobs, stools, a.scaling_runs, "scaling", results["load"],
            skip=lambda g, t: g.startswith("born-digital") and t.key == "reform-extract-noocr")
    results["machine"]["loadavg_end"] = list(os.getloadavg())
    results["seconds"] = round(time.time() - started, 1)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    print(f"results: {os.path.relpath(a.out, REPO)} ({results['seconds']:.0f}s)", file=sys.stderr)
    print(report.summary_markdown(results))
    if a.docs:
        report.write_docs(REPO, results)
    return 0

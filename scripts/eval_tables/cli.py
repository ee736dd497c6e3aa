"""Command line of scripts/eval-tables."""

import argparse
import json
import os
import shlex
import sys

from . import suites as suites_mod
from .runner import run_all
from .score import detail_line, summarize, summary_line

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="scripts/eval-tables",
        description="Score `reform tables` (and optionally the peers) on the peer suites.")
    p.add_argument("--reform", default=".build/release/reform",
                   help="reform binary (or a command line, split like a shell would); "
                        "default .build/release/reform")
    p.add_argument("--root", default=suites_mod.DEFAULT_ROOT, help="peer-suites directory")
    p.add_argument("--suite", action="append",
                   help="only this suite (tabula-java, camelot, icdar2013); repeatable or comma list")
    p.add_argument("--case", help="only cases whose name contains SUBSTR")
    p.add_argument("--exclude-tags", default="tool-specific-output",
                   help="comma list of case tags to skip (default: tool-specific-output)")
    p.add_argument("--include-tool-specific", action="store_true",
                   help="do not exclude any tag (same as --exclude-tags '')")
    p.add_argument("--icdar-area", choices=["gt", "none"], default="gt",
                   help="icdar2013 area: gt = GT table_bbox + 2 pt (default, the acceptance "
                        "protocol); none = full page (detection included, as the suites' "
                        "README 'Peer results' ran it)")
    p.add_argument("-v", "--verbose", action="store_true", help="per-case details")
    p.add_argument("--json", metavar="OUT", help="write all per-case scores to OUT")
    p.add_argument("--jobs", type=int, default=2, help="parallel processes (default 2)")
    p.add_argument("--selftest", action="store_true",
                   help="check the runner and scorer with fake reform binaries")
    p.add_argument("--peers", action="store_true",
                   help="also run/score pdfplumber, PyMuPDF, camelot, tabula-py (.venv-peers, "
                        "cached in .scratch/peers) and write docs/peer-results.md")
    p.add_argument("--peers-only", action="store_true",
                   help="with --peers: do not run reform even if the binary exists")
    p.add_argument("--peer-list", help="with --peers: comma list of peer specs "
                                       "(e.g. camelot:stream,pdfplumber:text); no markdown")
    p.add_argument("--no-readme-check", action="store_true",
                   help="with --peers: skip the run under the suites' README protocol")
    p.add_argument("--no-install", action="store_true", help="with --peers: do not pip install")
    p.add_argument("--rerun", action="store_true", help="with --peers: ignore the cache")
    p.add_argument("--markdown", default="docs/peer-results.md",
                   help="with --peers: where to write the comparison")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.selftest:
        from .selftest import main as selftest_main
        return selftest_main(args)

    suites_mod.ICDAR_AREA = args.icdar_area
    want = None
    if args.suite:
        want = {s.strip() for v in args.suite for s in v.split(",") if s.strip()}
    excluded = [] if args.include_tool_specific else [t for t in args.exclude_tags.split(",") if t]
    cases = suites_mod.load_cases(args.root, want, args.case, excluded)
    if not cases:
        print("no cases selected", file=sys.stderr)
        return 2

    reform = shlex.split(args.reform)
    if len(reform) == 1 and not os.path.isabs(reform[0]) and os.path.sep in reform[0]:
        reform[0] = os.path.join(REPO, reform[0])
    have_reform = bool(reform) and (os.path.exists(reform[0]) or len(reform) > 1)

    results = None
    if not (args.peers and (args.peers_only or not have_reform)):
        if not have_reform:
            print(f"reform binary not found: {reform[0]} (build it, or pass --reform)",
                  file=sys.stderr)
            return 2

        def progress(r):
            if args.verbose:
                pass
        results = run_all(reform, cases, jobs=args.jobs, progress=progress)
        report(results, args.verbose)

    out = {"cases": len(cases), "excluded_tags": excluded}
    if results is not None:
        out["reform"] = {"summary": summarize(results), "results": results}

    if args.peers:
        from . import peers
        main_, icdar_extra, peer_results, suites = peers.run_peers(args, cases, REPO, results)
        if not args.peer_list:
            cmd = "scripts/eval-tables --peers" + (" --peers-only" if args.peers_only else "")
            if results is None:
                cmd += "   # add reform: build it (swift build -c release) and drop --peers-only"
            if args.suite:
                cmd += " --suite " + ",".join(sorted(want))
            if args.include_tool_specific:
                cmd += " --include-tool-specific"
            if args.icdar_area != "gt":
                cmd += " --icdar-area " + args.icdar_area
            check = None
            if not args.no_readme_check:
                suites_mod.ICDAR_AREA = "none"
                check = peers.run_check(args, suites_mod.load_cases(args.root, want, args.case, []),
                                        REPO)
                suites_mod.ICDAR_AREA = args.icdar_area
            md = args.markdown if os.path.isabs(args.markdown) else os.path.join(REPO, args.markdown)
            peers.write_markdown(md, cmd, suites, main_, icdar_extra, len(cases), excluded, check)
            print(f"wrote {os.path.relpath(md, REPO)}", file=sys.stderr)
        out["peers"] = {spec: {"summary": summarize(res), "results": res}
                        for spec, res in peer_results.items()}
        if args.verbose:
            for spec, res in peer_results.items():
                print(f"\n== {spec}")
                report(res, True, summary=False)

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1, ensure_ascii=False)
    return 0


def report(results, verbose, summary=True):
    if verbose:
        cur = None
        for r in results:
            if r["suite"] != cur:
                cur = r["suite"]
                print(f"[{cur}]")
            print(detail_line(r))
    if summary:
        for s, agg in summarize(results).items():
            print(summary_line(s, agg))

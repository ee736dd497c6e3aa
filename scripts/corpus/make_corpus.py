#!/usr/bin/env python3
"""Generate the reform test corpus: inputs and their canonical truth records.

    make_corpus.py --seed N --out DIR [--only born-digital,scanned,...]

Every file gets its own random stream, Random(f"{seed}/{folder}/{name}"), so files do not shift
when the plan around them changes. See Corpus/README.md.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bad  # noqa: E402
import canon  # noqa: E402
import scan  # noqa: E402
import pdfnorm  # noqa: E402
import render_html  # noqa: E402
import render_lo  # noqa: E402
import render_rl  # noqa: E402
import readme  # noqa: E402
import truth  # noqa: E402

DEFAULT_SEED = 20240601


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def _keep(fn):  # the seed's text (re-copied when the seed is found), truth and notes, which others own
    return fn.startswith("seed-2024.")


def clean(d):
    """Empty a generated folder (but keep files others own)."""
    os.makedirs(d, exist_ok=True)
    for fn in os.listdir(d):
        if not _keep(fn) and os.path.isfile(os.path.join(d, fn)):
            os.remove(os.path.join(d, fn))


def write_expected(path, forms, pages, method, ambiguous=None):
    """<input>.expected.json beside the input."""
    base = os.path.basename(path)
    digest = sha256(path)
    recs = []
    for i, (form, pg) in enumerate(zip(forms, pages)):
        src = {"file": base, "sha256": digest, "pages": pg, "method": method}
        recs.append(canon.record(form, src, ambiguous[i] if ambiguous else None))
    stem = os.path.splitext(path)[0]
    with open(stem + ".expected.json", "w", encoding="utf-8") as f:
        f.write(canon.dumps(recs))
    return recs


def file_header(ctx, form):
    unit = ctx["unit"].replace("（", "(").replace("）", ")")
    return f"{unit}{form['fiscal_year']}年度项目绩效目标汇总表"


def rl_file(rng, path, n_forms, landscape=False, font=None, year=None, n_ind=None, over=None):
    over = dict(over or {})
    n_ind = over.pop("n_ind", n_ind)
    forms, style, ctx = truth.make_file_forms(rng, n_forms, year=year, n_ind=n_ind)
    v = render_rl.variant(rng, landscape, font)
    v.update(over or {})
    hdr = file_header(ctx, forms[0]) if rng.random() < 0.5 else None
    pages = render_rl.render(path, forms, style, v, rng, hdr)
    return forms, pages, v


def document_file(renderer, wants_header, rng, path, n_forms, landscape, font, workdir, year=None, n_ind=None, over=None):
    """A file laid out by other software from a document (`render_lo`, `render_html`): the renderer
    draws its variant, `wants_header(v, rng)` says whether it prints the file's running header."""
    forms, style, ctx = truth.make_file_forms(rng, n_forms, year=year, n_ind=n_ind)
    v = renderer.variant(rng, landscape, font)
    v.update(over or {})
    hdr = file_header(ctx, forms[0]) if wants_header(v, rng) else None
    pages = renderer.render(path, forms, style, v, hdr, workdir)
    return forms, pages, v


def lo_file(rng, path, n_forms, landscape, font, workdir, **kw):
    return document_file(render_lo, lambda v, rng: v["header"], rng, path, n_forms, landscape, font, workdir, **kw)


def ch_file(rng, path, n_forms, landscape, font, workdir, **kw):
    return document_file(render_html, lambda v, rng: rng.random() < 0.4, rng, path, n_forms, landscape, font, workdir, **kw)


def any_file(rng, path, n_forms, renderer, landscape, font, workdir, **kw):
    if renderer == "rl":
        return rl_file(rng, path, n_forms, landscape, font, **kw)
    if renderer in ("ch", "wp"):
        return ch_file(rng, path, n_forms, landscape, font, workdir, **kw)
    return lo_file(rng, path, n_forms, landscape, font, workdir, **kw)


def describe(renderer, v):
    if renderer == "rl":
        return (f"reportlab, {v['font']}, {'landscape' if v['landscape'] else 'portrait'}, {v['fs']}pt, "
                f"rules {str(v['lw']) + 'pt' if v['lw'] else 'hairline'}, merged-cell text split by a page break: "
                f"{v['span_text']}" + (", drawn char by char" if v["per_char"] else "")
                + (", forms follow on the same page" if v["continuous"] else ""))
    if renderer in ("ch", "wp"):
        return (f"{'WeasyPrint' if v.get('engine') == 'weasyprint' else 'Chromium'} (HTML), {v['font']}, {'landscape' if v['landscape'] else 'portrait'}, {v['fs']}pt, "
                f"borders {v['lw']} {v['color']} {v['border']}, vertical labels by {v['vertical']}"
                + (f", labels shaded {v['shade']}" if v["shade"] else "")
                + (", head and indicators as two tables" if v["two_tables"] else "")
                + (", rows may split at a page break" if v["split_rows"] else "")
                + (", forms follow on the same page" if v["continuous"] else ""))
    return (f"LibreOffice, {v['font']}, {'landscape' if v['landscape'] else 'portrait'}, {v['fs']}pt, "
            f"rules {v['lw']}" + (", 财政资金 cell spans two rows" if v["fiscal_span"] else ""))


# ---------------------------------------------------------------- plan
BORN_RL = [  # name, forms, landscape, font, fixed layout habits (the rest is drawn at random)
    ("rl-portrait-01", 5, False, "wqy", {}),
    ("rl-portrait-02", 3, False, "uming", {"span_text": "repeat"}),
    ("rl-portrait-03", 4, False, "wqymono", {"span_text": "first", "lw": 1.5}),
    ("rl-portrait-04", 2, False, "stsong", {"lw": 0}),
    ("rl-portrait-05", 4, False, None, {"continuous": True, "span_text": "first", "n_ind": 6}),
    ("rl-portrait-06", 1, False, None, {}),
    ("rl-landscape-01", 3, True, "wqy", {"span_text": "first"}),
    ("rl-landscape-02", 3, True, None, {"span_text": "repeat"}),
]
BORN_LO = [
    ("lo-portrait-01", 4, False, "Noto Serif CJK SC", {"fiscal_span": True}),
    ("lo-portrait-02", 3, False, "Noto Sans CJK SC", {}),
    ("lo-portrait-03", 3, False, "WenQuanYi Micro Hei", {}),
    ("lo-portrait-04", 4, False, "AR PL UMing CN", {}),
    ("lo-portrait-05", 2, False, None, {"lw": "0.1pt"}),
    ("lo-portrait-06", 3, False, None, {}),
    ("lo-landscape-01", 3, True, "Noto Serif CJK SC", {}),
    ("lo-landscape-02", 3, True, None, {"fiscal_span": True}),
]


BORN_CH = [
    ("ch-portrait-01", 3, False, "Noto Sans CJK SC", {}),
    ("ch-portrait-02", 3, False, "WenQuanYi Micro Hei", {"border": "separate"}),
    ("ch-portrait-03", 4, False, "AR PL UMing CN", {"shade": "#dce6f1"}),
    ("ch-portrait-04", 2, False, "Noto Serif CJK SC", {"two_tables": True}),
    ("ch-portrait-05", 3, False, None, {"vertical": "writing-mode", "split_rows": True}),
    ("ch-landscape-01", 3, True, None, {}),
]
BORN_WP = [  # the same HTML pages printed by WeasyPrint
    ("wp-portrait-01", 3, False, None, {"engine": "weasyprint", "split_rows": True, "continuous": True}),
    ("wp-landscape-01", 2, True, None, {"engine": "weasyprint", "border": "collapse"}),
]


def build_born(seed, out, work, summary):
    d = os.path.join(out, "born-digital")
    clean(d)
    for renderer, plan in (("rl", BORN_RL), ("lo", BORN_LO), ("ch", BORN_CH), ("wp", BORN_WP)):
        for name, n, land, font, over in plan:
            rng = random.Random(f"{seed}/born-digital/{name}")
            path = os.path.join(d, name + ".pdf")
            forms, pages, v = any_file(rng, path, n, renderer, land, font, work, over=over)
            write_expected(path, forms, pages, "pdf")
            summary.append(("born-digital", name + ".pdf", len(forms),
                            sum(len(f["printed"]["indicators"]) for f in forms), describe(renderer, v)))


SCANNED = [  # name, forms, renderer, landscape
    ("scan-portrait-01", 3, "rl", False),
    ("scan-portrait-02", 3, "lo", False),
    ("scan-portrait-03", 2, "rl", False),
    ("scan-portrait-04", 3, "lo", False),
    ("scan-landscape-01", 2, "rl", True),
    ("scan-portrait-05", 2, "lo", False),
]
IMAGE_ONLY = [("image-only-01", 2, "rl", False), ("image-only-02", 1, "lo", False)]


def build_scanned(seed, out, work, summary):
    for folder, plan in (("scanned", SCANNED), ("image-only", IMAGE_ONLY)):
        d = os.path.join(out, folder)
        clean(d)
        for name, n, renderer, land in plan:
            rng = random.Random(f"{seed}/{folder}/{name}")
            clean_pdf = os.path.join(work, name + "-clean.pdf")
            forms, pages, v = any_file(rng, clean_pdf, n, renderer, land, None, work, n_ind=rng.randint(5, 24))
            jpgs, p = scan.scan_pages(clean_pdf, work, rng, name)
            path = os.path.join(d, name + ".pdf")
            if folder == "scanned":
                scan.ocr_pdf(jpgs, path, work, name)
            else:
                scan.image_pdf(jpgs, path)
            write_expected(path, forms, pages, "ocr-layer")
            summary.append((folder, name + ".pdf", len(forms), sum(len(f["printed"]["indicators"]) for f in forms),
                            f"{describe(renderer, v)}; scanned {p['dpi']} dpi, skew {p['angle']:.2f} deg, "
                            f"JPEG q{p['quality']}" + ("; tesseract chi_sim text layer" if folder == "scanned" else
                                                      "; no text layer")))


def build_bad(seed, out, work, summary):
    d = os.path.join(out, "bad")
    clean(d)
    manifest = {}

    def note(fn, error, how, password=None, forms=0, inds=0):
        manifest[fn] = {"error": error, "password": password}
        summary.append(("bad", fn, forms, inds, how))

    open(os.path.join(d, "empty.pdf"), "wb").close()
    note("empty.pdf", "empty", "zero bytes")
    bad.zero_pages(os.path.join(d, "zero-pages.pdf"))
    note("zero-pages.pdf", "empty", "a valid PDF with no page")
    rng = random.Random(f"{seed}/bad/src")
    src = os.path.join(work, "bad-src.pdf")
    forms, pages, v = rl_file(rng, src, 2)
    bad.png_as_pdf(os.path.join(d, "png-named.pdf"), src, work)
    note("png-named.pdf", "not_a_pdf", "a PNG picture of a form page, named .pdf")
    bad.truncated(os.path.join(d, "truncated.pdf"), src, 0.55)
    note("truncated.pdf", "damaged", "the first 55% of the bytes of a two-form PDF (no xref, no trailer)")
    rng = random.Random(f"{seed}/bad/encrypted")
    src = os.path.join(work, "enc-src.pdf")
    forms, pages, v = lo_file(rng, src, 2, False, None, work)
    pw = "reform-%04d" % rng.randint(0, 9999)
    path = os.path.join(d, "encrypted.pdf")
    bad.encrypt(path, src, pw, pw + "-owner")
    write_expected(path, forms, pages, "pdf")
    note("encrypted.pdf", "encrypted", f"AES-128, user password {pw}; {describe('lo', v)}", pw, len(forms),
         sum(len(f["printed"]["indicators"]) for f in forms))
    bad.other_document(os.path.join(d, "other-document.pdf"), random.Random(f"{seed}/bad/other"))
    note("other-document.pdf", "not_this_form", "a ruled 部门收支预算总表 (another budget table), no such form")
    with open(os.path.join(d, "manifest.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


TEXTS = [  # name, forms, renderer, pdftotext flags
    ("pdftotext-rl-01", 2, "rl", []),
    ("pdftotext-lo-01", 2, "lo", []),
    ("pdftotext-raw-lo-01", 2, "lo", ["-raw"]),
]
SEED_NAME = "000_128599dfc968cb41.txt"


def seed_text_path():
    """The real seed: $REFORM_SEED_TEXT, or shared/seed/ beside the repository."""
    here = os.path.dirname(os.path.abspath(__file__))
    for p in (os.environ.get("REFORM_SEED_TEXT"),
              os.path.join(here, "..", "..", "..", "shared", "seed", SEED_NAME),
              os.path.join("/work/shared/seed", SEED_NAME)):
        if p and os.path.exists(p):
            return p
    return None


def text_ambiguous(form):
    """Paths that plain text cannot decide (scored by nobody): which empty fund cell, which empty goal."""
    p = form["printed"]
    amb = []
    f = p["funds"]
    if any(f[k] is None for k in f):
        amb += [f"funds_yuan.{k}" for k in ("project_fiscal", "project_other", "annual_appropriation",
                                           "annual_carryover", "annual_other")]
        amb += [f"funds_yuan.{k}" for k in ("project_total", "annual_total") if f[k] is None]
    if p["goal_overall"] is None or p["goal_annual"] is None:
        amb += ["goals.overall", "goals.annual"]
    return amb


def build_text(seed, out, work, summary):
    d = os.path.join(out, "text")
    clean(d)
    for name, n, renderer, flags in TEXTS:
        rng = random.Random(f"{seed}/text/{name}")
        pdf = os.path.join(work, name + ".pdf")
        forms, pages, v = any_file(rng, pdf, n, renderer, False, None, work)
        path = os.path.join(d, name + ".txt")
        subprocess.run(["pdftotext", "-enc", "UTF-8"] + flags + [pdf, path], check=True)
        write_expected(path, forms, [[] for _ in forms], "text", [text_ambiguous(f) for f in forms])
        summary.append(("text", name + ".txt", len(forms), sum(len(f["printed"]["indicators"]) for f in forms),
                        f"pdftotext {' '.join(flags) or '(default)'} of a PDF made by {describe(renderer, v)}"))
    seed_src = seed_text_path()
    if seed_src:
        shutil.copyfile(seed_src, os.path.join(d, "seed-2024.txt"))
        summary.append(("text", "seed-2024.txt", 5, None, "the real seed extraction, copied"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", default="Corpus")
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    only = set(filter(None, a.only.split(",")))
    summary = []
    steps = [("born-digital", build_born), ("scanned", build_scanned), ("bad", build_bad), ("text", build_text)]
    work = tempfile.mkdtemp(prefix="reform-corpus-")
    try:
        for key, fn in steps:
            if only and key not in only:
                continue
            print(f"[corpus] {key}", file=sys.stderr)
            fn(a.seed, a.out, work, summary)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not only:
        readme.write(a.out, a.seed, summary)
    for row in summary:
        print("\t".join(str(x) for x in row))


if __name__ == "__main__":
    main()

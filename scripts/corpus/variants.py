"""Harsher copies of born-digital forms: the same pages as other software leaves them.

    variants.py --kind KIND --out DIR FILE_OR_DIR...

Each PDF is rewritten into DIR with its `.expected.json` beside it, so `reform eval DIR` scores
the copies against the originals' truth. Kinds:

  outlines    text printed as outlines: ghostscript -dNoOutputFonts (no font, no text layer)
  no-unicode  every font's ToUnicode map removed (the text layer becomes the fonts' glyph codes)
  no-unicode-one  the first font's map removed only (its labels or figures are codes, the rest reads)
  offset      the MediaBox moved away from the origin (200, 300), the content with it
  rotate90    a landscape page stored portrait with /Rotate 90, drawn turned so it reads upright
  rotate270   the same with /Rotate 270
  shuffled    the page drawn in another order: self-contained groups (`q … Q`) and text objects
              (`BT … ET`) that follow one another shuffled among themselves, inside groups too
              (a seeded shuffle per page); what is drawn and where is unchanged
"""
import argparse
import os
import random
import shutil
import subprocess
import sys

import pikepdf


def outlines(src, dst):
    subprocess.run(["gs", "-q", "-o", dst, "-sDEVICE=pdfwrite", "-dNoOutputFonts", src], check=True)


def no_unicode(src, dst, fonts=None):
    with pikepdf.open(src) as pdf:
        mapped = [obj for obj in pdf.objects
                  if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and "/ToUnicode" in obj]
        for obj in mapped[:fonts]:
            del obj["/ToUnicode"]
        pdf.save(dst)


def wrap(pdf, page, matrix):
    page.contents_add(pikepdf.Stream(pdf, f"q {matrix} cm\n".encode()), prepend=True)
    page.contents_add(pikepdf.Stream(pdf, b"\nQ"), prepend=False)
    if "/CropBox" in page:
        del page.CropBox


def offset(src, dst, dx=200, dy=300):
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = [float(v) for v in page.MediaBox]
            wrap(pdf, page, f"1 0 0 1 {dx} {dy}")
            page.MediaBox = pikepdf.Array([x0 + dx, y0 + dy, x1 + dx, y1 + dy])
        pdf.save(dst)


def rotate(src, dst, degrees):
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = [float(v) for v in page.MediaBox]
            w, h = x1 - x0, y1 - y0
            # the viewer turns the page clockwise by /Rotate; the content is turned back first
            matrix = f"0 1 -1 0 {h} 0" if degrees == 90 else f"0 -1 1 0 0 {w}"
            # (PDF concatenates each cm before the last: the origin moves first, then the turn)
            wrap(pdf, page, f"{matrix} cm 1 0 0 1 {-x0} {-y0}")
            page.MediaBox = pikepdf.Array([0, 0, h, w])
            page.Rotate = degrees
        pdf.save(dst)


def units(ops):
    """The top level of a content stream as units: a balanced `q … Q` group, a `BT … ET` text
    object, or one other operator."""
    out, i = [], 0
    while i < len(ops):
        op = str(ops[i].operator)
        if op in ("q", "BT"):
            close = "Q" if op == "q" else "ET"
            depth, j = 0, i
            while j < len(ops):
                o = str(ops[j].operator)
                if o == op:
                    depth += 1
                elif o == close:
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append((op, ops[i:j + 1]))
            i = j + 1
        else:
            out.append(("op", [ops[i]]))
            i += 1
    return out


def shuffle_runs(items, rng):
    """Each run of consecutive units of one kind (`q` groups, or `BT` objects with no state
    change between them) shuffled in place; other operators keep their places."""
    out, run, kind = [], [], None
    # inside a group first: its own units are shuffled the same way
    items = [(k, [ops[0]] + shuffle_runs(units(ops[1:-1]), rng) + [ops[-1]]) if k == "q" and len(ops) > 2 else (k, ops)
             for k, ops in items]
    for k, ops in items + [("end", [])]:
        if k == kind and k in ("q", "BT"):
            run.append(ops)
            continue
        rng.shuffle(run)
        out += [o for r in run for o in r]
        run, kind = ([ops], k) if k in ("q", "BT") else ([], None)
        if k not in ("q", "BT"):
            out += ops
    return out


def shuffled(src, dst, seed=1):
    with pikepdf.open(src) as pdf:
        for n, page in enumerate(pdf.pages):
            rng = random.Random(f"{seed}-{os.path.basename(src)}-{n}")
            ops = pikepdf.parse_content_stream(page)
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(shuffle_runs(units(ops), rng)))
        pdf.save(dst)


KINDS = {
    "outlines": outlines,
    "no-unicode": no_unicode,
    "no-unicode-one": lambda s, d: no_unicode(s, d, fonts=1),
    "offset": offset,
    "rotate90": lambda s, d: rotate(s, d, 90),
    "rotate270": lambda s, d: rotate(s, d, 270),
    "shuffled": shuffled,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kind", required=True, choices=sorted(KINDS))
    ap.add_argument("--out", required=True)
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    files = []
    for item in args.inputs:
        if os.path.isdir(item):
            files += sorted(os.path.join(item, f) for f in os.listdir(item) if f.endswith(".pdf"))
        else:
            files.append(item)
    os.makedirs(args.out, exist_ok=True)
    for src in files:
        name = os.path.basename(src)
        dst = os.path.join(args.out, name)
        KINDS[args.kind](src, dst)
        truth = src[:-4] + ".expected.json"
        if os.path.exists(truth):
            shutil.copyfile(truth, dst[:-4] + ".expected.json")
    print(f"variants: {len(files)} file(s), {args.kind} -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

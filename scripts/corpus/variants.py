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
"""
import argparse
import os
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


KINDS = {
    "outlines": outlines,
    "no-unicode": no_unicode,
    "no-unicode-one": lambda s, d: no_unicode(s, d, fonts=1),
    "offset": offset,
    "rotate90": lambda s, d: rotate(s, d, 90),
    "rotate270": lambda s, d: rotate(s, d, 270),
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

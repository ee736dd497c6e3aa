"""Scanner simulation: render pages, degrade them like an office scanner, OCR with tesseract.

render -> grey page at 200-300 dpi -> paper tone, skew 0.3-1.5 deg, offset, blur, noise, specks,
uneven light -> JPEG -> tesseract chi_sim 'pdf' (page image + invisible text, render mode 3), or
img2pdf for image-only scans. All randomness from the rng passed in.
"""
import glob
import io
import os
import subprocess

import img2pdf
import numpy as np
from PIL import Image, ImageFilter

import pdfnorm


def scan_params(rng):
    return {
        "dpi": rng.choice([200, 200, 240, 300]),
        "angle": rng.uniform(0.3, 1.5) * rng.choice([-1, 1]),
        "blur": rng.uniform(0.3, 1.0),
        "noise": rng.uniform(3, 9),
        "paper": rng.randint(228, 248),
        "ink": rng.randint(15, 60),
        "quality": rng.randint(45, 72),
        "specks": rng.randint(50, 400),
        "shift": (rng.randint(-25, 25), rng.randint(-25, 25)),
        "light": rng.uniform(0, 18),
    }


def degrade(img, p, rng):
    """img: greyscale PIL image of a clean page. Returns a degraded greyscale image."""
    seed = rng.randint(0, 2**31 - 1)
    nrng = np.random.default_rng(seed)
    a = np.asarray(img, dtype=np.float32) / 255.0
    # ink and paper tone
    a = p["ink"] + a * (p["paper"] - p["ink"])
    h, w = a.shape
    # uneven illumination: a soft gradient across the sheet
    gx = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
    gy = np.linspace(-1, 1, h, dtype=np.float32)[:, None]
    a = a - p["light"] * (0.5 * gx + 0.5 * gy + 1) / 2
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    im = im.rotate(p["angle"], resample=Image.BICUBIC, expand=False, fillcolor=p["paper"],
                   translate=p["shift"])
    im = im.filter(ImageFilter.GaussianBlur(p["blur"]))
    a = np.asarray(im, dtype=np.float32)
    a = a + nrng.normal(0, p["noise"], a.shape).astype(np.float32)
    # dust specks
    n = p["specks"]
    ys = nrng.integers(0, h, n)
    xs = nrng.integers(0, w, n)
    a[ys, xs] = nrng.integers(20, 120, n)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def scan_pages(pdf, workdir, rng, stem):
    """Render and degrade each page of pdf; returns JPEG paths (one per page)."""
    p = scan_params(rng)
    prefix = os.path.join(workdir, stem + "-clean")
    subprocess.run(["pdftoppm", "-r", str(p["dpi"]), "-gray", "-png", pdf, prefix], check=True)
    jpgs = []
    for i, png in enumerate(sorted(glob.glob(prefix + "-*.png"))):
        img = Image.open(png).convert("L")
        out = degrade(img, p, rng)
        jp = os.path.join(workdir, f"{stem}-scan-{i + 1:03d}.jpg")
        out.save(jp, "JPEG", quality=p["quality"], dpi=(p["dpi"], p["dpi"]), optimize=False)
        jpgs.append(jp)
        os.remove(png)
    return jpgs, p


def ocr_pdf(jpgs, out_pdf, workdir, stem):
    """tesseract: page images with an invisible text layer, one PDF."""
    lst = os.path.join(workdir, stem + "-pages.txt")
    with open(lst, "w") as f:
        f.write("\n".join(jpgs) + "\n")
    base = os.path.join(workdir, stem + "-ocr")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    subprocess.run(["tesseract", lst, base, "-l", "chi_sim", "--psm", "3", "pdf"], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pdfnorm.normalise(base + ".pdf", out_pdf)


def image_pdf(jpgs, out_pdf):
    """No text layer: the JPEGs as they are, one per page."""
    raw = img2pdf.convert(jpgs, nodate=True, engine=img2pdf.Engine.internal)
    tmp = out_pdf + ".tmp"
    with open(tmp, "wb") as f:
        f.write(raw)
    pdfnorm.normalise(tmp, out_pdf)
    os.remove(tmp)

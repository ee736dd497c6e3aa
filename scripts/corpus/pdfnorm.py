"""PDF post-processing: strip dates and random ids so that a rebuild gives the same bytes."""
import subprocess

import pikepdf

TITLE = "财政项目支出绩效目标申报表"


def normalise(src, dst, title=None, producer=None):
    with pikepdf.open(src, allow_overwriting_input=True) as pdf:
        info = pdf.docinfo
        for k in ("/CreationDate", "/ModDate"):
            if k in info:
                del info[k]
        if title is not None and "/Title" in info:
            del info["/Title"]
        if producer is not None:
            info["/Producer"] = producer
        if "/DocChecksum" in pdf.trailer:  # LibreOffice: a digest that covers the export time
            del pdf.trailer["/DocChecksum"]
        if "/ID" in pdf.trailer:  # qpdf keeps the first half of an old /ID: drop it, derive both from content
            del pdf.trailer["/ID"]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.save(dst, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)


def page_texts(path):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True, capture_output=True).stdout
    pages = out.decode("utf-8").split("\f")
    if pages and pages[-1].strip() == "":
        pages = pages[:-1]
    return pages


def form_pages(path, n_forms, continuous=False):
    """Each form starts on a page whose text holds the title; it runs to the next form's page.

    With `continuous`, a form may start below the previous one: a page may hold several titles, and
    a form runs onto the next form's page when text stands above that form's title there."""
    texts = page_texts(path)
    if continuous:
        titles = []  # (page, text before the title on that page)
        for i, t in enumerate(texts):
            flat = t.replace(" ", "")
            at = flat.find(TITLE)
            while at >= 0:
                titles.append((i + 1, flat[:at]))
                at = flat.find(TITLE, at + len(TITLE))
        if len(titles) != n_forms:
            raise RuntimeError(f"{path}: found {len(titles)} form titles, expected {n_forms}")
        out = []
        for k, (page, _) in enumerate(titles):
            if k + 1 < len(titles):
                nxt, before = titles[k + 1]
                end = nxt if (nxt == page or before.strip()) else nxt - 1
            else:
                end = len(texts)
            out.append(list(range(page, end + 1)))
        return out
    starts = [i + 1 for i, t in enumerate(texts) if TITLE in t.replace(" ", "")]
    if len(starts) != n_forms:
        raise RuntimeError(f"{path}: found {len(starts)} form titles, expected {n_forms}")
    ends = [s - 1 for s in starts[1:]] + [len(texts)]
    return [list(range(s, e + 1)) for s, e in zip(starts, ends)]

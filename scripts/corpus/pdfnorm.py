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


def form_pages(path, n_forms):
    """Each form starts on a page whose text holds the title; it runs to the next form's page."""
    texts = page_texts(path)
    starts = [i + 1 for i, t in enumerate(texts) if TITLE in t.replace(" ", "")]
    if len(starts) != n_forms:
        raise RuntimeError(f"{path}: found {len(starts)} form titles, expected {n_forms}")
    ends = [s - 1 for s in starts[1:]] + [len(texts)]
    return [list(range(s, e + 1)) for s, e in zip(starts, ends)]

"""Renderer 1: reportlab, text drawn at coordinates, drawing order shuffled.

Own pagination: header block on the first page, indicator rows flow, merged cells split at
page breaks with no repeated header. Returns, per form, the 1-based pages it covers.
"""
import os

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

import layout

FONTS = {
    "wqy": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "uming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "wqymono": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 1),  # WenQuanYi Micro Hei Mono
    "stsong": None,  # Adobe CID font, not embedded (viewer substitutes), as some real archives are
}
_registered = set()


def font(name):
    if name not in _registered:
        if name == "stsong":
            pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        else:
            path, idx = FONTS[name]
            if idx is None:
                pdfmetrics.registerFont(TTFont(name, path))
            else:
                pdfmetrics.registerFont(TTFont(name, path, subfontIndex=idx))
        _registered.add(name)
    return "STSong-Light" if name == "stsong" else name


NO_LINE_START = set("，。、；：）》”」』！？%)")


def wrap(text, fname, size, width):
    """Greedy wrap, character by character (what spreadsheet exports do), keeping hard breaks."""
    lines = []
    for para in (text or "").split("\n"):
        cur = ""
        for ch in para:
            if cur and pdfmetrics.stringWidth(cur + ch, fname, size) > width:
                if ch in NO_LINE_START and len(cur) > 1:  # a closing mark never starts a line
                    lines.append(cur[:-1])
                    cur = cur[-1] + ch
                else:
                    lines.append(cur)
                    cur = ch
            else:
                cur += ch
        lines.append(cur)
    while lines and lines[-1] == "":
        lines.pop()
    return lines or []


class Page:
    def __init__(self):
        self.ops = []
        self.gid = 0

    def group(self):
        self.gid += 1
        return self.gid


def render(path, forms, style, v, rng, file_header=None):
    """Draw forms into path. v: layout variant dict. Returns list of page lists per form."""
    fname = font(v["font"])
    size = landscape(A4) if v["landscape"] else A4
    W, H = size
    fs, lh, pad = v["fs"], v["fs"] * v["leading"], v["pad"]
    ml = mr = v["margin"]
    mt, mb = v["margin"] + 6, v["margin"]
    cw = W - ml - mr - v["shrink"]
    fr = v["colfrac"]
    tot = sum(fr)
    wa = fs + 2 * pad + v["wa_extra"] * fs  # column A holds exactly one character a line
    widths = [wa] + [(cw - wa) * f / tot for f in fr]
    xs = [ml + v["shrink"] / 2]
    for w in widths:
        xs.append(xs[-1] + w)

    pages = []  # list of Page

    def new_page():
        pg = Page()
        pages.append(pg)
        if file_header:
            pg.ops.append(("text", ml, H - v["margin"] + 12 - 4, file_header, fname, 8.5, False))
        return pg

    def cell_w(cell):
        return xs[cell["col"] + cell["colspan"]] - xs[cell["col"]] - 2 * pad

    def cell_lines(cell):
        if not cell["text"]:
            return []
        return wrap(cell["text"], fname, fs, cell_w(cell))

    form_pages = []
    cur = None
    y = None
    for fi, form in enumerate(forms):
        rows, nhead = layout.build(form, style, v)
        # row heights
        hmin = fs + 2 * pad + v["rowextra"]
        heights = []
        for cells in rows:
            h = hmin
            for cell in cells:
                if cell["rowspan"] == 1:
                    h = max(h, len(cell_lines(cell)) * lh + 2 * pad)
            heights.append(h)
        for r, cells in enumerate(rows):
            for cell in cells:
                if cell["rowspan"] > 1:
                    need = len(cell_lines(cell)) * lh + 2 * pad
                    have = sum(heights[r:r + cell["rowspan"]])
                    if need > have:
                        if cell["role"] in ("vlabel",) and r >= nhead - 1:
                            continue  # the long 绩效指标 column: never grows rows
                        heights[r + cell["rowspan"] - 1] += need - have
        title_h = v["title_fs"] * 1.5 + fs * 2.2 + 8
        # a continuous export lets a form start low on a page and its header run onto the next one
        head_h = sum(heights[:3]) if v["continuous"] else sum(heights[:nhead + min(2, len(rows) - nhead)])
        if cur is None or not v["continuous"] or y - title_h - head_h - 30 < mb:
            cur = new_page()
            y = H - mt
        else:
            y -= 24
        first_page = len(pages)
        # title
        cx = (xs[0] + xs[-1]) / 2
        y -= v["title_fs"] * 1.2
        cur.ops.append(("ctext", cx, y, layout.fmt_label("财政项目支出绩效目标申报表", form), fname, v["title_fs"], True))
        y -= fs * 1.8
        cur.ops.append(("ctext", cx, y, layout.fmt_label(style.labels["year"], form), fname, fs + 1, False))
        y -= fs * 1.0 + 6
        # place rows
        placed = []  # (page, ytop, h)
        for r, h in enumerate(heights):
            if (r >= nhead or (v["continuous"] and r >= 1)) and y - h < mb + 14:
                cur = new_page()
                y = H - mt
            placed.append((cur, y, h))
            y -= h
        form_pages.append(list(range(first_page, pages.index(cur) + 2)))
        # cells -> segments
        for r, cells in enumerate(rows):
            for cell in cells:
                segs = []
                for rr in range(r, r + cell["rowspan"]):
                    pg, top, h = placed[rr]
                    if segs and segs[-1][0] is pg:
                        segs[-1][2] += h
                    else:
                        segs.append([pg, top, h])
                x0, x1 = xs[cell["col"]], xs[cell["col"] + cell["colspan"]]
                for pg, top, h in segs:
                    pg.ops.append(("rect", x0, top - h, x1, top))
                lines = cell_lines(cell)
                if not lines:
                    continue
                need = len(lines) * lh + 2 * pad
                fit = [s for s in segs if s[2] >= need - 0.5]
                if not fit:
                    fit = [max(segs, key=lambda s: s[2])]
                elif v["span_text"] == "first":
                    fit = fit[:1]
                elif v["span_text"] == "largest":
                    fit = [max(fit, key=lambda s: s[2])]
                for pg, top, h in fit:
                    g = pg.group()
                    clh = min(lh, (h - 2) / len(lines)) if len(lines) * lh > h else lh
                    block = len(lines) * clh
                    valign = "top" if (cell["role"] == "goal" and v["goal_top"]) else "middle"
                    btop = top - pad if valign == "top" else top - (h - block) / 2
                    for i, ln in enumerate(lines):
                        base = btop - i * clh - (clh - fs) / 2 - fs * 0.86
                        align = v["align"].get(cell["role"], "left")
                        if align == "center":
                            pg.ops.append(("ctext", (x0 + x1) / 2, base, ln, fname, fs, False, g))
                        elif align == "right":
                            pg.ops.append(("rtext", x1 - pad, base, ln, fname, fs, False, g))
                        else:
                            pg.ops.append(("text", x0 + pad, base, ln, fname, fs, False, g))
    # footers
    n = len(pages)
    for i, pg in enumerate(pages):
        if v["footer"] == "pn":
            pg.ops.append(("ctext", W / 2, mb - 18, f"第 {i + 1} 页，共 {n} 页", fname, 8, False))
        elif v["footer"] == "dash":
            pg.ops.append(("ctext", W / 2, mb - 18, f"- {i + 1} -", fname, 9, False))

    c = canvas.Canvas(path, pagesize=size, invariant=1, pageCompression=1)
    c.setAuthor("")
    c.setTitle(v.get("doc_title", ""))
    c.setCreator(v.get("creator", ""))
    for pg in pages:
        ops = list(pg.ops)
        # rule segments: one per cell edge, deduplicated, order shuffled with the text
        edges = {}
        rest = []
        for op in ops:
            if op[0] == "rect":
                _, x0, y0, x1, y1 = op
                for e in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
                    edges[tuple(round(t, 2) for t in e)] = e
            else:
                rest.append(op)
        groups = {}
        for op in rest:  # text of one cell stays together and in order; cells and rules are shuffled
            key = op[7] if len(op) > 7 else ("solo", len(groups))
            groups.setdefault(key, []).append(op[:7])
        units = [[("line",) + e] for e in edges.values()] + list(groups.values())
        rng.shuffle(units)
        ops = [op for u in units for op in u]
        c.setLineWidth(v["lw"])
        c.setLineCap(2 if v["lw"] > 0.6 else 0)
        for op in ops:
            if op[0] == "line":
                c.line(*op[1:])
            else:
                kind, x, yb, txt, fn, sz, bold = op
                wdt = pdfmetrics.stringWidth(txt, fn, sz)
                if kind == "ctext":
                    x -= wdt / 2
                elif kind == "rtext":
                    x -= wdt
                if v["per_char"] and not bold:
                    xx = x
                    for ch in txt:
                        c.setFont(fn, sz)
                        c.drawString(xx, yb, ch)
                        xx += pdfmetrics.stringWidth(ch, fn, sz)
                else:
                    if bold:  # fake bold: fill and stroke, inside q/Q so the mode does not leak
                        c.saveState()
                        c.setLineWidth(0.35)
                    t = c.beginText(x, yb)
                    t.setFont(fn, sz)
                    if bold:
                        t.setTextRenderMode(2)
                    t.textOut(txt)
                    c.drawText(t)
                    if bold:
                        c.restoreState()
        c.showPage()
    c.save()
    return form_pages


def variant(rng, landscape_=False, font_name=None):
    fs = rng.choice([9, 9.5, 10, 10.5, 11]) if not landscape_ else rng.choice([9, 10, 10.5])
    base = [0.13, 0.15, 0.30, 0.15, 0.20] if not landscape_ else [0.11, 0.14, 0.38, 0.13, 0.18]
    frac = [b * rng.uniform(0.85, 1.2) for b in base]
    return {
        "font": font_name or rng.choice(["wqy", "uming", "wqymono", "stsong"]),
        "landscape": landscape_,
        "fs": fs, "leading": rng.choice([1.2, 1.25, 1.3, 1.4]), "pad": rng.choice([2.5, 3, 4]),
        "rowextra": rng.choice([2, 4, 6, 8]),
        "margin": rng.choice([36, 42, 50, 56]), "shrink": rng.choice([0, 0, 20, 40]),
        "title_fs": rng.choice([15, 16, 18, 20]),
        "colfrac": frac, "wa_extra": rng.uniform(0.1, 0.7),
        "lw": rng.choice([0, 0.25, 0.5, 0.75, 1.0, 1.5]),
        "outer": 0,
        "span_text": rng.choice(["first", "repeat", "largest"]),
        "goal_top": rng.random() < 0.5,
        "fiscal_span": rng.random() < 0.3,
        "continuous": rng.random() < 0.15,
        "per_char": rng.random() < 0.25,
        "footer": rng.choice(["none", "pn", "dash"]),
        "align": {"label": "center", "vlabel": "center", "l1": "center", "l2": "center",
                  "value": rng.choice(["left", "left", "center"]), "date": rng.choice(["left", "center"]),
                  "amount": rng.choice(["right", "right", "center", "left"]), "goal": "left",
                  "name": rng.choice(["left", "left", "center"]), "target": rng.choice(["center", "left", "right"])},
        "creator": rng.choice(["", "Microsoft Excel", "WPS 表格", "FineReport"]),
    }

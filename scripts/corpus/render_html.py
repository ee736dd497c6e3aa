"""Renderer 3: an HTML page (a table with rowspan/colspan) printed to PDF by headless Chromium
(or, for `wp-*` files, by WeasyPrint).

Chromium lays the table out and breaks it across pages itself; its PDF back-end (Skia) draws every
cell's border as a filled shape of its own, and embeds CFF fonts (Noto CJK) as Type 3 fonts, one
per few dozen glyphs. A web export has habits neither other renderer has: label cells shaded,
grey borders, tables drawn with a gap between cells (`border-collapse: separate`), the head of the
form and its indicator table as two tables one under the other, vertical labels in vertical
writing mode. The PDF is then normalised (no dates, deterministic /ID).
"""
import os
import subprocess
from html import escape

import layout
import pdfnorm

FONTS = ["Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "AR PL UMing CN"]


def variant(rng, landscape=False, font=None):
    return {
        "font": font or rng.choice(FONTS),
        "landscape": landscape,
        "fs": rng.choice([9, 10, 10.5, 11, 12]) if not landscape else rng.choice([9, 10, 10.5]),
        "title_fs": rng.choice([15, 16, 18, 20]),
        "margin_mm": rng.choice([10, 12, 15, 20]),
        "border": rng.choice(["collapse", "collapse", "collapse", "separate0", "separate"]),
        "lw": rng.choice(["0.5px", "1px", "1px", "0.75pt", "1.5px"]),
        "color": rng.choice(["#000", "#000", "#333", "#777"]),
        "pad_px": rng.choice([2, 3, 4, 6]),
        "shade": rng.choice([None, None, "#f2f2f2", "#dce6f1", "#e8e8e8"]),
        "vertical": rng.choice(["writing-mode", "narrow", "breaks"]),
        "two_tables": rng.random() < 0.3,
        "split_rows": rng.random() < 0.25,  # Chromium may cut a tall row at a page break
        "continuous": rng.random() < 0.2,
        "colfrac": [x * rng.uniform(0.8, 1.25) for x in ([0.12, 0.15, 0.30, 0.15, 0.20] if not landscape
                                                        else [0.10, 0.13, 0.40, 0.13, 0.17])],
        "a_em": rng.uniform(1.3, 1.9),
        "fiscal_span": rng.random() < 0.35,
        "name_align": rng.choice(["left", "left", "center"]),
        "target_align": rng.choice(["center", "left", "right"]),
        "amount_align": rng.choice(["right", "center", "left"]),
        "valign": rng.choice(["middle", "middle", "top"]),
        "bold_labels": rng.random() < 0.4,
        "line_height": rng.choice([1.2, 1.35, 1.5]),
    }


def _text(s):
    return "<br>".join(escape(x) for x in (s or "").split("\n"))


def _vertical(s, how):
    if how == "breaks":
        return "<br>".join(escape(ch) for ch in s)
    return escape(s)


def css(v):
    size = "A4 landscape" if v["landscape"] else "A4"
    b = f'{v["lw"]} solid {v["color"]}'
    table = ("border-collapse: collapse;" if v["border"] == "collapse" else
             "border-collapse: separate; border-spacing: 0;" if v["border"] == "separate0" else
             "border-collapse: separate; border-spacing: 2px;")
    shade = f'td.label, td.vlabel, td.l1, td.l2 {{ background: {v["shade"]}; }}' if v["shade"] else ""
    vert = ("td.vlabel > div { writing-mode: vertical-rl; text-orientation: upright; margin: auto; }"
            if v["vertical"] == "writing-mode" else "td.vlabel { word-break: break-all; }")
    rows = "" if v["split_rows"] else "tr { break-inside: avoid; }"
    return f"""
@page {{ size: {size}; margin: {v['margin_mm'] * 0.8:.1f}mm {v['margin_mm']}mm; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: "{v['font']}"; font-size: {v['fs']}pt; line-height: {v['line_height']}; margin: 0; }}
h1 {{ font-size: {v['title_fs']}pt; text-align: center; margin: 0 0 4pt 0; }}
p.year {{ text-align: center; margin: 0 0 6pt 0; }}
p.head {{ font-size: 8pt; margin: 0 0 4pt 0; }}
section.form + section.form {{ {'margin-top: 18pt;' if v['continuous'] else 'break-before: page;'} }}
table {{ {table} width: 100%; table-layout: fixed; }}
table + table {{ margin-top: {'-' + v['lw'] if v['border'] == 'collapse' else '0'}; }}
td {{ border: {b}; padding: {v['pad_px']}px; vertical-align: middle; overflow-wrap: anywhere; }}
td.label, td.vlabel, td.l1, td.l2 {{ text-align: center; {'font-weight: bold;' if v['bold_labels'] else ''} }}
td.value, td.date, td.goal {{ text-align: left; }}
td.goal {{ vertical-align: {v['valign']}; }}
td.name {{ text-align: {v['name_align']}; }}
td.target {{ text-align: {v['target_align']}; }}
td.amount {{ text-align: {v['amount_align']}; }}
{shade}
{vert}
{rows}
"""


def _colgroup(v):
    fr = v["colfrac"]
    a = v["a_em"] * v["fs"] / 72 * 25.4 + 2 * v["pad_px"] * 25.4 / 96  # mm: one character a line
    page_w = 297 if v["landscape"] else 210
    tw = page_w - 2 * v["margin_mm"]
    widths = [a] + [(tw - a) * f / sum(fr) for f in fr]
    return "<colgroup>" + "".join(f'<col style="width: {w / tw * 100:.3f}%">' for w in widths) + "</colgroup>"


def _table(rows, first, last, v):
    out = ["<table>", _colgroup(v)]
    for r in range(first, last):
        out.append("<tr>")
        for c in rows[r]:
            span = (f' colspan="{c["colspan"]}"' if c["colspan"] > 1 else "") + \
                   (f' rowspan="{c["rowspan"]}"' if c["rowspan"] > 1 else "")
            if c["role"] == "vlabel":
                body = f'<div>{_vertical(c["text"], v["vertical"])}</div>'
            else:
                body = _text(c["text"])
            out.append(f'<td class="{c["role"]}"{span}>{body}</td>')
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def html(forms, style, v, header_text):
    out = ['<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
           f"<style>{css(v)}</style></head><body>"]
    if header_text:
        out.append(f'<p class="head">{escape(header_text)}</p>')
    for form in forms:
        rows, nhead = layout.build(form, style, v)
        out.append('<section class="form">')
        out.append(f'<h1>{escape(layout.fmt_label("财政项目支出绩效目标申报表", form))}</h1>')
        out.append(f'<p class="year">{escape(layout.fmt_label(style.labels["year"], form))}</p>')
        # two tables one under the other: the head (rows whose spans end above the indicators'
        # header) and the indicators; the indicators' vertical label spans only its own table
        if v["two_tables"]:
            out.append(_table(rows, 0, nhead - 1, v))
            out.append(_table(rows, nhead - 1, len(rows), v))
        else:
            out.append(_table(rows, 0, len(rows), v))
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)


def render(path, forms, style, v, header_text, workdir):
    """Write path (PDF) via headless Chromium, or WeasyPrint when `v["engine"]` says so. Returns the
    pages of each form."""
    stem = os.path.splitext(os.path.basename(path))[0]
    src = os.path.join(workdir, stem + ".html")
    page = html(forms, style, v, header_text)
    with open(src, "w", encoding="utf-8") as f:
        f.write(page)
    raw = os.path.join(workdir, stem + ".raw.pdf")
    if v.get("engine") == "weasyprint":
        # WeasyPrint lays the page out itself (pango): other line breaks, another page-break rule (a
        # row cut at the page's foot keeps no rule under it), TrueType and CFF fonts embedded as such
        import weasyprint
        weasyprint.HTML(string=page, base_url=workdir).write_pdf(raw)
    else:
        profile = os.path.join(workdir, "chromium-profile")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={profile}", f"--print-to-pdf={raw}", "file://" + os.path.abspath(src)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    pdfnorm.normalise(raw, path, title="", producer="reform-corpus")
    return pdfnorm.form_pages(path, len(forms), continuous=v["continuous"])

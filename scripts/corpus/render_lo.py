"""Renderer 2: a flat ODF text document (tables with merged cells) converted by LibreOffice headless.

LibreOffice does its own line breaking, row heights and pagination; the table breaks across pages
between rows and repeats no header. The PDF is then normalised (no dates, deterministic /ID).
"""
import os
import subprocess
from xml.sax.saxutils import escape

import layout
import pdfnorm

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')

FONTS = ["Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "AR PL UMing CN"]


def _text(s):
    parts = [escape(x) for x in (s or "").split("\n")]
    return "<text:line-break/>".join(parts)


def variant(rng, landscape=False, font=None):
    return {
        "font": font or rng.choice(FONTS),
        "landscape": landscape,
        "fs": rng.choice([9, 10, 10.5, 11, 12]) if not landscape else rng.choice([9, 10, 10.5]),
        "title_fs": rng.choice([16, 18, 20, 22]),
        "margin_cm": rng.choice([1.5, 1.8, 2.0, 2.5]),
        "lw": rng.choice(["0.1pt", "0.5pt", "0.75pt", "1pt", "1.5pt"]),
        "row_cm": rng.choice([0.55, 0.65, 0.75, 0.9]),
        "pad_cm": rng.choice([0.05, 0.1, 0.15]),
        "colfrac": [x * rng.uniform(0.85, 1.2) for x in ([0.12, 0.15, 0.30, 0.15, 0.20] if not landscape
                                                        else [0.10, 0.13, 0.40, 0.13, 0.17])],
        "a_cm": rng.uniform(1.15, 1.7),
        "fiscal_span": rng.random() < 0.35,
        "header": rng.random() < 0.5,
        "footer": rng.choice(["none", "pn", "page"]),
        "name_align": rng.choice(["start", "start", "center"]),
        "target_align": rng.choice(["center", "start", "end"]),
        "amount_align": rng.choice(["end", "center", "start"]),
        "valign": rng.choice(["middle", "middle", "top"]),
        "bold_labels": rng.random() < 0.4,
    }


def fodt(forms, style, v, header_text):
    W, H = (29.7, 21.0) if v["landscape"] else (21.0, 29.7)
    m = v["margin_cm"]
    tw = W - 2 * m - 0.2
    a = v["fs"] * 0.03528 * v["a_cm"] + 2 * v["pad_cm"] + 0.05  # room for one character a line
    fr = v["colfrac"]
    widths = [a] + [(tw - a) * f / sum(fr) for f in fr]
    font = v["font"]
    fs = v["fs"]
    b = f'{v["lw"]} solid #000000'
    pad = f'{v["pad_cm"]}cm'
    lab_w = ' fo:font-weight="bold" style:font-weight-asian="bold"' if v["bold_labels"] else ""
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
           f'office:mimetype="application/vnd.oasis.opendocument.text">']
    out.append('<office:meta><meta:generator>reform-corpus</meta:generator></office:meta>')
    out.append(f'<office:font-face-decls><style:font-face style:name="F1" svg:font-family="&apos;{font}&apos;"/>'
               f'</office:font-face-decls>')
    out.append(f'''<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:line-height="115%"/>
<style:text-properties style:font-name="F1" fo:font-size="{fs}pt" style:font-name-asian="F1" style:font-size-asian="{fs}pt" style:font-name-complex="F1" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{W}cm" fo:page-height="{H}cm" style:print-orientation="{'landscape' if v['landscape'] else 'portrait'}" fo:margin-top="{m * 0.7:.2f}cm" fo:margin-bottom="{m * 0.7:.2f}cm" fo:margin-left="{m}cm" fo:margin-right="{m}cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="{sum(widths):.3f}cm" table:align="center" style:may-break-between-rows="true" fo:margin-top="0.2cm"/></style:style>''')
    for i, w in enumerate(widths):
        out.append(f'<style:style style:name="C{i}" style:family="table-column"><style:table-column-properties style:column-width="{w:.3f}cm"/></style:style>')
    out.append(f'''<style:style style:name="R" style:family="table-row"><style:table-row-properties style:min-row-height="{v['row_cm']}cm" fo:keep-together="always"/></style:style>
<style:style style:name="X" style:family="table-cell"><style:table-cell-properties fo:border="{b}" fo:padding="{pad}" style:vertical-align="middle"/></style:style>
<style:style style:name="XG" style:family="table-cell"><style:table-cell-properties fo:border="{b}" fo:padding="{pad}" style:vertical-align="{v['valign']}"/></style:style>
<style:style style:name="PT" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="{v['title_fs']}pt" style:font-size-asian="{v['title_fs']}pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="PTB" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.15cm" fo:break-before="page"/><style:text-properties fo:font-size="{v['title_fs']}pt" style:font-size-asian="{v['title_fs']}pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="PY" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="PL" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties{lab_w}/></style:style>
<style:style style:name="PS" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/></style:style>
<style:style style:name="PN" style:family="paragraph"><style:paragraph-properties fo:text-align="{v['name_align']}"/></style:style>
<style:style style:name="PV" style:family="paragraph"><style:paragraph-properties fo:text-align="{v['target_align']}"/></style:style>
<style:style style:name="PA" style:family="paragraph"><style:paragraph-properties fo:text-align="{v['amount_align']}"/></style:style>
<style:style style:name="PH" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="8pt" style:font-size-asian="8pt"/></style:style>
<style:style style:name="PF" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt" style:font-size-asian="8pt"/></style:style>
</office:automatic-styles>''')
    hdr = f'<style:header><text:p text:style-name="PH">{escape(header_text)}</text:p></style:header>' if header_text else ""
    ftr = ""
    if v["footer"] == "pn":
        ftr = ('<style:footer><text:p text:style-name="PF">第 <text:page-number text:select-page="current">1</text:page-number> 页，'
               '共 <text:page-count>1</text:page-count> 页</text:p></style:footer>')
    elif v["footer"] == "page":
        ftr = '<style:footer><text:p text:style-name="PF">- <text:page-number text:select-page="current">1</text:page-number> -</text:p></style:footer>'
    out.append(f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">{hdr}{ftr}</style:master-page></office:master-styles>')
    out.append('<office:body><office:text>')
    pstyle = {"label": "PL", "vlabel": "PL", "l1": "PL", "l2": "PL", "value": "PS", "date": "PS", "amount": "PA",
              "goal": "PS", "name": "PN", "target": "PV"}
    for fi, form in enumerate(forms):
        rows, nhead = layout.build(form, style, v)
        out.append(f'<text:p text:style-name="{"PT" if fi == 0 else "PTB"}">{escape(layout.fmt_label("财政项目支出绩效目标申报表", form))}</text:p>')
        out.append(f'<text:p text:style-name="PY">{escape(layout.fmt_label(style.labels["year"], form))}</text:p>')
        out.append(f'<table:table table:name="T{fi + 1}" table:style-name="Tbl">')
        for i in range(6):
            out.append(f'<table:table-column table:style-name="C{i}"/>')
        covered = set()
        for r, cells in enumerate(rows):
            out.append('<table:table-row table:style-name="R">')
            bycol = {c["col"]: c for c in cells}
            col = 0
            while col < 6:
                if (r, col) in covered:
                    out.append('<table:covered-table-cell/>')
                    col += 1
                    continue
                c = bycol.get(col)
                if c is None:
                    raise ValueError(f"grid hole at row {r} col {col}")
                for rr in range(r, r + c["rowspan"]):
                    for cc in range(col, col + c["colspan"]):
                        if (rr, cc) != (r, col):
                            covered.add((rr, cc))
                attrs = ""
                if c["colspan"] > 1:
                    attrs += f' table:number-columns-spanned="{c["colspan"]}"'
                if c["rowspan"] > 1:
                    attrs += f' table:number-rows-spanned="{c["rowspan"]}"'
                cs = "XG" if c["role"] == "goal" else "X"
                body = f'<text:p text:style-name="{pstyle[c["role"]]}">{_text(c["text"])}</text:p>' if c["text"] else "<text:p/>"
                out.append(f'<table:table-cell table:style-name="{cs}" office:value-type="string"{attrs}>{body}</table:table-cell>')
                col += 1
            out.append('</table:table-row>')
        out.append('</table:table>')
    out.append('</office:text></office:body></office:document>')
    return "\n".join(out)


def render(path, forms, style, v, header_text, workdir):
    """Write path (PDF) via LibreOffice. Returns the pages of each form."""
    stem = os.path.splitext(os.path.basename(path))[0]
    src = os.path.join(workdir, stem + ".fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(fodt(forms, style, v, header_text))
    profile = os.path.join(workdir, "lo-profile")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", workdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    pdfnorm.normalise(os.path.join(workdir, stem + ".pdf"), path, title="")
    return pdfnorm.form_pages(path, len(forms))

"""Inputs that are not a readable form: the product must name the file and the reason, and go on."""
import os
import subprocess

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import render_rl
import truth


def other_document(path, rng):
    """A real-looking budget table of another kind (部门收支预算总表): ruled, Chinese, no such form."""
    f = render_rl.font(rng.choice(["wqy", "uming"]))
    year = rng.randint(2021, 2025)
    ctx = truth.make_unit_context(rng)
    c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1)
    W, H = A4
    c.setFont(f, 17)
    title = f"{year}年部门收支预算总表"
    c.drawString(W / 2 - c.stringWidth(title, f, 17) / 2, H - 70, title)
    c.setFont(f, 9)
    c.drawString(50, H - 95, f"编制部门：{ctx['department']}")
    c.drawString(W - 120, H - 95, "单位：万元")
    inc = ["一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入", "四、事业收入",
           "五、事业单位经营收入", "六、其他收入", "", "", "本年收入合计", "上年结转结余", "收入总计"]
    exp = ["一、一般公共服务支出", "二、教育支出", "三、科学技术支出", "四、社会保障和就业支出", "五、卫生健康支出",
           "六、节能环保支出", "七、城乡社区支出", "八、住房保障支出", "本年支出合计", "结转下年", "支出总计"]
    xs = [50, 210, 290, 470, 545]
    y = H - 105
    rows = [("收入", "", "支出", "")] + [("项目", "预算数", "项目", "预算数")]
    vals = [round(rng.uniform(10, 9000), 2) if t and "计" not in t else None for t in inc]
    for i in range(len(inc)):
        a = "" if vals[i] is None else f"{vals[i]:,.2f}"
        b = "" if not exp[i] or "计" in exp[i] else f"{rng.uniform(5, 5000):,.2f}"
        rows.append((inc[i], a, exp[i], b))
    c.setLineWidth(0.5)
    for r in rows:
        c.rect(xs[0], y - 22, xs[-1] - xs[0], 22)
        for x in xs[1:-1]:
            c.line(x, y, x, y - 22)
        for j, t in enumerate(r):
            c.drawString(xs[j] + 4, y - 15, t)
        y -= 22
    c.drawString(50, y - 20, "注：本表反映部门本年度总的收支和年末结转结余情况。")
    c.showPage()
    c.save()


def zero_pages(path):
    pdf = pikepdf.new()
    pdf.save(path, deterministic_id=True)


def png_as_pdf(path, src_pdf, workdir):
    prefix = os.path.join(workdir, "pngpage")
    subprocess.run(["pdftoppm", "-r", "90", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", src_pdf, prefix],
                   check=True)
    os.replace(prefix + ".png", path)


def truncated(path, src_pdf, frac):
    with open(src_pdf, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[: int(len(data) * frac)])


def encrypt(path, src_pdf, user_pw, owner_pw):
    """AES-128 with a user password; static id and IVs so the bytes are reproducible."""
    subprocess.run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", user_pw, owner_pw, "128",
                    "--use-aes=y", "--", src_pdf, path], check=True)

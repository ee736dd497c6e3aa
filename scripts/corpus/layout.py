"""The form as a grid of merged cells (SPEC.md §1), shared by the renderers.

Six logical columns: A (the narrow left column whose labels stand one character a line),
B (一级指标 / fund labels), C (二级指标), D, E (三级指标 spans D-E; E holds the right-hand labels),
F (values). A cell is a dict: row, col, colspan, rowspan, text, role.
"""


def fmt_label(tpl, form):
    y0, y1 = form["years"]
    return tpl.replace("{y0}", str(y0)).replace("{y1}", str(y1)).replace("{y}", str(form["fiscal_year"]))


def build(form, style, variant):
    """Rows of cells for one form. variant: dict of per-file layout habits."""
    p = form["printed"]
    L = style.labels
    rows = []

    def row(*cells):
        rows.append([dict(c) for c in cells])

    def c(col, span, text, role, rowspan=1):
        return {"col": col, "colspan": span, "rowspan": rowspan, "text": text or "", "role": role}

    row(c(0, 2, L["name"], "label"), c(2, 4, p["name"], "value"))
    row(c(0, 2, L["dept"], "label"), c(2, 2, p["department"], "value"), c(4, 1, L["unit"], "label"),
        c(5, 1, p["implementing_unit"], "value"))
    row(c(0, 2, L["nature"], "label"), c(2, 2, p["nature"], "value"), c(4, 1, L["category"], "label"),
        c(5, 1, p["category"], "value"))
    row(c(0, 2, L["start"], "label"), c(2, 2, p["planned_start"], "date"), c(4, 1, L["end"], "label"),
        c(5, 1, p["planned_end"], "date"))
    f = p["funds"]
    row(c(0, 1, L["funds"], "vlabel", 4), c(1, 2, L["total"], "label"), c(3, 1, f["project_total"], "amount"),
        c(4, 1, L["annual_total"], "label"), c(5, 1, f["annual_total"], "amount"))
    if variant.get("fiscal_span"):
        row(c(1, 2, L["fiscal"], "label", 2), c(3, 1, f["project_fiscal"], "amount", 2),
            c(4, 1, L["approp"], "label"), c(5, 1, f["annual_appropriation"], "amount"))
        row(c(4, 1, L["carry"], "label"), c(5, 1, f["annual_carryover"], "amount"))
    else:
        row(c(1, 2, L["fiscal"], "label"), c(3, 1, f["project_fiscal"], "amount"),
            c(4, 1, L["approp"], "label"), c(5, 1, f["annual_appropriation"], "amount"))
        row(c(1, 2, "", "label"), c(3, 1, "", "amount"),
            c(4, 1, L["carry"], "label"), c(5, 1, f["annual_carryover"], "amount"))
    row(c(1, 2, L["other"], "label"), c(3, 1, f["project_other"], "amount"),
        c(4, 1, L["other"], "label"), c(5, 1, f["annual_other"], "amount"))
    row(c(0, 1, L["goals"], "vlabel", 2), c(1, 3, fmt_label(L["overall"], form), "label"),
        c(4, 2, fmt_label(L["annual"], form), "label"))
    row(c(1, 3, p["goal_overall"], "goal"), c(4, 2, p["goal_annual"], "goal"))
    inds = p["indicators"]
    n = len(inds)
    row(c(0, 1, L["indicators"], "vlabel", n + 1), c(1, 1, L["l1"], "label"), c(2, 1, L["l2"], "label"),
        c(3, 2, L["l3"], "label"), c(5, 1, L["value"], "label"))
    header_rows = len(rows)
    # spans of level1 / level2 groups
    i = 0
    spans1, spans2 = {}, {}
    while i < n:
        j = i
        while j < n and inds[j]["level1"] == inds[i]["level1"]:
            j += 1
        spans1[i] = j - i
        k = i
        while k < j:
            m = k
            while m < j and inds[m]["level2"] == inds[k]["level2"]:
                m += 1
            spans2[k] = m - k
            k = m
        i = j
    for idx, ind in enumerate(inds):
        cells = []
        if idx in spans1:
            cells.append(c(1, 1, ind["level1"], "l1", spans1[idx]))
        if idx in spans2:
            cells.append(c(2, 1, ind["level2"], "l2", spans2[idx]))
        cells.append(c(3, 2, ind["name"], "name"))
        cells.append(c(5, 1, ind["target"], "target"))
        row(*cells)
    for r, cells in enumerate(rows):
        for cell in cells:
            cell["row"] = r
    return rows, header_rows

"""Loading the peer suites (read in place from /work/shared/peer-suites; never copied)."""

import json
import os

DEFAULT_ROOT = os.environ.get("REFORM_PEER_SUITES", "/work/shared/peer-suites")
ICDAR_MARGIN = 2.0  # "given each ground-truth region plus 2 pt"
ICDAR_AREA = "gt"   # "gt": GT region + margin (acceptance protocol); "none": full page


class Case:
    def __init__(self, root, entry, data):
        self.root = root
        self.suite = entry["suite"]
        self.name = entry["case"]
        self.data = data
        self.pdf = os.path.join(root, data["pdf"])
        self.page = int(data["page"])
        self.mode = data.get("mode")  # None = auto
        self.tags = list(data.get("tags") or entry.get("tags") or [])
        self.expected = data["expected"]
        self.spans = data.get("spans") or []
        self.table_bbox = data.get("table_bbox")
        self.page_info = data.get("page_info") or {}
        self.options = data.get("options") or {}
        self.area = self._area(data)

    @property
    def key(self):
        return f"{self.suite}/{self.name}"

    @property
    def is_icdar(self):
        return self.suite == "icdar2013"

    def _area(self, data):
        if data.get("area") is not None:
            return [float(v) for v in data["area"]]
        if self.suite == "icdar2013" and data.get("table_bbox") is not None and ICDAR_AREA == "gt":
            t, l, b, r = (float(v) for v in data["table_bbox"])
            m = ICDAR_MARGIN
            return [t - m, l - m, b + m, r + m]
        return None

    def displayed_size(self):
        """(width, height) of the displayed page (after /Rotate)."""
        box = self.page_info.get("cropbox") or self.page_info.get("mediabox")
        if not box:
            return None
        w, h = box[2] - box[0], box[3] - box[1]
        if int(self.page_info.get("rotation") or 0) % 180 == 90:
            w, h = h, w
        return w, h

    def gt_variants(self):
        """Ground-truth cell lists for the ICDAR structure metric: the case's own
        grid + spans, plus the alternative GT of the icdar2013 suite (eu-009a,
        us-011a, us-031a, us-035a) where one exists; the better-scoring counts."""
        from .metrics import cells_from_grid
        variants = [cells_from_grid(self.expected, self.spans)]
        if not self.is_icdar:
            return variants
        doc = os.path.splitext(os.path.basename(self.data["pdf"]))[0]
        tid = str(self.options.get("table_id") or self.name.rsplit("_t", 1)[-1])
        path = os.path.join(self.root, "icdar2013", "tables", f"{doc}-t{tid}.json")
        try:
            with open(path, encoding="utf-8") as f:
                alt = json.load(f).get("alt_cells")
        except (OSError, ValueError):
            alt = None
        if alt:
            variants.append([(c["row"], c["col"], c["row_end"], c["col_end"], c.get("text") or "")
                             for c in alt])
        return variants

    def to_job(self):
        """What a peer worker needs (plain JSON)."""
        return {"key": self.key, "suite": self.suite, "case": self.name, "pdf": self.pdf,
                "page": self.page, "mode": self.mode, "area": self.area,
                "area_kind": self.options.get("area_kind"),
                "displayed_size": self.displayed_size()}


def load_cases(root=DEFAULT_ROOT, suites=None, case_substr=None, exclude_tags=(), where=None):
    """Cases of index.json, filtered; ``where(entry)`` filters on the index entry."""
    with open(os.path.join(root, "index.json"), encoding="utf-8") as f:
        index = json.load(f)
    out = []
    for entry in index["cases"]:
        if where is not None and not where(entry):
            continue
        if suites and entry["suite"] not in suites:
            continue
        if case_substr and case_substr not in entry["case"]:
            continue
        if exclude_tags and set(entry.get("tags") or ()) & set(exclude_tags):
            continue
        with open(os.path.join(root, entry["file"]), encoding="utf-8") as f:
            data = json.load(f)
        out.append(Case(root, entry, data))
    return out


SUITE_ORDER = ["tabula-java", "camelot", "icdar2013"]

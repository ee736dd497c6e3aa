"""Canonical record helpers (SPEC.md §2): normalisation, target grammar, JSON writer.

The generator decides what is *printed* on a form; the truth record is derived from the printed
strings with the functions here, so truth and page can never drift apart.
"""
import json
import re
import unicodedata
from decimal import Decimal

SCHEMA = "perf-target-form/1"
TITLE = "财政项目支出绩效目标申报表"

# full-width forms kept as printed (Chinese punctuation), everything else in FF01-FF5E is folded
KEEP_FULLWIDTH = set("（），：")


def canon(s):
    """NFC, full-width ASCII folded (except （ ） ， ：), line breaks removed, trimmed; '' -> None."""
    if s is None:
        return None
    s = unicodedata.normalize("NFC", s)
    out = []
    for ch in s:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E and ch not in KEEP_FULLWIDTH:
            out.append(chr(o - 0xFEE0))
        elif ch == "\u3000":
            out.append(" ")
        else:
            out.append(ch)
    s = "".join(out).replace("\n", "").strip()
    return s or None


OPS = {"=": "=", "＝": "=", "≥": ">=", ">=": ">=", "≧": ">=", "≤": "<=", "<=": "<=", "≦": "<=",
       ">": ">", "＞": ">", "<": "<", "＜": "<"}
_TARGET_RE = re.compile(
    r"^(?P<op>>=|<=|≥|≤|≧|≦|＝|=|＞|>|＜|<)?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>[(（][^()（）]*[)）]|[^\d\s].*)?$")


def parse_target(printed):
    """Target grammar of SPEC §1 -> canonical target object (values as Decimal)."""
    raw = canon(printed)
    m = _TARGET_RE.match(raw.replace("％", "%")) if raw else None
    if not m:
        return {"raw": raw, "op": None, "value": None, "unit": None, "qualitative": raw}
    op = OPS[m.group("op")] if m.group("op") else None
    value = Decimal(m.group("num").replace(",", ""))
    unit = m.group("unit")
    if unit:
        unit = unit.strip()
        if unit[0] in "(（" and unit[-1] in ")）":
            unit = unit[1:-1].strip()
        unit = canon(unit)
    return {"raw": raw, "op": op, "value": value, "unit": unit or None, "qualitative": None}


def parse_amount(printed):
    s = canon(printed)
    if s is None:
        return None
    return Decimal(s.replace(",", "")).quantize(Decimal("0.01"))


class _Num:
    """A number emitted verbatim into JSON."""
    def __init__(self, text):
        self.text = text


def _fund(d):
    return None if d is None else _Num(format(d.quantize(Decimal("0.01")), "f"))


def _value(d):
    if d is None:
        return None
    if d == d.to_integral_value():
        return _Num(str(int(d)))
    t = format(d.normalize(), "f")
    return _Num(t)


def _enc(obj, ind, lvl):
    pad = " " * (ind * (lvl + 1))
    end = " " * (ind * lvl)
    if isinstance(obj, _Num):
        return obj.text
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        if len(obj) <= 5 and all(not isinstance(v, dict) for v in obj.values()):
            return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {_enc(v, ind, lvl + 1)}" for k, v in obj.items()) + "}"
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {_enc(v, ind, lvl + 1)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(obj, list):
        if not obj:
            return "[]"
        if all(isinstance(x, (int, str)) for x in obj) and len(obj) < 40:
            return "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in obj) + "]"
        return "[\n" + ",\n".join(pad + _enc(x, ind, lvl + 1) for x in obj) + "\n" + end + "]"
    if isinstance(obj, Decimal):
        return _value(obj).text
    return json.dumps(obj, ensure_ascii=False)


def dumps(obj):
    return _enc(obj, 2, 0) + "\n"


def record(form, source, ambiguous=None):
    """Canonical record (key order of SPEC §2) from a printed form (dict made by truth.py)."""
    p = form["printed"]
    funds = {k: _fund(parse_amount(p["funds"].get(k))) for k in
             ("project_total", "project_fiscal", "project_other",
              "annual_total", "annual_appropriation", "annual_carryover", "annual_other")}
    inds = []
    for ind in p["indicators"]:
        t = parse_target(ind["target"])
        t["value"] = _value(t["value"])
        inds.append({"level1": canon(ind["level1"]), "level2": canon(ind["level2"]),
                     "name": canon(ind["name"]), "target": t})
    rec = {
        "schema": SCHEMA,
        "title": TITLE,
        "fiscal_year": form["fiscal_year"],
        "project": {
            "name": canon(p["name"]),
            "department": canon(p["department"]),
            "implementing_unit": canon(p["implementing_unit"]),
            "nature": canon(p["nature"]),
            "category": canon(p["category"]),
            "planned_start": canon(p["planned_start"]),
            "planned_end": canon(p["planned_end"]),
        },
        "funds_yuan": funds,
        "goals": {"overall": canon(p["goal_overall"]), "annual": canon(p["goal_annual"])},
        "indicators": inds,
        "source": source,
        "confidence": _Num("1.0"),
        "review": [],
    }
    if ambiguous:
        rec["_ambiguous"] = ambiguous
    return rec

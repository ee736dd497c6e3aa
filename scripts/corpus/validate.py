#!/usr/bin/env python3
"""Check every *.expected.json of a corpus against the canonical record shape of SPEC.md §2.

    validate.py [CORPUS_DIR]      (default Corpus/)

Checks key order, types, the funds' two-decimal literals, the taxonomy, that each target agrees
with its raw text under the target grammar, that source.file/sha256 match the file beside it,
and that every input has its truth (bad inputs: Corpus/bad/manifest.json). Exit 1 on any error.
"""
import hashlib
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import canon  # noqa: E402

TOP = ["schema", "title", "fiscal_year", "project", "funds_yuan", "goals", "indicators", "source",
       "confidence", "review"]
PROJECT = ["name", "department", "implementing_unit", "nature", "category", "planned_start", "planned_end"]
FUNDS = ["project_total", "project_fiscal", "project_other", "annual_total", "annual_appropriation",
         "annual_carryover", "annual_other"]
TAX = {"产出指标": {"数量指标", "质量指标", "时效指标", "成本指标"},
       "效益指标": {"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"},
       "满意度指标": {"服务对象满意度指标"},
       "成本指标": {"经济成本指标", "社会成本指标", "生态环境成本指标"}}
INPUT_EXT = (".pdf", ".txt")
FOLDERS = ["born-digital", "scanned", "image-only", "bad", "text"]  # the generated folders


class Lit(str):
    """A JSON number literal kept as written."""


def check_str(errs, where, s, allow_none=True):
    if s is None:
        if not allow_none:
            errs.append(f"{where}: null")
        return
    if not isinstance(s, str):
        errs.append(f"{where}: not a string")
        return
    if s != s.strip() or not s:
        errs.append(f"{where}: not trimmed / empty")
    if "\n" in s or "\r" in s:
        errs.append(f"{where}: line break")
    if unicodedata.normalize("NFC", s) != s:
        errs.append(f"{where}: not NFC")
    if canon.canon(s) != s:
        errs.append(f"{where}: full-width ASCII not folded: {s!r}")


def check_record(errs, w, r, path):
    keys = list(r)
    want = TOP + (["_ambiguous"] if "_ambiguous" in r else [])
    if keys != want:
        errs.append(f"{w}: keys {keys}")
        return
    if r["schema"] != "perf-target-form/1":
        errs.append(f"{w}.schema")
    check_str(errs, f"{w}.title", r["title"], False)
    if not isinstance(r["fiscal_year"], Lit) or not re.fullmatch(r"20\d\d", r["fiscal_year"]):
        errs.append(f"{w}.fiscal_year: {r['fiscal_year']!r}")
    if list(r["project"]) != PROJECT:
        errs.append(f"{w}.project keys")
    for k in PROJECT:
        check_str(errs, f"{w}.project.{k}", r["project"].get(k), k != "name")
    for k in ("planned_start", "planned_end"):
        d = r["project"].get(k)
        if d is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", d):
            errs.append(f"{w}.project.{k}: {d}")
    if list(r["funds_yuan"]) != FUNDS:
        errs.append(f"{w}.funds_yuan keys")
    for k in FUNDS:
        v = r["funds_yuan"].get(k)
        if v is not None and not (isinstance(v, Lit) and re.fullmatch(r"\d+\.\d\d", v)):
            errs.append(f"{w}.funds_yuan.{k}: {v!r} is not a number with 2 decimals")
    if list(r["goals"]) != ["overall", "annual"]:
        errs.append(f"{w}.goals keys")
    for k in ("overall", "annual"):
        check_str(errs, f"{w}.goals.{k}", r["goals"].get(k))
    if not isinstance(r["indicators"], list):
        errs.append(f"{w}.indicators not a list")
        return
    for i, ind in enumerate(r["indicators"]):
        iw = f"{w}.indicators[{i}]"
        if list(ind) != ["level1", "level2", "name", "target"]:
            errs.append(f"{iw} keys")
            continue
        if ind["level1"] not in TAX or ind["level2"] not in TAX[ind["level1"]]:
            errs.append(f"{iw}: {ind['level1']}/{ind['level2']} not in the taxonomy")
        check_str(errs, f"{iw}.name", ind["name"], False)
        t = ind["target"]
        if list(t) != ["raw", "op", "value", "unit", "qualitative"]:
            errs.append(f"{iw}.target keys")
            continue
        check_str(errs, f"{iw}.target.raw", t["raw"], False)
        if t["op"] not in (None, "=", ">=", "<=", ">", "<"):
            errs.append(f"{iw}.target.op {t['op']!r}")
        if t["value"] is not None and not isinstance(t["value"], Lit):
            errs.append(f"{iw}.target.value not a number")
        if (t["value"] is None) != (t["qualitative"] is not None):
            errs.append(f"{iw}.target: qualitative must be set exactly when there is no number")
        if t["value"] is None and (t["op"] or t["unit"]):
            errs.append(f"{iw}.target: op/unit without a number")
        p = canon.parse_target(t["raw"]) if t["raw"] else None
        if p:
            pv = None if p["value"] is None else canon._value(p["value"]).text
            if (p["op"], pv, p["unit"], p["qualitative"]) != (t["op"], t["value"], t["unit"], t["qualitative"]):
                errs.append(f"{iw}.target disagrees with its raw {t['raw']!r}")
    s = r["source"]
    if list(s) != ["file", "sha256", "pages", "method"]:
        errs.append(f"{w}.source keys")
    else:
        if s["file"] != os.path.basename(path):
            errs.append(f"{w}.source.file {s['file']} is not {os.path.basename(path)}")
        elif os.path.exists(path):
            with open(path, "rb") as f:
                if hashlib.sha256(f.read()).hexdigest() != s["sha256"]:
                    errs.append(f"{w}.source.sha256 does not match {path}")
        if s["method"] == "text" and s["pages"] == []:
            pass  # plain text has no pages
        elif not (isinstance(s["pages"], list) and s["pages"] and all(isinstance(p, Lit) and int(p) >= 1 for p in s["pages"])
                and [int(p) for p in s["pages"]] == sorted({int(p) for p in s["pages"]})):
            errs.append(f"{w}.source.pages {s['pages']}")
        if s["method"] not in ("pdf", "ocr-layer", "text"):
            errs.append(f"{w}.source.method {s['method']}")
    if r["confidence"] != Lit("1.0") and not (isinstance(r["confidence"], Lit) and 0 <= float(r["confidence"]) <= 1):
        errs.append(f"{w}.confidence")
    if not isinstance(r["review"], list):
        errs.append(f"{w}.review")
    for a in r.get("_ambiguous", []):
        if not isinstance(a, str):
            errs.append(f"{w}._ambiguous")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_float=Lit, parse_int=Lit)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "Corpus"
    errs = []
    stats = {}
    bad_manifest = {}
    mp = os.path.join(root, "bad", "manifest.json")
    if os.path.exists(mp):
        with open(mp, encoding="utf-8") as f:
            bad_manifest = json.load(f)
    for fn, m in bad_manifest.items():
        if not isinstance(m, dict) or m.get("error") not in ("empty", "not_a_pdf", "damaged", "encrypted", "not_this_form"):
            errs.append(f"bad/manifest.json: {fn}: {m!r}")
        elif (m["error"] == "encrypted") != bool(m.get("password")):
            errs.append(f"bad/manifest.json: {fn}: a password exactly for the encrypted input")
        if not os.path.exists(os.path.join(root, "bad", fn)):
            errs.append(f"bad/manifest.json: {fn} does not exist")
    for folder in FOLDERS:
        d = os.path.join(root, folder)
        if not os.path.isdir(d):
            continue
        st = stats.setdefault(folder, [0, 0, 0])
        for fn in sorted(os.listdir(d)):
            p = os.path.join(d, fn)
            if folder == "text" and fn.startswith("seed-2024.") and fn != "seed-2024.txt":
                continue  # the seed's truth is written and checked by its owner
            if fn.endswith(".expected.json"):
                stem = fn[: -len(".expected.json")]
                inputs = [x for x in os.listdir(d) if x.startswith(stem + ".") and not x.endswith(".json")]
                if len(inputs) != 1:
                    errs.append(f"{p}: no single input beside it ({inputs})")
                    continue
                try:
                    recs = load(p)
                except Exception as e:  # noqa: BLE001
                    errs.append(f"{p}: {e}")
                    continue
                if not isinstance(recs, list):
                    errs.append(f"{p}: not an array")
                    continue
                for i, r in enumerate(recs):
                    check_record(errs, f"{p}[{i}]", r, os.path.join(d, inputs[0]))
                st[1] += len(recs)
                st[2] += sum(len(r.get("indicators", [])) for r in recs)
            elif fn.endswith(INPUT_EXT):
                st[0] += 1
                stem = os.path.splitext(fn)[0]
                has = os.path.exists(os.path.join(d, stem + ".expected.json"))
                if folder == "bad":
                    if fn not in bad_manifest:
                        errs.append(f"{p}: not in bad/manifest.json")
                    elif bad_manifest[fn].get("error") == "encrypted" and not has:
                        errs.append(f"{p}: encrypted input without truth")
                elif not has and fn != "seed-2024.txt":
                    errs.append(f"{p}: no {stem}.expected.json")
    for folder, (n, f, i) in stats.items():
        print(f"{folder:14s} inputs {n:3d}  forms {f:3d}  indicators {i:4d}")
    tot = [sum(x[k] for x in stats.values()) for k in range(3)]
    print(f"{'total':14s} inputs {tot[0]:3d}  forms {tot[1]:3d}  indicators {tot[2]:4d}")
    for e in errs:
        print("ERROR", e)
    print(f"{len(errs)} errors")
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()

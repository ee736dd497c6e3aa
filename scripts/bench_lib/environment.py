"""What the figures were measured on: machine, load and versions."""

import os
import platform
import subprocess


def _first_line(cmd, stream="stdout"):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (p.stdout if stream == "stdout" else p.stderr) or p.stdout or p.stderr
    return text.strip().splitlines()[0] if text.strip() else None


def machine():
    cpu = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    osname = platform.system()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": mem, "os": osname,
            "kernel": platform.release(), "loadavg_start": list(os.getloadavg())}


def versions(repo, reform, peer_python, built_rev=None):
    rev = _first_line(["git", "-C", repo, "rev-parse", "--short", built_rev or "HEAD"])
    dirty = "" if built_rev else subprocess.run(
        ["git", "-C", repo, "status", "--porcelain", "--", "Sources", "Package.swift"],
        capture_output=True, text=True).stdout
    v = {
        "reform": _first_line([reform, "--version"]),
        "git": rev + (f" + {len(dirty.splitlines())} uncommitted source files" if dirty.strip()
                      else " (clean export)" if built_rev else ""),
        "swift": _first_line(["swift", "--version"]),
        "pdftotext": _first_line(["pdftotext", "-v"], "stderr"),
        "qpdf": _first_line(["qpdf", "--version"]),
        "python (script)": platform.python_version(),
    }
    if peer_python:
        probe = ("import sys, warnings; warnings.filterwarnings('ignore');"
                 "import pdfplumber, pymupdf, camelot, tabula, jpype;"
                 "print(sys.version.split()[0], pdfplumber.__version__, pymupdf.VersionBind,"
                 " pymupdf.VersionFitz, camelot.__version__, tabula.__version__)")
        line = _first_line([peer_python, "-c", probe])
        parts = (line or "").split()
        if len(parts) == 6:
            v.update({"python (peers)": parts[0], "pdfplumber": parts[1],
                      "PyMuPDF": f"{parts[2]} (MuPDF {parts[3]})", "camelot": parts[4],
                      "tabula-py": parts[5]})
        v["java"] = _first_line(["java", "-version"], "stderr")
        v["ghostscript"] = _first_line(["gs", "--version"])
    return v

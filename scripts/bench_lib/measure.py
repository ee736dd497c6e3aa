"""One child process measured: wall seconds and peak RSS."""

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass


@dataclass
class Sample:
    wall: float       # seconds from start to exit
    rss_kb: int       # peak resident set size of the child (largest of it and its reaped children)
    code: int         # exit status
    stdout: str
    stderr: str


def run_child(cmd, capture_stdout=False, env=None):
    """Runs cmd to completion and returns its Sample.

    The child is reaped with os.wait4, so ru_maxrss (KiB on Linux) is this child's own peak,
    not the running maximum over all children that RUSAGE_CHILDREN gives. Output goes to
    temporary files (or /dev/null): writing it is part of each tool's work, reading a pipe
    while it runs is not ours to time."""
    with tempfile.TemporaryFile() as err_f, tempfile.TemporaryFile() as out_f:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out_f if capture_stdout else subprocess.DEVNULL,
                             stderr=err_f, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        err_f.seek(0)
        out_f.seek(0)
        return Sample(wall, int(usage.ru_maxrss), p.returncode,
                      out_f.read().decode("utf-8", "replace") if capture_stdout else "",
                      err_f.read().decode("utf-8", "replace"))

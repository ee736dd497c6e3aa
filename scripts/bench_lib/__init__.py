"""scripts/bench: reform against poppler's own text extraction and the table peers.

Protocol (docs/benchmarks.md says it again for readers):
- every measurement is one child process on one PDF: wall time from fork to exit
  (time.perf_counter around it) and the child's peak RSS from os.wait4's rusage;
- a round runs every tool on every file of a set, one tool at a time over the set's files
  (A on every file, then B ...), the tool order rotated each round, each tool's turn opened
  by an unmeasured run on the set's first file (this machine pages out a binary idle for
  seconds); --runs measured rounds (the scaling phase still goes file by file, A B C on one
  file before the next, after one warm-up run of each tool);
- a set's figure for one round is the sum over its files; per page = that sum / pages;
  reported as median and min-max over the rounds; peak RSS is the largest of the files;
- the peers run as one Python process per file over all its pages, so interpreter start-up
  and imports are in their wall time once per file; their in-process extraction time
  (imports and JVM start excluded) is recorded too;
- the scaling phase runs the first 1, 10, 100 and 500 pages of one 500-page PDF made from
  the corpus (page i is page k of corpus file i mod n, so every prefix is a mix);
- the long-PDF phase runs every tool on one PDF of the largest size made of born-digital pages
  alone (each tool's reading speed once start-up is paid), a tool at a time, warmed up on the
  set's first file;
- the per-stage breakdown comes from extra `reform extract --timings --jobs 1` runs.
"""

"""scripts/bench: reform against poppler's own text extraction and the table peers.

Protocol (docs/benchmarks.md says it again for readers):
- every measurement is one child process on one PDF: wall time from fork to exit
  (time.perf_counter around it) and the child's peak RSS from os.wait4's rusage;
- a round runs every tool on every file of a set, file by file, the tools one after the
  other on the same file (A B C A B C ...), their order rotated each round; one warm-up
  round on the first file of each set is not counted, then --runs measured rounds;
- a set's figure for one round is the sum over its files; per page = that sum / pages;
  reported as median and min-max over the rounds; peak RSS is the largest of the files;
- the peers run as one Python process per file over all its pages, so interpreter start-up
  and imports are in their wall time once per file; their in-process extraction time
  (imports and JVM start excluded) is recorded too;
- the scaling phase runs the first 1, 10, 100 and 500 pages of one 500-page PDF made from
  the corpus (page i is page k of corpus file i mod n, so every prefix is a mix);
- the per-stage breakdown comes from extra `reform extract --timings --jobs 1` runs.
"""

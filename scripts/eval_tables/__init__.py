"""eval_tables: scorer for reform's generic table stage on the peers' own test suites.

Entry point: ``scripts/eval-tables`` (``--help``). The suites are read in place from
/work/shared/peer-suites (``--root``); nothing from there is copied into the repo.

Running
-------
For every case of ``index.json`` (minus excluded tags, default ``tool-specific-output``)::

    reform tables PDF --pages N [--area top,left,bottom,right] --mode lattice|stream|auto --format json

``mode: null`` -> ``auto``. ICDAR 2013 cases have ``area: null``; they get the ground-truth
``table_bbox`` grown by 2 pt on each side (the acceptance protocol: "given each ground-truth
region plus 2 pt"). Cases run in a pool of 2 processes (``--jobs``). A non-zero exit, a
timeout or unparsable JSON scores 0 for the case. Seconds per table = wall time of the
process for the case (startup included). The peers (``--peers``) get the same page, mode
and area; their time is that of the extraction call alone, after one untimed warm-up call.

Cell accuracy and exact tables (as the suites' README "Peer results" defines them)
-----------------------------------------------------------------------------
1. Normalise every cell: Unicode NFKC, every whitespace run (incl. newlines) -> one space,
   strip; ``None`` -> "". Pad ragged rows. Drop rows and then columns that are entirely
   empty, in the expected grid and in each predicted grid.
2. For each predicted table returned for the page, find the rigid alignment (row offset
   dr, column offset dc, any integers) maximising the number of non-empty expected cells
   E[i][j] equal to P[i+dr][j+dc]. accuracy = that number / number of non-empty expected
   cells.
3. The case scores its best predicted table (an exact table first, then the highest
   accuracy); no table -> 0. exact = the normalised predicted grid equals the normalised
   expected grid (same shape, every cell equal, empty cells included).
4. Suite ``cell_acc`` = mean of per-case accuracies; ``exact%`` = share of exact cases
   (``cell_acc_micro``, pooled over cells, is in the JSON).

Spanning cells follow the suites' convention on both sides: the text sits in the top-left
slot and the covered slots are "" (our JSON ``rows`` does the same).

ICDAR 2013 structure metric (icdar2013 suite only)
--------------------------------------------------
Göbel, Hassan, Oro, Orsi: "A methodology for evaluating algorithms for table understanding
in PDF documents" (DocEng 2012), as used by the ICDAR 2013 Table Competition:

* A table is a set of cells, each covering an inclusive block of grid rows/columns.
  Ground truth: the case's ``expected`` grid with its ``spans`` (each span is one cell
  with the text at its top-left; every other slot a 1x1 cell). Ours: the ``cells`` of
  each table with ``row_span``/``col_span``. Peers (no spans in their output): every grid
  slot is a 1x1 cell.
* Adjacency relations: for every non-blank cell, in each grid row it spans, the nearest
  non-blank cell to its right (blank cells are skipped); in each grid column it spans, the
  nearest non-blank cell below. A spanning cell can thus have several neighbours in one
  direction; each (cell, neighbour, direction) counts once.
* A relation is the tuple (text1, text2, direction) with text normalised by NFKC and all
  whitespace removed (the competition compared content ignoring whitespace; the GT itself
  has broken spacing such as "takinga course").
* Per case, the relations of all tables the tool returned for the (area-given) region are
  pooled and matched against the GT relations as multisets: correct = size of the multiset
  intersection. Where the icdar2013 suite has an alternative GT (eu-009a, us-011a, us-031a,
  us-035a: ``alt_cells`` in ``icdar2013/tables/<doc>-t<id>.json``), the variant with the
  better F1 counts.
* precision = sum(correct) / sum(predicted relations), recall = sum(correct) / sum(GT
  relations), summed over all tables of the run; F1 = harmonic mean of those two.

Output
------
One line per suite: ``suite cases exact% cell_acc [icdar P R F1] sec/table``; ``-v`` adds a
line per case; ``--json OUT`` writes every per-case score. ``--peers`` additionally scores
the peers (cached in .scratch/peers/) and writes docs/peer-results.md. ``--selftest`` checks
the runner and scorer with fake reform binaries (eval_tables/selftest.py).
"""

#!/usr/bin/env python3
"""Turns the -log_view outputs of runs on different numbers of ranks into a speed-up table (Python 3 standard library).

usage: speedup.py [--event NAME] [--weak] [--counts] LOG [LOG ...]

  LOG       the output of a run with -log_view, one file per number of ranks, in any order: best the program's
            output and its -log_view together (ex8 ... -log_view > LOG), so that the number of iterations (tutorial
            8's line "fit: N iterations") and the exact count of collectives are found; -log_view :LOG works too
  --event   the event to time (default HtClusterFit: the k-means fit of tutorials/ex8)
  --weak    the runs are a weak-scaling study (work per rank fixed): efficiency = t(P0) / t(P);
            default strong scaling (total work fixed): speed-up = t(P0) / t(P), efficiency = speed-up * P0 / P,
            where P0 is the smallest number of ranks among the logs, and t the time per iteration when every log
            gives its iterations, else the time of the event
  --counts  print only what does not depend on the machine's load: ranks, iterations, calls of the event, its
            reductions (the column Reduct of the event table: collective operations, 2 per k-means iteration plus a
            few per fit; -log_view rounds it to two digits, tutorial 8 prints the exact count) and the message
            length of the whole run (PETSc's "MPI Msg Len", Max over the ranks: half the bytes a rank sent and
            received by point-to-point messages and all-to-all collectives; allreduce and allgather are not counted)

The time of an event is its Max column: the slowest rank's (tutorial 8 prints the same number). On a shared machine
these times are not measurements of scaling; the counts are exact.
"""
import argparse
import re
import sys


def parse(path, event):
    """ranks, iterations (or None), calls, max time and reductions of the event, the run's message bytes per rank"""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    m = re.search(r"with (\d+) (?:MPI )?process(?:or)?(?:e)?s?\b", text)
    if not m:
        raise SystemExit(f"{path}: no 'with N processors' line: is this the output of -log_view?")
    ranks = int(m.group(1))
    m = re.search(r"^MPI Msg Len \(bytes\):\s+(\S+)", text, re.M)
    msglen = float(m.group(1)) if m else 0.0
    m = re.search(r"^fit: (\d+) iterations", text, re.M)
    its = int(m.group(1)) if m else None
    calls, time, reduct = 0, 0.0, 0.0
    for line in text.splitlines():
        fields = line.split()
        # Event  Count(Max Ratio)  Time(Max Ratio)  Flop(Max Ratio)  Mess AvgLen Reduct ...; one line per stage
        if len(fields) >= 10 and fields[0] == event:
            calls += int(fields[1])
            time += float(fields[3])
            reduct += float(fields[9])
    if not calls:
        raise SystemExit(f"{path}: no event {event} in the -log_view table (see --event)")
    m = re.search(rf"^fit \(event {re.escape(event)} of -log_view\): (\d+) collective", text, re.M)
    if m:
        reduct = float(m.group(1))  # the exact count (the table's has two digits)
    return ranks, its, calls, time, reduct, msglen


def show(its):
    return "-" if its is None else str(its)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("logs", nargs="+", metavar="LOG")
    ap.add_argument("--event", default="HtClusterFit")
    ap.add_argument("--weak", action="store_true")
    ap.add_argument("--counts", action="store_true")
    opts = ap.parse_args()
    runs = sorted(parse(p, opts.event) for p in opts.logs)
    if opts.counts:
        print(f"ranks  iterations  {opts.event} calls  reductions  Msg Len (bytes)")
        for ranks, its, calls, _, reduct, msglen in runs:
            print(f"{ranks:5d}  {show(its):>10}  {calls:>{len(opts.event) + 6}d}  {reduct:10.0f}  {msglen:15.0f}")
        return
    per_it = all(r[1] for r in runs)
    if per_it and len({r[1] for r in runs}) > 1:
        print(f"note: the runs did different numbers of iterations ({', '.join(str(r[1]) for r in runs)}): compared"
              " per iteration")
    reducts = {r[4] for r in runs if r[0] > 1}  # PETSc counts no collectives on one rank
    if not per_it and (opts.weak or len(reducts) > 1):
        print("WARNING: the logs do not say how many iterations each run did"
              + (f", and their collectives differ ({', '.join(f'{c:.0f}' for c in sorted(reducts))}): the runs did"
                 " different amounts of work" if len(reducts) > 1 else "")
              + "; times are comparable only at a fixed iteration count (-ht_cluster_tol 0 -ht_cluster_max_it N)."
              " Put the program's output in the log (-log_view > LOG) to compare the time per iteration.")
    t = [time / its if per_it else time for _, its, _, time, _, _ in runs]
    p0 = runs[0][0]
    print(f"{'weak' if opts.weak else 'strong'} scaling of {opts.event} (times: the slowest rank's; speed-up and"
          f" efficiency from the time {'per iteration' if per_it else 'of the event'})")
    print("ranks  iterations    time (s)  per iteration  speed-up  efficiency  reductions  Msg Len (bytes)")
    for (ranks, its, _, time, reduct, msglen), ti in zip(runs, t):
        ratio = t[0] / ti if ti > 0 else float("inf")
        speedup, efficiency = ("-", ratio) if opts.weak else (f"{ratio:.2f}", ratio * p0 / ranks)
        per = f"{time / its:13.3g}" if its else f"{'-':>13}"
        print(f"{ranks:5d}  {show(its):>10}  {time:10.4g}  {per}  {speedup:>8}  {efficiency:10.2f}  {reduct:10.0f}"
              f"  {msglen:15.0f}")


if __name__ == "__main__":
    sys.exit(main())

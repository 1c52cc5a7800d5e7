#!/usr/bin/env python3
"""Turns the -log_view outputs of runs on different numbers of ranks into a speed-up table (Python 3 standard library).

usage: speedup.py [--event NAME] [--weak] [--counts] LOG [LOG ...]

  LOG       the output of a run with -log_view (or -log_view :LOG), one file per number of ranks, in any order
  --event   the event to time (default HtClusterFit: the k-means fit of tutorials/ex8)
  --weak    the runs are a weak-scaling study (work per rank fixed): efficiency = T(P0) / T(P);
            default strong scaling (total work fixed): speed-up = T(P0) / T(P), efficiency = speed-up * P0 / P,
            where P0 is the smallest number of ranks among the logs
  --counts  print only what does not depend on the machine's load: ranks, calls of the event, its reductions (the
            column Reduct of the event table: collective operations, e.g. 2 per k-means iteration) and the message
            length of the whole run (PETSc's "MPI Msg Len", Max over the ranks: half the bytes a rank sent and
            received by point-to-point messages and all-to-all collectives; allreduce and allgather are not counted)

The time of an event is its Max column: the slowest rank's. On a shared machine these times are not measurements of
scaling; the counts are exact.
"""
import argparse
import re
import sys


def parse(path, event):
    """ranks, (calls, max time, reductions) of the event, and the run's message bytes per rank (max over the ranks)"""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    m = re.search(r"with (\d+) (?:MPI )?process(?:or)?(?:e)?s?\b", text)
    if not m:
        raise SystemExit(f"{path}: no 'with N processors' line: is this the output of -log_view?")
    ranks = int(m.group(1))
    m = re.search(r"^MPI Msg Len \(bytes\):\s+(\S+)", text, re.M)
    msglen = float(m.group(1)) if m else 0.0
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
    return ranks, calls, time, reduct, msglen


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("logs", nargs="+", metavar="LOG")
    ap.add_argument("--event", default="HtClusterFit")
    ap.add_argument("--weak", action="store_true")
    ap.add_argument("--counts", action="store_true")
    opts = ap.parse_args()
    runs = sorted(parse(p, opts.event) for p in opts.logs)
    if opts.counts:
        print(f"ranks  {opts.event} calls  reductions  Msg Len (bytes)")
        for ranks, calls, _, reduct, msglen in runs:
            print(f"{ranks:5d}  {calls:>{len(opts.event) + 6}d}  {reduct:10.0f}  {msglen:11.0f}")
        return
    p0, t0 = runs[0][0], runs[0][2]
    print(f"{'weak' if opts.weak else 'strong'} scaling of {opts.event} (times: the slowest rank's)")
    print("ranks    time (s)  speed-up  efficiency  reductions  Msg Len (bytes)")
    for ranks, _, time, reduct, msglen in runs:
        ratio = t0 / time if time > 0 else float("inf")
        speedup, efficiency = ("-", ratio) if opts.weak else (f"{ratio:.2f}", ratio * p0 / ranks)
        print(f"{ranks:5d}  {time:10.4g}  {speedup:>8}  {efficiency:10.2f}  {reduct:10.0f}  {msglen:15.0f}")


if __name__ == "__main__":
    sys.exit(main())

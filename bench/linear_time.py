#!/usr/bin/env python3
"""Linear-time benchmark: whole-process `quotegraph extract` timings on
generated inputs of size N, 2N, 4N and 8N, median of several runs each.

Usage: bench/linear_time.py [--qg PATH] [--base-kb N] [--runs R] [--shapes a,b] [--check]

Each shape stresses one path that could turn quadratic: pairing (unmatched
and nested marks), sentence splitting (one huge paragraph, runs of
terminals inside a quote), speaker resolution (pronouns and many names),
apostrophes, and the corpus reader (many small JSONL records). Time should
double when input doubles; the last column is t(kN)/t(kN/2). With --check
the script exits 1 when a ratio at the largest size exceeds 3 (2 is linear;
the slack covers a shared, noisy machine). Inputs are generated in a temp
directory and deleted afterwards.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

PROSE = ("“We will not back down,” Pentagon spokesman John Kirby told reporters on Monday. "
         "He said the talks had ended. A senior administration official, who was not "
         "authorized to speak publicly, said that Russia’s offer was “not serious.” "
         "“It’s over,” she said. According to the White House, Mr. Biden’s call lasted "
         "an hour.\n\n")


def gen_prose(n):
    return (PROSE * (n // len(PROSE) + 1))[:n]


def gen_one_paragraph(n):
    p = PROSE.replace("\n\n", " ")
    return (p * (n // len(p) + 1))[:n]


def gen_unmatched(n):
    return ("“word " * (n // 8 + 1))[:n]


def gen_nested(n):
    unit = "“a ‘b “c ‘d "
    return (unit * (n // len(unit.encode()) + 1))


def gen_terminals_in_quote(n):
    # One open quote followed by a long run of terminal punctuation.
    return "“" + ". " * (n // 2) + "”"


def gen_pronouns(n):
    unit = "He said that it was over. “No,” she said. They said it again. It said so. "
    return unit * (n // len(unit) + 1)


def gen_names(n):
    out, i = [], 0
    size = 0
    while size < n:
        s = f"“Point {i},” said Alex Name{i}x Surname{i}y of Org{i}z. Surname{i}y said so. "
        out.append(s)
        size += len(s)
        i += 1
    return "".join(out)


def gen_apostrophes(n):
    unit = "rock ’n’ roll in the ’90s, Biden’s players’ don't 'em 5′ 10″ it's "
    return unit * (n // len(unit.encode()) + 1)


SHAPES = {
    "prose": (gen_prose, "txt"),
    "one-paragraph": (gen_one_paragraph, "txt"),
    "unmatched-marks": (gen_unmatched, "txt"),
    "nested-marks": (gen_nested, "txt"),
    "terminals-in-quote": (gen_terminals_in_quote, "txt"),
    "pronouns": (gen_pronouns, "txt"),
    "names": (gen_names, "txt"),
    "apostrophes": (gen_apostrophes, "txt"),
    "corpus": (None, "jsonl"),
}


def write_input(path, shape, n):
    gen, ext = SHAPES[shape]
    if ext == "jsonl":
        with open(path, "w", encoding="utf-8") as f:
            size, i = 0, 0
            while size < n:
                line = json.dumps({"id": f"a{i}", "text": PROSE * 3}, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode())
                i += 1
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(gen(n))


def time_run(qg, path, runs):
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run([qg, "extract", "--format", "jsonl", path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        samples.append(time.perf_counter() - t0)
        if r.returncode != 0:
            sys.exit(f"quotegraph failed on {path}: {r.stderr.decode(errors='replace')[:300]}")
    return statistics.median(samples)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--qg", default="build-hostile/cli/quotegraph")
    ap.add_argument("--base-kb", type=int, default=1024, help="N in KiB (default 1024)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    worst = 0.0
    print(f"{'shape':20} {'bytes':>10} {'median s':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory(prefix="qg-bench-") as tmp:
        for shape in args.shapes.split(","):
            prev = None
            for k in (1, 2, 4, 8):
                n = args.base_kb * 1024 * k
                path = os.path.join(tmp, f"{shape}-{k}.{SHAPES[shape][1]}")
                write_input(path, shape, n)
                t = time_run(args.qg, path, args.runs)
                ratio = t / prev if prev else float("nan")
                if k == 8:
                    worst = max(worst, ratio)
                print(f"{shape:20} {os.path.getsize(path):>10} {t:>9.3f} {ratio:>6.2f}", flush=True)
                prev = t
                os.unlink(path)
    print(f"worst t(8N)/t(4N): {worst:.2f} (2.00 is linear)")
    if args.check and worst > 3.0:
        sys.exit(1)


if __name__ == "__main__":
    main()

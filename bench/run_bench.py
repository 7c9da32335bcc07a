#!/usr/bin/python3
"""Corpus-scale benchmark for `quotegraph extract` (issue 6). Not a test.

Builds corpora of about 10 MB and 50 MB from the eval set's articles
(../shared/eval/ggt-dev/articles.jsonl, read in place, never copied into the
repository) or, when that is absent, from synthetic news-like articles. Each
article copy gets its own id so no "#2" renaming skews the run. Then, over
--rounds rounds, it runs side by side on the same bytes:
  extract --format jsonl --threads 1, extract --threads 2, and bench/re2_scan
(one RE2 pass for quotation marks and five cue words), and prints medians of
MB/s, articles/s, peak RSS (getrusage of the child) and the ratio to the RE2
scan. Output goes to /dev/null so the figures are the engine's, not the disk's.

Usage: bench/run_bench.py --quotegraph BUILD/cli/quotegraph --re2-scan BUILD/bench/re2_scan
                          [--rounds 5] [--sizes 10,50] [--threads 1,2] [--workdir DIR]
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval", "ggt-dev", "articles.jsonl")


def synthetic_articles(n=60, seed=6):
    """News-like articles with quotes, cues, names and anonymous sources."""
    rng = random.Random(seed)
    people = ["John Kirby", "Jen Psaki", "Maria Lopez", "Ahmed Khan", "Sarah Chen"]
    roles = ["Pentagon spokesman", "the mayor", "a senior official", "the minister"]
    verbs = ["said", "told reporters", "added", "says", "wrote"]
    out = []
    for i in range(n):
        paras = []
        for _ in range(rng.randint(8, 20)):
            who, role, verb = rng.choice(people), rng.choice(roles), rng.choice(verbs)
            kind = rng.randrange(4)
            words = " ".join(rng.choice(["we", "will", "continue", "to", "support", "the",
                                         "plan", "budget", "city", "talks", "today", "not"])
                             for _ in range(rng.randint(6, 18)))
            if kind == 0:
                paras.append(f"\u201c{words.capitalize()},\u201d {who}, {role}, {verb}.")
            elif kind == 1:
                paras.append(f"{who} {verb} that {words}.")
            elif kind == 2:
                paras.append(f"According to {role}, \u201c{words}.\u201d")
            else:
                paras.append(f"The {words} was discussed on Monday in the U.S. capital.")
        out.append({"id": f"synthetic-{i}", "outlet": "Synthetic", "text": "\n\n".join(paras)})
    return out


def load_articles():
    if os.path.exists(EVAL):
        with open(EVAL, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()], "eval articles (ggt-dev)"
    return synthetic_articles(), "synthetic articles (../shared/eval absent)"


def build_corpus(path, articles, megabytes):
    """Repeats the articles, each copy with a fresh id, to `megabytes` MB."""
    target, size, count = megabytes * 1_000_000, 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while size < target:
            rec = dict(articles[count % len(articles)])
            rec["id"] = f"{rec.get('id', 'a')}-{count // len(articles)}"
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            count += 1
    return size, count


def run_once(argv):
    """Wall seconds and peak RSS (MB) of one child run, output discarded."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(argv, stdout=devnull, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"run_bench: {' '.join(argv)} exited {code}: {err[-500:]}")
    return seconds, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quotegraph", required=True)
    ap.add_argument("--re2-scan", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--sizes", default="10,50", help="corpus sizes in MB")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--workdir", default=None, help="where the corpora go (default: a temp dir)")
    args = ap.parse_args()

    articles, origin = load_articles()
    workdir = args.workdir or tempfile.mkdtemp(prefix="qg-bench-")
    os.makedirs(workdir, exist_ok=True)
    print(f"corpus: {origin}; {os.cpu_count()} cores; {args.rounds} rounds; medians")
    print(f"{'corpus':>7} {'run':<22} {'MB/s':>8} {'articles/s':>11} {'peak RSS MB':>12} "
          f"{'vs RE2 scan':>12}")
    rss_by_size = {}
    for mb in [int(s) for s in args.sizes.split(",")]:
        path = os.path.join(workdir, f"corpus-{mb}mb.jsonl")
        size, count = build_corpus(path, articles, mb)
        runs = [("re2 scan", [args.re2_scan, path])]
        for t in [int(x) for x in args.threads.split(",")]:
            runs.append((f"extract --threads {t}",
                         [args.quotegraph, "extract", "--format", "jsonl", "--threads", str(t),
                          path]))
        samples = {name: [] for name, _ in runs}
        for _ in range(args.rounds):
            for name, argv in runs:  # interleaved, so load changes hit every run alike
                samples[name].append(run_once(argv))
        scan_rate = None
        rates = {}
        for name, _ in runs:
            secs = statistics.median(s for s, _ in samples[name])
            rss = statistics.median(r for _, r in samples[name])
            rate = size / 1e6 / secs
            scan_rate = scan_rate or rate
            rss_by_size.setdefault(name, {})[mb] = rss
            rates[name] = rate
            print(f"{mb:>5}MB {name:<22} {rate:>8.1f} {count / secs:>11.0f} {rss:>12.1f} "
                  f"{rate / scan_rate:>11.3f}x")
        extract = [n for n in rates if n.startswith("extract")]
        for name in extract[1:]:
            print(f"{mb:>5}MB speed-up {name} / {extract[0]}: {rates[name] / rates[extract[0]]:.2f}x")
        os.remove(path)
    sizes = sorted({mb for r in rss_by_size.values() for mb in r})
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        for name, by in rss_by_size.items():
            if name.startswith("extract"):
                print(f"peak RSS {hi} MB / {lo} MB corpus, {name}: {by[hi] / by[lo]:.2f}x")
    print("note: timings are wall clock; on a shared machine compare runs of the same round.")


if __name__ == "__main__":
    main()

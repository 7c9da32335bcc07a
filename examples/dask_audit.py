#!/usr/bin/python3
"""Audit a sharded JSONL corpus with Dask: extract on worker processes, then
merge the partial audits (map/reduce; engine/audit.h guarantees the merged
audit equals the audit of the whole corpus).

    examples/dask_audit.py 'corpus/shard-*.jsonl' [--workers 2] [--top 5]
    examples/dask_audit.py 'corpus/*.jsonl' --scheduler tcp://scheduler:8786

Without --scheduler it starts a LocalCluster of worker processes on this
machine; with it, it joins an existing Dask cluster (every worker needs the
quotegraph module importable, e.g. PYTHONPATH pointing at the build's python/).
Prints the total audit as JSON, the same object as
`quotegraph audit --format json --total corpus/*.jsonl` prints under "total".
"""
import argparse
import json
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster


def extract_record(line):
    """One JSONL line → extract's record (metadata kept, like the CLI)."""
    import quotegraph  # imported on the worker
    rec = json.loads(line)
    out = quotegraph.extract(rec["text"], id=str(rec["id"]))
    meta = {k: v for k, v in rec.items() if k not in ("id", "text")}
    if meta:
        out = {"article": out["article"], "metadata": meta,
               **{k: v for k, v in out.items() if k != "article"}}
    return out


def partition_audit(records):
    """Map side: the audit of one partition (a picklable quotegraph.Audit)."""
    import quotegraph
    audit = quotegraph.Audit()
    for rec in records:
        audit.add(rec)
    return audit


def merge_audits(audits):
    """Reduce side: merging is associative and commutative, so any tree works."""
    import quotegraph
    total = quotegraph.Audit()
    for a in audits:
        total.merge(a)
    return total


def audit_corpus(pattern, client, top=5):
    """The total audit dict of the JSONL shards matching `pattern`."""
    lines = db.read_text(pattern, blocksize=None).filter(lambda s: s.strip())
    records = lines.map(extract_record)
    total = records.reduction(partition_audit, merge_audits, split_every=8)
    return client.compute(total).result().to_dict(top=top)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pattern", help="JSONL shards, a glob such as 'corpus/shard-*.jsonl'")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--scheduler", help="address of an existing Dask scheduler")
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args()
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        json.dump(audit_corpus(args.pattern, client, args.top), sys.stdout, ensure_ascii=False)
        print()
    finally:
        client.close()


if __name__ == "__main__":
    main()

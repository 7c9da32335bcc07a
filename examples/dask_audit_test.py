#!/usr/bin/python3
"""The Dask example's audit of a sharded corpus equals the single-process CLI
audit of the same corpus (run by ctest with Debian's /usr/bin/python3).

Usage: dask_audit_test.py --quotegraph BUILD/cli/quotegraph --fixtures DIR
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dask.distributed import Client, LocalCluster  # noqa: E402

import dask_audit  # noqa: E402

SMALL = [
    "\u201cWe will not back down,\u201d Mayor Jane Smith said on Monday.\n\n"
    "A senior city official, who was not authorized to speak publicly, said the plan was dead.",
    "The White House said in a statement that talks would resume.\n\n"
    "\u201cIt is a good day,\u201d said John Kirby, the Pentagon spokesman.",
    "Two sources familiar with the matter said the deal was close. "
    "\u201cNothing is agreed,\u201d one of them said.",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotegraph", required=True)
    ap.add_argument("--fixtures", required=True)
    args = ap.parse_args()
    with open(os.path.join(args.fixtures, "biden-putin-call.txt"), encoding="utf-8") as f:
        seed = f.read()
    texts = [seed] + SMALL
    with tempfile.TemporaryDirectory() as d:
        # 4 shards of 6 articles: ids unique across shards, as in a real corpus.
        shards = []
        for s in range(4):
            path = os.path.join(d, f"shard-{s}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for k in range(6):
                    n = s * 6 + k
                    f.write(json.dumps({"id": f"art-{n}", "outlet": f"outlet-{n % 3}",
                                        "text": texts[n % len(texts)]}) + "\n")
            shards.append(path)
        cli = subprocess.run([args.quotegraph, "audit", "--format", "json", "--total", *shards],
                             capture_output=True, check=True)
        want = json.loads(cli.stdout)["total"]
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        try:
            got = dask_audit.audit_corpus(os.path.join(d, "shard-*.jsonl"), client, top=5)
            workers = len(client.scheduler_info()["workers"])
        finally:
            client.close()
            cluster.close()
    print("cli: ", json.dumps(want, sort_keys=True))
    print("dask:", json.dumps(got, sort_keys=True))
    ok = got == want and want["articles"] == 24 and workers == 2
    print(("ok   " if ok else "FAIL ") + "Dask audit on a 2-worker LocalCluster == CLI audit "
          f"({want['articles']} articles, {want['quotes']} quotes)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Tests of the quotegraph Python module against the CLI (run by ctest with
Debian's /usr/bin/python3 and PYTHONPATH at the built module).

Usage: test_quotegraph.py --quotegraph BUILD/cli/quotegraph --fixtures DIR
"""
import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import unittest

ARGS = None


def cli(*argv, stdin=None):
    return subprocess.run([ARGS.quotegraph, *argv], input=stdin, capture_output=True,
                          check=True).stdout.decode("utf-8")


class ModuleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import quotegraph  # noqa: PLC0415 (path comes from ctest)
        cls.qg = quotegraph
        with open(os.path.join(ARGS.fixtures, "biden-putin-call.txt"), encoding="utf-8") as f:
            cls.seed = f.read()

    def test_version(self):
        version = cli("--version").split()[-1]
        self.assertEqual(self.qg.__version__, version)

    def test_extract_equals_cli_json(self):
        rec = self.qg.extract(self.seed, id="biden-putin-call")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "biden-putin-call.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(self.seed)
            want = json.loads(cli("extract", "--format", "json", path))
        self.assertEqual(rec, want)
        self.assertEqual(list(rec), ["article", "quotes", "sources", "summary"])

    def test_extract_defaults_and_terms(self):
        rec = self.qg.extract("She called it a \u201cnuclear option\u201d.")
        self.assertEqual(rec["article"], "article")
        no_terms = self.qg.extract("She called it a \u201cnuclear option\u201d.", keep_terms=False)
        self.assertTrue(all(q["kind"] != "term" for q in no_terms["quotes"]))

    def test_invalid_utf8_bytes_raise(self):
        with self.assertRaises(ValueError) as cm:
            self.qg.extract(b"ok \xc3\x28 bad", id="x")
        self.assertIn("invalid UTF-8", str(cm.exception))

    def test_audit_equals_cli_audit(self):
        recs = [self.qg.extract(self.seed, id="a"), self.qg.extract(self.seed, id="b")]
        jsonl = "".join(json.dumps(r) + "\n" for r in recs).encode("utf-8")
        want = json.loads(cli("audit", "--format", "json", "--total", "-", stdin=jsonl))["total"]
        self.assertEqual(self.qg.audit(recs), want)
        # JSON strings are records too.
        self.assertEqual(self.qg.audit(json.dumps(r) for r in recs), want)

    def test_partial_audits_merge_and_pickle(self):
        recs = [self.qg.extract(self.seed, id=str(i)) for i in range(3)]
        whole = self.qg.Audit()
        for r in recs:
            whole.add(r)
        left, right = self.qg.Audit(), self.qg.Audit()
        left.add(recs[0])
        right.add(recs[1])
        right.add(recs[2])
        left = pickle.loads(pickle.dumps(left))
        left.merge(pickle.loads(pickle.dumps(right)))
        self.assertTrue(left == whole)
        self.assertEqual(left.to_dict(top=3), whole.to_dict(top=3))

    def test_bad_record_raises(self):
        with self.assertRaises(ValueError):
            self.qg.audit([{"article": "x", "quotes": [{"span": [5, 1]}]}])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotegraph", required=True)
    ap.add_argument("--fixtures", required=True)
    ARGS, rest = ap.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)

#!/usr/bin/env bash
# extract --format sqlite: the tables, their indexes, and the README's audit by
# outlet in SQL agreeing with `quotegraph audit --group-by outlet`.
# Usage: sqlite_store_test.sh QUOTEGRAPH FIXTURES_DIR PYTHON
set -u
QG=$1 FIX=$2 PY=${3:-/usr/bin/python3}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
check() {  # check NAME CONDITION
  if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fails=$((fails + 1)); fi
}

# Three outlets over the seed article and two small ones with named,
# institutional and anonymous sources.
"$PY" - "$FIX/biden-putin-call.txt" >"$T/corpus.jsonl" <<'PYEOF'
import json, sys
seed = open(sys.argv[1], encoding="utf-8").read()
small = [
    "\u201cWe will not back down,\u201d Mayor Jane Smith said on Monday.\n\n"
    "A senior city official, who was not authorized to speak publicly, said the plan was dead.",
    "The White House said in a statement that talks would resume.\n\n"
    "\u201cIt is a good day,\u201d said John Kirby, the Pentagon spokesman.",
]
rows = [("seed-a", "Daily A", seed), ("s1", "Daily A", small[0]), ("s2", "Weekly B", small[1]),
        ("seed-c", "Post C", seed), ("s3", "Post C", small[0] + "\n\n" + small[1])]
for i, outlet, text in rows:
    print(json.dumps({"id": i, "outlet": outlet, "date": "2022-01-0%d" % (len(i) % 9), "text": text}))
PYEOF

"$QG" extract -o "$T/corpus.db" "$T/corpus.jsonl"; rc=$?
check "extract -o corpus.db: exit 0" '[ $rc -eq 0 ] && [ -s "$T/corpus.db" ]'
"$QG" extract --format sqlite "$T/corpus.jsonl" >/dev/null 2>"$T/noout.err"; rc=$?
check "--format sqlite without -o: usage error" '[ $rc -eq 2 ] && grep -q "needs -o" "$T/noout.err"'
"$QG" audit --group-by outlet --format json "$T/corpus.jsonl" >"$T/audit.json" 2>/dev/null
"$QG" extract --format jsonl "$T/corpus.jsonl" >"$T/corpus.out.jsonl" 2>/dev/null

"$PY" - "$T/corpus.db" "$T/audit.json" "$T/corpus.out.jsonl" <<'PYEOF'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
audit = json.load(open(sys.argv[2]))
records = [json.loads(l) for l in open(sys.argv[3])]
ok = True
def expect(name, cond):
    global ok
    print(("ok   " if cond else "FAIL ") + name)
    ok = ok and cond

tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
expect("tables articles, sources, quotes", {"articles", "sources", "quotes"} <= tables)
indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
expect("indexes on outlet, date, source kind/name, quote source",
       {"articles_outlet", "articles_date", "sources_kind_name", "quotes_source"} <= indexes)
expect("one article row per record",
       db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(records))
expect("one quote row per JSON quote",
       db.execute("SELECT count(*) FROM quotes").fetchone()[0] == sum(len(r["quotes"]) for r in records))
q0 = records[0]["quotes"][0]
row = db.execute("SELECT text, begin, end, kind FROM quotes JOIN articles a ON a.id = article_id "
                 "WHERE a.article = ? AND quote = 0", (records[0]["article"],)).fetchone()
expect("quote text and span as in the JSON", row == (q0["text"], q0["span"][0], q0["span"][1], q0["kind"]))

# The README's audit by outlet, verbatim.
SQL = """
SELECT a.outlet,
       count(*)                                    AS quotes,
       count(q.source)                             AS attributed,
       sum(s.kind = 'person')                      AS named,
       sum(s.kind = 'organization')                AS institutional,
       sum(s.kind = 'anonymous')                   AS anonymous,
       round(1.0 * sum(s.kind = 'anonymous') / nullif(count(q.source), 0), 3) AS anonymous_ratio
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN sources s ON s.article_id = q.article_id AND s.source = q.source
WHERE q.kind != 'term'
GROUP BY a.outlet
ORDER BY a.outlet;
"""
got = {r[0]: tuple(x or 0 for x in r[1:]) for r in db.execute(SQL)}
want = {g["label"]: (g["quotes"], g["attributed"], g["named_quotes"], g["institutional_quotes"],
                     g["anonymous_quotes"], g["anonymous_ratio"]) for g in audit["rows"]}
expect("SQL audit by outlet == quotegraph audit --group-by outlet (%d outlets)" % len(want),
       got == want and len(want) == 3)
if got != want:
    print("  sql:  ", got, "\n  audit:", want)
sys.exit(0 if ok else 1)
PYEOF
[ $? -eq 0 ] || fails=$((fails + 1))
[ $fails -eq 0 ] || { echo "sqlite_store_test: $fails failed"; exit 1; }

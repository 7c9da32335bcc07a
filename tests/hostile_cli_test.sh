#!/usr/bin/env bash
# The process-level rows of the hostile-input table (README, docs/hostile-input.md):
# exit statuses, --errors records, unwritable outputs, limits, broken pipes.
# Engine-level rows are in tests/hostile_test.cc. Big inputs are generated here.
# Usage: hostile_cli_test.sh path/to/quotegraph
set -uo pipefail
QG=$1
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
fails=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fails=$((fails + 1)); fi; }
jsonl_ok() { "$PY" -c '
import json,sys
for l in open(sys.argv[1], encoding="utf-8"): json.loads(l)' "$1" 2>/dev/null; }
count() { wc -l <"$1" | tr -d ' '; }

printf '“We will not,” he said.\n' >"$T/good.txt"

# Empty and whitespace-only articles: a record with no quotes, exit 0.
: >"$T/empty.txt"; printf ' \n\t\r\n\n' >"$T/blank.txt"
"$QG" extract --format jsonl "$T/empty.txt" "$T/blank.txt" >"$T/e.out" 2>"$T/e.err"; rc=$?
check "empty and blank articles: exit 0, two records, no quotes" \
  '[ $rc -eq 0 ] && [ $(count "$T/e.out") -eq 2 ] && ! grep -q "\"kind\"" "$T/e.out"'
printf '  \n\n' | "$QG" extract --format jsonl - >"$T/s.out" 2>/dev/null; rc=$?
check "whitespace-only stdin is one empty article" '[ $rc -eq 0 ] && grep -q "\"article\":\"stdin\"" "$T/s.out"'
: | "$QG" extract --format json - >"$T/s0.out" 2>/dev/null; rc=$?
check "empty stdin: exit 0, valid JSON" '[ $rc -eq 0 ] && "$PY" -c "import json,sys; json.load(open(sys.argv[1]))" "$T/s0.out"'

# BOM and CRLF in a corpus; NUL escaped; invalid UTF-8 refused by offset.
printf '\xef\xbb\xbf{"id":"b","text":"\\u201cHi there,\\u201d he said.\\r\\n\\r\\nNext."}\r\n\r\n{"id":"n","text":"\\u201ca\\u0000b,\\u201d he said."}\r\n' >"$T/bom.jsonl"
"$QG" extract --format jsonl "$T/bom.jsonl" >"$T/bom.out" 2>"$T/bom.err"; rc=$?
check "BOM + CRLF corpus: exit 0, both records, quote found" \
  '[ $rc -eq 0 ] && [ $(count "$T/bom.out") -eq 2 ] && grep -q "\"text\":\"Hi there,\"" "$T/bom.out" && jsonl_ok "$T/bom.out"'
check "NUL comes out escaped" 'grep -q "\"text\":\"a\\\\u0000b,\"" "$T/bom.out"'
printf 'x\n\n“ok” \xc3\x28 bad\n' >"$T/bad8.txt"
"$QG" extract --format jsonl --errors "$T/bad8.err.jsonl" "$T/bad8.txt" "$T/good.txt" >"$T/b8.out" 2>"$T/b8.err"; rc=$?
check "invalid UTF-8: exit 1, byte offset named, the good article still out" \
  '[ $rc -eq 1 ] && grep -q "bad8.txt.*invalid UTF-8 at byte 12" "$T/b8.err" && [ $(count "$T/b8.out") -eq 1 ] && jsonl_ok "$T/b8.out"'
check "invalid UTF-8: an --errors record with code and null line" '"$PY" -c "
import json,sys
r=[json.loads(l) for l in open(sys.argv[1])]
assert len(r)==1 and r[0][\"line\"] is None and r[0][\"code\"]==\"invalid argument\" and r[0][\"article\"]==\"bad8\", r" "$T/bad8.err.jsonl"'

# Every kind of bad JSONL line: each reported with its line, the good ones out.
printf '%s\n' '{"id":"a","text":"One."}' 'not json' '{"id":"nt"}' '{"id":"c","text":42}' \
  '["x"]' '{"id":"a","text":"Again."}' '{"id":"z","text":"Last."}' >"$T/c.jsonl"
"$QG" extract --format jsonl --errors "$T/c.err.jsonl" "$T/c.jsonl" >"$T/c.out" 2>"$T/c.err"; rc=$?
check "bad JSONL: exit 1, 4 good records (a, a#2, z) in order" '[ $rc -eq 1 ] && "$PY" -c "
import json,sys
ids=[json.loads(l)[\"article\"] for l in open(sys.argv[1])]
assert ids==[\"a\",\"a#2\",\"z\"], ids" "$T/c.out"'
check "bad JSONL: stderr names each line" \
  'grep -q "c.jsonl:2: not JSON" "$T/c.err" && grep -q "c.jsonl:3: no \"text\"" "$T/c.err" && grep -q "c.jsonl:4: \"text\" is not a string" "$T/c.err" && grep -q "c.jsonl:5: not a JSON object" "$T/c.err" && grep -q "c.jsonl:6: duplicate article id" "$T/c.err"'
check "bad JSONL: --errors has lines 2..5" '"$PY" -c "
import json,sys
r=[json.loads(l) for l in open(sys.argv[1])]
assert [e[\"line\"] for e in r]==[2,3,4,5], r" "$T/c.err.jsonl"'

# Paths: missing, unreadable, a directory without articles; the others processed.
printf 'Secret.' >"$T/locked.txt"; chmod 000 "$T/locked.txt"
mkdir -p "$T/nothing"
"$QG" extract --format jsonl --errors "$T/p.err.jsonl" "$T/missing.txt" "$T/locked.txt" \
  "$T/nothing" "$T/good.txt" >"$T/p.out" 2>"$T/p.err"; rc=$?
check "bad paths: exit 1, the good article out" '[ $rc -eq 1 ] && grep -q "\"article\":\"good\"" "$T/p.out"'
check "missing path is 'not found'" 'grep -q "missing.txt" "$T/p.err" && grep -q "\"code\":\"not found\"" "$T/p.err.jsonl"'
if [ ! -r "$T/locked.txt" ]; then
  check "unreadable path is an i/o error" 'grep -q "locked.txt: Permission denied" "$T/p.err"'
fi
check "a directory without articles is reported" 'grep -q "nothing: directory holds no" "$T/p.err"'

# Unwritable outputs: usage status 2 with the reason, never a crash.
"$QG" extract -o "$T/no/such/dir.json" "$T/good.txt" 2>"$T/o1.err"; rc=$?
check "-o into a missing directory: exit 2" '[ $rc -eq 2 ] && grep -q "cannot write output" "$T/o1.err"'
"$QG" extract -o "$T" "$T/good.txt" 2>"$T/o2.err"; rc=$?
check "-o a directory: exit 2" '[ $rc -eq 2 ] && grep -q "cannot write output" "$T/o2.err"'
if [ -w /dev/full ]; then
  "$QG" extract --format jsonl -o /dev/full "$T/good.txt" 2>"$T/o3.err"; rc=$?
  check "-o /dev/full (disk full): exit 2, says so" '[ $rc -eq 2 ] && grep -q "No space left" "$T/o3.err"'
  "$QG" extract --format jsonl "$T/good.txt" >/dev/full 2>"$T/o4.err"; rc=$?
  check "stdout on a full disk: exit 2" '[ $rc -eq 2 ] && grep -q "No space left" "$T/o4.err"'
fi
"$QG" extract --errors "$T/no/such/errors.jsonl" "$T/good.txt" >/dev/null 2>"$T/o5.err"; rc=$?
check "unwritable --errors: exit 2" '[ $rc -eq 2 ] && grep -q "cannot write errors" "$T/o5.err"'

# Rule files with a bad pattern or field: file, line and RE2's message; exit 2.
mkdir -p "$T/rules"; printf 'p1\tS (V\tdirect\t0.5\n' >"$T/rules/patterns.tsv"
"$QG" --rules "$T/rules" extract "$T/good.txt" >/dev/null 2>"$T/r.err"; rc=$?
check "bad rule pattern: exit 2 naming file, line and RE2's message" \
  '[ $rc -eq 2 ] && grep -q "rules/patterns.tsv:1: rule p1: missing ): " "$T/r.err"'
printf 'said\tsay\n' >"$T/rules/speech_verbs.tsv"; rm "$T/rules/patterns.tsv"
"$QG" --rules "$T/rules" extract "$T/good.txt" >/dev/null 2>"$T/r2.err"; rc=$?
check "bad rule field: exit 2 naming file and line" \
  '[ $rc -eq 2 ] && grep -q "speech_verbs.tsv:1: expected 4 tab-separated fields" "$T/r2.err"'

# Size limit: an article past 64 MiB is refused with the limit named, the
# next one read, and memory stays near the limit (no OOM death).
head -c $((64 * 1024 * 1024 + 10)) /dev/zero | tr '\0' 'a' >"$T/huge.txt"
"$QG" extract --format jsonl "$T/huge.txt" "$T/good.txt" >"$T/h.out" 2>"$T/h.err"; rc=$?
check "an article past 64 MiB: exit 1, limit named, next article out" \
  '[ $rc -eq 1 ] && grep -q "huge.txt: article exceeds the limit of 67108864 bytes" "$T/h.err" && [ $(count "$T/h.out") -eq 1 ]'
"$PY" -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("{\"id\":\"big\",\"text\":\"" + "a" * (64 * 1024 * 1024 + 1) + "\"}\n{\"id\":\"after\",\"text\":\"Fine.\"}\n")' "$T/huge.jsonl"
"$QG" extract --format jsonl "$T/huge.jsonl" >"$T/hj.out" 2>"$T/hj.err"; rc=$?
check "a JSONL text past 64 MiB: exit 1, line named, next record out" \
  '[ $rc -eq 1 ] && grep -q "huge.jsonl:1: article of 67108865 bytes exceeds the limit" "$T/hj.err" && grep -q "\"after\"" "$T/hj.out"'
rm -f "$T/huge.txt" "$T/huge.jsonl"

# Broken pipe from standard input too: quiet, status 0.
"$PY" -c '
import json
for i in range(5000):
    print(json.dumps({"id": "a%d" % i, "text": "“Quote %d,” the official said. " % i * 10}))' >"$T/big.jsonl"
cat "$T/big.jsonl" | "$QG" extract --format csv - 2>"$T/bp.err" | head -2 >/dev/null
rc=${PIPESTATUS[1]}
check "broken pipe (stdin to csv | head): exit 0, quiet" '[ $rc -eq 0 ] && [ ! -s "$T/bp.err" ]'

echo "hostile_cli_test: $fails failed"
[ "$fails" -eq 0 ]

#!/usr/bin/env bash
# Drives the quotegraph binary: formats, exit statuses, --errors, stdin,
# broken pipes. Usage: cli_test.sh path/to/quotegraph fixtures-dir
# JSON is checked with Debian's python3 (installed by scripts/install-deps.sh).
set -uo pipefail
QG=$1
FIX=$2
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }
check() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }
is_json() { "$PY" -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$1" 2>/dev/null; }
is_jsonl() { "$PY" -c '
import json,sys
for l in open(sys.argv[1], encoding="utf-8"): json.loads(l)' "$1" 2>/dev/null; }

SEED=$FIX/biden-putin-call.txt

# --version, usage errors
"$QG" --version >"$T/v" 2>&1; check "--version exits 0" '[ $? -eq 0 ] && grep -q "quotegraph [0-9]" "$T/v"'
"$QG" >/dev/null 2>&1; check "no subcommand is a usage error (2)" '[ $? -eq 2 ]'
"$QG" extract >/dev/null 2>&1; check "extract without inputs is 2" '[ $? -eq 2 ]'
"$QG" extract --format xml "$SEED" >/dev/null 2>&1; check "unknown format is 2" '[ $? -eq 2 ]'
"$QG" extract --bogus "$SEED" >/dev/null 2>&1; check "unknown flag is 2" '[ $? -eq 2 ]'
"$QG" --rules "$T/nowhere" extract "$SEED" >/dev/null 2>&1; check "missing --rules dir is 2" '[ $? -eq 2 ]'

# Formats. Not a terminal: json by default, one object for one .txt file.
"$QG" extract "$SEED" >"$T/out.json" 2>"$T/err"; rc=$?
check "default (not a tty) is JSON, exit 0" '[ $rc -eq 0 ] && is_json "$T/out.json"'
check "one .txt file gives one object" '"$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"article\"]==\"biden-putin-call\"" "$T/out.json"'
"$QG" extract --format json "$SEED" "$SEED" >"$T/two.json" 2>"$T/err"
check "several articles give a JSON array" '"$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); assert [a[\"article\"] for a in d]==[\"biden-putin-call\",\"biden-putin-call#2\"]" "$T/two.json"'
check "a repeated id is warned about" 'grep -q "renamed to \"biden-putin-call#2\"" "$T/err"'
"$QG" extract --format jsonl "$SEED" >"$T/out.jsonl"
check "jsonl is one valid record per line" 'is_jsonl "$T/out.jsonl" && [ $(wc -l <"$T/out.jsonl") -eq 1 ]'
"$QG" extract --format csv "$SEED" >"$T/out.csv"
check "csv has the header row" 'head -1 "$T/out.csv" | grep -q "^article,quote,kind,text,begin,end,speaker,cue,source,source_kind,channel,confidence,rule"'
check "csv parses with a strict reader" '"$PY" -c "
import csv,sys
rows=list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))
assert all(len(r)==13 for r in rows), rows" "$T/out.csv"'
"$QG" extract --format table "$SEED" >"$T/out.txt"
check "table names the article" 'grep -q "^biden-putin-call — " "$T/out.txt"'
"$QG" extract -o "$T/by-ext.jsonl" "$SEED"
check "-o picks the format from the extension" 'is_jsonl "$T/by-ext.jsonl"'
printf 'x' >"$T/ro.json"; chmod 444 "$T/ro.json"
"$QG" extract -o "$T/missing-dir/x.json" "$SEED" 2>/dev/null; check "unwritable -o is 2" '[ $? -eq 2 ]'

# Standard input: plain text and JSONL.
printf '“It works,” she said.\n' | "$QG" extract --format jsonl - >"$T/stdin.jsonl"
check "stdin text is article \"stdin\"" 'grep -q "\"article\":\"stdin\"" "$T/stdin.jsonl"'
printf '{"id":"s1","text":"A.","outlet":"CBC"}\n' | "$QG" extract --format jsonl - >"$T/stdin2.jsonl"
check "stdin JSONL keeps metadata" 'grep -q "\"article\":\"s1\",\"metadata\":{\"outlet\":\"CBC\"}" "$T/stdin2.jsonl"'

# Bad inputs: reported with file and line, the others processed, exit 1.
printf '{"id":"good","text":"Fine."}\nnot json\n{"id":"nt"}\n{"id":"bad","text":"caf\xc3 x"}\n{"id":"good2","text":"Also fine."}\n' >"$T/mixed.jsonl"
"$QG" extract --format jsonl --errors "$T/errors.jsonl" "$T/mixed.jsonl" "$T/nope.txt" >"$T/m.out" 2>"$T/m.err"; rc=$?
check "bad inputs give exit 1" '[ $rc -eq 1 ]'
check "good records still come out" '[ $(wc -l <"$T/m.out") -eq 2 ] && grep -q "\"good2\"" "$T/m.out"'
check "stderr names file and line" 'grep -q "mixed.jsonl:2: not JSON" "$T/m.err" && grep -q "mixed.jsonl:3: no \"text\"" "$T/m.err" && grep -q "nope.txt" "$T/m.err"'
check "--errors holds one JSONL record per failure" 'is_jsonl "$T/errors.jsonl" && [ $(wc -l <"$T/errors.jsonl") -eq 4 ]'
check "error records carry file and line" '"$PY" -c "
import json,sys
r=[json.loads(l) for l in open(sys.argv[1])]
assert r[0][\"line\"]==2 and r[0][\"file\"].endswith(\"mixed.jsonl\"), r
assert r[-1][\"line\"] is None and r[-1][\"code\"]==\"not found\", r" "$T/errors.jsonl"'

# Hostile text in a .txt file: invalid UTF-8 is an error naming the article,
# NUL and control bytes come out escaped in valid JSON.
printf 'ok \xff\xfe bytes\n' >"$T/invalid.txt"
"$QG" extract --format jsonl "$T/invalid.txt" >"$T/inv.out" 2>"$T/inv.err"; rc=$?
check "invalid UTF-8 is refused (exit 1) naming the byte offset" '[ $rc -eq 1 ] && grep -q "invalid.txt.*byte 3" "$T/inv.err"'
printf 'a\0b\x01 “quote,” he said\n' >"$T/ctl.txt"
"$QG" extract --format jsonl "$T/ctl.txt" >"$T/ctl.out" 2>/dev/null
check "control bytes give valid JSON" 'is_jsonl "$T/ctl.out"'

# Broken pipe: a reader that leaves early ends the run quietly with status 0.
"$PY" -c '
import json
with open("'"$T"'/big.jsonl", "w") as f:
    for i in range(3000):
        f.write(json.dumps({"id": "a%d" % i, "text": "“Quote number %d,” the official said. " % i * 20}) + "\n")'
"$QG" extract --format jsonl "$T/big.jsonl" 2>"$T/pipe.err" | head -c 100 >/dev/null
rc=${PIPESTATUS[0]}
check "broken pipe exits 0" '[ $rc -eq 0 ]'
check "broken pipe is quiet" '[ ! -s "$T/pipe.err" ]'
"$QG" extract --format table "$T/big.jsonl" 2>"$T/pipe2.err" | head -1 >/dev/null
rc=${PIPESTATUS[0]}
check "broken pipe (table) exits 0 quietly" '[ $rc -eq 0 ] && [ ! -s "$T/pipe2.err" ]'

# A directory argument.
mkdir -p "$T/dir"; cp "$SEED" "$T/dir/"; printf '{"id":"j","text":"J."}\n' >"$T/dir/a.jsonl"
"$QG" extract --format jsonl "$T/dir" >"$T/dir.out"; rc=$?
check "a directory is read in name order" '[ $rc -eq 0 ] && "$PY" -c "
import json,sys
ids=[json.loads(l)[\"article\"] for l in open(sys.argv[1])]
assert ids==[\"j\",\"biden-putin-call\"], ids" "$T/dir.out"'

echo "cli_test: $fails failed"
[ "$fails" -eq 0 ]

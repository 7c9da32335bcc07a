#!/usr/bin/env bash
# graph / audit / compare / report through the binary: formats, options,
# exit statuses, and the seed acceptance numbers of issue 4.
# Usage: graph_cli_test.sh QUOTEGRAPH FIXTURES_DIR EVAL_DIR|"" TMPDIR
set -u
qg=$1 fixtures=$2 eval_dir=$3 tmp=$4
rm -rf "$tmp" && mkdir -p "$tmp"
seed="$fixtures/biden-putin-call.txt"
fails=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}

# graph: every format from the extension, and --format with -o -
for ext in dot svg graphml json; do
  check "graph -o g.$ext" "$qg" graph "$seed" -o "$tmp/g.$ext"
done
check "dot parses the DOT" dot -Tsvg "$tmp/g.dot" -o /dev/null
check "xmllint parses SVG and GraphML" xmllint --noout "$tmp/g.svg" "$tmp/g.graphml"
check "graph --format json -o - is JSON" bash -c "'$qg' graph '$seed' --format json -o - | /usr/bin/python3 -c 'import json,sys; json.load(sys.stdin)'"
check "graph -o - defaults to DOT" bash -c "'$qg' graph '$seed' -o - | head -1 | grep -q '^digraph'"
check "graph --quotes --layout neato" "$qg" graph "$seed" --quotes --layout neato -o "$tmp/q.svg"
check "graph --top 3 says what it left out" bash -c "'$qg' graph '$seed' --top 3 -o '$tmp/t.json' 2>&1 | grep -q 'left out'"
check "graph: unknown extension is a usage error" bash -c "'$qg' graph '$seed' -o '$tmp/g.png' 2>/dev/null; [ \$? -eq 2 ]"
check "graph reads extract's JSONL" bash -c "'$qg' extract --format jsonl '$seed' > '$tmp/seed.jsonl' && '$qg' graph '$tmp/seed.jsonl' -o '$tmp/from_jsonl.dot' && cmp -s '$tmp/from_jsonl.dot' '$tmp/g.dot'"

# audit
check "audit table" bash -c "'$qg' audit '$seed' --format table | grep -q '^total'"
check "audit json: anonymous_ratio 0.421" bash -c "'$qg' audit '$seed' --format json | /usr/bin/python3 -c 'import json,sys; t=json.load(sys.stdin)[\"total\"]; sys.exit(0 if (t[\"anonymous_ratio\"], t[\"anonymous_quotes\"], t[\"attributed\"]) == (0.421, 8, 19) else 1)'"
check "audit csv has a header, a row and the total" bash -c "[ \$('$qg' audit '$seed' --format csv | wc -l) -eq 3 ]"
check "audit of extract's JSONL equals audit of the article" bash -c "cmp -s <('$qg' audit '$seed' --format json) <('$qg' audit '$tmp/seed.jsonl' --format json)"

# compare
check "compare needs two articles" bash -c "'$qg' compare '$seed' 2>/dev/null; [ \$? -eq 2 ]"
if [ -n "$eval_dir" ]; then
  head -1 "$eval_dir/articles.jsonl" > "$tmp/one.jsonl"
  check "compare seed and an eval article (table)" bash -c "'$qg' compare '$seed' '$tmp/one.jsonl' --format table > '$tmp/cmp.txt' && grep -q '^Shared sources' '$tmp/cmp.txt' && grep -q '^Only in biden-putin-call' '$tmp/cmp.txt'"
  check "compare json lists unique sources for both" bash -c "'$qg' compare '$seed' '$tmp/one.jsonl' --format json | /usr/bin/python3 -c 'import json,sys; c=json.load(sys.stdin); sys.exit(0 if len(c[\"columns\"])==2 and all(len(v)>0 for v in c[\"unique\"].values()) else 1)'"
  check "audit --group-by outlet: one row per outlet" bash -c "[ \$('$qg' audit '$eval_dir/articles.jsonl' --group-by outlet --format csv | wc -l) -eq 9 ]"
fi

# report
check "report writes a self-contained page" bash -c "'$qg' report '$seed' -o '$tmp/r.html' && grep -q '<mark class=\"quote' '$tmp/r.html' && ! grep -q 'src=\"http' '$tmp/r.html'"
check "report refuses extract's JSONL (no text)" bash -c "'$qg' report '$tmp/seed.jsonl' -o '$tmp/x.html' 2>/dev/null; [ \$? -eq 2 ]"

[ $fails -eq 0 ] && echo "graph_cli_test: all passed" || echo "graph_cli_test: $fails failed"
exit $((fails > 0))

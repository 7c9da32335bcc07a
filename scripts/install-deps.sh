#!/usr/bin/env bash
# Installs the Debian packages quotegraph needs, only those missing.
# Usage: scripts/install-deps.sh [build|test]
#   build: what `make demo` needs (compiler, libraries, graphviz)
#   test:  build plus what the test suite drives (clang fuzzers, chromium, networkx, dask, xmllint)
# Nothing is downloaded from anywhere but Debian's archive.
set -euo pipefail
level=${1:-build}

build_pkgs=(build-essential cmake pkg-config libboost-graph-dev libre2-dev libgraphviz-dev graphviz
            doctest-dev nlohmann-json3-dev libsimdjson-dev rapidjson-dev libmimalloc-dev libcli11-dev libfmt-dev
            libsqlite3-dev
            python3 python3-dev pybind11-dev)
test_pkgs=(clang-14 libclang-rt-14-dev libxml2-utils python3-networkx python3-distributed
           python3-dask chromium chromium-driver hyperfine valgrind)

pkgs=("${build_pkgs[@]}")
[ "$level" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

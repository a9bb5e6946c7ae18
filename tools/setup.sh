#!/usr/bin/env bash
# Sets up a Debian 12 machine for annals, builds it, and runs the main job or the tests.
#
#   bash tools/setup.sh run    install what is missing, build (release), run `annals build samples/`
#   bash tools/setup.sh test   install what is missing, build (dev: warnings as errors), run every test
#
# Idempotent: packages already installed are not installed again, and an existing build
# folder is reused. Run as root, or as a user who may use sudo.
set -euo pipefail

mode=${1:-}
case "$mode" in
  run|test) ;;
  *) echo "usage: bash tools/setup.sh run|test" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

packages=(
  cmake g++ make pkg-config
  libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz catch2 libcli11-dev libpugixml-dev
  libicu-dev libsqlite3-dev sqlite3 wordnet-base iso-codes libmimalloc-dev
  python3 python3-networkx
  fonts-dejavu-core nodejs
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# npm comes with some builds of nodejs and is a package of its own in Debian's.
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "annals setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
if [ "$mode" = run ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release -j "$jobs" --target annals_cli
  ./build/release/tools/annals build samples/ -o annals-out
else
  # The Cytoscape.js consumer test loads the export with cytoscape itself (npm; not in Debian).
  if [ ! -f build/npm/node_modules/cytoscape/package.json ]; then
    echo "annals setup: installing cytoscape (npm) into build/npm"
    npm install --prefix build/npm --no-audit --no-fund --no-save cytoscape@3.35.0
  fi
  cmake --preset dev >/dev/null
  cmake --build --preset dev -j "$jobs"
  ctest --preset dev -j "$jobs"
fi

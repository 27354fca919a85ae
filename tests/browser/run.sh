#!/usr/bin/env bash
# Browser test of the reports: loads every reports/*/audit.html, and two reports made here from
# hostile data (tests/browser/fixtures/), in headless Chromium (tests/browser/check.mjs).
#
# Installs what it needs when missing: Debian's chromium and a CJK font (apt-get, as root), and
# playwright-core (npm) into a cache folder outside the repository, reused on later runs:
#   CANDOR_BROWSER_CACHE  default ${XDG_CACHE_HOME:-$HOME/.cache}/candor-browser
#   CANDOR_BROWSER_OUT    screenshots and PDFs; default $CARGO_TARGET_DIR/browser or target/browser
# Uses the release binary that `cargo test --release` builds; builds it only when absent.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd -P)

PLAYWRIGHT_VERSION=1.65.1
CHROMIUM=/usr/bin/chromium

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  # A fresh image has no package lists: update once and retry when the install finds nothing.
  as_root apt-get install -y -q --no-install-recommends "$@" \
    || { as_root apt-get update -q && as_root apt-get install -y -q --no-install-recommends "$@"; }
}

# --- Chromium, Node, and a font for the Chinese reports
pkgs=()
[ -x "$CHROMIUM" ] || pkgs+=(chromium)
command -v node >/dev/null && command -v npm >/dev/null || pkgs+=(nodejs npm)
[ -n "$(fc-list :lang=zh 2>/dev/null || true)" ] || pkgs+=(fonts-noto-cjk)
if [ ${#pkgs[@]} -gt 0 ]; then
  echo "browser: installing ${pkgs[*]} (apt-get)"
  apt_install "${pkgs[@]}" >/dev/null
fi

# --- playwright-core, outside the repository
cache=${CANDOR_BROWSER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/candor-browser}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd -P)
case "$cache/" in
  "$repo"/*) echo "browser: CANDOR_BROWSER_CACHE ($cache) must be outside the repository" >&2; exit 2 ;;
esac
installed=$(node -p "try{require('$cache/node_modules/playwright-core/package.json').version}catch(e){''}")
if [ "$installed" != "$PLAYWRIGHT_VERSION" ]; then
  echo "browser: installing playwright-core@$PLAYWRIGHT_VERSION into $cache (npm)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$cache" --no-save --no-package-lock \
    --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
fi

# --- the candor binary
target=${CARGO_TARGET_DIR:-$repo/target}
candor=$target/release/candor
if [ ! -x "$candor" ]; then
  echo "browser: $candor is missing; cargo build --release"
  cargo build --release
fi

out=${CANDOR_BROWSER_OUT:-$target/browser}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- reports from hostile data: group values and column names that are markup
img='"><img src=x onerror=alert(1)>'
fixtures=tests/browser/fixtures
"$candor" -q audit "$fixtures/hostile.csv" --decision decision --positive 1 --score score \
  --group team --group '<img src=x onerror=alert(1)>' --features 'score,<img src=x onerror=alert(1)>' \
  --min-group-size 5 --bootstrap 200 --seed 1 --format html --out "$tmp/hostile_csv"
"$candor" -q audit "$fixtures/hostile.ndjson" --decision decision --positive 1 --score score \
  --group team --group "$img" --features "score,$img" \
  --min-group-size 5 --bootstrap 200 --seed 1 --format html --out "$tmp/hostile_ndjson"

reports=(reports/*/audit.html)
[ -e "${reports[0]}" ] || { echo "browser: no reports/*/audit.html" >&2; exit 1; }

# One sample explanation per demo dataset (text only: no charts).
explanations=()
for d in reports/explanations/*/; do
  first=$(ls "$d"*.html 2>/dev/null | head -1)
  [ -n "$first" ] && explanations+=(--text-only "$first")
done
CANDOR_PLAYWRIGHT_DIR=$cache node tests/browser/check.mjs --out "$out" "${reports[@]}" "${explanations[@]}" \
  --hostile "$tmp/hostile_csv/audit.html" \
  --hostile --expect-text "$img" "$tmp/hostile_ndjson/audit.html"

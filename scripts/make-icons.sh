#!/usr/bin/env bash
# Regenerates the installable app's icons from the one logo, assets/art/logo.svg, with rsvg-convert
# (Debian: apt-get install librsvg2-bin). The PNGs in assets/icons/ are build products of this script.
#
#   scripts/make-icons.sh
#
# "any" icons are the logo as drawn (rounded square on transparency). The "maskable" icon puts the logo
# inside the central 70 % of a full-bleed background, because launchers may crop a maskable icon to a
# circle or squircle that keeps only the central 80 %.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOGO="$ROOT/assets/art/logo.svg"
OUT="$ROOT/assets/icons"
BACKGROUND="#141a25"   # the page background (src/game/page.css), also the manifest's background_color

command -v rsvg-convert >/dev/null || { echo "make-icons: rsvg-convert is required (apt-get install librsvg2-bin)" >&2; exit 1; }
mkdir -p "$OUT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

for size in 192 512; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$LOGO" -o "$OUT/icon-$size.png"
done
# iOS home screens ignore the manifest and take this one; they round the corners themselves.
rsvg-convert --width 180 --height 180 --background-color "$BACKGROUND" "$LOGO" -o "$OUT/apple-touch-icon.png"

# The maskable icon: the logo's drawing (without its outer <svg> element) scaled to 70 % and centred.
inner="$(sed -e '1d' -e '$d' "$LOGO")"
cat >"$WORK/maskable.svg" <<SVG
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">
  <rect width="96" height="96" fill="$BACKGROUND"/>
  <g transform="translate(14.4 14.4) scale(0.7)">
$inner
  </g>
</svg>
SVG
rsvg-convert --width 512 --height 512 "$WORK/maskable.svg" -o "$OUT/maskable-512.png"
ls -l "$OUT"

#!/usr/bin/env bash
# Copy the self-hosted NL Design System CSS and the Noto Sans fonts from node_modules into static files.
# Nothing is loaded from another host at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/wegwijzer/public/static/vendor
rm -rf "$out"
mkdir -p "$out/fonts"
cp node_modules/@utrecht/component-library-css/dist/index.css "$out/utrecht-components.css"
cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css "$out/voorbeeld-theme.css"
fonts=node_modules/@fontsource/noto-sans/files
: > "$out/fonts.css"
for subset in latin latin-ext; do
  for weight in 400 700; do
    f="noto-sans-$subset-$weight-normal.woff2"
    cp "$fonts/$f" "$out/fonts/$f"
    range=$(grep -A8 "noto-sans-$subset-400-normal " node_modules/@fontsource/noto-sans/index.css 2>/dev/null | grep -o 'unicode-range:[^;]*' | head -1 || true)
    printf "@font-face{font-family:'Noto Sans';font-style:normal;font-display:swap;font-weight:%s;src:url(fonts/%s) format('woff2');%s}\n" \
      "$weight" "$f" "${range:+$range;}" >> "$out/fonts.css"
  done
done
cp node_modules/@utrecht/component-library-css/LICENSE* "$out/" 2>/dev/null || true
echo "assets: $(du -sh "$out" | cut -f1) in $out"

#!/usr/bin/env sh
# Regenerates every icon from icon.svg (needs rsvg-convert (librsvg2-bin), ImageMagick and python3).
set -eu
cd "$(dirname "$0")"
render() { rsvg-convert -w "$1" -h "$1" icon.svg -o "$2.tmp.png" && convert "$2.tmp.png" "PNG32:$2" && rm "$2.tmp.png"; }
render 32 32x32.png
render 128 128x128.png
render 256 128x128@2x.png
render 512 icon.png
for s in 16 24 48 64 256; do render "$s" "ico-$s.png"; done
convert ico-16.png ico-24.png 32x32.png ico-48.png ico-64.png ico-256.png icon.ico
rm ico-*.png
render 1024 icns-1024.png
# ICNS is a list of (type, length, PNG) records; ImageMagick does not write it.
python3 - <<'PY'
import struct
chunks = [(b"ic07", "128x128.png"), (b"ic08", "128x128@2x.png"), (b"ic09", "icon.png"), (b"ic10", "icns-1024.png")]
body = b""
for kind, name in chunks:
    data = open(name, "rb").read()
    body += kind + struct.pack(">I", len(data) + 8) + data
open("icon.icns", "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
rm icns-1024.png

#!/usr/bin/env bash
# Renders the pictures of src/docs/map.md from vmlayout's own output, into src/docs/img/:
#   map-seed001-terminal.svg/.png  the terminal map (--map --color=always) of the seed-001 truncation,
#                                  drawn as a terminal window by src/docs/ansi2svg.py
#   map-seed002-vmalloc300M.svg    vmlayout's --format svg of the seed-002 vmalloc=300M case, as is
#   map-seed002-vmalloc300M.png    the same, as PNG
# Needs Java 17 and Maven (to build), python3, and rsvg-convert (Debian: apt-get install librsvg2-bin)
# with the DejaVu fonts (fonts-dejavu-core). Run from anywhere: bash src/docs/render-images.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v rsvg-convert >/dev/null || { echo "render-images: needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }
mvn -B -q -DskipTests package
vmlayout() { java -jar target/vmlayout.jar "$@"; }
img=src/docs/img
mkdir -p "$img"

seed001=(--arch arm --kernel 2.6.37 --ram 0x40000000:512M -D VMALLOC_END=0xe0000000 -D CONSISTENT_DMA_SIZE=32M
         --cmdline "console=ttySC0,115200 mem=512M")
# exit status 1 is the finding (RAM dropped), not a failure
vmlayout "${seed001[@]}" --map --color=always > "$img/map-seed001-terminal.ansi" || [ $? -eq 1 ]
python3 src/docs/ansi2svg.py \
    "vmlayout --arch arm --kernel 2.6.37 --ram 0x40000000:512M -D VMALLOC_END=0xe0000000 -D CONSISTENT_DMA_SIZE=32M --cmdline 'console=ttySC0,115200 mem=512M' --map" \
    < "$img/map-seed001-terminal.ansi" > "$img/map-seed001-terminal.svg"
rm "$img/map-seed001-terminal.ansi"
rsvg-convert -o "$img/map-seed001-terminal.png" "$img/map-seed001-terminal.svg"

vmlayout --arch arm --kernel 3.18 --ram 0:1G -D HIGHMEM=y vmalloc=300M --format svg > "$img/map-seed002-vmalloc300M.svg"
rsvg-convert -o "$img/map-seed002-vmalloc300M.png" "$img/map-seed002-vmalloc300M.svg"
ls -l "$img"

#!/usr/bin/env python3
"""Draws terminal text with ANSI colours (what `vmlayout --map --color=always` prints) as an SVG
image of a dark terminal window. Standard library only.

usage: ansi2svg.py "PROMPT LINE" < text.ansi > image.svg
The prompt line (the command that was run) is drawn first, after a "$ ".
"""
import html
import re
import sys

FONT_PX = 14
CHAR_W = FONT_PX * 1233 / 2048  # DejaVu Sans Mono advance width
LINE_H = 18
PAD = 16
BG = "#1e2127"
FG = "#dcdfe4"
PALETTE = {
    30: "#5c6370", 31: "#e06c75", 32: "#98c379", 33: "#e5c07b",
    34: "#61afef", 35: "#c678dd", 36: "#56b6c2", 37: "#dcdfe4",
    90: "#7f848e", 91: "#ff7b86", 92: "#b5e890", 93: "#ffd580",
    94: "#7cc4ff", 95: "#de9bff", 96: "#7fdbe6", 97: "#ffffff",
}
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def runs(line):
    """Yields (column, text, colour, bold) for each run of one style."""
    colour, bold, col, pos = None, False, 0, 0
    for m in SGR.finditer(line):
        text = line[pos:m.start()]
        if text:
            yield col, text, colour, bold
            col += len(text)
        codes = [int(c) for c in m.group(1).split(";") if c] or [0]
        for c in codes:
            if c == 0:
                colour, bold = None, False
            elif c == 1:
                bold = True
            elif c == 22:
                bold = False
            elif c == 39:
                colour = None
            elif c in PALETTE:
                colour = PALETTE[c]
        pos = m.end()
    text = line[pos:]
    if text:
        yield col, text, colour, bold


def main():
    prompt = sys.argv[1] if len(sys.argv) > 1 else ""
    lines = sys.stdin.read().rstrip("\n").split("\n")
    if prompt:
        lines = ["\x1b[90m$ \x1b[m" + prompt] + lines
    width_chars = max(len(SGR.sub("", l)) for l in lines)
    w = int(PAD * 2 + width_chars * CHAR_W + 1)
    h = PAD * 2 + len(lines) * LINE_H + 12
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
           f'font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="{FONT_PX}">',
           f'<rect width="100%" height="100%" rx="8" fill="{BG}"/>']
    for i, line in enumerate(lines):
        y = PAD + 12 + i * LINE_H + (8 if prompt and i > 0 else 0)
        for col, text, colour, bold in runs(line):
            if not text.strip():
                continue
            attrs = f' fill="{colour or FG}"' + (' font-weight="bold"' if bold else "")
            x = PAD + col * CHAR_W
            out.append(f'<text x="{x:.1f}" y="{y}" xml:space="preserve"{attrs}>{html.escape(text)}</text>')
    out.append("</svg>")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

"""Draw how figures grow with the data: each figure as a multiple of its value at the smallest scale,
against the data's own multiple, on log-log axes, with the line of linear growth for reference.

    python bench/growth.py bench/results/2026-12-02-growth.json docs/growth.svg

The input holds {"scales": [{"name", "powers"}, …], "figures": {"name": [value per scale or null]}}.
A plain SVG (no plotting library): docs/performance.md shows it.
"""
from __future__ import annotations

import json
import math
import sys
from html import escape
from pathlib import Path

W, H, LEFT, RIGHT, TOP, BOTTOM = 760, 440, 70, 250, 30, 50
COLOURS = ["#c0392b", "#2471a3", "#229954", "#b9770e", "#7d3c98", "#17a589", "#5d6d7e", "#d35400"]


def svg(data: dict) -> str:
    scales = data["scales"]
    base = scales[0]["powers"]
    xs = [s["powers"] / base for s in scales]
    series = {}
    for name, values in data["figures"].items():
        first = next((v for v in values if v), None)
        series[name] = [(x, v / first) for x, v in zip(xs, values) if v and first]
    top = max([max(xs)] + [y for pts in series.values() for _, y in pts])
    bottom = min([1.0] + [y for pts in series.values() for _, y in pts])

    def px(x: float) -> float:
        return LEFT + (W - LEFT - RIGHT) * math.log(x) / math.log(max(xs))

    def py(y: float) -> float:
        span = math.log(top) - math.log(bottom)
        return TOP + (H - TOP - BOTTOM) * (1 - (math.log(y) - math.log(bottom)) / span)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>']
    for s, x in zip(scales, xs):
        out.append(f'<line x1="{px(x):.1f}" y1="{TOP}" x2="{px(x):.1f}" y2="{H - BOTTOM}" stroke="#ddd"/>')
        out.append(f'<text x="{px(x):.1f}" y="{H - BOTTOM + 16}" text-anchor="middle">{escape(s["name"])}</text>')
        out.append(f'<text x="{px(x):.1f}" y="{H - BOTTOM + 30}" text-anchor="middle" fill="#666">'
                   f'{s["powers"]:,} powers</text>')
    y = 1.0
    while y <= top * 1.01:
        out.append(f'<line x1="{LEFT}" y1="{py(y):.1f}" x2="{W - RIGHT}" y2="{py(y):.1f}" stroke="#eee"/>')
        out.append(f'<text x="{LEFT - 6}" y="{py(y) + 4:.1f}" text-anchor="end">{y:g}×</text>')
        y *= 2 if top < 64 else 4
    line = " ".join(f"{px(x):.1f},{py(x):.1f}" for x in xs)
    out.append(f'<polyline points="{line}" fill="none" stroke="#999" stroke-dasharray="6 4"/>')
    out.append(f'<text x="{W - RIGHT + 10}" y="{TOP + 10}" fill="#666">- - linear growth (× the data)</text>')
    for i, (name, pts) in enumerate(series.items()):
        colour = COLOURS[i % len(COLOURS)]
        out.append(f'<polyline points="{" ".join(f"{px(x):.1f},{py(v):.1f}" for x, v in pts)}" fill="none" '
                   f'stroke="{colour}" stroke-width="2"/>')
        out += [f'<circle cx="{px(x):.1f}" cy="{py(v):.1f}" r="3" fill="{colour}"/>' for x, v in pts]
        out.append(f'<text x="{W - RIGHT + 10}" y="{TOP + 30 + 18 * i}" fill="{colour}">{escape(name)}</text>')
    out.append(f'<text x="{LEFT}" y="{TOP - 10}">{escape(data.get("title", ""))}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> None:
    source, target = Path(argv[0]), Path(argv[1])
    target.write_text(svg(json.loads(source.read_text("utf-8"))), "utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])

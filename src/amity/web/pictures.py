"""Pictures drawn on the server as SVG: a world map, bar charts, a network graph, timelines.

No JavaScript and no tile server: the country shapes are Natural Earth 1:110m from the
world-atlas package, shipped in web/data. Every label is escaped.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAP_W, MAP_H = 1000, 470       # equirectangular, latitudes 85°N to 60°S
LAT_TOP, LAT_BOTTOM = 85.0, -60.0
NAMED_IDS = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}


def project(lon: float, lat: float) -> tuple[float, float]:
    x = (lon + 180.0) / 360.0 * MAP_W
    y = (LAT_TOP - max(min(lat, LAT_TOP), LAT_BOTTOM)) / (LAT_TOP - LAT_BOTTOM) * MAP_H
    return round(x, 1), round(y, 1)


@lru_cache(maxsize=1)
def country_paths() -> dict[str, str]:
    """ISO alpha-2 -> SVG path data of the country's shape."""
    import pycountry

    topo = json.loads(resources.files("amity.web").joinpath("data/countries-110m.json").read_text("utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(project(x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> str:
        points: list[tuple[float, float]] = []
        for index in indexes:
            part = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
            points.extend(part[1:] if points else part)
        simplified = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        out = []
        for i, (x, y) in enumerate(simplified):
            # A ring crossing the antimeridian (Russia, Fiji) jumps across the map: lift the pen there.
            jump = i > 0 and abs(x - simplified[i - 1][0]) > MAP_W / 2
            out.append(f"{'M' if i == 0 or jump else 'L'}{x:g},{y:g}")
        return "".join(out) + "Z"

    paths: dict[str, str] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        country = pycountry.countries.get(numeric=geometry.get("id", "")) if geometry.get("id") else None
        code = country.alpha_2 if country else NAMED_IDS.get(name)
        if not code or code == "AQ":  # Antarctica is below the map's edge
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        data = "".join(ring(r) for polygon in polygons for r in polygon)
        paths[code] = paths.get(code, "") + data
    return paths


@dataclass
class MapPoint:
    name: str
    lat: float
    lon: float
    url: str = ""
    home: bool = False


def _view_box(points: list[MapPoint]) -> tuple[float, float, float, float]:
    """The part of the world the points are in, with a margin, in the map's proportions."""
    if not points:
        return 0.0, 0.0, float(MAP_W), float(MAP_H)
    xs, ys = zip(*(project(p.lon, p.lat) for p in points), strict=True)
    width = max(max(xs) - min(xs), (max(ys) - min(ys)) * MAP_W / MAP_H) * 1.5
    width = min(max(width, 160.0), float(MAP_W))
    height = width * MAP_H / MAP_W
    x = min(max((max(xs) + min(xs)) / 2 - width / 2, 0.0), MAP_W - width)
    y = min(max((max(ys) + min(ys)) / 2 - height / 2, 0.0), MAP_H - height)
    return round(x, 1), round(y, 1), round(width, 1), round(height, 1)


def world_map(points: list[MapPoint], countries: set[str] = frozenset(), home_countries: set[str] = frozenset(),
              links: bool = True, title: str = "", zoom: bool = True) -> SafeString:
    """Countries shaded, places as dots (linked to their pages), lines from the home place to the others.

    With `zoom`, the map shows the region the places are in rather than the whole world.
    """
    x0, y0, width, height = _view_box(points) if zoom else (0, 0, MAP_W, MAP_H)
    # keeps dots and labels the same size on screen whatever the zoom; given as SVG presentation
    # attributes, not style attributes, which the Content-Security-Policy refuses
    k = width / MAP_W
    out = [f'<svg class="map" viewBox="{x0} {y0} {width} {height}" role="img" aria-label="{escape(title)}">']
    if title:
        out.append(f"<title>{escape(title)}</title>")
    out.append(f'<g stroke-width="{0.5 * k:.3f}">')
    for code, data in country_paths().items():
        css = "country home" if code in home_countries else "country partner" if code in countries else "country"
        out.append(f'<path class="{css}" d="{data}"><title>{escape(code)}</title></path>')
    out.append("</g>")
    homes = [p for p in points if p.home]
    if links and homes:
        hx, hy = project(homes[0].lon, homes[0].lat)
        for point in points:
            if not point.home:
                x, y = project(point.lon, point.lat)
                out.append(f'<line class="link" x1="{hx}" y1="{hy}" x2="{x}" y2="{y}" stroke-width="{1.4 * k:.3f}"/>')
    for point in sorted(points, key=lambda p: p.home):
        x, y = project(point.lon, point.lat)
        radius = (5.5 if point.home else 4.5) * k
        dot = (f'<circle class="city{" home" if point.home else ""}" cx="{x}" cy="{y}" r="{radius:.2f}" '
               f'stroke-width="{k:.3f}"><title>{escape(point.name)}</title></circle>'
               f'<text x="{x + 7 * k:.2f}" y="{y - 5 * k:.2f}" font-size="{12 * k:.2f}" stroke-width="{3 * k:.2f}">'
               f"{escape(point.name)}</text>")
        out.append(f'<a href="{escape(point.url)}">{dot}</a>' if point.url else dot)
    out.append("</svg>")
    return mark_safe("".join(out))


def bar_chart(data: list[tuple[str, float]], title: str = "", width: int = 560, height: int = 220,
              alt: bool = False) -> SafeString:
    """Vertical bars with labels underneath and the value on top."""
    if not data:
        return mark_safe("")
    pad_left, pad_bottom, pad_top = 30, 28, 18
    top = max(value for _, value in data) or 1
    slot = (width - pad_left) / len(data)
    bar = max(min(slot * 0.7, 48), 2)
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>",
           f'<line x1="{pad_left}" y1="{height - pad_bottom}" x2="{width}" y2="{height - pad_bottom}" stroke="#9aa7b5"/>']
    every = max(1, math.ceil(len(data) / 14))
    for i, (label, value) in enumerate(data):
        h = (height - pad_bottom - pad_top) * value / top
        x = pad_left + i * slot + (slot - bar) / 2
        y = height - pad_bottom - h
        out.append(f'<rect class="bar{" alt" if alt else ""}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}">'
                   f"<title>{escape(label)}: {value:g}</title></rect>")
        if value:
            out.append(f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{value:g}</text>')
        if i % every == 0:
            out.append(f'<text x="{x + bar / 2:.1f}" y="{height - 10}" text-anchor="middle">{escape(label)}</text>')
    out.append("</svg>")
    return mark_safe("".join(out))


def hbar_chart(data: list[tuple[str, float]], title: str = "", width: int = 480) -> SafeString:
    """Horizontal bars: long labels (fields of cooperation) on the left."""
    if not data:
        return mark_safe("")
    row, label_w = 26, 200
    height = row * len(data) + 8
    top = max(value for _, value in data) or 1
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    for i, (label, value) in enumerate(data):
        y = 4 + i * row
        w = (width - label_w - 40) * value / top
        out.append(f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end">{escape(label[:30])}</text>'
                   f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 8}">'
                   f"<title>{escape(label)}: {value:g}</title></rect>"
                   f'<text x="{label_w + w + 4:.1f}" y="{y + 16}">{value:g}</text>')
    out.append("</svg>")
    return mark_safe("".join(out))


@dataclass
class TimelineItem:
    label: str
    start: float            # fractional year
    end: float | None = None
    url: str = ""
    row: str = ""


def fractional_year(partial) -> float | None:
    if not partial:
        return None
    day = partial.earliest
    return day.year + (day.timetuple().tm_yday - 1) / 366


def timeline(items: list[TimelineItem], title: str = "", width: int = 900) -> SafeString:
    """Events as dots on a time axis; spans (positions held) as bars, one row per `row`."""
    items = [item for item in items if item.start is not None]
    if not items:
        return mark_safe("")
    first = math.floor(min(item.start for item in items))
    last = math.floor(max((item.end or item.start) for item in items)) + 1
    rows = list(dict.fromkeys(item.row for item in items))
    label_w = 160 if any(rows) else 20
    row_h = 30
    height = 30 + row_h * len(rows)

    def x(year: float) -> float:
        return label_w + (year - first) / max(last - first, 1) * (width - label_w - 20)

    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    step = max(1, math.ceil((last - first) / 12))
    for year in range(first, last + 1, step):
        out.append(f'<line class="axis" x1="{x(year):.1f}" y1="6" x2="{x(year):.1f}" y2="{height - 18}" stroke-dasharray="2 3"/>'
                   f'<text x="{x(year):.1f}" y="{height - 4}" text-anchor="middle">{year}</text>')
    for index, row in enumerate(rows):
        y = 18 + index * row_h
        if row:
            out.append(f'<text x="4" y="{y + 4}">{escape(row[:26])}</text>')
        out.append(f'<line class="axis" x1="{label_w}" y1="{y}" x2="{width - 20}" y2="{y}"/>')
        for item in (item for item in items if item.row == row):
            if item.end is not None and item.end > item.start:
                shape = (f'<rect class="span" x="{x(item.start):.1f}" y="{y - 6}" width="{max(x(item.end) - x(item.start), 3):.1f}" '
                         f'height="12" rx="3"><title>{escape(item.label)}</title></rect>')
            else:
                shape = f'<circle cx="{x(item.start):.1f}" cy="{y}" r="6"><title>{escape(item.label)}</title></circle>'
            out.append(f'<a href="{escape(item.url)}">{shape}</a>' if item.url else shape)
    out.append("</svg>")
    return mark_safe("".join(out))


@dataclass
class Node:
    key: str
    label: str
    url: str = ""
    css: str = ""


def network(nodes: list[Node], edges: list[tuple[str, str, str]], title: str = "", width: int = 900,
            height: int = 560, iterations: int = 150) -> SafeString:
    """A force-directed layout (Fruchterman–Reingold, fixed seed: the same data draws the same picture)."""
    if not nodes:
        return mark_safe("")
    height = min(height, 200 + 28 * len(nodes))
    rng = random.Random(7)
    keys = [node.key for node in nodes]
    pos = {key: [rng.uniform(0.1, 0.9) * width, rng.uniform(0.1, 0.9) * height] for key in keys}
    k = math.sqrt(width * height / len(nodes)) * 0.45
    pairs = [(a, b) for a, b, _ in edges if a in pos and b in pos and a != b]
    temperature = width / 10
    for _ in range(iterations):
        shift = {key: [0.0, 0.0] for key in keys}
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = max(math.hypot(dx, dy), 0.01)
                force = k * k / dist
                shift[a][0] += dx / dist * force
                shift[a][1] += dy / dist * force
                shift[b][0] -= dx / dist * force
                shift[b][1] -= dy / dist * force
        for a, b in pairs:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = max(math.hypot(dx, dy), 0.01)
            force = dist * dist / k
            shift[a][0] -= dx / dist * force
            shift[a][1] -= dy / dist * force
            shift[b][0] += dx / dist * force
            shift[b][1] += dy / dist * force
        for key in keys:  # gravity keeps separate groups together in the middle, not in the corners
            dx, dy = width / 2 - pos[key][0], height / 2 - pos[key][1]
            dist = max(math.hypot(dx, dy), 0.01)
            shift[key][0] += dx / dist * dist * dist / k * 0.3
            shift[key][1] += dy / dist * dist * dist / k * 0.3
        for key in keys:
            dx, dy = shift[key]
            dist = max(math.hypot(dx, dy), 0.01)
            step = min(dist, temperature)
            pos[key][0] = min(width - 60, max(40, pos[key][0] + dx / dist * step))
            pos[key][1] = min(height - 20, max(20, pos[key][1] + dy / dist * step))
        temperature *= 0.975
    out = [f'<svg class="network" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    for a, b, kind in edges:
        if a in pos and b in pos:
            out.append(f'<line class="{escape(kind)}" x1="{pos[a][0]:.1f}" y1="{pos[a][1]:.1f}" '
                       f'x2="{pos[b][0]:.1f}" y2="{pos[b][1]:.1f}"/>')
    for node in nodes:
        x, y = pos[node.key]
        shape = (f'<circle class="{escape(node.css)}" cx="{x:.1f}" cy="{y:.1f}" r="7"><title>{escape(node.label)}</title></circle>'
                 f'<text x="{x + 9:.1f}" y="{y + 4:.1f}">{escape(node.label)}</text>')
        out.append(f'<a href="{escape(node.url)}">{shape}</a>' if node.url else shape)
    out.append("</svg>")
    return mark_safe("".join(out))

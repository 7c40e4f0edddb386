"""The run history as one self-contained HTML page: inline SVG line charts, no scripts.

``scrapy runs --html FILE`` writes it (`newscrawler.commands.runs`). Everything is in the
file (styles, charts drawn here as SVG), so it opens from a mail attachment or a server
with no network, and nothing is fetched when it is viewed. Charts, one point per run:
articles delivered; articles per top-level section; requests and errors by reason;
duration; field coverage (a field whose coverage falls is a template change).

Each series is an SVG ``<g class="series" data-series="NAME">`` holding its line and one
``<circle>`` per point (with a ``<title>`` tooltip), so a test or a reader can count them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from newscrawler.history import Run

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 44
COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
          "#7f7f7f", "#bcbd22", "#17becf")


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10 ** len(str(int(value))) / 10
    for factor in (1, 2, 2.5, 5, 10):
        if value <= step * factor:
            return step * factor
    return value


def _fmt(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.2f}"


def line_chart(title: str, labels: Sequence[str], series: dict[str, Sequence[float | None]],
               unit: str = "") -> str:
    """An SVG line chart: one x position per label, one line per series (``None``: no point)."""
    n = len(labels)
    top = _nice_max(max((v for vs in series.values() for v in vs if v is not None), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (plot_w / 2 if n == 1 else plot_w * i / (n - 1))

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / top)

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(title)}">',
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}"'
        f' y2="{TOP + plot_h}"/>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}"/>',
    ]
    for tick in (0, top / 2, top):
        parts.append(f'<text class="tick" x="{LEFT - 6}" y="{y(tick) + 4:.1f}"'
                     f' text-anchor="end">{_fmt(tick)}{escape(unit)}</text>')
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{y(tick):.1f}" x2="{WIDTH - RIGHT}"'
                     f' y2="{y(tick):.1f}"/>')
    shown = sorted({0, n // 2, n - 1}) if n else []
    for i in shown:
        parts.append(f'<text class="tick" x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 16}"'
                     f' text-anchor="middle">{escape(labels[i])}</text>')
    for k, (name, values) in enumerate(series.items()):
        color = COLORS[k % len(COLORS)]
        points = [(x(i), y(v), v) for i, v in enumerate(values) if v is not None]
        parts.append(f'<g class="series" data-series="{escape(name)}" stroke="{color}"'
                     f' fill="{color}">')
        if len(points) > 1:
            coords = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in points)
            parts.append(f'<polyline fill="none" stroke-width="2" points="{coords}"/>')
        for (px, py, v), label in zip(points, [labels[i] for i, v in enumerate(values)
                                              if v is not None], strict=True):
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3"><title>{escape(name)}'
                         f" {escape(label)}: {_fmt(v)}{escape(unit)}</title></circle>")
        parts.append("</g>")
    parts.append("</svg>")
    legend = "".join(
        f'<span class="key"><i style="background:{COLORS[k % len(COLORS)]}"></i>'
        f"{escape(name)}</span>" for k, name in enumerate(series)
    )
    return (f'<figure><figcaption>{escape(title)}</figcaption>{"".join(parts)}'
            f'<div class="keys">{legend}</div></figure>')


def _short(started_at: str) -> str:
    return started_at[5:16].replace("T", " ")  # MM-DD HH:MM


def _keys(runs: list[Run], attribute: str) -> list[str]:
    return sorted({k for r in runs for k in getattr(r, attribute)})


def charts(runs: list[Run]) -> list[str]:
    """The page's charts, in order (see module docstring)."""
    labels = [_short(r.started_at) for r in runs]
    sections = {s: [r.sections.get(s, 0) for r in runs] for s in _keys(runs, "sections")}
    traffic = {"requests": [r.requests for r in runs]}
    traffic |= {f"error: {e}": [r.errors.get(e, 0) for r in runs] for e in _keys(runs, "errors")}
    coverage = {f: [r.coverage.get(f) for r in runs] for f in _keys(runs, "coverage")}
    return [
        line_chart("Articles delivered per run", labels,
                   {"articles": [r.articles for r in runs]}),
        line_chart("Articles per section", labels, sections),
        line_chart("Requests and errors by reason", labels, traffic),
        line_chart("Duration", labels, {"duration": [r.duration for r in runs]}, unit="s"),
        line_chart("Field coverage (share of records)", labels, coverage),
    ]


STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
figure { margin: 0 0 28px; } figcaption { font-weight: 600; margin-bottom: 4px; }
.axis { stroke: #444; } .grid { stroke: #eee; } .tick { font-size: 11px; fill: #555; }
.keys { font-size: 12px; } .key { margin-right: 14px; white-space: nowrap; }
.key i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
table { border-collapse: collapse; margin-bottom: 28px; font-size: 13px; }
td, th { padding: 2px 10px; border-bottom: 1px solid #ddd; text-align: right; }
td:first-child, th:first-child { text-align: left; } .bad { color: #c00; font-weight: 600; }
"""


def page(runs: list[Run], title: str = "newscrawler: run history") -> str:
    """The whole HTML page: a table of the runs, then the charts."""
    rows = "".join(
        f"<tr><td>{escape(r.started_at)}</td><td>{escape(r.mode)}</td>"
        f"<td class=\"{'' if r.healthy else 'bad'}\">{'yes' if r.healthy else 'NO'}</td>"
        f"<td>{r.articles}</td><td>{r.requests}</td><td>{r.error_count}</td>"
        f"<td>{r.duration:.1f}s</td><td>{escape('; '.join(r.unhealthy))}</td></tr>"
        for r in reversed(runs)
    )
    body = "".join(charts(runs)) if runs else "<p>No run reports found.</p>"
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{len(runs)} run(s), newest first.</p>"
        "<table><tr><th>started</th><th>mode</th><th>healthy</th><th>articles</th>"
        f"<th>requests</th><th>errors</th><th>duration</th><th>why unhealthy</th></tr>{rows}"
        f"</table>{body}</body></html>\n"
    )

"""`presswarc report`: one self-contained HTML page about a collection.

No scripts or styles from elsewhere: plots are inline SVG drawn here, so the
page opens from a mail attachment or an air-gapped archive. A few lines of
inline script only record load errors on the root element
(`data-errors`), which the browser test reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from archive.collection_stats import CollectionStats, collect, word_bin_labels
from archive.republications import Cluster

BAR_WIDTH = 420
ROW_HEIGHT = 18
COLUMN_WIDTH = 48
CHART_HEIGHT = 160

STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}
td,th{padding:.2em .6em;border-bottom:1px solid #eee;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.plots{display:flex;flex-wrap:wrap;gap:2em}
figure{margin:0}figcaption{font-weight:600;margin-bottom:.3em}svg.plot text{font-size:11px;fill:#333}
svg.plot rect{fill:#3a6ea5}
"""

ERROR_PROBE = """<script>
document.documentElement.dataset.errors = "0";
window.addEventListener("error", function () {
  var root = document.documentElement; root.dataset.errors = String(Number(root.dataset.errors) + 1);
});
window.addEventListener("load", function () {
  document.documentElement.dataset.plots = String(document.querySelectorAll("svg.plot rect").length);
});
</script>"""


def bar_chart(title: str, items: Sequence[tuple[str, int]]) -> str:
    """Horizontal bars, one per (label, value)."""
    if not items:
        return f"<figure><figcaption>{escape(title)}</figcaption><p>nothing to show</p></figure>"
    top = max(value for _, value in items) or 1
    height = ROW_HEIGHT * len(items) + 4
    rows = []
    for number, (label, value) in enumerate(items):
        y = number * ROW_HEIGHT
        width = max(1, round(BAR_WIDTH * value / top))
        rows.append(
            f'<text x="0" y="{y + 13}">{escape(label[:40])}</text>'
            f'<rect x="250" y="{y + 3}" width="{width}" height="{ROW_HEIGHT - 6}">'
            f"<title>{value}</title></rect>"
            f'<text x="{255 + width}" y="{y + 13}">{value}</text>'
        )
    return (
        f"<figure><figcaption>{escape(title)}</figcaption>"
        f'<svg class="plot" role="img" aria-label="{escape(title)}" width="{250 + BAR_WIDTH + 60}" '
        f'height="{height}">{"".join(rows)}</svg></figure>'
    )


def column_chart(title: str, items: Sequence[tuple[str, int]]) -> str:
    """Vertical columns in the given order (a histogram or a time series)."""
    if not items:
        return f"<figure><figcaption>{escape(title)}</figcaption><p>nothing to show</p></figure>"
    top = max(value for _, value in items) or 1
    columns = []
    for number, (label, value) in enumerate(items):
        x = number * COLUMN_WIDTH
        height = max(1, round((CHART_HEIGHT - 56) * value / top))
        y = CHART_HEIGHT - 30 - height
        columns.append(
            f'<rect x="{x + 3}" y="{y}" width="{COLUMN_WIDTH - 6}" height="{height}"><title>{escape(label)}: '
            f"{value}</title></rect>"
            f'<text x="{x + 3}" y="{y - 3}">{value}</text>'
            f'<text x="{x + 3}" y="{CHART_HEIGHT - 4}" transform="rotate(-35 {x + 3} {CHART_HEIGHT - 4})">'
            f"{escape(label)}</text>"
        )
    width = COLUMN_WIDTH * len(items) + 40
    return (
        f"<figure><figcaption>{escape(title)}</figcaption>"
        f'<svg class="plot" role="img" aria-label="{escape(title)}" width="{width}" '
        f'height="{CHART_HEIGHT + 20}">{"".join(columns)}</svg></figure>'
    )


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{cell}</td>' if isinstance(cell, int) else f"<td>{escape(str(cell))}</td>"
            for cell in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _sites(cluster: Cluster) -> str:
    return ", ".join(sorted({m.site for m in cluster.members}))


def render(stats: CollectionStats, title: str) -> str:
    hosts = sorted(stats.hosts.items(), key=lambda item: -item[1].fetched)
    host_rows = [(h, f.fetched, f.archived, f.extracted, f.failed, f.refused) for h, f in hosts]
    words = [(label, stats.word_counts[label]) for label in word_bin_labels()]
    cluster_rows = [
        (c.id, len(c.members), c.origin.site, c.origin.fetched_at, _sites(c))
        for c in stats.clusters
    ]
    summary = (
        f"{sum(f.archived for f in stats.hosts.values())} responses archived, "
        f"{sum(f.extracted for f in stats.hosts.values())} documents extracted, "
        f"{sum(f.failed for f in stats.hosts.values())} failed, in {stats.warc_files} WARC file(s) "
        f"({stats.warc_bytes / 1e6:.1f} MB); {len(stats.clusters)} republication cluster(s)."
    )
    sections = [
        f"<h1>{escape(title)}</h1><p>{escape(summary)}</p>",
        "<h2>Hosts</h2>",
        _table(("host", "fetched", "archived", "extracted", "failed", "refused"), host_rows),
        '<div class="plots">',
        bar_chart("Archived per host", [(h, f.archived) for h, f in hosts[:25]]),
        bar_chart("Outcomes", stats.outcomes.most_common()),
        bar_chart("HTTP status of archived records", sorted(stats.statuses.items())),
        bar_chart("Content types", stats.content_types.most_common(15)),
        column_chart("Extracted length (words)", words),
        column_chart("Captures per day", sorted(stats.captures_by_day.items())),
        "</div>",
        "<h2>Why URLs were not archived</h2>",
        _table(("reason", "count"), stats.reasons.most_common(40)),
        "<h2>Republication clusters</h2>",
        _table(("cluster", "documents", "origin site", "earliest capture", "sites"), cluster_rows),
    ]
    made = datetime.now(UTC).isoformat(timespec="seconds")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style>{ERROR_PROBE}</head><body>"
        + "".join(sections)
        + f"<p><small>presswarc report, made {made}</small></p></body></html>"
    )


def write_report(directory: Path, out: Path) -> CollectionStats:
    """Render the report of `directory` into `out` (written whole, then renamed)."""
    stats = collect(directory)
    partial = out.with_name(out.name + ".open")
    title = f"presswarc collection {Path(directory).resolve().name}"
    partial.write_text(render(stats, title), encoding="utf-8")
    partial.replace(out)
    return stats

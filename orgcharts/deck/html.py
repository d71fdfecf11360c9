"""The deck as one self-contained HTML page that works offline: each slide a 1,280 by 720
px section, its cards and text as positioned boxes, its lines as SVG, its charts as
Plotly charts and its tables as tables, drawn from the same plan as the PowerPoint file.

Charts are Plotly bars, which the dashboard's 2D bundle does not have (it holds scatter,
scattergl, splom and parcoords), so the page carries Plotly's full bundle, written once.
"""

from __future__ import annotations

from html import escape

import plotly.graph_objects as go
import plotly.io as pio

from orgcharts.deck.plan import (
    FONT,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    TITLE_PLACE,
    TITLE_PT,
    Box,
    Chart,
    Deck,
    Link,
    Run,
    Slide,
    Table,
    footnote_box,
)

STYLE = f"""
body {{ margin: 0; background: #e9ecf1; font-family: {FONT}, "Liberation Sans", Helvetica, sans-serif; }}
.slide {{ position: relative; width: {SLIDE_WIDTH}px; height: {SLIDE_HEIGHT}px; margin: 24px auto;
  background: #fff; overflow: hidden; box-shadow: 0 1px 4px rgba(0,0,0,.25); }}
.slide h2 {{ position: absolute; margin: 0; display: flex; align-items: center; }}
.box {{ position: absolute; box-sizing: border-box; display: flex; flex-direction: column;
  justify-content: center; padding: 2px 9px; overflow: hidden; }}
.box.plain {{ justify-content: flex-start; padding: 2px 4px; }}
.box p {{ margin: 0; line-height: 1.2; }}
.slide svg {{ position: absolute; left: 0; top: 0; pointer-events: none; }}
.chart {{ position: absolute; }}
table {{ position: absolute; border-collapse: collapse; }}
th {{ background: #1d3557; color: #fff; text-align: left; }}
th, td {{ padding: 4px 8px; border-bottom: 1px solid #c9ced6; text-align: left; }}
"""
D3_FORMATS = {"#,##0": ",.0f", "0.0": ".1f", "0.00": ".2f", "0%": ".0%"}
"""PowerPoint's number formats as Plotly writes them."""


def html_bytes(deck: Deck) -> bytes:
    """The deck as an HTML file's bytes."""
    sections = [
        _slide(slide, number, first_chart=number == _first_chart(deck)) for number, slide in enumerate(deck.slides)
    ]
    page = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(deck.name)}</title>'
        f"<style>{STYLE}</style></head><body>\n" + "\n".join(sections) + "\n</body></html>\n"
    )
    return page.encode("utf-8")


def _first_chart(deck: Deck) -> int | None:
    return next((number for number, slide in enumerate(deck.slides) if slide.charts), None)


def _slide(slide: Slide, number: int, *, first_chart: bool) -> str:
    left, top, width, height = TITLE_PLACE
    parts = [
        f'<section class="slide" id="slide-{number + 1}" aria-label="{escape(slide.title)}">',
        f'<h2 style="{_place(left, top, width, height)}font-size:{TITLE_PT}pt">{escape(slide.title)}</h2>',
    ]
    parts += [_box(box) for box in slide.boxes]
    parts.append(_lines(slide))
    for index, chart in enumerate(slide.charts):
        parts.append(_chart(chart, include_plotlyjs=first_chart and index == 0))
    parts += [_table(table) for table in slide.tables]
    if slide.footnote:
        parts.append(_box(footnote_box(slide.footnote)))
    parts.append("</section>")
    return "\n".join(parts)


def _place(left: float, top: float, width: float, height: float) -> str:
    return f"left:{left:.1f}px;top:{top:.1f}px;width:{width:.1f}px;height:{height:.1f}px;"


def _run(run: Run) -> str:
    weight = "bold" if run.bold else "normal"
    return f'<span style="font-size:{run.pt}pt;font-weight:{weight};color:{run.colour}">{escape(run.text)}</span>'


def _box(box: Box) -> str:
    style = _place(box.left, box.top, box.width, box.height)
    if box.fill:
        style += f"background:{box.fill};"
    if box.border:
        style += f"border:{box.border_px}px solid {box.border};"
    if box.rounded:
        style += "border-radius:8px;"
    style += f"text-align:{'center' if box.align == 'centre' else 'left'};"
    paragraphs = "".join(f"<p>{''.join(_run(run) for run in runs)}</p>" for runs in box.paragraphs)
    kind = "box" if box.border else "box plain"
    key = f' data-key="{escape(box.key)}"' if box.key else ""
    return f'<div class="{kind}"{key} style="{style}">{paragraphs}</div>'


def _lines(slide: Slide) -> str:
    places = {box.key: box for box in slide.boxes if box.key}
    paths = []
    for link in slide.links:
        if link.start in places and link.end in places:
            paths.append(_path(link, places[link.start], places[link.end]))
    if not paths:
        return ""
    marker = (
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>'
    )
    return f'<svg width="{SLIDE_WIDTH}" height="{SLIDE_HEIGHT}" aria-hidden="true">{marker}{"".join(paths)}</svg>'


def _path(link: Link, start: Box, end: Box) -> str:
    if link.points:
        (first_x, first_y), *rest = link.points
        points = f"M{first_x:.1f},{first_y:.1f} " + " ".join(f"L{x:.1f},{y:.1f}" for x, y in rest)
    else:
        y = start.top + start.height / 2
        points = f"M{start.left + start.width:.1f},{y:.1f} H{end.left:.1f}"
    arrow = ' marker-end="url(#arrow)"' if link.arrow else ""
    return f'<path d="{points}" fill="none" stroke="{link.colour}" stroke-width="{link.px}"{arrow}/>'


def _chart(chart: Chart, *, include_plotlyjs: bool) -> str:
    template = "%{x:" + D3_FORMATS[chart.number_format] + "}" if chart.horizontal else None
    template = template or "%{y:" + D3_FORMATS[chart.number_format] + "}"
    figure = go.Figure(
        [
            go.Bar(
                name=series.name,
                x=list(series.values) if chart.horizontal else list(chart.categories),
                y=list(chart.categories) if chart.horizontal else list(series.values),
                orientation="h" if chart.horizontal else "v",
                texttemplate=template,
                textposition="outside",
                cliponaxis=False,
            )
            for series in chart.series
        ]
    )
    value_axis = {
        "title": {"text": chart.axis_title},
        "tickformat": D3_FORMATS[chart.number_format],
        "rangemode": "tozero",
    }
    figure.update_layout(
        title={"text": f"<b>{escape(chart.title)}</b>", "x": 0.5, "y": 0.98, "font": {"size": 24}},
        font={"family": FONT, "size": 18},
        width=round(chart.width),
        height=round(chart.height),
        margin={"l": 60, "r": 20, "t": 150, "b": 40},
        uniformtext={"minsize": 16, "mode": "show"},  # Plotly would shrink crowded labels under 12 pt
        barmode="group",
        bargap=0.12,
        showlegend=len(chart.series) > 1,
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"},
        plot_bgcolor="#ffffff",
        **({"xaxis": value_axis, "yaxis": {"autorange": "reversed"}} if chart.horizontal else {"yaxis": value_axis}),
    )
    drawn = pio.to_html(
        figure,
        include_plotlyjs=include_plotlyjs,
        full_html=False,
        config={"staticPlot": True, "displayModeBar": False},
    )
    return f'<div class="chart" style="{_place(chart.left, chart.top, chart.width, chart.height)}">{drawn}</div>'


def _table(table: Table) -> str:
    widths = table.column_widths or (1 / len(table.header),) * len(table.header)
    columns = "".join(f'<col style="width:{share * 100:.1f}%">' for share in widths)
    head = "".join(f"<th>{escape(text)}</th>" for text in table.header)
    rows = []
    for number, row in enumerate(table.rows, start=1):
        fill = f' style="background:{table.marks[number]}"' if number in table.marks else ""
        rows.append(f"<tr{fill}>" + "".join(f"<td>{escape(text)}</td>" for text in row) + "</tr>")
    style = _place(table.left, table.top, table.width, table.height) + f"font-size:{table.pt}pt;"
    return f'<table style="{style}"><colgroup>{columns}</colgroup><tr>{head}</tr>{"".join(rows)}</table>'

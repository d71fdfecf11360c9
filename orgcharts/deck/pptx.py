"""The deck as an editable PowerPoint file, with python-pptx: every card a native shape
with its text, every line a connector glued to the cards it joins (move a card and its
lines follow), every chart a native chart with its numbers, every table a table."""

from __future__ import annotations

import io

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

from orgcharts.deck import plan

EMU_PER_PX = 9525
TITLE_ONLY = 5
"""The default template's "Title Only" layout: a title placeholder and nothing else."""
CONNECTION = {"top": 0, "left": 1, "bottom": 2, "right": 3}
"""A rectangle's connection points, as PowerPoint numbers them."""


def pptx_bytes(deck: plan.Deck) -> bytes:
    """The deck as a .pptx file's bytes: 16:9, Arial throughout, no type under 12 pt."""
    presentation = Presentation()
    presentation.slide_width = _emu(plan.SLIDE_WIDTH)
    presentation.slide_height = _emu(plan.SLIDE_HEIGHT)
    presentation.core_properties.title = deck.name
    for planned in deck.slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])
        _title(slide, planned.title)
        shapes = {}
        for box in planned.boxes:
            shape = _box(slide, box)
            if box.key is not None:
                shapes[box.key] = shape
        for link in planned.links:
            if link.start in shapes and link.end in shapes:
                _link(slide, link, shapes[link.start], shapes[link.end])
        for chart in planned.charts:
            _chart(slide, chart)
        for table in planned.tables:
            _table(slide, table)
        if planned.footnote:
            _box(slide, plan.footnote_box(planned.footnote))
    stream = io.BytesIO()
    presentation.save(stream)
    return stream.getvalue()


def _emu(px: float) -> Emu:
    return Emu(round(px * EMU_PER_PX))


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#"))


def _title(slide: PptxSlide, text: str) -> None:
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (_emu(length) for length in plan.TITLE_PLACE)
    frame = title.text_frame
    frame.word_wrap = True
    _write(frame, ((plan.Run(text, plan.TITLE_PT, bold=True),),), "left")
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE


def _box(slide: PptxSlide, box: plan.Box) -> Shape:
    kind = MSO_SHAPE.ROUNDED_RECTANGLE if box.rounded else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, _emu(box.left), _emu(box.top), _emu(box.width), _emu(box.height))
    style = shape._element.find(qn("p:style"))  # the theme's shadow and white text: ours says all it needs
    if style is not None:
        shape._element.remove(style)
    if box.rounded:
        shape.adjustments[0] = 0.08
    if box.fill is None:
        shape.fill.background()
    else:
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(box.fill)
    if box.border is None:
        shape.line.fill.background()
    else:
        shape.line.color.rgb = _rgb(box.border)
        shape.line.width = Pt(box.border_px * 0.75)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    inner = 4 if box.border is None else 9
    frame.margin_left = frame.margin_right = _emu(inner)
    frame.margin_top = frame.margin_bottom = _emu(2)
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE if box.border is not None else MSO_ANCHOR.TOP
    _write(frame, box.paragraphs, box.align)
    return shape


def _write(frame: TextFrame, paragraphs: tuple[tuple[plan.Run, ...], ...], align: str) -> None:
    frame.text = ""
    for number, runs in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.CENTER if align == "centre" else PP_ALIGN.LEFT
        for run in runs:
            written = paragraph.add_run()
            written.text = run.text
            _font(written.font, run.pt, run.bold, run.colour)


def _font(font, pt: float, bold: bool = False, colour: str = "#1d2433") -> None:  # noqa: ANN001
    font.name = plan.FONT
    font.size = Pt(pt)
    font.bold = bold
    font.color.rgb = _rgb(colour)


def _link(slide: PptxSlide, link: plan.Link, start: Shape, end: Shape) -> None:
    """A reporting line's elbow as a line shape (a freeform) through its points; an
    escalation's step as a straight connector glued to both cards (it follows a moved card).

    Reporting lines are not glued connectors: a glued elbow is routed again, differently, by
    PowerPoint and by Impress, and a straight one crosses the cards between the bands."""
    if link.points:
        (first_x, first_y), *rest = link.points
        builder = slide.shapes.build_freeform(_emu(first_x), _emu(first_y), scale=1.0)
        builder.add_line_segments([(_emu(x), _emu(y)) for x, y in rest], close=False)
        drawn = builder.convert_to_shape()
        style = drawn._element.find(qn("p:style"))
        if style is not None:
            drawn._element.remove(style)
        drawn.fill.background()
        line = drawn.line
    else:
        connector = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, 0, 0, 0, 0)
        connector.begin_connect(start, CONNECTION["right"])
        connector.end_connect(end, CONNECTION["left"])
        line = connector.line
    line.color.rgb = _rgb(link.colour)
    line.width = Pt(link.px * 0.75)
    if link.arrow:
        ends = line._get_or_add_ln()  # python-pptx has no API for line ends
        etree.SubElement(ends, qn("a:tailEnd"), {"type": "triangle", "w": "med", "len": "med"})


def _chart(slide: PptxSlide, chart: plan.Chart) -> None:
    data = CategoryChartData(number_format=chart.number_format)
    data.categories = chart.categories
    for series in chart.series:
        data.add_series(series.name, series.values)
    kind = XL_CHART_TYPE.BAR_CLUSTERED if chart.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    frame = slide.shapes.add_chart(kind, _emu(chart.left), _emu(chart.top), _emu(chart.width), _emu(chart.height), data)
    drawn = frame.chart
    _font(drawn.font, 14)
    drawn.has_title = True
    _write(drawn.chart_title.text_frame, ((plan.Run(chart.title, 18, bold=True),),), "centre")
    drawn.has_legend = len(chart.series) > 1
    if drawn.has_legend:
        drawn.legend.position = XL_LEGEND_POSITION.BOTTOM
        drawn.legend.include_in_layout = False
    axis = drawn.value_axis
    axis.has_title = True
    _write(axis.axis_title.text_frame, ((plan.Run(chart.axis_title, 14),),), "centre")
    axis.minimum_scale = 0  # bars start at zero, never at an automatic minimum that exaggerates differences
    axis.tick_labels.number_format = chart.number_format
    axis.tick_labels.number_format_is_linked = False
    plot = drawn.plots[0]
    plot.gap_width = 40
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = chart.number_format
    labels.number_format_is_linked = False
    _font(labels.font, 12)
    if chart.horizontal:
        drawn.category_axis.reverse_order = True  # the first category on top, as read


def _table(slide: PptxSlide, table: plan.Table) -> None:
    rows, columns = len(table.rows) + 1, len(table.header)
    frame = slide.shapes.add_table(
        rows, columns, _emu(table.left), _emu(table.top), _emu(table.width), _emu(table.height)
    )
    drawn = frame.table
    for number, share in enumerate(table.column_widths):
        drawn.columns[number].width = _emu(table.width * share)
    for row_number, row in enumerate((table.header, *table.rows)):
        for column, text in enumerate(row):
            cell = drawn.cell(row_number, column)
            _write(
                cell.text_frame,
                (
                    (
                        plan.Run(
                            text, table.pt, bold=row_number == 0, colour="#ffffff" if row_number == 0 else "#1d2433"
                        ),
                    ),
                ),
                "left",
            )
            if row_number in table.marks:
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(table.marks[row_number])

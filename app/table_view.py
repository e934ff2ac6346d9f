"""The grades table of a timeline or comparison answer, as HTML and Markdown, and a timeline's
chart of grades over time (Altair, which ships with Streamlit)."""

from __future__ import annotations

import html

from .presentation import grade_chip
from .types import Table

GRADE_RANK = {"Inadequate": 1, "Requires improvement": 2, "Good": 3, "Outstanding": 4}


def table_html(table: Table) -> str:
    """An HTML table with a grade chip and its citation marker in each cell."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ["Report", *table.columns])
    rows = []
    for row in table.rows:
        cells = [f"<td>{html.escape(row.label)}</td>"]
        for cell in row.cells:
            if cell.grade is None:
                cells.append('<td><span style="color:#777">not graded</span></td>')
                continue
            marker = f" <sup>[{cell.marker}]</sup>" if cell.marker else ""
            cells.append(f"<td>{grade_chip(cell.grade)}{marker}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table class="grades-table" data-kind="{table.kind}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def table_markdown(table: Table) -> list[str]:
    """The table as Markdown lines: a grade and its [n] marker per cell."""
    lines = [
        "| Report | " + " | ".join(table.columns) + " |",
        "|" + "---|" * (len(table.columns) + 1),
    ]
    for row in table.rows:
        cells = [
            "not graded" if c.grade is None else c.grade + (f" [{c.marker}]" if c.marker else "")
            for c in row.cells
        ]
        lines.append(f"| {row.label} | " + " | ".join(cells) + " |")
    return lines


def chart_rows(table: Table) -> list[dict]:
    """One point per graded cell: report, year, area, grade and its rank (1 = inadequate)."""
    out = []
    for row in table.rows:
        year = int(row.label.rsplit(" ", 1)[-1]) if row.label[-4:].isdigit() else None
        for column, cell in zip(table.columns, row.cells, strict=True):
            if cell.grade is not None:
                out.append(
                    {
                        "report": row.label,
                        "year": year,
                        "area": column,
                        "grade": cell.grade,
                        "rank": GRADE_RANK[cell.grade],
                    }
                )
    return out


def timeline_chart(table: Table):
    """Grades over time, one line per area: an Altair chart."""
    import altair as alt
    import pandas as pd

    data = pd.DataFrame(chart_rows(table))
    axis = alt.Axis(
        values=[1, 2, 3, 4],
        labelExpr="['', 'Inadequate', 'Requires improvement', 'Good', 'Outstanding'][datum.value]",
    )
    return (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title="Published"),
            y=alt.Y("rank:Q", scale=alt.Scale(domain=[1, 4]), axis=axis, title="Grade"),
            color=alt.Color("area:N", title="Area"),
            tooltip=["report", "area", "grade"],
        )
        .properties(height=220)
    )


def render_table(st, table: Table | None) -> None:
    """Draw the table (and, for a timeline, its chart) in the chat; nothing without a table."""
    if table is None or not table.rows:
        return
    st.markdown(table_html(table), unsafe_allow_html=True)
    if table.kind == "timeline" and len(table.rows) > 1:
        st.altair_chart(timeline_chart(table), use_container_width=True)

"""Showing things in a notebook safely: every piece of article text is escaped before it becomes HTML.

Article text is untrusted. Tables go through pandas' `to_html(escape=True)` (short tables) or itables
with `allow_html=False` (long tables: sortable, searchable, its JavaScript inlined, no CDN); prose goes
through `html.escape`. Nothing here ever passes article text to `HTML(...)` or `Markdown(...)` unescaped.
"""
from __future__ import annotations

import html
import json
import re

import pandas as pd
from IPython.display import HTML, display

from analysis import labels

_LANG = "vi"
# DataTables' own words (search box, paging) in Vietnamese; English is its default.
DATATABLES_VI = {"search": "Tìm:", "lengthMenu": "Hiện _MENU_ dòng", "info": "Dòng _START_–_END_ trên _TOTAL_",
                 "infoEmpty": "Không có dòng nào", "infoFiltered": "(lọc từ _MAX_ dòng)", "zeroRecords": "Không tìm thấy",
                 "emptyTable": "Không có dữ liệu"}
DATE_COLUMNS = {"date", "first_date", "last_date", "published", "event_date"}
LONG_TABLE = 12  # rows above which a table becomes interactive (sortable, searchable, paged)
# itables' placeholders (shown until its JavaScript runs) link to its website: reports link nowhere outside,
# so every such anchor is replaced by its text.
_HELP_LINK = re.compile(r"""<a\s[^>]*href=["']?(?:https?:)?//[^>]*>(.*?)</a>""", re.S | re.I)

_CSS = """
<style>
.an-report {font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; max-width: 1180px;}
.an-title {font-size: 1.9em; font-weight: 700; margin: 0.2em 0 0.1em 0; color: #1f4e79;}
.an-sub {color: #555; margin: 0 0 0.8em 0;}
.an-findings {background: #f3f7fb; border-left: 4px solid #1f4e79; padding: 0.7em 1em; font-size: 1.05em; line-height: 1.5;}
.an-note {color: #666; font-size: 0.9em;}
.an-h3 {font-size: 1.05em; font-weight: 700; margin: 0.9em 0 0.2em 0; color: #333;}
.an-h2 {font-size: 1.35em; font-weight: 700; margin: 1.2em 0 0.3em 0; color: #1f4e79; border-bottom: 1px solid #d5dde6;}
table.an-table {border-collapse: collapse; font-size: 0.9em; margin: 0.4em 0;}
.jp-RenderedHTMLCommon table.an-table th, table.an-table th {background: #eef2f6; text-align: left !important; padding: 4px 8px; border-bottom: 2px solid #c9d3de; vertical-align: bottom;}
.jp-RenderedHTMLCommon table.an-table td, table.an-table td {text-align: left !important; padding: 4px 8px; border-bottom: 1px solid #e5e9ee; vertical-align: top; max-width: 460px;}
table.an-table td:first-child, td.an-nowrap {white-space: nowrap !important;}
table.an-table tr:nth-child(even) {background: #fafbfc;}
table.dataTable td, table.dataTable th {text-align: left !important; vertical-align: top;}
table.dataTable td {max-width: 460px; white-space: normal !important;}
table.an-params td, table.an-params th {padding: 2px 8px; font-size: 0.85em; text-align: left;}
</style>
"""


def setup(lang: str = "vi") -> None:
    """Call once at the top of a notebook: inline itables' JavaScript (offline) and the report's style."""
    import itables

    itables.options.display_logo_when_loading = False   # its logo links to itables.org: no external href
    itables.init_notebook_mode(all_interactive=False, connected=False)
    global _LANG
    _LANG = lang
    pd.set_option("display.max_colwidth", 200)
    _figures_as_png()
    display(HTML(_CSS))


def _figures_as_png() -> None:
    """Show a matplotlib Figure returned by a cell as an inline PNG (a data: URI in the exported HTML)."""
    from IPython import get_ipython
    from IPython.core.pylabtools import print_figure
    from matplotlib.figure import Figure

    shell = get_ipython()
    if shell is None:
        return
    def png(fig):
        alt = " / ".join(ax.get_title() for ax in fig.axes if ax.get_title()) or "figure"
        return print_figure(fig, "png", bbox_inches="tight", dpi=110), {"alt": alt}

    shell.display_formatter.formatters["image/png"].for_type(Figure, png)


def escape(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def title(text: str, subtitle: str = "") -> None:
    out = f'<div class="an-report"><div class="an-title">{escape(text)}</div>'
    if subtitle:
        out += f'<div class="an-sub">{escape(subtitle)}</div>'
    display(HTML(out + "</div>"))


def heading(key: str, lang: str = "vi", suffix: str = "") -> None:
    """A section heading: a word of labels.yaml in the chosen language (or the text itself), escaped."""
    text = labels.word(key, lang) + (f" {suffix}" if suffix else "")
    display(HTML(f'<div class="an-report an-h2">{escape(text)}</div>'))


def subheading(key: str, lang: str = "vi") -> None:
    display(HTML(f'<div class="an-report an-h3">{escape(labels.word(key, lang))}</div>'))


def focus(section: dict, slug: str, lang: str = "vi") -> None:
    """A programme in focus (from findings.focus): heading, then its articles, units and evidence sentences."""
    heading("h_focus", lang, labels.theme(slug, lang))
    for key, part in (("h_focus_articles", "articles"), ("h_focus_units", "units"), ("h_focus_evidence", "evidence")):
        subheading(key, lang)
        table(section[part], lang)


def findings(text: str) -> None:
    """The findings paragraph (plain text written from the data, escaped)."""
    display(HTML(f'<div class="an-report an-findings">{escape(text)}</div>'))


def note(text: str) -> None:
    display(HTML(f'<div class="an-report an-note">{escape(text)}</div>'))


def parameters(params: dict, lang: str = "vi") -> None:
    """The parameters this report was rendered with (what the reader needs instead of the injected cell)."""
    rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)}</td></tr>"
                   for k, v in params.items())
    caption = "Tham số" if lang == "vi" else "Parameters"
    display(HTML(f'<details class="an-report an-note"><summary>{caption}</summary><table class="an-params">{rows}</table></details>'))


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)) else str(value)


def table(frame: pd.DataFrame, lang: str = "vi", localise: bool = True, max_rows: int | None = None, index: bool = False,
          interactive: bool | None = None) -> None:
    """Show a frame with translated headers; escaped; interactive (itables, offline) when long."""
    if frame is None or len(frame) == 0:
        note(labels.word("no_rows", lang))
        return
    nowrap = [i for i, c in enumerate(frame.columns) if c in DATE_COLUMNS]
    out = labels.localise(frame, lang) if localise else frame.copy()
    if index:
        out = out.reset_index()
    if max_rows:
        out = out.head(max_rows)
    out = out.map(_cell) if hasattr(out, "map") else out.applymap(_cell)
    if interactive is None:
        interactive = len(out) > LONG_TABLE
    if interactive:
        import itables

        extra = {"language": DATATABLES_VI} if lang == "vi" else {}
        if nowrap:
            extra["columnDefs"] = [{"className": "an-nowrap", "targets": nowrap}]
        page = itables.to_html_datatable(out, allow_html=False, classes="display compact", pageLength=15, **extra,
                                         lengthMenu=[15, 50, 200], showIndex=False, maxBytes=0, autoWidth=False,
                                         style="table-layout:auto;width:auto;margin:0;caption-side:bottom")
        display(HTML(_HELP_LINK.sub(r"\1", page)))
    else:
        display(HTML(out.to_html(escape=True, index=False, classes="an-table", border=0, na_rep="")))


def matrix(frame: pd.DataFrame, lang: str = "vi", row_label=None, col_label=None) -> None:
    """A count matrix (themes x articles ...) as an escaped table with translated row and column labels."""
    if frame is None or frame.empty:
        note(labels.word("no_rows", lang))
        return
    out = frame.copy()
    if row_label:
        out.index = [row_label(i) for i in out.index]
    if col_label:
        out.columns = [col_label(c) for c in out.columns]
    out = out.astype(str).replace("0", "")
    display(HTML(out.to_html(escape=True, classes="an-table", border=0)))

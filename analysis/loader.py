"""Load news articles from a folder, a file or a list of paths into tidy DataFrames.

    from analysis.loader import load_articles
    res = load_articles("seeds")        # a folder, one file, or a list of paths
    res.articles    # one row per loaded article (columns: ARTICLE_COLUMNS)
    res.sentences   # one row per sentence, offsets into articles.text (columns: SENTENCE_COLUMNS)
    res.report      # one row per input file (and per record of a .jsonl/.json/.csv): loaded, skipped or duplicate

Formats: .txt (the seed layout and any plain-text article), .html/.htm (article extracted with
trafilatura), .jsonl/.ndjson/.json and .csv/.tsv exports with a text column (alternates accepted, see
TEXT_KEYS ...). Every file is loaded or skipped with a reason that says what to do; nothing is lost
silently. This is the only module of the package that touches files.

Text convention (what offsets point into): NFC, modern tone marks (analysis.text.normalise_tone_marks),
spaces tidied, quotes per analysis.text.normalise_quotes; the title first when the article has a
headline (kind 'title'), then body paragraphs and captions in their order, blocks separated by a blank
line ("\\n\\n"). Without a headline the title is the lead's first sentence and is not repeated.
Duplicates (same normalised text as an earlier article) are listed in the report as 'duplicate' and
left out of articles/sentences unless keep_duplicates=True.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from urllib.parse import urlparse

import pandas as pd

from analysis.dates import find_event_date, parse_published
from analysis.encoding import DecodeProblem, decode
from analysis.layout import parse_layout
from analysis.text import normalise_text

FORMATS = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
}
DEFAULT_MAX_BYTES = 200 * 1024 * 1024   # files above this are skipped (a parameter of load_articles)
EVENT_DATE_BLOCKS = 2                    # body paragraphs searched for the event date

# Column names accepted in .jsonl/.json/.csv exports, in order of preference (case-insensitive).
TEXT_KEYS = ("text", "content", "body", "article", "maintext", "full_text", "noi_dung", "noidung")
TITLE_KEYS = ("title", "headline", "tieu_de", "tieude")
DATE_KEYS = ("date", "published", "publish_date", "published_date", "published_at", "pubdate", "date_published", "datetime", "ngay")
URL_KEYS = ("url", "link", "href", "source_url", "canonical")
ID_KEYS = ("article_id", "id", "doc_id", "uid")
AUTHOR_KEYS = ("author", "byline", "authors", "tac_gia")
SITE_KEYS = ("source", "site", "domain", "sitename", "hostname")

ARTICLE_COLUMNS = [
    "article_id", "title", "published", "event_date", "n_chars", "n_sentences", "lead",
    "author", "photo_credits", "attribution", "source", "url", "path", "format", "encoding",
    "sha256", "duplicate_of", "title_source", "dateline", "text", "raw_text",
]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "kind", "paragraph"]

# What each column means, for users (the README and the reports can quote these).
COLUMN_DOCS = {
    "articles": {
        "article_id": "file name without extension; for .jsonl/.json/.csv records an id field if present, else FILE_N "
                      "(N = record number); made unique with a _2, _3 suffix (the load report says so)",
        "title": "the headline; without a headline (seeds 000, 001) the lead's first sentence (see title_source)",
        "published": "publication date, ISO at the precision known: '2024-03' (seed header) or '2022-09-12' (dateline, metadata)",
        "event_date": "date of the reported event from the lead ('Chiều 22-3' -> 2024-03-22), year from published",
        "n_chars": "len(text)", "n_sentences": "rows of this article in sentences",
        "lead": "the first body sentence",
        "author": "the byline ('VĂN THẮNG', 'Phương Anh', 'Nhóm PV'), or the one photo credit of every caption (seed 001 'N.X')",
        "photo_credits": "list of photo credits ('Ảnh: X', '(Ảnh: X)', 'Ảnh minh họa', '... N.X' glued to a caption)",
        "attribution": "source named by a final 'Theo ...' / 'Nguồn: ...' line ('TTXVN')",
        "source": "web site (domain of url, or the site field of an export)", "url": "the article URL when known",
        "path": "file it came from", "format": "txt, html, jsonl, json or csv",
        "encoding": "detected encoding ('utf-8', 'utf-8-sig', 'utf-16-le', 'cp1258', 'utf-8 (mojibake repaired)' ...)",
        "sha256": "of the raw file bytes (of the record's text for exports)",
        "duplicate_of": "article_id of the first article with the same normalised text (only with keep_duplicates=True)",
        "title_source": "'headline', 'lead' or 'metadata'", "dateline": "the dateline line as printed, if any",
        "text": "normalised text: title block (when there is a headline), then body paragraphs and captions, blocks "
                "separated by a blank line; offsets point into it",
        "raw_text": "the decoded text before normalisation (for HTML: the text trafilatura extracted)",
    },
    "sentences": {
        "article_id": "the article", "sentence_id": "0-based position in the article",
        "start": "offset of the first character in articles.text", "end": "offset after the last character",
        "text": "articles.text[start:end]", "kind": "'title', 'body' or 'caption'",
        "paragraph": "0-based index of the block (text.split('\\n\\n')) the sentence is in",
    },
    "report": {
        "path": "input file", "record": "line (.jsonl) or row (.csv) number, or record index (.json); empty for files",
        "article_id": "id given when loaded or duplicate", "status": "'loaded', 'skipped' or 'duplicate'",
        "reason": "why it was skipped and what to do; notes for loaded files", "encoding": "detected encoding",
        "n_chars": "length of the normalised text", "duplicate_of": "first article with the same text",
        "format": "file format", "bytes": "file size",
    },
}
REPORT_COLUMNS = ["path", "record", "article_id", "status", "reason", "encoding", "n_chars", "duplicate_of", "format", "bytes"]

_HTML_IN_TEXT = re.compile(r"<(?:p|br|div|span|h[1-6]|figcaption|li)\b[^>]*>", re.IGNORECASE)


@dataclass
class LoadResult:
    articles: pd.DataFrame
    sentences: pd.DataFrame
    report: pd.DataFrame

    def summary(self) -> str:
        counts = self.report["status"].value_counts().to_dict() if len(self.report) else {}
        return (f"{len(self.articles)} articles, {len(self.sentences)} sentences; "
                + ", ".join(f"{n} {status}" for status, n in sorted(counts.items())))


class _Skip(Exception):
    """A file or record that is not loaded; the message is the reason shown in the report."""


# --- collecting input files ------------------------------------------------------------------------

def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name in {"__pycache__", "__MACOSX"}


def _collect(source) -> tuple[list[Path], list[dict]]:
    """(files to read, report rows for what is ignored) from a folder, a file or a list of them."""
    if isinstance(source, (str, os.PathLike)):
        items = [source]
    elif isinstance(source, Iterable):
        items = list(source)
    else:
        raise TypeError(f"load_articles expects a folder, a file or a list of paths, got {type(source).__name__}: {source!r}")
    files: list[Path] = []
    ignored: list[dict] = []
    for item in items:
        path = Path(item)
        if not path.exists():
            raise FileNotFoundError(f"{path} does not exist: give a folder of articles, one article file "
                                    f"({', '.join(sorted(FORMATS))}) or a list of such paths")
        if path.is_file():
            files.append(path)
            continue
        for folder, dirs, names in os.walk(path):
            folder_path = Path(folder)
            for d in sorted(dirs):
                if _is_hidden(d):
                    n = sum(len(f) for _, _, f in os.walk(folder_path / d))
                    ignored.append(_report_row(folder_path / d, status="skipped",
                                               reason=f"hidden folder ignored ({n} files inside); move articles out of it to load them"))
            dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
            for name in sorted(names):
                files.append(folder_path / name)
    return files, ignored


def _report_row(path, **values) -> dict:
    row = dict.fromkeys(REPORT_COLUMNS)
    row["path"] = str(path)
    row.update(values)
    return row


# --- formats -> records ------------------------------------------------------------------------------

def _pick(record: dict, keys: tuple[str, ...]):
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for key in keys:
        value = lowered.get(key)
        if value is None or (isinstance(value, float) and value != value):
            continue
        if isinstance(value, str) and not value.strip():
            continue
        return value
    return None


def _html_fragment_to_text(fragment: str) -> str:
    """An HTML fragment found in a text field -> plain text with one paragraph per line."""
    import lxml.html
    from lxml_html_clean import Cleaner

    doc = lxml.html.fromstring(f"<div>{fragment}</div>")
    doc = Cleaner(scripts=True, javascript=True, style=True, comments=True, page_structure=False).clean_html(doc)
    for br in doc.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in doc.iter("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption"):
        el.tail = "\n\n" + (el.tail or "")
    return doc.text_content()


def _html_record(html: str) -> dict:
    """Article text and metadata of an HTML page, with trafilatura (scripts and navigation stripped)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                      favor_recall=True)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise _Skip("HTML page without article text (trafilatura found no main content): save the article page itself, "
                    "or copy its text into a .txt file")
    return {
        "text": doc.text,
        "title": getattr(doc, "title", None),
        "date": getattr(doc, "date", None),
        "url": getattr(doc, "url", None),
        "author": getattr(doc, "author", None),
        "source": _site(getattr(doc, "url", None)) or getattr(doc, "hostname", None) or getattr(doc, "sitename", None),
    }


def _json_records(text: str, fmt: str):
    """(record number, dict or _Skip) for each record of a .jsonl or .json export."""
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _Skip(f"malformed JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}): fix the file, or export one "
                        f"article per line as .jsonl") from exc
        if isinstance(data, dict):
            data = next((v for v in data.values() if isinstance(v, list)), [data])
        if not isinstance(data, list):
            raise _Skip("JSON file is neither a list of articles nor an object holding one: export one article per line as .jsonl")
        for i, item in enumerate(data, start=1):
            yield i, item if isinstance(item, dict) else _Skip(f"record {i} is a {type(item).__name__}, not an object with a text field")
        return
    for i, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield i, _Skip(f"line {i}: malformed JSON ({exc.msg} at column {exc.colno}): fix or remove this line")
            continue
        yield i, item if isinstance(item, dict) else _Skip(f"line {i}: a JSON {type(item).__name__}, not an object with a text field")


def _csv_records(text: str):
    """(row number, dict) for each data row of a .csv/.tsv export (row 1 is the first line after the header)."""
    csv.field_size_limit(sys.maxsize)
    head = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(head.split("\n", 1)[0], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    if not reader.fieldnames:
        raise _Skip("CSV file without a header row: add a header with at least a 'text' column")
    lowered = [str(f).strip().lower() for f in reader.fieldnames]
    if not any(k in lowered for k in TEXT_KEYS):
        raise _Skip(f"CSV file without a text column (columns: {', '.join(reader.fieldnames)}); name the article text "
                    f"column one of: {', '.join(TEXT_KEYS)}")
    row = 0
    while True:
        try:
            item = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row += 1
            yield row, _Skip(f"row {row} (line {reader.line_num}): malformed CSV ({exc}): fix the quoting of this row")
            return
        row += 1
        yield row, item


# --- one record -> one article -------------------------------------------------------------------------

def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(str(url).strip()).netloc.lower()
    host = host.split("@")[-1].split(":")[0]
    return host[4:] if host.startswith("www.") else (host or None)


def _clean_id(value) -> str | None:
    if value is None:
        return None
    text = re.sub(r"[\\/\s]+", "_", str(value).strip())
    return text or None


def _flat(value) -> str | None:
    """A metadata string (title, author) normalised like the text, on one line."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value if v)
    text = normalise_text(str(value)).replace("\n", " ").strip()
    return re.sub(r" {2,}", " ", text) or None


def build_article(raw_text: str, *, article_id: str, path: str, fmt: str, encoding: str | None, sha256: str,
                  title=None, published=None, url=None, author=None, source=None) -> tuple[dict, list[dict]]:
    """One article row and its sentence rows from the raw text of one record (pure: no file access).

    Raises _Skip when nothing of the article is left once the page furniture is removed.
    """
    if not raw_text or not raw_text.strip():
        raise _Skip("no text: the file or record is empty or only whitespace; remove it or fill in the article text")
    if fmt in ("jsonl", "json", "csv") and _HTML_IN_TEXT.search(raw_text):
        raw_text = _html_fragment_to_text(raw_text)
    normalised = normalise_text(raw_text)
    layout = parse_layout(normalised, title=_flat(title), published=parse_published(published))
    if not any(b.kind in ("body", "caption") for b in layout.blocks):
        removed = ", ".join(sorted({rule for _, rule in layout.removed})) or "nothing"
        raise _Skip(f"no article text left once {removed} was removed: not an article (check the file holds the article body)")
    text_parts, sentences = [], []
    offset = 0
    for paragraph, block in enumerate(layout.blocks):
        if paragraph:
            text_parts.append("\n\n")
            offset += 2
        text_parts.append(block.text)
        for start, end in block.sentence_spans():
            sentences.append({
                "article_id": article_id, "sentence_id": len(sentences), "start": offset + start, "end": offset + end,
                "text": block.text[start:end], "kind": block.kind, "paragraph": paragraph,
            })
        offset += len(block.text)
    text = "".join(text_parts)
    body = [b.text for b in layout.blocks if b.kind == "body"]
    event_date = None
    for paragraph_text in body[:EVENT_DATE_BLOCKS]:
        event_date = find_event_date(paragraph_text, layout.published)
        if event_date:
            break
    lead = next((s["text"] for s in sentences if s["kind"] == "body"), None)
    article = {
        "article_id": article_id,
        "title": layout.title,
        "published": layout.published,
        "event_date": event_date,
        "n_chars": len(text),
        "n_sentences": len(sentences),
        "lead": lead,
        "author": layout.author or _flat(author),
        "photo_credits": list(layout.photo_credits),
        "attribution": layout.attribution,
        "source": _flat(source) or _site(url),
        "url": str(url).strip() if url else None,
        "path": path,
        "format": fmt,
        "encoding": encoding,
        "sha256": sha256,
        "duplicate_of": None,
        "title_source": layout.title_source,
        "dateline": layout.dateline,
        "text": text,
        "raw_text": raw_text,
    }
    return article, sentences


# --- the public entry ------------------------------------------------------------------------------------

def _records(path: Path, fmt: str, text: str):
    """(record number or None, metadata dict or _Skip) for each article in one decoded file."""
    if fmt == "txt":
        yield None, {"text": text}
    elif fmt == "html":
        try:
            yield None, _html_record(text)
        except _Skip as exc:
            yield None, exc
    elif fmt in ("jsonl", "json"):
        for number, item in _json_records(text, fmt):
            yield number, item
    elif fmt == "csv":
        for number, item in _csv_records(text):
            yield number, item


def load_articles(source, *, max_bytes: int = DEFAULT_MAX_BYTES, keep_duplicates: bool = False,
                  on_error: str = "report") -> LoadResult:
    """Load every article of SOURCE (a folder, searched recursively; one file; or a list of paths).

    max_bytes: files larger than this are skipped with a reason (default 200 MB; a 50 MB file loads).
    keep_duplicates: keep articles whose normalised text repeats an earlier one in `articles` (with
    `duplicate_of` set); by default they are only listed in the report, so nothing is counted twice.
    on_error: what an unexpected error on one file does (a bug, not bad input): 'report' lists the file
    as skipped with the error and goes on with the others (a warning is issued too); 'raise' stops.
    Unreadable files (permissions, broken links) are always reported as skipped.
    Raises FileNotFoundError when a path given does not exist.
    """
    if on_error not in ("report", "raise"):
        raise ValueError(f"on_error={on_error!r}: use 'report' (list the file as skipped and go on) or 'raise'")
    files, report = _collect(source)
    articles: list[dict] = []
    sentences: list[dict] = []
    seen_text: dict[str, str] = {}
    used_ids: set[str] = set()
    for path in files:
        fmt = FORMATS.get(path.suffix.lower())
        if path.name.startswith("."):
            report.append(_report_row(path, status="skipped", reason="hidden file ignored (e.g. .DS_Store); rename it without the "
                                                                      "leading dot if it is an article"))
            continue
        if fmt is None:
            report.append(_report_row(path, status="skipped",
                                      reason=f"unsupported file type {path.suffix or '(no extension)'!r}: not read; convert the "
                                             f"article to one of {', '.join(sorted(FORMATS))}"))
            continue
        try:
            size = path.stat().st_size
        except OSError as exc:
            report.append(_report_row(path, status="skipped", format=fmt,
                                      reason=f"cannot read the file ({exc.strerror or exc}): check it exists and is readable"))
            continue
        base = {"format": fmt, "bytes": size}
        if size > max_bytes:
            report.append(_report_row(path, status="skipped", **base,
                                      reason=f"file is {size / 1e6:.1f} MB, above the limit of {max_bytes / 1e6:.1f} MB: split it "
                                             f"into articles, or call load_articles(..., max_bytes={size + 1})"))
            continue
        if size == 0:
            report.append(_report_row(path, status="skipped", reason="empty file (0 bytes): remove it or fill in the article", **base))
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            report.append(_report_row(path, status="skipped", reason=f"cannot read the file ({exc.strerror or exc}): check its "
                                                                      f"permissions", **base))
            continue
        try:
            decoded = decode(data)
        except DecodeProblem as exc:
            report.append(_report_row(path, status="skipped", reason=str(exc), **base))
            continue
        base["encoding"] = decoded.encoding
        if not decoded.text.strip():
            report.append(_report_row(path, status="skipped", reason="whitespace-only file: no article text; remove it or fill it in",
                                      **base))
            continue
        file_sha = hashlib.sha256(data).hexdigest()
        try:
            records = list(_records(path, fmt, decoded.text))
        except _Skip as exc:
            report.append(_report_row(path, status="skipped", reason=str(exc), **base))
            continue
        if not records:
            report.append(_report_row(path, status="skipped", reason="no records in the export: nothing to load", **base))
            continue
        for number, item in records:
            row = _report_row(path, record=number, **base)
            if isinstance(item, _Skip):
                report.append({**row, "status": "skipped", "reason": str(item)})
                continue
            raw_text = _pick(item, TEXT_KEYS) if fmt != "txt" else item["text"]
            if number is None:
                wanted = path.stem
            else:
                wanted = _clean_id(_pick(item, ID_KEYS)) or f"{path.stem}_{number}"
            article_id, n = wanted, 1
            while article_id in used_ids:
                n += 1
                article_id = f"{wanted}_{n}"
            if raw_text is None or not str(raw_text).strip():
                where = f"record {number}" if number is not None else "the page"
                report.append({**row, "status": "skipped",
                               "reason": f"{where} has no text (looked for a field named {', '.join(TEXT_KEYS)}); add the article text"})
                continue
            if number is None:
                record_sha = file_sha
            else:
                record_sha = hashlib.sha256(str(raw_text).encode("utf-8")).hexdigest()
            try:
                article, rows = build_article(
                    str(raw_text), article_id=article_id, path=str(path), fmt=fmt, encoding=decoded.encoding,
                    sha256=record_sha, title=_pick(item, TITLE_KEYS), published=_pick(item, DATE_KEYS),
                    url=_pick(item, URL_KEYS), author=_pick(item, AUTHOR_KEYS), source=_pick(item, SITE_KEYS),
                )
            except _Skip as exc:
                report.append({**row, "status": "skipped", "reason": str(exc)})
                continue
            except Exception as exc:  # a loader bug on this file: listed, never silent
                if on_error == "raise":
                    raise
                message = f"loader error {type(exc).__name__}: {exc}; the file was not loaded: report this file to the developers"
                warnings.warn(f"{path}: {message}", RuntimeWarning, stacklevel=2)
                report.append({**row, "status": "skipped", "reason": message})
                continue
            used_ids.add(article_id)
            key = hashlib.sha256(article["text"].encode("utf-8")).hexdigest()
            first = seen_text.get(key)
            row.update(article_id=article_id, n_chars=article["n_chars"])
            if first is not None:
                report.append({**row, "status": "duplicate", "duplicate_of": first,
                               "reason": f"same text as {first}: "
                                         + ("kept, flagged in duplicate_of" if keep_duplicates else "left out so it is not counted twice; remove the copy")})
                if not keep_duplicates:
                    continue
                article["duplicate_of"] = first
            else:
                seen_text[key] = article_id
                notes = [] if article_id == wanted else [f"article_id {wanted!r} was already used: loaded as {article_id!r}"]
                report.append({**row, "status": "loaded", "reason": "; ".join(notes) or None})
            articles.append(article)
            sentences.extend(rows)
    return LoadResult(
        articles=_frame(articles, ARTICLE_COLUMNS, ints=("n_chars", "n_sentences")),
        sentences=_frame(sentences, SENTENCE_COLUMNS, ints=("sentence_id", "start", "end", "paragraph")),
        report=_frame(report, REPORT_COLUMNS, ints=(), nullable_ints=("record", "n_chars", "bytes")),
    )


def _frame(rows: list[dict], columns: list[str], ints: tuple[str, ...], nullable_ints: tuple[str, ...] = ()) -> pd.DataFrame:
    """Object columns keep None for missing values (not NaN); counts and offsets are int64 (Int64 when
    they may be missing, e.g. the record number of a plain file)."""
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    for column in ints:
        frame[column] = frame[column].astype("int64")
    for column in nullable_ints:
        frame[column] = frame[column].astype("Int64")
    return frame

"""The layout of a raw news article: header, headline, dateline, page furniture, body, captions, bylines.

parse_layout(text) takes the NORMALISED text of one article (analysis.text.normalise_text: NFC, tidy
lines) and returns a Layout: the blocks that make the article text (title, body paragraphs, captions,
in their original order) and what was taken out of it (published date, dateline, author, photo
credits, attribution, and every removed line with the rule that removed it).

Rules (data in analysis/data/*.yaml):
- ' date YYYY-MM ' at the start of the first line is the seed header: the publication month; the rest of
  the line is the headline or the lead.
- Page furniture (furniture.yaml) is dropped wherever it is, as whole lines.
- A whole-line dateline (dates.parse_dateline) is dropped; the first gives `published` at day precision.
- The headline is the first line when a dateline follows it, or when it has no final full stop. When
  there is no headline, the title is the lead's first sentence (title_source='lead') and the text starts
  with the lead itself (no repeated title block, so nothing is counted twice).
- Bylines and source lines (bylines.yaml) are taken from the last lines; photo-credit lines anywhere;
  credits glued to a caption ('... năm 2023 N.X', '(Ảnh: X)') are cut off the caption.
- A caption is a short one-sentence line that has no final full stop, or reads as a caption
  (captions.yaml: '... phát biểu tại hội nghị.', 'Toàn cảnh ...'), or repeats a nearby sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis import ruledata
from analysis.dates import parse_dateline, parse_header
from analysis.segment import split_spans
from analysis.text import fold

MAX_HEADLINE_CHARS = 300
MAX_CAPTION_CHARS = 300
MAX_BYLINE_CHARS = 60
MAX_FURNITURE_CHARS = 200
GLUED_TAIL_CHARS = 90           # a glued credit is looked for in the last characters of a line
MAX_TRAILING_LINES = 3          # bylines / source lines looked for among the last lines
NEARBY_BLOCKS = 3               # a caption repeats a sentence at most this many blocks away
REPEAT_SHARE = 0.75             # share of a caption's words found in the repeated sentence
MIN_REPEAT_WORDS = 4            # shorter lines are not judged by repetition
_WORD = re.compile(r"\w+")


def _has_final_stop(line: str) -> bool:
    """The line ends with . ! ? … : ; (possibly followed by closing quotes or brackets)."""
    return line.rstrip("”’\"')]")[-1:] in (".", "!", "?", "…", ":", ";")


@dataclass
class Block:
    text: str
    kind: str  # 'title' | 'body' | 'caption'
    spans: list[tuple[int, int]] | None = None  # sentence offsets in text (segment.split_spans), computed once

    def sentence_spans(self) -> list[tuple[int, int]]:
        if self.spans is None:
            self.spans = split_spans(self.text)
        return self.spans


@dataclass
class Layout:
    blocks: list[Block]
    title: str | None = None
    title_source: str | None = None      # 'headline' | 'lead' | 'metadata' | None
    published: str | None = None
    dateline: str | None = None
    author: str | None = None
    attribution: str | None = None       # 'TTXVN' from 'Theo TTXVN'
    photo_credits: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, rule)

    @property
    def lead(self) -> str | None:
        """The first body paragraph."""
        return next((b.text for b in self.blocks if b.kind == "body"), None)


def _rules(key: str, name: str = "bylines.yaml", flags: int = 0):
    return ruledata.patterns(name, key, whole_line=True, flags=flags)


def is_furniture(line: str) -> bool:
    """True when the whole line is page furniture (furniture.yaml)."""
    return len(line) <= MAX_FURNITURE_CHARS and (ruledata.combined("furniture.yaml", "furniture").fullmatch(line) is not None
                                                 or is_link_heading(line))


def is_link_heading(line: str) -> bool:
    """True when the line heads a list of links to other articles ('Tin liên quan:', furniture.yaml link_headings)."""
    return len(line) <= MAX_FURNITURE_CHARS and ruledata.combined("furniture.yaml", "link_headings").fullmatch(line) is not None


def match_byline(line: str) -> str | None:
    """The author's name when the whole line is a byline ('VĂN THẮNG', 'Phương Anh', 'N.X', 'Nhóm PV')."""
    if not line or len(line) > MAX_BYLINE_CHARS:
        return None
    for regex, _ in _rules("byline_lines"):
        m = regex.fullmatch(line)
        if m:
            return m.group("name").strip()
    return None


def match_source(line: str) -> str | None:
    """The source when the whole line is an attribution ('Theo TTXVN' -> 'TTXVN')."""
    if not line or len(line) > MAX_BYLINE_CHARS + 30:
        return None
    for regex, _ in _rules("source_lines"):
        m = regex.fullmatch(line)
        if m:
            return m.group("name").strip()
    return None


def match_credit_line(line: str) -> str | None:
    """The credit when the whole line is a photo credit ('Ảnh: Văn Đức', '(Ảnh: X)', 'Ảnh minh họa')."""
    if not line or len(line) > MAX_BYLINE_CHARS + 30:
        return None
    for regex, _ in _rules("credit_lines", flags=re.IGNORECASE):
        m = regex.fullmatch(line)
        if m:
            return m.group("name").strip()
    return None


def split_glued_credit(line: str) -> tuple[str, str | None]:
    """(caption, credit): a credit glued to the end of a caption line is cut off.

    '(Ảnh: X)' and '. Ảnh: X' are cut from any line; initials ('... năm 2023 N.X') only from a short
    line that then has no final full stop (a caption), never from a body sentence.
    """
    offset = max(0, len(line) - GLUED_TAIL_CHARS)
    tail = line[offset:]
    if not (line.endswith(")") or "Ảnh" in tail or "ảnh" in tail or line.rstrip(".")[-1:].isupper()):
        return line, None  # cheap test first: none of the glued forms can match
    for regex, _ in ruledata.patterns("bylines.yaml", "glued_credits", whole_line=False, flags=0):
        for m in regex.finditer(tail):
            if m.end() != len(tail) or m.start() + offset == 0:
                continue
            head = line[:m.start() + offset].rstrip()
            initials = "(" not in m.group(0) and "Ảnh" not in m.group(0)
            if initials and (len(head) > MAX_CAPTION_CHARS or _has_final_stop(head)):
                continue
            if "Ảnh" in m.group(0) and m.group(0).lstrip().startswith("."):
                head += "."
            return head, m.group("name").strip()
    return line, None


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _repeats(line: str, others: list[str]) -> bool:
    """Most of the line's words are in another, at least as long, nearby text (a caption repeating the
    sentence it illustrates)."""
    words = _words(line)
    if len(words) < MIN_REPEAT_WORDS:
        return False
    for other in others:
        if other == line or len(other) < len(line):
            continue
        if len(words & _words(other)) / len(words) >= REPEAT_SHARE:
            return True
    return False


def is_caption(line: str, nearby: list[str] = (), spans: list[tuple[int, int]] | None = None) -> bool:
    """A photo caption: short, one sentence, and without a final full stop, or (unless it opens with a
    connective and a comma, 'Đồng thời, ...') worded as a caption (captions.yaml) or repeating most of a
    nearby longer sentence. spans: the line's sentence spans
    when already known."""
    if not line or len(line) > MAX_CAPTION_CHARS:
        return False
    if len(spans if spans is not None else split_spans(line)) != 1:
        return False
    if not _has_final_stop(line):
        return True
    if ruledata.combined("captions.yaml", "not_caption_openers", whole_line=False).search(line):
        return False
    if ruledata.combined("captions.yaml", "caption_patterns", whole_line=False).search(line):
        return True
    return _repeats(line, list(nearby))


def _join_wrapped(lines: list[str]) -> list[str]:
    """Hard-wrapped paragraphs: a line without a final stop followed (no blank line) by a line that starts
    in lower case is the same paragraph. Blank lines are dropped afterwards."""
    out: list[str] = []
    glue = False
    for line in lines:
        if not line:
            out.append("")
            glue = False
            continue
        if (glue and out and out[-1] and re.match(f"[{ruledata.LOWER}]", line) and not _has_final_stop(out[-1])
                and not parse_dateline(line) and not is_furniture(line)):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
        glue = True
    return [line for line in out if line]


def parse_layout(text: str, title: str | None = None, published: str | None = None) -> Layout:
    """Split a normalised article text into blocks and metadata (see the module docstring).

    title/published: values known from metadata (HTML, JSONL, CSV); a body line equal to the title is
    not repeated, and a header/dateline found in the text refines a month-precision `published`.
    """
    lines = text.split("\n")
    layout = Layout(blocks=[])
    # Seed header on the first non-empty line.
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    header_published = None
    if first is not None:
        header_published, rest = parse_header(lines[first])
        if header_published:
            layout.removed.append((lines[first][: len(lines[first]) - len(rest)].strip(), "header"))
            lines[first] = rest.strip()
    candidates = _join_wrapped(lines)

    # Furniture, credit lines, datelines: out, wherever they are.
    kept: list[str] = []
    dateline_index: list[int] = []
    in_links = False  # after 'Tin liên quan': the linked headlines, up to a line that ends like a sentence
    for line in candidates:
        if is_link_heading(line):
            layout.removed.append((line, "furniture"))
            in_links = True
            continue
        if in_links and not _has_final_stop(line):
            layout.removed.append((line, "related link"))
            continue
        in_links = False
        if is_furniture(line):
            layout.removed.append((line, "furniture"))
            continue
        credit = match_credit_line(line)
        if credit:
            layout.removed.append((line, "photo credit"))
            layout.photo_credits.append(credit)
            continue
        iso = parse_dateline(line)
        if iso:
            layout.removed.append((line, "dateline"))
            if layout.dateline is None:
                layout.dateline, layout.published = line, iso
            dateline_index.append(len(kept))
            continue
        kept.append(line)

    # Headline.
    headline = None
    if title:
        layout.title, layout.title_source = title, "metadata"
        if kept and fold(kept[0]) == fold(title):
            kept.pop(0)
            dateline_index = [i - 1 for i in dateline_index]
    elif kept:
        line0 = kept[0]
        dateline_follows = bool(dateline_index) and dateline_index[0] == 1
        if len(line0) <= MAX_HEADLINE_CHARS and (dateline_follows or (not _has_final_stop(line0) and len(kept) > 1)):
            headline = kept.pop(0)
            layout.title, layout.title_source = headline, "headline"

    # Bylines and source lines among the last lines.
    for _ in range(MAX_TRAILING_LINES):
        if not kept:
            break
        last = kept[-1]
        source = match_source(last)
        if source:
            layout.attribution = layout.attribution or source
            layout.removed.append((kept.pop(), "source line"))
            continue
        name = match_byline(last)
        if name and len(kept) > 1:
            layout.author = layout.author or name
            layout.removed.append((kept.pop(), "byline"))
            continue
        break

    # Body and captions.
    glued: list[str] = []
    body: list[str] = []
    for line in kept:
        cleaned, credit = split_glued_credit(line)
        if credit:
            glued.append(credit)
            layout.removed.append((credit, "photo credit glued to a caption"))
        if cleaned:
            body.append(cleaned)
    if headline is not None:
        layout.blocks.append(Block(headline, "title"))
    elif title:
        layout.blocks.append(Block(title, "title"))
    for i, line in enumerate(body):
        nearby = body[max(0, i - NEARBY_BLOCKS):i] + body[i + 1:i + 1 + NEARBY_BLOCKS]
        if layout.title:
            nearby.append(layout.title)
        spans = split_spans(line)
        kind = "caption" if is_caption(line, nearby, spans) else "body"
        layout.blocks.append(Block(line, kind, spans))
    if not any(b.kind == "body" for b in layout.blocks):
        # A caption only makes sense beside a body: a text of short lines is all body.
        for block in layout.blocks:
            if block.kind == "caption":
                block.kind = "body"
    for credit in glued:
        if credit not in layout.photo_credits:
            layout.photo_credits.append(credit)
    if layout.author is None and glued and len(set(glued)) == 1:
        layout.author = glued[0]  # the reporter credited for every photo, no separate byline (seed 001)
    if header_published and not (layout.published and layout.published.startswith(header_published)):
        layout.published = header_published
    if published and not layout.published:
        layout.published = published
    elif published and layout.published and len(published) > len(layout.published) and published.startswith(layout.published):
        layout.published = published
    if layout.title is None:
        lead = next((b for b in layout.blocks if b.kind == "body"), None)
        if lead is not None:
            start, end = lead.sentence_spans()[0]
            layout.title, layout.title_source = lead.text[start:end], "lead"
    return layout

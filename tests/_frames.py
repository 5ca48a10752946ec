"""Tiny articles/sentences frames built from composed paragraphs, in the loader's shape (for extractor tests)."""
from __future__ import annotations

import pandas as pd

from analysis.segment import split_spans



def frames(paragraphs: list[str], article_id: str = "t000", published: str = "2024-05-01", title: bool = True,
           event_date: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(articles, sentences): text = paragraphs joined by blank lines; the first paragraph is the title when
    title=True; sentences cut by analysis.segment.split_spans, as the loader does."""
    text = "\n\n".join(paragraphs)
    rows = []
    pos = 0
    sid = 0
    for pi, par in enumerate(paragraphs):
        for a, b in split_spans(par):  # the loader's own sentence splitter
            body = par[a:b]
            start = pos + a
            kind = "title" if title and pi == 0 else "body"
            rows.append({"article_id": article_id, "sentence_id": sid, "start": start, "end": start + len(body),
                         "text": body, "kind": kind, "paragraph": pi})
            sid += 1
        pos += len(par) + 2
    articles = pd.DataFrame([{"article_id": article_id, "title": paragraphs[0], "published": published,
                              "event_date": event_date, "text": text, "n_chars": len(text), "n_sentences": sid}])
    sentences = pd.DataFrame(rows)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    return articles, sentences


def many(articles_paragraphs: dict[str, list[str]], published: str = "2024-05-01") -> tuple[pd.DataFrame, pd.DataFrame]:
    parts = [frames(p, aid, published) for aid, p in articles_paragraphs.items()]
    return (pd.concat([a for a, _ in parts], ignore_index=True), pd.concat([s for _, s in parts], ignore_index=True))


def with_broken_rule_file(tmp_path, monkeypatch, name: str, old: str, new: str, *caches) -> None:
    """Point analysis.paths.DATA at a copy of the rule data where `old` is replaced by `new` in file `name`,
    clearing the given lru caches (the caller restores them with restore_rule_files)."""
    import shutil

    from analysis import paths, ruledata

    for f in paths.DATA.iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    target = tmp_path / name
    text = target.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    target.write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.setattr(paths, "DATA", tmp_path)
    ruledata.load.cache_clear()
    for c in caches:
        c.cache_clear()


def restore_rule_files(monkeypatch, *caches) -> None:
    from analysis import ruledata

    monkeypatch.undo()
    ruledata.load.cache_clear()
    for c in caches:
        c.cache_clear()

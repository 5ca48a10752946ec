"""Rule data shipped in analysis/data/*.yaml, loaded once and validated: every regex compiles and matches its example."""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from analysis import paths

# One Vietnamese letter, upper / lower case: `{U}` and `{L}` in the rule files.
UPPER = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
LOWER = "a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"


def expand(pattern: str) -> str:
    """Replace the {U}/{L} letter placeholders of a rule pattern by character classes."""
    return pattern.replace("{U}", f"[{UPPER}]").replace("{L}", f"[{LOWER}]")


class RuleDataError(ValueError):
    """A rule-data file holds an entry the extractor cannot use."""


def read(name: str):
    """(path, parsed YAML) of analysis/data/NAME; invalid YAML raises RuleDataError naming the file."""
    path = paths.data_file(name)
    try:
        return path, yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleDataError(f"{path}: not valid YAML ({exc})") from exc


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed YAML file analysis/data/NAME, checked: it starts with a comment saying where it came from, and
    holds a mapping at the top level (RuleDataError otherwise)."""
    path, data = read(name)
    if not path.read_text(encoding="utf-8").startswith("#"):
        raise RuleDataError(f"{path}: the first line must be a comment saying where the list came from")
    if not isinstance(data, dict):
        raise RuleDataError(f"{path}: expected a mapping of lists at the top level, got {type(data).__name__}")
    return data


def check_keys(name: str, data: dict, schema: dict[str, set[str]]) -> None:
    """Every entry of each list SECTION of `schema` is a mapping whose keys are among schema[SECTION].

    An unknown key is most often a value cut in two: in a YAML flow mapping, an unquoted comma ends the value, so
    `{name: Bộ Văn hóa, Thể thao và Du lịch, kind: ministry}` reads as name 'Bộ Văn hóa' plus a key 'Thể thao và
    Du lịch'. Raises RuleDataError naming the file, the entry and the key."""
    for section, allowed in schema.items():
        for i, entry in enumerate(data.get(section) or []):
            if not isinstance(entry, dict):
                continue  # the module's own checks say what the entry needs
            unknown = [k for k in entry if k not in allowed]
            if unknown:
                raise RuleDataError(
                    f"{paths.data_file(name)}: {section}[{i}] = {entry!r}: unknown key(s) {unknown!r} (allowed: "
                    f"{', '.join(sorted(allowed))}). Fix: quote a value that holds a comma ('name: \"A, B\"'), "
                    "or correct the key's spelling")


@lru_cache(maxsize=None)
def patterns(name: str, key: str, whole_line: bool = True, flags: int = re.IGNORECASE) -> tuple[tuple[re.Pattern, str], ...]:
    """The compiled regexes of list KEY in file NAME, each with its example, validated.

    whole_line=True compiles with fullmatch semantics in mind and checks `fullmatch(example)`;
    otherwise the example must contain a match (`search`).
    """
    data = load(name)
    entries = data.get(key)
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{paths.DATA / name}: missing or empty list {key!r}")
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or "pattern" not in entry or "example" not in entry:
            raise ValueError(f"{paths.DATA / name}: {key}[{i}] = {entry!r}: each entry needs 'pattern' and 'example'")
        try:
            regex = re.compile(expand(entry["pattern"]), flags)
        except re.error as exc:
            raise ValueError(f"{paths.DATA / name}: {key}[{i}] pattern {entry['pattern']!r} is not a valid regex: {exc}") from exc
        example = str(entry["example"])
        ok = regex.fullmatch(example) if whole_line else regex.search(example)
        if not ok:
            raise ValueError(f"{paths.DATA / name}: {key}[{i}] pattern {entry['pattern']!r} does not match its own example "
                             f"{example!r}: fix the pattern or the example")
        out.append((regex, example))
    return tuple(out)


@lru_cache(maxsize=None)
def tokens(name: str, key: str) -> tuple[tuple[str, str], ...]:
    """A list of {token, example} entries (e.g. abbreviations), validated: the example contains the token."""
    entries = load(name).get(key)
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{paths.DATA / name}: missing or empty list {key!r}")
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("token") or not entry.get("example"):
            raise ValueError(f"{paths.DATA / name}: {key}[{i}] = {entry!r}: each entry needs 'token' and 'example'")
        if entry["token"] not in entry["example"]:
            raise ValueError(f"{paths.DATA / name}: {key}[{i}]: example {entry['example']!r} does not contain {entry['token']!r}")
        out.append((str(entry["token"]), str(entry["example"])))
    return tuple(out)


@lru_cache(maxsize=None)
def combined(name: str, key: str, whole_line: bool = True, flags: int = re.IGNORECASE) -> re.Pattern:
    """One regex that is the alternation of every (validated) pattern of list KEY, for tests run on
    every line (page furniture, caption wording). Patterns must not define named groups."""
    entries = patterns(name, key, whole_line, flags)
    return re.compile("|".join(f"(?:{regex.pattern})" for regex, _ in entries), flags)

"""Check data/targets.yaml, the plan's quantified commitments, against the plan's text and data/.

Run from the project root:  .venv/bin/python tools/check_targets.py [targets.yaml]
(the file defaults to data/targets.yaml; the rest of data/ and content/ are always the project's).

Prints one line per problem and exits 1 on any; then prints the targets counted by entity type, by
kind and by group. Lines starting with "note:" are not problems: they list the targets whose figure
differs from the table figure named by `same_as` (for the audit).

What is checked, per target:
- keys: no unknown keys (top level, name, unit, group, source); the required ones are present;
  ids are unique lowercase ASCII slugs;
- value, or value_min + value_max (min <= max; a range has comparison `exactly`); year (2021–2025)
  or every_year: true (then the quote says 每年); comparison, kind, nature from their lists;
- entity: `plan` or <collection>/<id> with the id in that collection's file;
- source: ref is a source of data/plan.yaml; a source with a chapter needs `paragraph` (p-N of that
  chapter in content/plan/zh, inside the source's section when it has an anchor); an annex (a table,
  no paragraphs) needs `row` (its row in data/source/plan.txt, the same row as the entity's own
  source when the entity comes from that annex);
- quote: verbatim in data/source/plan.txt (newlines ignored) and inside the cited paragraph
  (content/plan/zh, `**` and whitespace ignored) or annex row;
- every number of value/value_min/value_max/year appears in the quote as a number, except where
  WORDINGS (a wording that stands for the number) or YEAR_CONTEXT (the year given by the context)
  says otherwise; a stated 以上/左右/以下 right after the figure agrees with `comparison` (unless
  THRESHOLDS says the figure is a threshold);
- same_as: a path <collection>/<id>/<field>[/<key>] (as in statements.yaml) resolving to a figure.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TARGETS = DATA / "targets.yaml"
CONTENT = ROOT / "content" / "plan"

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOP_KEYS = {"targets"}
REQUIRED = ("id", "name", "entity", "unit", "comparison", "kind", "quote", "source")
OPTIONAL = ("value", "value_min", "value_max", "year", "every_year", "nature", "same_as", "headline", "group")
BILINGUAL = ("name", "unit", "group")
SOURCE_KEYS = {"ref", "paragraph", "row"}
COMPARISONS = {"at_least", "at_most", "about", "exactly"}
KINDS = {"level", "count", "share", "growth", "reduction"}
NATURES = {"binding", "expected"}
FIRST_YEAR, LAST_YEAR = 2021, 2025
MAX_GROUPS = 12

# entity collections (as the brief names them) → (file, list key)
ENTITY_COLLECTIONS = {
    "industries": ("industries.yaml", "industries"),
    "platforms": ("platforms.yaml", "platforms"),
    "townships": ("townships.yaml", "townships"),
    "indicators": ("indicators.yaml", "indicators"),
    "reforms": ("reforms.yaml", "reforms"),
    "policies": ("policies.yaml", "policies"),
    "innovation_platforms": ("innovation_platforms.yaml", "innovation_platforms"),
}
# same_as path collections (the names of statements.yaml and the plugin's Plan.resolve) → (file, list key)
PATH_COLLECTIONS = {
    "indicators": ("indicators.yaml", "indicators"),
    "industries": ("industries.yaml", "industries"),
    "industry-groups": ("industries.yaml", "groups"),
    "platforms": ("platforms.yaml", "platforms"),
    "townships": ("townships.yaml", "townships"),
    "reforms": ("reforms.yaml", "reforms"),
    "policies": ("policies.yaml", "policies"),
    "innovation-platforms": ("innovation_platforms.yaml", "innovation_platforms"),
    "projects": ("projects.yaml", "projects"),
    "history": ("history.yaml", "series"),
}

# Wordings that stand for a figure the quote does not print: target id → (wording, value it means, why).
WORDINGS: dict[str, tuple[str, float, str]] = {
    "hangzhou-quality-award": ("零突破", 1, "“零突破” (breakthrough from zero) = the first award"),
    "datong-listed-companies": ("零的突破", 1, "零的突破 (breakthrough from zero) = the first listed company"),
    "qiantan-listed-companies": ("零的突破", 1, "零的突破 (breakthrough from zero) = the first listed company"),
    "digitalisation-coverage-2025": ("全覆盖", 100, "全覆盖 = 100%; 四（二）1 writes 数字化水平100%全覆盖"),
    "erp-mes-coverage": ("全覆盖", 100, "全覆盖 (full coverage) = 100%"),
    "5g-coverage": ("全覆盖", 100, "全覆盖 (full coverage) = 100%"),
    "digital-micro-parks-coverage": ("全覆盖", 100, "全覆盖 (full coverage) = 100%"),
}

# Targets whose quote does not name the year: target id → where the year comes from.
#   "sentence": the cited paragraph (or annex row) names "<year>年" before the quote, in the sentence
#               the quote continues (checked);
#   "period":   the passage names no year; it is a target of the 十四五 period, or of 二（三）2 whose
#               goals are the 2025 goals (year must be 2025).
SENTENCE, PERIOD = "sentence", "period"
YEAR_CONTEXT: dict[str, str] = {
    # 二（三）2 产业规模 (p-10) names no year; the specific goals are those of 2025 (p-11 to p-14, 表三)
    "value-added-2025": PERIOD,
    "value-added-growth": PERIOD,
    "investment-2025": PERIOD,
    "investment-growth": PERIOD,
    "renovation-investment-2025": PERIOD,
    "enterprises-above-size-2025": PERIOD,
    "industries-10bn-ch2-3-2": PERIOD,
    "hundred-billion-townships": PERIOD,
    "enterprises-revenue-1bn": PERIOD,
    # 到2025年 opens the sentence
    "value-added-per-mu-2025": SENTENCE,
    "tax-per-mu-2025": SENTENCE,
    "made-in-zhejiang-standards": SENTENCE,
    "made-in-zhejiang-certified-enterprises": SENTENCE,
    "hangzhou-quality-award": SENTENCE,
    "product-quality-pass-rate": SENTENCE,
    "digitalisation-coverage-2025": SENTENCE,
    "digital-economy-enterprises": SENTENCE,
    "water-industry-output-2025": SENTENCE,
    "digitalisation-2025": SENTENCE,
    "enterprises-1bn-ch4-3": SENTENCE,
    "enterprises-100m-ch4-3": SENTENCE,
    "new-listed-enterprises": SENTENCE,
    "land-space-consolidated": SENTENCE,
    "contiguous-land-blocks": SENTENCE,
    # 四 and 五 outside their 到2025年 sentences, 附件3 “十四五”具体举措, 附件5 “十四五”目标: the plan period
    "erp-mes-coverage": PERIOD,
    "enterprise-industrial-internet-platforms": PERIOD,
    "sector-industrial-internet-platforms": PERIOD,
    "5g-coverage": PERIOD,
    "water-reuse-rate": PERIOD,
    "micro-park-output-per-mu-manufacturing": PERIOD,
    "micro-park-output-per-mu-services": PERIOD,
    "tax-per-mu-multiple": PERIOD,
    "industrial-land-freed": PERIOD,
    "listing-industrial-clusters": PERIOD,
    "digital-micro-parks-coverage": PERIOD,
    "datong-enterprises-above-size": PERIOD,
    "datong-listed-companies": PERIOD,
    "qiantan-enterprises-above-size": PERIOD,
    "qiantan-listed-companies": PERIOD,
}

# Targets whose figure is a threshold the quote qualifies (…以下 land), not the target's own bound: the
# 以上/左右/以下 after the figure says nothing about `comparison`. Target id → why.
THRESHOLDS: dict[str, str] = {
    "low-yield-land-cleared": "亩均税收5万元以下 defines the land to be cleared; what is left yields at least that",
}

NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
AFTER_FIGURE = re.compile(r"^[^\d，。；、（）,;]{0,4}?(以上|左右|以下|以内)")
STATED = {"以上": "at_least", "左右": "about", "以下": "at_most", "以内": "at_most"}


class Problems:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.lines.append(f"data/targets.yaml: {where}: {message}")


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("**", ""))


# ── the plan's text ───────────────────────────────────────────────────────────────────────────


def chapter_paragraphs() -> dict[str, list[tuple[int, str]]]:
    """{chapter id: [(section number, raw text), …]} of content/plan/zh, by the rule of chapters._parse_blocks."""
    chapters: dict[str, list[tuple[int, str]]] = {}
    for path in sorted((CONTENT / "zh").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
        if not match:
            continue
        meta = yaml.safe_load(match.group(1)) or {}
        paragraphs: list[tuple[int, str]] = []
        section = 0
        for raw in (b.strip() for b in re.split(r"\n\s*\n", text[match.end() :].strip())):
            if not raw:
                continue
            if raw.startswith("## "):
                section += 1
            elif not re.match(r"^\[\[(table|figure):([a-z0-9-]+)\]\]$", raw):
                paragraphs.append((section, raw.replace("[[editorial]]", "")))
        chapters[str(meta.get("id"))] = paragraphs
    return chapters


def check_against_plugin(chapters: dict[str, list[tuple[int, str]]], problems: Problems) -> None:
    """The paragraph numbering above must be the site's (plugins.plan_explorer.chapters)."""
    sys.path.insert(0, str(ROOT))
    from plugins.plan_explorer.chapters import load_documents
    from plugins.plan_explorer.errors import ProblemLog

    docs = load_documents(CONTENT, "content/plan", ProblemLog())
    for cid, pair in docs.items():
        anchors = [b.anchor for b in pair["zh"].blocks if b.kind == "para"]
        mine = [f"p-{i}" for i in range(1, len(chapters.get(cid, [])) + 1)]
        if anchors != mine:
            problems.add("(paragraphs)", f"chapter {cid}: paragraph anchors differ from the site's")


def annex_rows(lines: list[str]) -> dict[str, dict[int, str]]:
    """{annex source id: {row: text}} of the annexes of plan.txt whose rows start with a sequence number."""
    starts = [i for i, line in enumerate(lines) if re.fullmatch(r"附件\d", line.strip())]
    rows: dict[str, dict[int, str]] = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        annex = f"annex{lines[start].strip()[-1]}"
        seq = [(i, int(m.group(1))) for i in range(start, end) if (m := re.fullmatch(r"\t(\d+)", lines[i]))]
        rows[annex] = {
            num: "".join(lines[i : (seq[k + 1][0] if k + 1 < len(seq) else end)]) for k, (i, num) in enumerate(seq)
        }
    return rows


# ── data/ ─────────────────────────────────────────────────────────────────────────────────────


def items_of(file: str, key: str, cache: dict[str, Any]) -> dict[str, dict[str, Any]]:
    if file not in cache:
        cache[file] = load_yaml(DATA / file)
    return {item["id"]: item for item in cache[file].get(key) or [] if isinstance(item, dict) and "id" in item}


def resolve(path: str, cache: dict[str, Any]) -> float | None:
    """The figure at a same_as path; None when the path names nothing or no figure."""
    collection, _, rest = path.partition("/")
    if collection not in PATH_COLLECTIONS or not rest:
        return None
    ident, *parts = rest.split("/")
    obj: Any = items_of(*PATH_COLLECTIONS[collection], cache).get(ident)
    if obj is None:
        return None
    if collection == "history":
        if len(parts) != 1 or not parts[0].isdigit():
            return None
        obj = next((p.get("value") for p in obj.get("points", []) if p.get("year") == int(parts[0])), None)
        parts = []
    for part in parts:
        if isinstance(obj, dict):
            key: Any = int(part) if part.isdigit() and int(part) in obj else part
            obj = obj.get(key)
        elif isinstance(obj, list) and part.isdigit() and int(part) < len(obj):
            obj = obj[int(part)]
        else:
            return None
    return obj if is_number(obj) else None


# ── the checks ────────────────────────────────────────────────────────────────────────────────


def numbers_in(text: str) -> set[float]:
    return {float(m) for m in NUMBER.findall(text)}


def check_bilingual(t: dict[str, Any], key: str, where: str, problems: Problems) -> None:
    value = t.get(key)
    if not isinstance(value, dict):
        problems.add(where, f"{key}: must be a mapping {{zh: …, en: …}}")
        return
    for extra in sorted(set(value) - {"zh", "en"}):
        problems.add(where, f"unknown key {key}.{extra}")
    for lang in ("zh", "en"):
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            problems.add(where, f"missing {key}.{lang}")


def check_figures(t: dict[str, Any], where: str, problems: Problems) -> list[float]:
    figures: list[float] = []
    has_value = "value" in t
    has_range = "value_min" in t or "value_max" in t
    if has_value and has_range:
        problems.add(where, "give value or value_min + value_max, not both")
    if not has_value and not has_range:
        problems.add(where, "missing value (or value_min + value_max)")
    for key in ("value", "value_min", "value_max"):
        if key in t:
            if is_number(t[key]):
                figures.append(float(t[key]))
            else:
                problems.add(where, f"{key} must be a number, not {t[key]!r}")
    if has_range:
        lo, hi = t.get("value_min"), t.get("value_max")
        if lo is None or hi is None:
            problems.add(where, "a range needs both value_min and value_max")
        elif is_number(lo) and is_number(hi):
            if lo > hi:
                problems.add(where, f"value_min {lo} > value_max {hi}")
            if t.get("comparison") != "exactly":
                problems.add(where, "a range (value_min–value_max) has comparison exactly")
    return figures


def check_year(t: dict[str, Any], where: str, problems: Problems) -> None:
    has_year, every = "year" in t, "every_year" in t
    if has_year == every:
        problems.add(where, "give year or every_year: true (exactly one)")
    if every and t["every_year"] is not True:
        problems.add(where, "every_year must be true (omit it otherwise)")
    if every and "每年" not in str(t.get("quote", "")):
        problems.add(where, "every_year: the quote does not say 每年")
    if has_year:
        year = t["year"]
        if not isinstance(year, int) or isinstance(year, bool) or not FIRST_YEAR <= year <= LAST_YEAR:
            problems.add(where, f"year {year!r} is not a year {FIRST_YEAR}–{LAST_YEAR}")


def check_lists(t: dict[str, Any], where: str, problems: Problems) -> None:
    if t.get("comparison") not in COMPARISONS:
        problems.add(where, f"comparison {t.get('comparison')!r} is not one of {sorted(COMPARISONS)}")
    if t.get("kind") not in KINDS:
        problems.add(where, f"kind {t.get('kind')!r} is not one of {sorted(KINDS)}")
    if "nature" in t and t["nature"] not in NATURES:
        problems.add(where, f"nature {t['nature']!r} is not one of {sorted(NATURES)}")
    if "headline" in t and t["headline"] is not True:
        problems.add(where, "headline must be true (omit it otherwise)")
    unit = t.get("unit") if isinstance(t.get("unit"), dict) else {}
    if t.get("kind") == "share" and unit.get("zh") != "%":
        problems.add(where, "kind share needs unit %")


def check_entity(t: dict[str, Any], where: str, cache: dict[str, Any], problems: Problems) -> dict[str, Any] | None:
    entity = t.get("entity")
    if entity == "plan":
        return None
    collection, _, ident = str(entity).partition("/")
    if collection not in ENTITY_COLLECTIONS or not ident:
        problems.add(where, f"entity {entity!r} is not plan or <collection>/<id> ({', '.join(ENTITY_COLLECTIONS)})")
        return None
    item = items_of(*ENTITY_COLLECTIONS[collection], cache).get(ident)
    if item is None:
        problems.add(where, f"entity {entity!r}: no id {ident!r} in data/{ENTITY_COLLECTIONS[collection][0]}")
    return item


def check_source(
    t: dict[str, Any],
    where: str,
    context: dict[str, Any],
    entity_item: dict[str, Any] | None,
    problems: Problems,
) -> str | None:
    """Checks the source and that the quote lies in the cited passage; returns the passage's text."""
    source = t.get("source")
    if not isinstance(source, dict):
        problems.add(where, "source: must be a mapping {ref: …, paragraph: …}")
        return None
    for extra in sorted(set(source) - SOURCE_KEYS):
        problems.add(where, f"unknown key source.{extra}")
    ref = source.get("ref")
    if ref is None:
        problems.add(where, "missing source.ref")
        return None
    spec = context["sources"].get(ref)
    if spec is None:
        problems.add(where, f"source.ref {ref!r} is not a source of data/plan.yaml")
        return None
    quote = t.get("quote") if isinstance(t.get("quote"), str) else ""
    if spec.get("chapter"):
        return _check_paragraph(ref, spec, source, quote, where, context, problems)
    return _check_row(ref, source, quote, where, context, entity_item, problems)


def _check_paragraph(
    ref: str,
    spec: dict[str, Any],
    source: dict[str, Any],
    quote: str,
    where: str,
    context: dict[str, Any],
    problems: Problems,
) -> str | None:
    if "row" in source:
        problems.add(where, f"source {ref} is a section of the text: cite paragraph, not row")
    number = source.get("paragraph")
    if number is None:
        problems.add(where, "missing source.paragraph")
        return None
    paragraphs = context["chapters"].get(spec["chapter"], [])
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= len(paragraphs):
        problems.add(where, f"source.paragraph {number!r}: chapter {spec['chapter']} has p-1 to p-{len(paragraphs)}")
        return None
    section, text = paragraphs[number - 1]
    anchor = spec.get("anchor")
    if anchor and anchor.startswith("sec-") and section != int(anchor[4:]):
        problems.add(where, f"p-{number} is not in section {ref} ({spec['chapter']}#{anchor})")
    if not anchor:
        closer = [
            s["id"]
            for s in context["sources"].values()
            if s.get("chapter") == spec["chapter"] and s.get("anchor") == f"sec-{section}"
        ]
        if closer:
            problems.add(where, f"p-{number} of {spec['chapter']} lies in section {closer[0]}: cite that")
    if quote and squeeze(quote) not in squeeze(text):
        problems.add(where, f"quote is not in {spec['chapter']} p-{number} (content/plan/zh)")
    return text


def _check_row(
    ref: str,
    source: dict[str, Any],
    quote: str,
    where: str,
    context: dict[str, Any],
    entity_item: dict[str, Any] | None,
    problems: Problems,
) -> str | None:
    if "paragraph" in source:
        problems.add(where, f"source {ref} is an annex table with no paragraphs: cite row, not paragraph")
    row = source.get("row")
    rows = context["annex_rows"].get(ref)
    if rows is None:
        problems.add(where, f"source {ref}: its rows cannot be read from data/source/plan.txt")
        return None
    if row not in rows:
        problems.add(where, f"source.row {row!r}: {ref} has rows {min(rows)}–{max(rows)}")
        return None
    text = rows[row]
    if quote and quote not in text:
        problems.add(where, f"quote is not in {ref} row {row} of data/source/plan.txt")
    own = entity_item.get("source") if entity_item else None
    if isinstance(own, dict) and own.get("ref") == ref and own.get("row") != row:
        problems.add(where, f"{ref} row {row}, but the entity is {ref} row {own.get('row')}")
    return text


def check_numbers(t: dict[str, Any], where: str, figures: list[float], passage: str | None, problems: Problems) -> None:
    quote = t.get("quote") if isinstance(t.get("quote"), str) else ""
    found = numbers_in(quote)
    tid = t.get("id")
    wording = WORDINGS.get(tid)
    for figure in figures:
        if figure in found:
            continue
        if wording and wording[0] in quote and float(wording[1]) == figure:
            continue
        problems.add(where, f"the figure {figure:g} is not in the quote")
    if "year" in t and is_number(t["year"]) and float(t["year"]) not in found:
        year, how = t["year"], YEAR_CONTEXT.get(tid)
        if how == PERIOD:
            if year != LAST_YEAR:
                problems.add(where, f"year {year}: a target of the plan period is a {LAST_YEAR} target")
        elif how == SENTENCE:
            before = passage[: passage.find(quote)] if passage and quote in passage else ""
            if f"{year}年" not in before.replace(" ", ""):
                problems.add(where, f"year {year} is neither in the quote nor before it in the cited passage")
        else:
            problems.add(where, f"the year {year} is not in the quote (and the target is not in YEAR_CONTEXT)")
    if "value" in t and is_number(t["value"]) and tid not in THRESHOLDS:
        stated = _stated_comparison(quote, float(t["value"]))
        if stated and stated != t.get("comparison"):
            problems.add(where, f"the quote says {stated} of the figure, comparison is {t.get('comparison')!r}")


def _stated_comparison(quote: str, figure: float) -> str | None:
    for m in NUMBER.finditer(quote):
        if float(m.group()) == figure:
            after = AFTER_FIGURE.match(quote[m.end() :])
            if after:
                return STATED[after.group(1)]
    return None


def check_target(t: Any, i: int, context: dict[str, Any], problems: Problems) -> None:
    if not isinstance(t, dict):
        problems.add(f"targets[{i}]", "must be a mapping")
        return
    tid = t.get("id")
    where = f"targets[{i}] ({tid})" if tid else f"targets[{i}]"
    for extra in sorted(set(t) - set(REQUIRED) - set(OPTIONAL)):
        problems.add(where, f"unknown key {extra}")
    for key in REQUIRED:
        if key not in t:
            problems.add(where, f"missing {key}")
    if not isinstance(tid, str) or not ID.match(tid):
        problems.add(where, "id must be a lowercase ASCII slug ([a-z0-9-])")
    elif tid in context["seen"]:
        problems.add(where, f"duplicate id (first at targets[{context['seen'][tid]}])")
    else:
        context["seen"][tid] = i
    for key in BILINGUAL:
        if key in t or key != "group":
            check_bilingual(t, key, where, problems)
    quote = t.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        problems.add(where, "quote must be a non-empty text")
    elif "\n" in quote:
        problems.add(where, "quote must be on one line")
    elif quote not in context["plan_flat"]:
        problems.add(where, "quote is not verbatim in data/source/plan.txt")
    figures = check_figures(t, where, problems)
    check_year(t, where, problems)
    check_lists(t, where, problems)
    entity_item = check_entity(t, where, context["cache"], problems)
    passage = check_source(t, where, context, entity_item, problems)
    check_numbers(t, where, figures, passage, problems)
    if "same_as" in t and resolve(str(t["same_as"]), context["cache"]) is None:
        problems.add(where, f"same_as {t['same_as']!r} does not resolve to a figure in data/")


def check_groups(targets: list[Any], problems: Problems) -> None:
    by_zh: dict[str, set[str]] = {}
    for t in targets:
        group = t.get("group") if isinstance(t, dict) else None
        if isinstance(group, dict) and isinstance(group.get("zh"), str):
            by_zh.setdefault(group["zh"], set()).add(str(group.get("en")))
    for zh, ens in sorted(by_zh.items()):
        if len(ens) > 1:
            problems.add("(groups)", f"group {zh} has {len(ens)} English names: {', '.join(sorted(ens))}")
    if len(by_zh) > MAX_GROUPS:
        problems.add("(groups)", f"{len(by_zh)} groups, at most {MAX_GROUPS}")


def report(targets: list[dict[str, Any]], cache: dict[str, Any]) -> None:
    def entity_type(t: dict[str, Any]) -> str:
        return str(t.get("entity", "?")).split("/")[0]

    print(f"{len(targets)} targets")
    for title, counter in (
        ("by entity type", Counter(entity_type(t) for t in targets)),
        ("by kind", Counter(str(t.get("kind")) for t in targets)),
        ("by group", Counter(str((t.get("group") or {}).get("en", "(none)")) for t in targets)),
    ):
        print(f"{title}: " + ", ".join(f"{k} {n}" for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))))
    print(
        f"headline {sum(1 for t in targets if t.get('headline'))}, "
        f"every year {sum(1 for t in targets if t.get('every_year'))}, "
        f"same_as {sum(1 for t in targets if 'same_as' in t)}"
    )
    for t in targets:
        if "same_as" in t and "value" in t:
            figure = resolve(str(t["same_as"]), cache)
            if figure is not None and is_number(t["value"]) and float(figure) != float(t["value"]):
                print(f"note: {t['id']}: the text says {t['value']:g}, {t['same_as']} is {figure:g}")


def main(argv: list[str]) -> int:
    problems = Problems()
    doc = load_yaml(Path(argv[0]) if argv else TARGETS)
    if not isinstance(doc, dict) or not isinstance(doc.get("targets"), list):
        print("data/targets.yaml: (file): must be a mapping with a list `targets`")
        return 1
    for extra in sorted(set(doc) - TOP_KEYS):
        problems.add("(file)", f"unknown key {extra}")
    plan_text = (DATA / "source" / "plan.txt").read_text(encoding="utf-8")
    chapters = chapter_paragraphs()
    check_against_plugin(chapters, problems)
    context: dict[str, Any] = {
        "sources": {s["id"]: s for s in load_yaml(DATA / "plan.yaml")["sources"]},
        "chapters": chapters,
        "annex_rows": annex_rows(plan_text.split("\n")),
        "plan_flat": plan_text.replace("\n", ""),
        "cache": {},
        "seen": {},
    }
    targets = doc["targets"]
    for i, t in enumerate(targets):
        check_target(t, i, context, problems)
    check_groups(targets, problems)
    ids = {t.get("id") for t in targets if isinstance(t, dict)}
    for name, listed in (("WORDINGS", WORDINGS), ("YEAR_CONTEXT", YEAR_CONTEXT), ("THRESHOLDS", THRESHOLDS)):
        for stale in sorted(set(listed) - ids):
            problems.add("(tools/check_targets.py)", f"{name} names {stale!r}, which is not a target")
    for line in problems.lines:
        print(line)
    report([t for t in targets if isinstance(t, dict)], context["cache"])
    if problems.lines:
        print(f"{len(problems.lines)} problem(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

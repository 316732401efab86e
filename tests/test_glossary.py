"""One consistent glossary: every English text uses the glossary's one rendering of each term it translates.

Two checks, both reading the YAML and markdown directly:

- VARIANTS: renderings we rejected (a US spelling, a calque, an earlier name) must not appear in any
  English text.
- Pairs: wherever a Chinese text uses a glossary term, its English pair must contain the term's
  English (or one of the term's declared ``forms``). Chapter blocks pair by index, data records by
  their ``{zh, en}`` mappings, the about pages by block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import yaml
from conftest import ROOT

# variants a translator might write for a glossary term (or rejected calques) → what to write instead
VARIANTS = {
    r"\babove[- ]scale\b": "above designated size",
    r"\bdesignated scale\b": "above designated size",
    r"\baquatic products?\b|\baquaculture industry\b": "water industry",
    r"\bten[- ]thousand yuan\b|\bRMB\b": "CNY 10,000 / CNY",
    r"\bmus\b": "mu",
    r"\bMade-in-Zhejiang\b": "“Made in Zhejiang”",
    # British spelling throughout (the site writes -ise, programme, centre, labour)
    r"\bcent(?:er|ers|ered)\b": "centre",
    r"\bprograms?\b": "programme",
    r"\b\w+(?:ali|ari|ni|mi|gni|li|ti|pti)z(?:e|es|ed|ing|ation|ations)\b": "-ise / -isation",
    r"\b(?:labor|color|favor|behavior|honor|neighbor|catalog|defense|modeling|labeled|traveled|fulfill"
    r"|aluminum|fiber|liters?|meters?|kilometers?|artifacts?)\b": "British spelling",
    r"\bLivable\b": "Liveable",
    # 确保 / 力争 qualify a figure one way everywhere (the glossary's "assured" / "stretch goal")
    r"\bfor certain\b|\bif possible\b": "assured / stretch goal",
    r"\bwith output of CNY\b": "a CNY 10-billion enterprise (the plan names no measure)",
    # one name per organisation, platform and programme
    r"\bWanjia Electric\b(?! Appliances)": "Wanjia Electric Appliances",
    r"\bUltrafine Powders\b": "Ultrafine Powder",  # the plan's four names of such centres are each kept as written
    r"\brenovation and upgrading\b|\brenovate and upgrade\b": "transformation and upgrading (改造提升)",
    r"\bupgrading and transformation\b": "transformation and upgrading (改造提升)",
    r"\bheroes-by-mu\b|\bbenefits? per mu\b": "per-mu returns / “judging enterprises by per-mu returns” reform",
    r"\bDeyi Gaoke\b": "Deyi Hi-Tech",
    r"\bGaotou Company\b": "Gaotou Investment Company",
    r"\bPeople's Government of (?:Jiande City|Zhejiang Province)\b": (
        "Jiande Municipal / Zhejiang Provincial People's Government"
    ),
    r"\bsingle-item champions?\b": "single-product champion",
    r"\bbio-pesticides?\b": "biopesticide",
    r"\bchemicals industry brain\b": "chemical industry brain",
    r"\bproduction safety\b": "work safety",
    r"\benergy conservation and emission reduction\b": "energy saving and emission reduction",
    r"\bcarbon emission trading\b": "carbon emissions trading",
    r"\binvestment attraction\b|\battracting investment\b": "investment promotion",
    r"\bblock (?:economies|economy|industries)\b|\bblock \(cluster\)": "cluster-based industries",
    r"\bYangxi (?:science and innovation area|Innovation Area|Science, Technology and Innovation Area)\b": (
        "Yangxi Sci-Tech Innovation Area"
    ),
    # calques: say what is meant
    r"\balready landed\b|\blanded project\b": "project already secured",
    r"\bpressure from the other direction\b": "pressure on laggards",
    r"\bhard-core\b": "concrete results",
    r"\btake the pulse\b|\bdiagnose\b": "advise on",
    r"\b10,000 mu, 100 billion\b": "“10,000-mu, CNY 100-billion” platform",
    r"\ba batch of\b|\bbatches of\b": "a number of / a group of",
    r"\bgiv(?:e|ing) full play\b": "make full use of",
    r"\bhighlands?\b": "hub / centre",
    r"\bbreakthrough from zero\b|\bzero breakthrough\b": "first ever",
    r"\bdo a good job\b": "(say what is done)",
    r"\bfirst-of-its-kind \(set\)": "first-of-a-kind equipment",
    r"\bblue oceans?\b": "untapped markets",
    r"\bas the main line\b|\bas the main body\b": "(say what is central)",
    r"\btwo antis and one safeguard\b": "anti-dumping, countervailing and safeguard cases",
}

GLOSSARY_PATH = ROOT / "data" / "glossary.yaml"
UI_STRINGS = ROOT / "theme" / "i18n.yaml"
QUOTES = str.maketrans("", "", '“”‘’"')
MASK = "\u25a1"  # a character no Chinese form contains
COUNTERS = set("家个项座条所台套人次幢支")


# --- reading the texts ------------------------------------------------------------------------


def _en_values(value: object) -> list[str]:
    if isinstance(value, dict):
        own = [value["en"]] if isinstance(value.get("en"), str) else []
        return own + [text for item in value.values() for text in _en_values(item)]
    if isinstance(value, list):
        return [text for item in value for text in _en_values(item)]
    return []


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the data files load in ~0.1 s, not 1.5 s


@cache
def _data_docs() -> tuple[tuple[str, object], ...]:
    return tuple(
        (path.name, yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER))  # noqa: S506 (a safe loader)
        for path in sorted((ROOT / "data").glob("*.yaml"))
        if path.name != "glossary.yaml"
    )


def english_texts() -> list[tuple[str, str]]:
    texts = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in (ROOT / "content").rglob("en/*.md")]
    for name, doc in _data_docs():
        texts += [(name, text) for text in _en_values(doc)]
    # the glossary's own renderings and notes too (not its synonyms, which list what readers may type)
    texts += [("glossary.yaml", text) for t in glossary_terms() for text in _en_values([t["term"], t.get("note")])]
    texts += [(where, en) for where, _, en in ui_pairs()]
    return texts


@cache
def ui_pairs() -> tuple[tuple[str, str, str], ...]:
    """The site's own words (theme/i18n.yaml): every UI string in both languages."""
    strings = yaml.load(UI_STRINGS.read_text(encoding="utf-8"), Loader=LOADER)  # noqa: S506 (a safe loader)
    return tuple((f"theme/i18n.yaml:{key}", entry["zh"], entry["en"]) for key, entry in strings.items())


def _front_and_blocks(path: Path) -> tuple[dict[str, object], list[str]]:
    _, front, body = path.read_text(encoding="utf-8").split("---", 2)
    return yaml.safe_load(front), [b.strip() for b in re.split(r"\n\s*\n", body.strip())]


def _plain(block: str) -> str:
    """A markdown block as text: no emphasis, escapes, heading marks or attribute lists."""
    block = re.sub(r"\s*\{:[^}]*\}", "", block.removeprefix("## "))
    return re.sub(r"\s+", " ", block.replace("**", "").replace("*", "").replace("\\", "")).strip()


NOT_PROSE = {"explorer_filename", "search_examples"}  # file names; examples of search words, not translations


def _data_pairs(value: object, where: str) -> Iterator[tuple[str, str, str]]:
    if isinstance(value, dict):
        if isinstance(value.get("zh"), str) and isinstance(value.get("en"), str):
            yield where, value["zh"], value["en"]
        for key, item in value.items():
            if key in NOT_PROSE:
                continue
            yield from _data_pairs(
                item, f"{where}.{key}" if not isinstance(value.get("id"), str) else f"{where}[{value['id']}].{key}"
            )
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _data_pairs(item, f"{where}[{i}]")


@cache
def text_pairs() -> tuple[tuple[str, str, str], ...]:
    """Every (where, Chinese, English) pair: chapter titles and blocks, about-page blocks, data texts."""
    pairs: list[tuple[str, str, str]] = []
    for folder in (ROOT / "content" / "plan", ROOT / "content" / "pages"):
        for zh_path in sorted((folder / "zh").glob("*.md")):
            en_path = folder / "en" / zh_path.name
            (zh_front, zh_blocks), (en_front, en_blocks) = _front_and_blocks(zh_path), _front_and_blocks(en_path)
            where = str(en_path.relative_to(ROOT))
            assert len(zh_blocks) == len(en_blocks), (
                f"{where}: {len(en_blocks)} blocks, the Chinese has {len(zh_blocks)}"
            )
            pairs.append((f"{where}:title", str(zh_front["title"]), str(en_front["title"])))
            pairs += [
                (f"{where}:block {i + 1}", _plain(z), _plain(e))
                for i, (z, e) in enumerate(zip(zh_blocks, en_blocks, strict=True))
            ]
    for name, doc in _data_docs():
        pairs += list(_data_pairs(doc, name))
    return tuple(pairs)


# --- the glossary check -----------------------------------------------------------------------


def zh_forms(term: dict) -> list[str]:
    """The Chinese the check looks for: zh_forms if given, else term.zh split at ' / ', unquoted."""
    if term.get("zh_forms") is not None:
        return [f.translate(QUOTES) for f in term["zh_forms"]]
    return [f.strip().translate(QUOTES) for f in term["term"]["zh"].split(" / ")]


def en_pattern(term: dict) -> re.Pattern[str]:
    """The term's English or one of its forms, in any case, with an optional regular plural."""
    forms = sorted({term["term"]["en"], *term.get("forms", [])}, key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?:s|es)?(?![A-Za-z])", re.I)


def compile_glossary(terms: Iterable[dict]) -> list[tuple[str, str, re.Pattern[str]]]:
    """(Chinese form, term id, English pattern), longest Chinese first, so a longer term masks the
    shorter ones inside it (红狮水泥环保产业园 is the park, not also 红狮水泥 the company)."""
    entries = [(form, t["id"], en_pattern(t)) for t in terms for form in zh_forms(t) if form]
    return sorted(entries, key=lambda e: -len(e[0]))


def violations(
    glossary: list[tuple[str, str, re.Pattern[str]]], pairs: Iterable[tuple[str, str, str]]
) -> list[tuple[str, str, str, str]]:
    """(where, term id, Chinese form, English) for each term whose English rendering is missing."""
    found = []
    for where, zh, en in pairs:
        zh = zh.translate(QUOTES)
        en = en.replace("’", "'")
        for form, term_id, pattern in glossary:
            if form in zh:
                zh = zh.replace(form, MASK * len(form))
                if not pattern.search(en):
                    found.append((where, term_id, form, en[:160]))
    return found


@cache
def glossary_terms() -> tuple[dict, ...]:
    return tuple(yaml.load(GLOSSARY_PATH.read_text(encoding="utf-8"), Loader=LOADER)["terms"])  # noqa: S506 (safe)


# --- tests ------------------------------------------------------------------------------------


def test_english_uses_no_rejected_variant() -> None:
    found = [
        (where, m.group(0), use)
        for where, text in english_texts()
        for pattern, use in VARIANTS.items()
        for m in re.finditer(pattern, text, re.I)
    ]
    assert found == [], found


def test_every_english_pair_uses_the_glossary_rendering() -> None:
    """Chapters, data and the site's own UI strings."""
    found = violations(compile_glossary(glossary_terms()), text_pairs() + ui_pairs())
    assert found == [], "\n".join(f"{w}: {t} ({z}) → {e}" for w, t, z, e in found)


def test_the_check_catches_another_rendering() -> None:
    terms = [
        {
            "id": "upgrading",
            "term": {"zh": "改造提升", "en": "transformation and upgrading"},
            "forms": ["transform and upgrade"],
        },
        {"id": "hongshi-cement", "term": {"zh": "红狮水泥", "en": "Hongshi Cement"}},
        {
            "id": "hongshi-park",
            "term": {"zh": "红狮水泥环保产业园", "en": "Hongshi Environmental Protection Industrial Park"},
        },
        {"id": "phoenix", "term": {"zh": "“凤凰行动”", "en": "Phoenix Action"}},
        {"id": "centre", "term": {"zh": "研究中心", "en": "Research Centre"}},
    ]
    glossary = compile_glossary(terms)
    pairs = [
        ("good", "改造提升传统产业", "Transformation and upgrading of traditional industries"),
        ("form", "改造提升水泥产业", "We will transform and upgrade the cement industry"),
        ("bad", "改造提升传统产业", "Renovation and upgrading of traditional industries"),
        ("masked", "依托红狮水泥环保产业园", "relying on the Hongshi Environmental Protection Industrial Parks"),
        ("quoted", "深入开展凤凰行动", "carry out the “Phoenix Action” in depth"),
        ("spelling", "研究中心", "the Research Center"),
    ]
    assert [(w, t) for w, t, _, _ in violations(glossary, pairs)] == [("bad", "upgrading"), ("spelling", "centre")]
    assert re.search(next(p for p in VARIANTS if "Wanjia" in p), "Wanjia Electric and others")
    assert not re.search(next(p for p in VARIANTS if "Wanjia" in p), "Wanjia Electric Appliances")


def test_glossary_ids_and_forms_are_well_formed() -> None:
    terms = glossary_terms()
    ids = [t["id"] for t in terms]
    assert len(ids) == len(set(ids)) and len(ids) > 100
    forms = [(form, t["id"]) for t in terms for form in zh_forms(t)]
    assert all(forms), "empty Chinese form"
    owners: dict[str, str] = {}
    for form, term_id in forms:
        assert owners.setdefault(form, term_id) == term_id, f"{form} belongs to {owners[form]} and {term_id}"
    for t in terms:
        for synonym in t.get("synonyms", []):
            assert synonym.strip() and not re.search(r"[\u4e00-\u9fff]", synonym), (t["id"], synonym)


def test_glossary_terms_cover_the_sites_key_terms() -> None:
    terms = {t["id"]: t for t in glossary_terms()}
    assert terms["above-designated-size"]["term"]["en"] == "industrial enterprises above designated size"
    assert terms["mu"]["term"]["en"] == "mu" and terms["water-industry"]["term"]["en"] == "water industry"
    english = " ".join(text for _, text in english_texts())
    assert english.count("above designated size") > 20


def test_same_chinese_same_english() -> None:
    """A text the plan repeats (a narrative in industries.yaml, a unit name, a location) is translated once."""
    seen: dict[str, tuple[str, str]] = {}
    found = []
    for where, zh, en in text_pairs():
        if where.endswith(".unit") and zh.strip("（）") in COUNTERS:
            continue  # a counter (个, 家) is rendered as what it counts: projects, enterprises
        key = re.sub(r"\s+", "", zh)
        first = seen.setdefault(key, (where, en))
        if first[1] != en:
            found.append((zh[:30], first[0], where))
    assert found == [], found


def test_section_labels_are_the_chapter_headings() -> None:
    """plan.yaml's source labels ("2 (3) Development goals") repeat the English heading they point to."""
    chapters = {}
    for path in sorted((ROOT / "content" / "plan" / "en").glob("*.md")):
        front, blocks = _front_and_blocks(path)
        headings = [_plain(b) for b in blocks if b.startswith("## ")]
        chapters[front["id"]] = (str(front["number"]), str(front["title"]), headings)
    plan = dict(_data_docs())["plan.yaml"]
    found = []
    for src in plan["sources"]:
        if "chapter" not in src or str(src.get("anchor", "")).startswith(("table-", "figure-")):
            continue
        number, title, headings = chapters[src["chapter"]]
        anchor = src.get("anchor")
        text = headings[int(anchor.removeprefix("sec-")) - 1] if anchor else title
        expected = f"{number} {text}".strip()
        if src["label"]["en"] != expected:
            found.append((src["id"], src["label"]["en"], expected))
    assert found == [], found

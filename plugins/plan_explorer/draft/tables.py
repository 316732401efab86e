"""Collections drafted from the plan's tables, recognised by their header row: indicators (指标 / 单位 / years /
属性), projects (项目名称 with 总投资, 建设内容, 建设地点 …), and rows with year columns — industries (行业 / 产业)
or townships (乡镇, 街道, 单位名称 …).

Every figure is taken exactly as printed ("—", "待定" and an empty cell are no figure: ``null``); a cell of a figure
column that holds digits but is no number is a problem; words where a figure stands ("完成省市下达目标") are the
target in words. Texts are Chinese only (the English is added later) and line breaks inside a cell are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..numfmt import UNITS, known_unit
from .docxread import Table
from .ids import IdMaker
from .outline import CHAPTER_NUM
from .problems import DraftLog

#: a cell that holds no figure (the plan prints a dash or "to be decided")
NO_FIGURE = {"", "—", "——", "-", "--", "–", "－", "/", "／", "待定", "无", "暂无", "…", "—%"}
NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")
YEAR = re.compile(r"((?:19|20)\d{2})")
TOTAL = re.compile(r"^(全市|全县|全区)?(合计|总计|小计|总量)$")
Record = dict[str, Any]


@dataclass
class Recognised:
    """A table drafted as (part of) a collection."""

    collection: str  # indicators | projects | townships | industries
    records: list[Record]
    groups: list[Record] = field(default_factory=list)  # indicator groups, or the industry group of this table
    star: Record | None = None


def zh(text: str) -> dict[str, str]:
    return {"zh": text}


def cell(text: str) -> str:
    """A cell's text as a field holds it: line breaks inside it dropped, white space at the ends too."""
    return re.sub(r"[ \t\u3000]*\n[ \t\u3000]*", "", text).strip(" \t\n\u3000\xa0")


def squeeze(text: str) -> str:
    """A header as it is matched: without white space, full-width letters as ASCII."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


class Figures:
    """Reads the figure cells of one table, each problem located (table, row, column)."""

    def __init__(self, log: DraftLog, table: Table, header: list[str]):
        self.log, self.table, self.header = log, table, header

    def where(self, row: int, col: int) -> str:
        name = cell(self.header[col]) if col < len(self.header) else ""
        return f"table {self.table.number} row {row + 1}" + (f" ({name})" if name else "")

    def figure(self, text: str, row: int, col: int, words: list[str] | None = None) -> float | int | None:
        """The number of a figure cell as printed (None for a dash); ``words``: where a text is the target in words."""
        value = cell(text)
        if value in NO_FIGURE:
            return None
        plain = unicodedata.normalize("NFKC", value).replace(" ", "")
        if NUMBER.match(plain):
            number = plain.rstrip("%").replace(",", "")
            return float(number) if "." in number else int(number)
        if words is not None and not re.search(r"\d", plain):
            words.append(value)
            return None
        self.log.problem(self.where(row, col), f"'{value}' is not a number")
        return None


def header_row(table: Table, wanted: tuple[str, ...], rows: int = 3) -> int | None:
    """The first row (of the first ``rows``) whose cells name all of ``wanted`` (each a regular expression)."""
    for at, row in enumerate(table.rows[:rows]):
        heads = [squeeze(c) for c in row]
        if all(any(re.search(w, h) for h in heads) for w in wanted):
            return at
    return None


def columns(header: list[str], pattern: str, exclude: str = "^$") -> list[int]:
    return [i for i, h in enumerate(header) if re.search(pattern, squeeze(h)) and not re.search(exclude, squeeze(h))]


def data_rows(table: Table, start: int) -> list[tuple[int, list[str]]]:
    """(row index, cells) after the header, without a header row a continued part repeats and empty rows."""
    header = table.rows[start]
    return [
        (at, row) for at, row in enumerate(table.rows) if at > start and row != header and any(cell(c) for c in row)
    ]


def is_category(row: list[str]) -> bool:
    """A row that is one merged cell (or one filled cell): a category such as 一、实施类."""
    filled = {cell(c) for c in row if cell(c)}
    return len(filled) == 1 and (len(set(row)) == 1 or sum(1 for c in row if cell(c)) == 1)


def recognise(table: Table, source_id: str, title: str, log: DraftLog, ids: dict[str, IdMaker]) -> Recognised | None:
    """The collection ``table`` drafts (its records citing ``source_id``), or None when its header is not known."""
    if (at := header_row(table, ("指标", "单位", YEAR.pattern))) is not None:
        return _indicators(table, at, source_id, title, log, ids["indicators"])
    if (at := header_row(table, ("项目名称|项目", "总投资|建设内容|建设地点|建设单位"))) is not None and columns(
        table.rows[at], "名称"
    ):
        return _projects(table, at, source_id, log, ids["projects"])
    for at, row in enumerate(table.rows[:3]):
        years = [i for i, h in enumerate(row) if YEAR.search(squeeze(h))]
        names = [i for i, h in enumerate(row) if re.search(r"名称|乡镇|街道|地区|区域|单位|行业|产业", squeeze(h))]
        if len(years) >= 2 and names and names[-1] < years[0]:
            if re.search(r"行业|产业", squeeze(row[names[-1]])):
                return _industries(table, at, names[-1], source_id, title, log, ids)
            return _townships(table, at, names[-1], source_id, log, ids["townships"])
    return None


def _year_columns(header: list[str]) -> list[tuple[int, int]]:
    return [(i, int(m.group(1))) for i, h in enumerate(header) if (m := YEAR.search(squeeze(h)))]


def _indicators(table: Table, at: int, source_id: str, title: str, log: DraftLog, ids: IdMaker) -> Recognised | None:
    header = table.rows[at]
    names = columns(header, "指标", "属性|性质")
    if not names:
        return None  # 指标 only in the 指标属性 column: no name column
    groups_col = columns(header, r"^(类别|领域|类型|分类|维度|方面)$")
    group_col = names[0] if len(names) >= 2 else (groups_col[0] if groups_col else None)
    name_col = names[-1]
    unit_col = columns(header, "单位")[0]
    years = _year_columns(header)
    growth = columns(header, "年均|增长|增速", YEAR.pattern)
    nature = columns(header, "属性|性质")
    read = Figures(log, table, header)
    records: list[Record] = []
    groups: dict[str, Record] = {}
    group_ids = IdMaker()
    current = ""
    for row_at, row in data_rows(table, at):
        if is_category(row):
            current = cell(row[0]) or current
            continue
        name = cell(row[name_col])
        if not name:
            log.note(read.where(row_at, name_col), "a row without an indicator name was left out")
            continue
        group_name = cell(row[group_col]) if group_col is not None and group_col != name_col else current
        group_name = group_name or title or "指标"
        if group_name not in groups:
            groups[group_name] = {"id": group_ids.make(group_name, "group"), "name": zh(group_name)}
        words: list[str] = []
        value = {year: read.figure(row[col], row_at, col, words) for col, year in years}
        stated = read.figure(row[growth[0]], row_at, growth[0], words) if growth else None
        kind = cell(row[nature[0]]) if nature else ""
        if "约束" in kind:
            nature_id = "binding"
        elif "预期" in kind or not kind:
            nature_id = "expected"
        else:
            log.problem(read.where(row_at, nature[0]), f"'{kind}' is neither 预期性 (expected) nor 约束性 (binding)")
            nature_id = "expected"
        unit = re.sub(r"^[（(](.*)[）)]$", r"\1", cell(row[unit_col]))
        if not known_unit(unit):  # a figure in a unit the site cannot word would stop `make check`
            known = "、".join(UNITS)
            log.problem(
                read.where(row_at, unit_col),
                f"unit '{unit}' is not one the site knows ({known}); correct the cell, or add the unit to "
                "numfmt.UNITS (docs/ARCHITECTURE.md)"
                if unit
                else "no unit",
            )
        for written in (f"（{unit}）", f"({unit})"):
            if unit and name.endswith(written):  # the unit repeated in the name: it is the unit's column's
                name = name.removesuffix(written)
                log.note(read.where(row_at, name_col), f"the unit {written} printed after the name is the unit's")
        record: Record = {
            "id": ids.make(name, "indicator"),
            "seq": len(records) + 1,
            "group": groups[group_name]["id"],
            "name": zh(name),
            "unit": zh(unit or "—"),
            "value": value,
            "growth_stated": stated,
        }
        if words:
            record["target_text"] = zh(words[0])
        record["nature"] = nature_id
        record["source"] = {"ref": source_id, "row": len(records) + 1}
        records.append(record)
    return Recognised("indicators", records, list(groups.values()))


PROJECT_TYPES = (("实施", "implementation"), ("前期", "preparatory"), ("储备", "reserve"), ("谋划", "reserve"))
PERIOD = re.compile(r"^((?:19|20)\d{2})(?:年)?(?:\s*[-—–~～至到]\s*((?:19|20)\d{2})(?:年)?)?$")


def _project_type(text: str) -> str | None:
    return next((kind for word, kind in PROJECT_TYPES if word in text), None)


def _period(text: str) -> tuple[bool, Record | None]:
    """(recognised, the period) of a 建设期限 cell: YYYY-YYYY (start, end), YYYY (one year), 待定 (none)."""
    value = unicodedata.normalize("NFKC", cell(text)).replace(" ", "")
    if value in NO_FIGURE:
        return True, None
    match = PERIOD.match(value)
    if not match:
        return False, None
    start = int(match.group(1))
    return True, {"start": start, "end": int(match.group(2) or start)}


def _projects(table: Table, at: int, source_id: str, log: DraftLog, ids: IdMaker) -> Recognised:
    header = table.rows[at]

    def col(pattern: str, exclude: str = "^$") -> int | None:
        found = columns(header, pattern, exclude)
        return found[0] if found else None

    c_seq, c_name = col("序号|编号"), col("名称")
    c_type, c_period = col("类型|类别"), col("期限|年限|起止|周期|建设期|时间")
    c_loc, c_content = col("地点|位置|地址"), col("内容|规模")
    c_total, c_plan = col("总投资"), col("计划投资|十四五.*投资", "总投资")
    c_builder, c_origin = col("建设单位|业主|实施单位|责任单位|主体"), col("来源")
    read = Figures(log, table, header)
    scale = {c: (10000 if c is not None and "亿" in squeeze(header[c]) else 1) for c in (c_total, c_plan)}
    records: list[Record] = []
    current_type: str | None = None
    star = False
    for row_at, row in data_rows(table, at):
        if is_category(row) or (c_name is not None and not cell(row[c_name]) and CHAPTER_NUM.match(cell(row[0]))):
            text = next(cell(c) for c in row if cell(c))
            current_type = _project_type(text)
            if current_type is None:
                log.note(
                    read.where(row_at, 0), f"the category row '{text}' names no project type (实施类, 前期类, 储备类)"
                )
            continue
        assert c_name is not None
        name = cell(row[c_name])
        if not name:
            log.note(read.where(row_at, c_name), "a row without a project name was left out")
            continue
        seq_text = cell(row[c_seq]) if c_seq is not None else ""
        starred = "★" in seq_text or name.startswith("★")
        star = star or starred
        name = name.lstrip("★").strip()
        type_text = cell(row[c_type]) if c_type is not None else ""
        period_text = cell(row[c_period]) if c_period is not None else ""
        kind = _project_type(type_text) if type_text else current_type
        period_ok, period = _period(period_text)
        if c_type is not None and c_period is not None and kind is None and not period_ok:
            swapped_ok, swapped = _period(type_text)
            if swapped_ok and _project_type(period_text):
                kind, period, period_ok = _project_type(period_text), swapped, True
                log.note(
                    read.where(row_at, c_type), "项目类型 and 建设期限 stand in each other's columns: read swapped"
                )
        if kind is None and type_text:
            log.problem(read.where(row_at, c_type or 0), f"'{type_text}' is no project type: 实施类, 前期类 or 储备类")
        elif kind is None:
            log.note(read.where(row_at, c_type or 0), "no project type stated: drafted as implementation (实施类)")
        kind = kind or "implementation"
        if not period_ok:
            log.problem(read.where(row_at, c_period or 0), f"'{period_text}' is not a period (first year-last year)")
        content = cell(row[c_content]) if c_content is not None else ""
        record: Record = {
            "id": ids.make(name, "project"),
            "seq": len(records) + 1,
            "starred": starred,
            "name": zh(name),
            "type": kind,
            "period": period,
            "location": zh(_required(cell(row[c_loc]) if c_loc is not None else "", read, row_at, c_loc, log)),
            "content": zh(_required(content, read, row_at, c_content, log)),
            "summary": zh(_required(_first_sentence(content) or name, read, row_at, c_content, log)),
        }
        for key, c in (("total_investment_wan", c_total), ("plan_investment_wan", c_plan)):
            value = read.figure(row[c], row_at, c) if c is not None else None
            record[key] = value * scale[c] if value is not None and c is not None and scale[c] != 1 else value
        record["builder"] = zh(
            _required(cell(row[c_builder]) if c_builder is not None else "", read, row_at, c_builder, log)
        )
        record["origin"] = zh(
            _required(cell(row[c_origin]) if c_origin is not None else "", read, row_at, c_origin, log)
        )
        record["source"] = {"ref": source_id, "row": len(records) + 1}
        records.append(record)
    star_list = None
    if star:
        star_list = {
            "column": "starred",
            "name": zh("标★的项目"),
            "plural": zh("标★的项目"),
            "explained": zh("标★的项目（见表注）。"),
        }
    return Recognised("projects", records, star=star_list)


MISSING = "（原表空白）"


def _required(text: str, read: Figures, row: int, col: int | None, log: DraftLog) -> str:
    """A text the record needs; an empty cell is marked for a person (the note says where)."""
    if text:
        return text
    where = read.where(row, col) if col is not None else f"table {read.table.number} row {row + 1}"
    log.note(where, f"empty (or no such column): written as {MISSING} for a person to fill in")
    return MISSING


def _first_sentence(text: str) -> str:
    end = text.find("。")
    return text[: end + 1] if end > 0 else text


def _townships(table: Table, at: int, name_col: int, source_id: str, log: DraftLog, ids: IdMaker) -> Recognised:
    header = table.rows[at]
    years = _year_columns(header)
    read = Figures(log, table, header)
    records: list[Record] = []
    for row_at, row in data_rows(table, at):
        name = cell(row[name_col])
        if not name:
            continue
        if TOTAL.match(name):
            kind = "total"
        elif re.search(r"(街道|镇|乡)$", name):
            kind = "township"
        elif re.search(r"(公司|厂|集团)$", name):
            kind = "enterprise"
        else:
            kind = "zone"
        records.append(
            {
                "id": ids.make(name, "township"),
                "seq": len(records) + 1,
                "name": zh(name),
                "kind": kind,
                "output": {year: read.figure(row[c], row_at, c) for c, year in years},
                "source": {"ref": source_id, "row": len(records) + 1},
            }
        )
    return Recognised("townships", records)


def _industries(
    table: Table, at: int, name_col: int, source_id: str, title: str, log: DraftLog, ids: dict[str, IdMaker]
) -> Recognised:
    header = table.rows[at]
    years = _year_columns(header)
    growth = columns(header, "年均|增长|增速", YEAR.pattern)
    read = Figures(log, table, header)
    group_name = title[: title.index("产业") + 2] if "产业" in title else (title or "产业")
    group: Record = {
        "id": ids["industry_groups"].make(group_name, "group"),
        "name": zh(group_name),
        "total": {},
        "growth_stated": None,
        "source": {"ref": source_id},
    }
    records: list[Record] = []
    for row_at, row in data_rows(table, at):
        name = cell(row[name_col])
        if not name:
            continue
        output = {year: read.figure(row[c], row_at, c) for c, year in years}
        stated = read.figure(row[growth[0]], row_at, growth[0]) if growth else None
        if TOTAL.match(name):
            group["total"], group["growth_stated"] = output, stated
            continue
        records.append(
            {
                "id": ids["industries"].make(name, "industry"),
                "group": group["id"],
                "seq": len(records) + 1,
                "name": zh(name),
                "output": output,
                "growth_stated": stated,
                "source": {"ref": source_id, "row": len(records) + 1},
            }
        )
    if not group["total"]:
        group["total"] = {year: None for _, year in years}
    return Recognised("industries", records, [group])

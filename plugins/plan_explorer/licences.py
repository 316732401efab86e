"""Licence identifiers: the SPDX licence list, as shipped with ``license-expression`` (a copy of the ScanCode
licence database's index, which maps every SPDX identifier to its licence).

A plan's site states under which licence its data and translations may be reused (``site.licence`` in
``data/plan.yaml``); an identifier that is not on the SPDX list is a data error, so a typo never reaches the
footer, the about page and ``datapackage.json``. A licence the list lacks (a government's own open-data
licence) is written ``LicenseRef-<name>``, as SPDX provides, with its name and address.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

SPDX_PAGE = "https://spdx.org/licenses/{id}.html"
LICENSE_REF = re.compile(r"^LicenseRef-[A-Za-z0-9.-]+$")
INDEX_FILE = "scancode-licensedb-index.json"  # what license_expression.get_license_index() reads


@functools.cache
def spdx_identifiers() -> dict[str, str]:
    """Every SPDX licence identifier (exceptions such as ``Classpath-exception-2.0`` excluded), by its lower case."""
    known: dict[str, str] = {}
    for entry in _licence_index():
        if entry.get("is_exception"):
            continue
        for key in [entry.get("spdx_license_key"), *entry.get("other_spdx_license_keys", [])]:
            if isinstance(key, str) and key and not key.startswith("LicenseRef-"):
                known.setdefault(key.lower(), key)
    return known


def _licence_index() -> list[dict[str, Any]]:
    """The package's licence index (``license_expression.get_license_index()``), read as the file it ships: importing
    the package to call it costs ten times as long, in every build."""
    spec = importlib.util.find_spec("license_expression")
    folder = Path(spec.origin).parent if spec is not None and spec.origin else None
    index = folder / "data" / INDEX_FILE if folder is not None else None
    if index is not None and index.is_file():
        entries: list[dict[str, Any]] = json.loads(index.read_text(encoding="utf-8"))
        return entries
    from license_expression import get_license_index

    return list(get_license_index())


def spdx_identifier(value: str) -> str:
    """``value`` as the SPDX list spells it (``cc-by-4.0`` → ``CC-BY-4.0``); ValueError if it is none of them."""
    if LICENSE_REF.match(value):
        return value
    spelled = spdx_identifiers().get(value.strip().lower())
    if spelled is None:
        raise ValueError(
            f"'{value}' is not an SPDX licence identifier (e.g. CC-BY-4.0, CC0-1.0, ODC-By-1.0; "
            "one not on the list: LicenseRef-<name> with its name and url)"
        )
    return spelled


def licence_page(identifier: str) -> str:
    """The licence's page on spdx.org (its text and its official address)."""
    return SPDX_PAGE.format(id=identifier)

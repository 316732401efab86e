"""Licence identifiers: the SPDX licence list, as shipped with ``license-expression`` (a copy of the ScanCode
licence database's index, which maps every SPDX identifier to its licence).

A plan's site states under which licence its data and translations may be reused (``site.licence`` in
``data/plan.yaml``); an identifier that is not on the SPDX list is a data error, so a typo never reaches the
footer, the about page and ``datapackage.json``. A licence the list lacks (a government's own open-data
licence) is written ``LicenseRef-<name>``, as SPDX provides, with its name and address.
"""

from __future__ import annotations

import functools
import re

SPDX_PAGE = "https://spdx.org/licenses/{id}.html"
LICENSE_REF = re.compile(r"^LicenseRef-[A-Za-z0-9.-]+$")


@functools.cache
def spdx_identifiers() -> dict[str, str]:
    """Every SPDX licence identifier (exceptions such as ``Classpath-exception-2.0`` excluded), by its lower case."""
    from license_expression import get_license_index

    known: dict[str, str] = {}
    for entry in get_license_index():
        if entry.get("is_exception"):
            continue
        for key in [entry.get("spdx_license_key"), *entry.get("other_spdx_license_keys", [])]:
            if isinstance(key, str) and key and not key.startswith("LicenseRef-"):
                known.setdefault(key.lower(), key)
    return known


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

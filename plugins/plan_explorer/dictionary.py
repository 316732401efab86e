"""The open-data export's data dictionary: what each column holds, in both languages (``columns.yaml``).

Read and checked like ``theme/i18n.yaml`` (both languages of every entry, placeholders such as ``{table}`` filled by
the export from the plan), so no column description is a Python literal. The file is the generator's own: a
problem in it is a bug of the generator, reported as a build failure.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from .errors import BuildFailed, ProblemLog
from .i18n import Catalogue, load_catalogue

DICTIONARY = Path(__file__).with_name("columns.yaml")


@functools.cache
def dictionary() -> Catalogue:
    log = ProblemLog()
    catalogue = load_catalogue(DICTIONARY, log, "plugins/plan_explorer/columns.yaml")
    if log.problems:
        raise BuildFailed("; ".join(str(p) for p in log.problems))
    return catalogue


def words(key: str, **values: Any) -> tuple[str, str]:
    """The entry ``key`` as (English, Chinese), its placeholders filled from ``values``."""
    catalogue = dictionary()
    return catalogue.get(key, "en", **values), catalogue.get(key, "zh", **values)

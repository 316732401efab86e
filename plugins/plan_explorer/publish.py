"""Publishing: the site's address must be a real one, and every text file gets precompressed copies.

``make publish`` builds with absolute canonical, hreflang, sitemap and feed URLs under ``SITEURL``; an empty
address, one without ``http(s)://`` or a reserved example name (RFC 2606: ``example.com``, ``*.example``,
``*.test``, ``*.invalid``) would end up in every page, so it is refused with the data's other problems. The
published folder then gets a ``.gz`` (zlib, level 9) and a ``.br`` (Brotli) beside every text file, which a
web server sends as they are (nginx ``gzip_static``/``brotli_static``, see docs/DEPLOY.md) instead of
compressing each response. Compressed copies are kept in the cache by content, so a rebuild compresses only
the files that changed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

SETTINGS_FILE = "publishconf.py"
#: reserved for examples and tests (RFC 2606, RFC 6761): never a published site's address
RESERVED = ("example", "test", "invalid")
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
#: files sent compressed: everything text-like the site holds (Pagefind's index is compressed already)
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".csv", ".ico", ".map"})
#: below this size a compressed copy saves less than a network packet
MIN_SIZE = 256
BROTLI_QUALITY = 11  # the smallest files; cached by content, so paid once per changed file


def siteurl_problems(siteurl: str) -> list[str]:
    """What is wrong with the address a site is published under (none: [])."""
    if not siteurl:
        return ["is not set: publish with the site's address, e.g. SITEURL=https://plan.example.gov.cn make publish"]
    parts = urlsplit(siteurl)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [f"'{siteurl}' has no scheme: write it with https:// (or http://), e.g. https://{siteurl.lstrip('/')}"]
    host = (parts.hostname or "").lower().rstrip(".")
    if host.rsplit(".", 1)[-1] in RESERVED or any(host == d or host.endswith(f".{d}") for d in EXAMPLE_DOMAINS):
        return [f"'{siteurl}' is an example address: publish with the site's real address"]
    if parts.query or parts.fragment:
        return [f"'{siteurl}' must be an address without ?query or #fragment"]
    return []


def precompress(folder: Path, cache: Path | None = None) -> int:
    """Write ``<file>.gz`` and ``<file>.br`` beside every text file under ``folder``; the number of files."""
    files = [
        p
        for p in folder.rglob("*")
        if p.suffix in TEXT_SUFFIXES and p.is_file() and "pagefind" not in p.relative_to(folder).parts[:1]
    ]
    files = [p for p in files if p.stat().st_size >= MIN_SIZE]
    store = cache / "precompressed" if cache is not None else None
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:  # zlib and brotli release the GIL
        list(pool.map(lambda path: _compress(path, store), files))
    return len(files)


def _compress(path: Path, store: Path | None) -> None:
    import brotli

    data = path.read_bytes()
    key = hashlib.sha256(data).hexdigest()
    for suffix, squeeze in ((".gz", _gzip), (".br", lambda d: bytes(brotli.compress(d, quality=BROTLI_QUALITY)))):
        kept = store / f"{key}{suffix}" if store is not None else None
        if kept is not None and kept.is_file():
            packed = kept.read_bytes()
        else:
            packed = squeeze(data)
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                partial = kept.with_name(f".{kept.name}.{os.getpid()}")
                partial.write_bytes(packed)
                partial.replace(kept)
        target = path.with_name(path.name + suffix)
        target.write_bytes(packed)
        os.utime(target, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))  # gzip_static checks nothing, but
        # a server sending Last-Modified from the copy then agrees with the original's


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)  # mtime 0: the same bytes for the same file

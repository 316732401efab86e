"""Publishing: the site's address must be a real one, and every text file gets precompressed copies.

``make publish`` builds with absolute canonical, hreflang, sitemap and feed URLs under ``SITEURL``, which ends
up in every page, the sitemap, the feeds and robots.txt, so it is parsed as an address and refused, with the
data's other problems, unless it is one: ``http(s)://``, a host name or IP address, an optional port (1–65535)
and path, nothing else (no credentials, query, fragment, whitespace, quotes or angle brackets), and no name
reserved for examples (RFC 2606/6761: ``example.com``, ``*.example``, ``*.test``, ``*.invalid``, ``localhost``,
any ``example`` label such as ``plan.example.gov.cn``) or documentation address (RFC 5737, RFC 3849). The
published folder then gets a ``.gz`` (zlib, level 9) and a ``.br`` (Brotli) beside every text file, which a
web server sends as they are (nginx ``gzip_static``/``brotli_static``, see docs/DEPLOY.md) instead of
compressing each response. Compressed copies are kept in the cache by content, so a rebuild compresses only
the files that changed.
"""

from __future__ import annotations

import gzip
import hashlib
import ipaddress
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

SETTINGS_FILE = "publishconf.py"
#: reserved for examples, tests and documentation (RFC 2606, RFC 6761): never a published site's address
RESERVED = ("example", "test", "invalid", "localhost")
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
#: addresses for documentation (RFC 5737, RFC 3849)
DOCUMENTATION_NETWORKS = (
    *(ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")),
    ipaddress.IPv6Network((0x20010DB8 << 96, 32)),  # RFC 3849's prefix, in hex: the test of plan-free code reads years
)
#: what may stand in an address's path: RFC 3986's pchar and "/", percent escapes whole (no quote of any kind)
PATH = re.compile(r"(?:[A-Za-z0-9\-._~!$&()*+,;=:@/]|%[0-9A-Fa-f]{2})*")
LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
#: never in an address: whitespace and controls, quotes, angle brackets and what RFC 3986 leaves out
UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\"'`<>\\^{}|]")
#: files sent compressed: everything text-like the site holds (Pagefind's index is compressed already)
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".csv", ".ico", ".map"})
#: below this size a compressed copy saves less than a network packet
MIN_SIZE = 256
BROTLI_QUALITY = 11  # the smallest files; cached by content, so paid once per changed file


def siteurl_problems(siteurl: str) -> list[str]:
    """What is wrong with the address a site is published under (none: []), one line. It is parsed as an address:
    ``http(s)://``, a host name or IP address, an optional port and path; nothing else (no credentials, query,
    fragment, whitespace, quotes or angle brackets), and no name or address reserved for examples."""
    if not siteurl:
        return ["is not set: publish with the site's address: SITEURL=https://<the site's host name> make publish"]
    shown = repr(siteurl)  # quoted, its control characters escaped
    if UNSAFE.search(siteurl):
        char = UNSAFE.search(siteurl)
        assert char is not None
        return [f"{shown} holds {char.group()!r}: an address has no spaces, quotes, angle brackets or controls"]
    scheme, sep, rest = siteurl.partition("://")
    if not sep:
        return [f"{shown} has no scheme: write it with https:// (or http://), e.g. https://{siteurl.lstrip('/')}"]
    if scheme.lower() not in ("http", "https") or "://" in rest:
        return [f"{shown} must start with https:// (or http://) and hold one address"]
    parts = urlsplit(siteurl)
    if "?" in siteurl or "#" in siteurl:
        return [f"{shown} must be an address without ?query or #fragment"]
    if "@" in parts.netloc:
        return [f"{shown} holds credentials (user@ or user:password@): the site's address has none"]
    try:
        port = parts.port
    except ValueError:
        return [f"{shown} has a port that is not a number from 1 to 65535"]
    if port == 0:
        return [f"{shown} has a port that is not a number from 1 to 65535"]
    host = (parts.hostname or "").rstrip(".")
    host_problem = _host_problem(host)
    if host_problem:
        return [f"{shown} {host_problem}"]
    if not PATH.fullmatch(parts.path):
        return [f"{shown} has a path with characters an address cannot hold unescaped (write them as %XX)"]
    return []


def _host_problem(host: str) -> str | None:
    """What is wrong with the host of an address (None: it is a real host name or IP address)."""
    if not host:
        return "has no host name"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        ip = None
    if ip is not None:
        if any(ip in network for network in DOCUMENTATION_NETWORKS):
            return "is an address for documentation: publish with the site's real address"
        return None
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()  # a name in Chinese characters: its xn-- form
    except UnicodeError:
        return f"has a host name that is not one: {host!r}"
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or not all(LABEL.fullmatch(label) for label in labels):
        return f"has a host name that is not one: {host!r} (letters, digits and hyphens between dots)"
    if (
        labels[-1] in RESERVED
        or "example" in labels
        or any(ascii_host == d or ascii_host.endswith(f".{d}") for d in EXAMPLE_DOMAINS)
    ):
        return "is an example address: publish with the site's real address"
    return None


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

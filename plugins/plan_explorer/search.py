"""Index the built site with Pagefind's extended binary, one index per language (zh-cn and en).

Chinese has no spaces, so Pagefind segments it into words at index time (jieba) and again, differently,
in the browser (``Intl.Segmenter``); the two disagree often enough that real words found nothing, or
only a fraction of their pages (亿元: 2 of 86 pages, 合金: 0 of 28, 梅城镇: 0 of 6). So the index is built
from a copy of the pages in which every Han character is a word of its own (zero-width spaces between it
and its neighbours), and ``search.js`` asks for the characters of a Chinese query as an exact phrase: a
Chinese query then finds exactly the pages whose text contains it (measured on 300 random 2–4 character
strings of the plan: 99.9 % of the pages found, none wrongly, against 81 % before). The published pages
are never changed, only the copy handed to Pagefind; Pagefind drops the zero-width spaces from the
content it returns, and ``search.js`` from the titles.

Each page's copy is made as the page is rendered (in the rendering workers) and handed to a Pagefind
service (its binary in service mode), so indexing goes on while the site is written. The copies leave
out the chart figures Pagefind ignores anyway (their inline SVG is most of an entity page's text).
"""

from __future__ import annotations

import base64
import io
import json
import re
import subprocess
import threading
from pathlib import Path
from typing import Any

from .errors import BuildFailed
from .outputdir import replace_whole, rewrite

#: Han characters (CJK unified ideographs, extension A, compatibility, extensions B–F); search.js uses the same set.
HAN = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"
ZWSP = "\u200b"
HAN_RUN = re.compile(f"{HAN}+")
#: No space after a Han character that whitespace or the end of the text follows (Pagefind adds ". " after
#: a block only when its text ends in a letter; excerpts read better with it).
ZWSP_BEFORE_GAP = re.compile(f"{ZWSP}(?=\\s)|{ZWSP}\\Z")


def separate_han(text: str) -> str:
    """Put a zero-width space between each Han character and its neighbours, so each is a word of its own."""
    separated = HAN_RUN.sub(lambda run: ZWSP + ZWSP.join(run.group()) + ZWSP, text)
    return ZWSP_BEFORE_GAP.sub("", separated)


BODY = "data-pagefind-body"
#: Elements whose text must reach Pagefind as written: scripts, styles, filter and metadata values.
VERBATIM = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<([A-Za-z][\w-]*)\b[^>]*\bdata-pagefind-(?:filter|meta)\b[^>]*>.*?</\2\s*>",
    re.S,
)
#: A tag with a zero-width space inside (a Han character in one of its attribute values).
TAG_WITH_ZWSP = re.compile(f"<[^<>]*{ZWSP}[^<>]*>")


def _unseparated(match: re.Match[str]) -> str:
    return match.group().replace(ZWSP, "")


def han_separated_html(source: str) -> str:
    """The document with ``separate_han`` applied to its text from the indexed element on (Pagefind reads no more).

    The whole region is separated in one pass, then tags and verbatim elements get their text back: three
    regular-expression passes instead of a Python loop over every tag (that took 1.4 s for the real plan).
    """
    start = source.rfind("<", 0, source.find(BODY) + 1)
    if start < 0:
        return source
    region = VERBATIM.sub(_unseparated, separate_han(source[start:]))
    return source[:start] + TAG_WITH_ZWSP.sub(_unseparated, region)


#: Chart figures: Pagefind ignores them, and their inline SVG is the bulk of an entity page's text.
IGNORED_FIGURE = re.compile(r"<figure\b[^>]*\bdata-pagefind-ignore\b[^>]*>.*?</figure>", re.S)


#: The end of an element whose text runs into the next one's (Pagefind joins them without a space): a label and
#: its value (``<dt>``/``<dd>``), table cells, list items.
LABEL_END = re.compile(r"</dt>")
ITEM_END = re.compile(r"</(dd|td|th|li|caption|figcaption)>")
PAGE_LANG = re.compile(r'<html\b[^>]*\blang="([^"]+)"')
#: An element in a language (its opening tag), and the body's first tag
LANG_TAG = re.compile(r'<([A-Za-z][\w-]*)\b([^<>]*?)\blang="([^"]+)"([^<>]*)>')


def _apart(html: str, lang: str) -> str:
    """Labels and values kept apart in excerpts: ``Gross output <year>: CNY 7.664 billion · …``."""
    html = LABEL_END.sub("：</dt>" if lang.startswith("zh") else ": </dt>", html)
    return ITEM_END.sub(lambda m: f" · </{m.group(1)}>", html)


def _own_language(html: str, lang: str) -> str:
    """Text in the other language (marked with its ``lang``) left out of this language's index."""

    def ignore(match: re.Match[str]) -> str:
        tag = match.group(0)
        if match.group(3) == lang or match.group(1).lower() == "html" or "data-pagefind-ignore" in tag:
            return tag
        return tag[:-1] + " data-pagefind-ignore>" if not tag.endswith("/>") else tag

    return LANG_TAG.sub(ignore, html)


def search_copy(html: str) -> str:
    """What Pagefind is given for a page: only its own language's text, labels apart from their values, its Han
    characters separated, its ignored chart figures left out; of the document, only the ``<html>`` tag (the
    language) and the indexed element, which holds the page's metadata: Pagefind reads nothing else, and parsing
    the header, the menus and the footer of every page was most of its work."""
    found = PAGE_LANG.search(html)
    lang = found.group(1) if found else ""
    start = html.find(BODY)
    if start >= 0:
        start = html.rfind("<", 0, start)
        body = _indexed_element(html, start)
        body = _own_language(_apart(IGNORED_FIGURE.sub("", body), lang), lang)
        html = f'<html lang="{lang}"><body>' if lang else "<html><body>"
        html += body + "</body></html>"
    return han_separated_html(html)


def _indexed_element(html: str, start: int) -> str:
    """The element that opens at ``start``, to its matching end tag (the rest of the document if it has none)."""
    name = re.match(r"<([A-Za-z][\w-]*)", html[start:])
    if name is None:
        return html[start:]
    depth = 0
    for tag in re.finditer(rf"<(/?){re.escape(name.group(1))}\b[^>]*>", html[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html[start : start + tag.end()]
    return html[start:]


def merge_entries(entries: list[Path], bundle: Path) -> None:
    """Write ``bundle``'s ``pagefind-entry.json`` from those of its languages (each indexed on its own)."""
    try:
        parts = [json.loads(entry.read_text(encoding="utf-8")) for entry in entries]
    except (OSError, ValueError) as exc:
        raise BuildFailed(f"pagefind failed: a language's index is missing or unreadable ({exc})") from exc
    if len({(part["version"], tuple(part.get("include_characters", []))) for part in parts}) > 1:
        raise BuildFailed("pagefind failed: the languages' indexes differ in version or settings")
    languages = {lang: info for part in parts for lang, info in part["languages"].items()}
    merged = {**parts[0], "languages": languages}
    (bundle / "pagefind-entry.json").write_text(json.dumps(merged, ensure_ascii=False), encoding="utf-8")
    for entry in entries:
        entry.unlink()


def page_url(relative: str) -> str:
    """The URL Pagefind records for a page file (``a/b/index.html`` → ``/a/b/``), as its CLI does."""
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


class PagefindService:
    """Pagefind's service mode, spoken directly: base64-encoded JSON messages, each ended by ``,``.

    (The ``pagefind`` package's asyncio client sleeps 0.1 s before reading each reply: 22 s for the 216
    pages of the real plan.) A thread reads the replies; requests can be sent without waiting for them.
    """

    def __init__(self) -> None:
        from pagefind.service import get_executable

        binary = get_executable()
        if binary is None:
            raise BuildFailed("pagefind failed: its binary is not installed (make setup)")
        self._process = subprocess.Popen(  # noqa: S603 — the binary of the pinned pagefind package
            [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        self._replies: dict[int | None, dict[str, Any]] = {}
        self._arrived = threading.Condition()
        self._last_id = 0
        self._reader = threading.Thread(target=self._read_replies, name="pagefind-replies", daemon=True)
        self._reader.start()

    def _read_replies(self) -> None:
        """Collect the replies by id; when the output ends (or cannot be read), every waiting reply fails."""
        stdout = self._process.stdout
        assert isinstance(stdout, io.BufferedReader)
        buffered, noise = bytearray(), []
        try:
            while chunk := stdout.read1(1 << 16):
                if b"," not in chunk:  # part of a long reply (GetFiles: megabytes): split only once it is whole
                    buffered += chunk
                    continue
                first, *messages = chunk.split(b",")
                messages[:0] = [bytes(buffered + first)]
                buffered = bytearray(messages.pop())
                for message in messages:
                    try:
                        reply = json.loads(base64.b64decode(message, validate=True))
                    except ValueError:
                        reply = None
                    if not isinstance(reply, dict) or "payload" not in reply:  # a log line of the binary
                        noise.append(message.decode(errors="replace").strip())
                        continue
                    with self._arrived:
                        self._replies[reply.get("message_id")] = reply["payload"]
                        self._arrived.notify_all()
        finally:
            last_words = " ".join([*noise[-3:], buffered.decode(errors="replace").strip()]).strip()
            with self._arrived:
                self._replies[None] = {"type": "Error", "message": last_words or "it stopped"}
                self._arrived.notify_all()

    def send(self, payload: dict[str, Any]) -> int:
        """Send one request; returns its id, for :meth:`reply`."""
        assert self._process.stdin is not None
        self._last_id += 1
        request = {"message_id": self._last_id, "payload": payload}
        self._process.stdin.write(base64.b64encode(json.dumps(request, ensure_ascii=False).encode()) + b",")
        self._process.stdin.flush()
        return self._last_id

    def reply(self, message_id: int) -> dict[str, Any]:
        with self._arrived:
            self._arrived.wait_for(lambda: message_id in self._replies or None in self._replies)
            payload = self._replies.pop(message_id, None) or self._replies[None]
        if payload["type"] == "Error":
            raise BuildFailed(f"pagefind failed: {payload.get('message')}")
        return payload

    def close(self) -> None:
        """End the service: it finishes what it was doing when its input ends (stopped after 60 s)."""
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join()


class SearchIndexer:
    """Hands each page to a Pagefind service as soon as it is written; :meth:`write` saves the bundle.

    The service is Pagefind's own process, so indexing goes on while the site is written, and no copy of
    a page is ever written to disk (file creation is slow on this machine's disk: ~0.4 ms a file).
    """

    def __init__(self) -> None:
        self._service = PagefindService()
        self._index_id = self._service.reply(self._service.send({"type": "NewIndex", "config": None}))["index_id"]
        self._added: list[int] = []

    def add(self, relative: str, copy: str) -> None:
        """Index the search copy (:func:`search_copy`) of the page written to ``relative``."""
        request = {
            "type": "AddFile",
            "index_id": self._index_id,
            "url": page_url(relative),
            "file_path": None,
            "file_contents": copy,
        }
        self._added.append(self._service.send(request))

    @property
    def count(self) -> int:
        """Pages handed to the index so far."""
        return len(self._added)

    def write(self, bundle: Path, entry: Path) -> None:
        """Write the index's files into ``bundle``, its ``pagefind-entry.json`` to ``entry`` (see merge_entries).

        The files are asked of the service and written here: the service's own WriteFiles answered
        before its files were complete (an empty entry file, now and then, when the service was then ended).
        Files of one language carry the language in their names; the shared scripts are written atomically,
        as another language's process may be writing the same file.
        """
        for message_id in self._added:
            self._service.reply(message_id)
        files = self._service.reply(self._service.send({"type": "GetFiles", "index_id": self._index_id}))["files"]
        for file in files:
            content, name = base64.b64decode(file["content"]), file["path"]
            if name == "pagefind-entry.json":
                entry.write_bytes(content)
                continue
            path = bundle / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.parent == bundle:
                replace_whole(path, content)
            else:  # fragment/, index/, filter/: one language's own files
                rewrite(path, content)

    def close(self) -> None:
        self._service.close()

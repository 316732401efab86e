"""Publishing: `make publish` refuses a site address it cannot use and bad metadata, one line each, and publishes
nothing then; a published build has .gz and .br copies of its text files and is served by Debian's nginx with
deploy/nginx/plan-explorer.conf (the file docs/DEPLOY.md installs): every page 200, a missing page the 404 page of
its language, the precompressed copies sent as they are, cache headers as documented.

nginx comes from `make system-deps` (apt-get install --no-install-recommends nginx); this test installs nothing.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, copy_project, run_build

CONFIG = ROOT / "deploy" / "nginx" / "plan-explorer.conf"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if found is None:
        pytest.fail("nginx is not installed: run `make system-deps` (as root) first")
    return found


# --- refusals ------------------------------------------------------------------------------------------------


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    plan = FIXTURES / "plan"
    return copy_project(tmp_path / "project", plan / "data", plan / "content")


def _publish(project: Path, siteurl: str | None) -> subprocess.CompletedProcess[str]:
    env = {"SITEURL": siteurl} if siteurl is not None else {}
    if siteurl is None:
        os.environ.pop("SITEURL", None)
    return run_build(project, project / "output", command="publish", env=env)


def test_publish_without_siteurl_is_refused_in_one_line(fixture_copy: Path) -> None:
    result = _publish(fixture_copy, None)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if not line.endswith("left as it was.")]
    assert problems == [
        "publishconf.py: SITEURL: is not set: publish with the site's address: "
        "SITEURL=https://<the site's host name> make publish"
    ]
    assert not (fixture_copy / "output").exists()


def test_publish_names_each_bad_setting_on_one_line_and_publishes_nothing(fixture_copy: Path) -> None:
    plan = fixture_copy / "data" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("  licence: {id: CC0-1.0}", "  licence: {id: CC-BY-5.0}")
    text = text.replace("  outlook_year: 2035", "  outlook_year: 2035\n  date_issued: 2021-13-45")
    plan.write_text(text, encoding="utf-8")
    result = _publish(fixture_copy, "plan.testcity.gov.cn")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == "3 problem(s) found; the previous site was left as it was."
    assert sorted(lines[:-1]) == sorted(
        [
            "publishconf.py: SITEURL: 'plan.testcity.gov.cn' has no scheme: write it with https:// (or http://), "
            "e.g. https://plan.testcity.gov.cn",
            f"data/plan.yaml:{_line(text, 'date_issued')}: plan.date_issued: '2021-13-45' is not a valid date: "
            "month must be in 1..12",
            f"data/plan.yaml:{_line(text, 'licence')}: site.licence.id: 'CC-BY-5.0' is not an SPDX licence identifier "
            "(e.g. CC-BY-4.0, CC0-1.0, ODC-By-1.0; one not on the list: LicenseRef-<name> with its name and url)",
        ]
    )
    assert not (fixture_copy / "output").exists()


def _line(text: str, key: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.strip().startswith(f"{key}:"))


@pytest.mark.parametrize("siteurl", ["https://plan.example.com", "http://test.example", "https://www.example.org/"])
def test_an_example_address_is_refused(fixture_copy: Path, siteurl: str) -> None:
    from plugins.plan_explorer.publish import siteurl_problems

    assert siteurl_problems(siteurl) == [f"'{siteurl}' is an example address: publish with the site's real address"]
    assert siteurl_problems("https://plan.jiande.gov.cn") == [] and siteurl_problems("http://127.0.0.1:8080") == []


HOSTILE_SITEURLS = {
    'https://example.com"><script>alert(1)</script>': "holds '\"'",
    "https://plan.testcity.gov.cn\nSitemap: https://evil.testcity.gov.cn/x.xml": "holds '\\n'",
    "https://staff:secret@plan.testcity.gov.cn": "holds credentials",
    "https://plan.testcity.gov.cn:99999": "has a port that is not a number from 1 to 65535",
    "https://plan testcity.gov.cn": "holds ' '",
    "https://plan.example.gov.cn": "is an example address",  # the docs' own placeholder
    "https://plan.example.net.cn": "is an example address",
    "https://192.0.2.10": "is an address for documentation",
    "https://localhost/plan": "is an example address",
    "https://plan.testcity.gov.cn/?page=1": "without ?query or #fragment",
    "https://plan.testcity.gov.cn/#top": "without ?query or #fragment",
    "ftp://plan.testcity.gov.cn": "must start with https:// (or http://)",
    "https://ftp://plan.testcity.gov.cn": "must start with https:// (or http://)",
    "https://-plan.testcity.gov.cn": "has a host name that is not one",
    "https://plan.testcity.gov.cn/<b>": "holds '<'",
}


@pytest.mark.parametrize("siteurl", list(HOSTILE_SITEURLS))
def test_a_hostile_address_is_refused_in_one_line(siteurl: str) -> None:
    from plugins.plan_explorer.publish import siteurl_problems

    [problem] = siteurl_problems(siteurl)
    assert problem.startswith(repr(siteurl) + " ") and HOSTILE_SITEURLS[siteurl] in problem, problem
    assert "\n" not in problem and "https://ftp" not in problem.removeprefix(repr(siteurl))


def test_a_script_in_the_address_is_refused_by_publish_and_nothing_is_written(fixture_copy: Path) -> None:
    result = _publish(fixture_copy, 'https://example.com"><script>alert(1)</script>')
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "publishconf.py: SITEURL: 'https://example.com\"><script>alert(1)</script>' holds '\"': an address has no "
        "spaces, quotes, angle brackets or controls",
        "1 problem(s) found; the previous site was left as it was.",
    ]
    assert not (fixture_copy / "output").exists()


def test_an_address_with_an_ampersand_gives_a_well_formed_sitemap(fixture_copy: Path) -> None:
    siteurl = "https://plan.testcity.gov.cn/plans/a&b"
    result = _publish(fixture_copy, siteurl)
    assert result.returncode == 0, result.stderr
    sitemap = ET.parse(fixture_copy / "output" / "sitemap.xml").getroot()  # well-formed: & escaped
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc is not None and loc.startswith(siteurl + "/") for loc in locs)
    robots = (fixture_copy / "output" / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines()[-1] == f"Sitemap: {siteurl}/sitemap.xml"
    for feed in ("changes/atom.xml", "en/changes/atom.xml"):
        ET.parse(fixture_copy / "output" / feed)


def test_robots_txt_and_the_sitemap_escape_whatever_address_they_are_given() -> None:
    from plugins.plan_explorer.site.sitemap import robots_txt, sitemap_xml

    assert "Sitemap" not in robots_txt("https://plan.testcity.gov.cn\nSitemap: https://evil.testcity.gov.cn/")
    ET.fromstring(sitemap_xml(["projects/"], 'https://x.testcity.gov.cn/a&b"<c>\x0b'))


# --- the published site under nginx ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def port() -> int:
    return _free_port()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, port: int) -> Path:
    out = tmp_path_factory.mktemp("published") / "output"
    result = run_build(ROOT, out, command="publish", env={"SITEURL": f"http://127.0.0.1:{port}"})
    assert result.returncode == 0, result.stderr
    assert "files precompressed (.gz, .br)" in result.stdout
    return out


@pytest.fixture(scope="module")
def nginx(published: Path, port: int, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    prefix = tmp_path_factory.mktemp("nginx")
    site = CONFIG.read_text(encoding="utf-8")
    site, n = re.subn(r"listen 80;[^\n]*", f"listen 127.0.0.1:{port};", site)
    site, m = re.subn(r"server_name [^;]+;[^\n]*", "server_name 127.0.0.1;", site)
    site, k = re.subn(r"root [^;]+;[^\n]*", f"root {published};", site)
    assert (n, m, k) == (1, 1, 1), "the SET lines of deploy/nginx/plan-explorer.conf changed: update this test"
    (prefix / "site.conf").write_text(site, encoding="utf-8")
    temp = "\n".join(
        f"  {kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = f"""{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
error_log {prefix}/error.log warn;
pid {prefix}/nginx.pid;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
{temp}
  include {prefix}/site.conf;
}}
"""
    (prefix / "nginx.conf").write_text(main, encoding="utf-8")
    binary = _nginx()
    check = subprocess.run(
        [binary, "-t", "-c", str(prefix / "nginx.conf"), "-p", str(prefix)], capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [binary, "-c", str(prefix / "nginx.conf"), "-p", str(prefix), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.05)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _get(conn: http.client.HTTPConnection, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()


def _url_path(published: Path, page: Path) -> str:
    name = page.relative_to(published).as_posix()
    return "/" + (name.removesuffix("index.html") if name.endswith("index.html") else name)


def test_every_page_and_data_file_is_served(nginx: str, published: Path) -> None:
    conn = http.client.HTTPConnection(nginx, timeout=10)
    pages = sorted(published.rglob("*.html"))
    assert len(pages) > 200
    failed, uncited = [], []
    for page in pages:
        path = _url_path(published, page)
        status, headers, body = _get(conn, path)
        if status != 200 or body != page.read_bytes():
            failed.append((path, status))
        text = body.decode("utf-8")
        cite = re.search(r'<p class="cite-text" id="cite-text">(.*?)</p>', text)
        if not path.endswith("404.html") and (cite is None or f"http://{nginx}{path}" not in cite.group(1)):
            uncited.append(path)  # every page names its own address in its citation
        if 'rel="license"' not in text:
            uncited.append(f"{path} (no licence in the footer)")
    assert failed == [] and uncited == []
    for path, kind in (
        ("/data/datapackage.json", "application/json"),
        ("/data/projects.csv", "text/csv"),
        ("/en/changes/atom.xml", "application/atom+xml"),
        ("/sitemap.xml", "text/xml"),
    ):
        status, headers, _ = _get(conn, path)
        assert status == 200 and headers["content-type"].startswith(kind), (path, headers["content-type"])


def test_a_missing_page_gets_the_404_page_of_its_language(nginx: str) -> None:
    conn = http.client.HTTPConnection(nginx, timeout=10)
    status, headers, body = _get(conn, "/projects/no-such-project/")
    assert status == 404 and '<html lang="zh-CN">' in body.decode() and "页面不存在" in body.decode()
    status, headers, body = _get(conn, "/en/projects/no-such-project/")
    assert status == 404 and '<html lang="en">' in body.decode() and "Page not found" in body.decode()
    status, _, body = _get(conn, "/theme/css/missing.css")
    assert status == 404


def test_the_precompressed_copies_are_served(nginx: str, published: Path) -> None:
    texts = [p for p in published.rglob("*") if p.suffix in (".html", ".css", ".js", ".json", ".xml", ".csv")]
    texts = [p for p in texts if "pagefind" not in p.relative_to(published).parts and p.stat().st_size >= 256]
    missing = [
        p for p in texts if not (p.with_name(p.name + ".gz").is_file() and p.with_name(p.name + ".br").is_file())
    ]
    assert missing == []
    conn = http.client.HTTPConnection(nginx, timeout=10)
    status, headers, body = _get(conn, "/en/projects/", **{"Accept-Encoding": "gzip"})
    gz = published / "en" / "projects" / "index.html.gz"
    assert status == 200 and headers.get("content-encoding") == "gzip" and "Accept-Encoding" in headers.get("vary", "")
    assert body == gz.read_bytes()  # the copy made by make publish, not compressed again
    assert gzip.decompress(body) == (published / "en" / "projects" / "index.html").read_bytes()
    status, headers, body = _get(conn, "/en/projects/")
    assert "content-encoding" not in headers and body == (published / "en" / "projects" / "index.html").read_bytes()


def test_cache_headers_and_absolute_urls(nginx: str, published: Path, port: int) -> None:
    conn = http.client.HTTPConnection(nginx, timeout=10)
    _, headers, body = _get(conn, "/en/")
    assert headers["cache-control"] == "no-cache" and headers["content-type"] == "text/html; charset=utf-8"
    assert f'<link rel="canonical" href="http://127.0.0.1:{port}/en/">' in body.decode()
    _, headers, _ = _get(conn, "/theme/css/site.css")
    assert headers["cache-control"] == "public, max-age=86400"
    fragment = next((published / "pagefind" / "fragment").iterdir())
    _, headers, _ = _get(conn, f"/pagefind/fragment/{fragment.name}")
    assert "immutable" in headers["cache-control"]
    _, _, robots = _get(conn, "/robots.txt")
    assert f"Sitemap: http://127.0.0.1:{port}/sitemap.xml" in robots.decode()


def test_the_pages_workflow_publishes_from_the_whole_history_with_githubs_own_actions() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    used = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert used and all(name.startswith("actions/") for name in used), used  # GitHub's own, nothing else fetched
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the change history needs every commit of data/
    publish = next(step for step in steps if step.get("run") == "make publish")
    assert publish["env"]["SITEURL"] == "${{ vars.SITEURL }}"
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "output"


def test_the_citation_gets_todays_date_and_a_copy_button(nginx: str, page: object) -> None:
    import datetime

    from playwright.sync_api import expect

    page.goto(f"http://{nginx}/en/projects/wanyang-innovation-city/")  # type: ignore[attr-defined]
    page.locator("details.cite summary").click()  # type: ignore[attr-defined]
    today = datetime.date.today()
    accessed = f"{today.strftime('%B')} {today.day}, {today.year}"
    expect(page.locator(".cite-accessed")).to_have_text(accessed)  # type: ignore[attr-defined]
    expect(page.locator(".cite-text")).to_contain_text(  # type: ignore[attr-defined]
        "Hangzhou (Jiande) Wanyang Innovation City project (Version "
    )
    expect(page.get_by_role("button", name="Copy the reference")).to_be_visible()  # type: ignore[attr-defined]


def test_every_published_page_previews_with_its_languages_card(published: Path, port: int) -> None:
    """A shared link shows a card (og:image) of the plan in the page's language: a 1200×630 PNG per language at the
    site's absolute address, named on every page with its size and a description (a local build, which has no
    address to give it, makes none)."""
    import struct

    for lang, prefix in (("zh", ""), ("en", "en/")):
        card = (published / prefix / "share-card.png").read_bytes()
        assert card[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", card[16:24]) == (1200, 630)
        for path in (published / prefix).rglob("index.html"):
            if lang == "zh" and path.relative_to(published).parts[0] == "en":
                continue
            text = path.read_text(encoding="utf-8")
            assert f'<meta property="og:image" content="http://127.0.0.1:{port}/{prefix}share-card.png">' in text, path
            assert '<meta property="og:image:alt" content="' in text

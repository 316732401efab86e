"""Pelican settings for plan explorer (development build). Nothing here is about one plan: that is all in data/."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent
PLAN_ROOT = str(ROOT)
SITEURL = ""
PATH = "content"
ARTICLE_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []  # the plan's pages, export and favicon are written by the plan_explorer plugin
THEME = "theme"
THEME_STATIC_PATHS = ["static"]
THEME_STATIC_DIR = "theme"
DIRECT_TEMPLATES: list[str] = []
PAGINATED_TEMPLATES: dict[str, int] = {}
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "en"  # only used by pelican's own readers, which read nothing here
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
AUTHOR_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
INDEX_SAVE_AS = ""
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["plan_explorer"]
CACHE_PATH = str(ROOT / "cache")
LOAD_CONTENT_CACHE = False
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "extensions": []}
DELETE_OUTPUT_DIRECTORY = False

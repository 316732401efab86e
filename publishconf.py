"""Pelican settings for publishing: absolute canonical/hreflang URLs under SITEURL."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403 — publish settings extend the development ones

SITEURL = os.environ.get("SITEURL", "").rstrip("/")  # checked by the publish command (see docs/DEPLOY.md)

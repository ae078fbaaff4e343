"""Scrapy add-on: settings derived from other settings, applied once.

The User-Agent names presswarc and the operator's contact URL
(PRESSWARC_CONTACT_URL) so site owners can reach whoever runs the crawl. An
explicit USER_AGENT (project, spider or command line) still wins. With
ARCHIVE_REPLAY_FROM set, requests are answered from that archive instead of
the network.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from scrapy.settings import BaseSettings


def presswarc_version() -> str:
    try:
        return version("presswarc")
    except PackageNotFoundError:
        return "0+unknown"


class PresswarcAddon:
    def update_settings(self, settings: BaseSettings) -> None:
        contact = settings.get("PRESSWARC_CONTACT_URL", "")
        agent = f"presswarc/{presswarc_version()}"
        if contact:
            agent += f" (+{contact})"
        settings.set("USER_AGENT", agent, priority="addon")
        if settings.get("ARCHIVE_REPLAY_FROM"):
            settings["DOWNLOADER_MIDDLEWARES"]["crawler.from_archive.ArchiveReplayMiddleware"] = 940

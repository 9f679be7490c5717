"""MkDocs hooks: one generated page per repository document (content lives outside docs/).

The hooks are the methods of one `KehoachSite`, which holds the build's state (a `SiteBuild`) the way
MkDocs' own search plugin holds its index. MkDocs loads this file afresh with every configuration
(each `mkdocs serve` rebuild), so every build starts with a new object.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kehoach.findings import Code, Finding
from kehoach.model.repository import CONTENT_PATHS
from kehoach.site import (
    CONFIG_KEY,
    INTERNAL_BANNER,
    INTERNAL_LOG,
    SiteBuild,
    SiteOptions,
    SiteOptionsError,
    build_date,
    site_options,
)

log = logging.getLogger("mkdocs.plugins.kehoach")


def federation_problems(findings: list[Finding]) -> None:
    """A federated registry that cannot be read stops the build (its references would silently break);
    a stale cached copy is only mentioned: an intranet build must keep working when the other site is down."""
    for f in findings:
        if f.code == Code.R109:
            raise PluginError(f"{f.location}: {f.message} {f.hint or ''}".strip())
        if f.code == Code.R110:
            log.info("%s: %s", f.location, f.message)


class KehoachSite:
    def __init__(self) -> None:
        self.build: SiteBuild | None = None
        self.options = SiteOptions()

    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
        config_file = Path(config["config_file_path"])
        try:  # the audience comes from the configuration file, never from the environment
            self.options = site_options(config["extra"])
        except SiteOptionsError as e:
            raise PluginError(f"{config_file.name}: {e}") from None
        if self.options.internal:
            log.info(INTERNAL_LOG, config_file.name)
        root = config_file.parent
        self.build = SiteBuild(root, build_date(), self.options.internal)
        config[CONFIG_KEY] = self.build
        for name in CONTENT_PATHS:  # `mkdocs serve` reloads when content changes
            if (root / name).exists() and str(root / name) not in config["watch"]:
                config["watch"].append(str(root / name))
        return config

    def on_files(self, files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
        assert self.build is not None
        federation_problems(self.build.result.findings)
        for path, text in self.build.pages().items():
            files.append(File.generated(config, path, content=text))
        return files

    def on_page_markdown(self, markdown: str, page: Page, **kwargs: Any) -> str:
        """Every page of the internal site says so on top, on screen and on paper."""
        return INTERNAL_BANNER + markdown if self.options.internal else markdown

    def on_post_build(self, config: MkDocsConfig, **kwargs: Any) -> None:
        """Once the site is written: the search index and the downloads (calendars, registry, tasks)."""
        assert self.build is not None
        self.build.write_outputs(Path(config["site_dir"]), config.get("site_url") or None)


_site = KehoachSite()
on_config = _site.on_config
on_files = _site.on_files
on_page_markdown = _site.on_page_markdown
on_post_build = _site.on_post_build

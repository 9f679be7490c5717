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

from kehoach.findings import Code, Finding
from kehoach.model.repository import CONTENT_PATHS
from kehoach.site import CONFIG_KEY, SiteBuild, build_date, internal_build

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

    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
        root = Path(config["config_file_path"]).parent
        self.build = SiteBuild(root, build_date(), internal_build())
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

    def on_post_build(self, config: MkDocsConfig, **kwargs: Any) -> None:
        """Once the site is written: the search index and the downloads (calendars, registry, tasks)."""
        assert self.build is not None
        self.build.write_outputs(Path(config["site_dir"]), config.get("site_url") or None)


_site = KehoachSite()
on_config = _site.on_config
on_files = _site.on_files
on_post_build = _site.on_post_build

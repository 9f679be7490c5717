"""MkDocs hooks: add one generated page per repository document (content lives outside docs/)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from kehoach.exports import write_all
from kehoach.site import build_date, build_pages, checked_repository, new_build, site_context
from kehoach.site.search import IndexJob

log = logging.getLogger("mkdocs.plugins.kehoach")
CONTENT = ("plans", "outlines", "resolutions", "organizations.yml", "kehoach.yml")


def on_config(config, **kwargs):
    new_build()
    root = Path(config["config_file_path"]).parent
    for name in CONTENT:  # `mkdocs serve` reloads when content changes
        if (root / name).exists() and str(root / name) not in config["watch"]:
            config["watch"].append(str(root / name))
    return config


def on_files(files, config, **kwargs):
    root, as_of = Path(config["config_file_path"]).parent, build_date()
    federation_problems(checked_repository(root, as_of).findings)
    for path, text in build_pages(site_context(root, as_of), as_of).items():
        files.append(File.generated(config, path, content=text))
    return files


def federation_problems(findings) -> None:
    """A federated registry that cannot be read stops the build (its references would silently break);
    a stale cached copy is only mentioned: an intranet build must keep working when the other site is down."""
    for f in findings:
        if f.code == "R109":
            raise PluginError(f"{f.location}: {f.message} {f.hint or ''}".strip())
        if f.code == "R110":
            log.info("%s: %s", f.location, f.message)


def on_post_build(config, **kwargs):
    """Once the site is written: the search index (Pagefind) and the downloads (calendars, registry, tasks)."""
    root, as_of = Path(config["config_file_path"]).parent, build_date()
    ctx, site_dir = site_context(root, as_of), Path(config["site_dir"])
    search = IndexJob(ctx, site_dir)  # Pagefind runs while the downloads are written
    write_all(ctx, site_dir / "du-lieu", config.get("site_url") or None)
    search.wait()

"""`kehoach import`: an issued document (.docx, .txt, .md) to a repository file, without losing a word.

The body written out is the input's text (normalised to NFC; a .docx becomes Markdown). Metadata,
citations, tasks, recipients and signer are extracted from it; what the importer is unsure of is
listed under `review:` in the front matter, never guessed silently.
"""

from __future__ import annotations

from .readers import ImportRefused, read_source

__all__ = ["ImportRefused", "read_source"]

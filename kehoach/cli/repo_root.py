"""The one check every command that reads the repository starts with."""

from __future__ import annotations

import sys
from pathlib import Path

from ..model.repository import is_repository


def require_repository(root: Path) -> bool:
    """True for a repository root; otherwise one clear sentence on stderr, and False."""
    if is_repository(root):
        return True
    print(f"kehoach: «{root}» không phải thư mục gốc của kho (không thấy organizations.yml).", file=sys.stderr)
    return False

"""`kehoach schema`: the JSON Schemas editors use to complete and check front matter."""

from __future__ import annotations

import argparse

from ..model.jsonschema import write_schemas


def run(args: argparse.Namespace) -> int:
    for path in write_schemas(args.out):
        print(f"Đã ghi {path}")
    return 0

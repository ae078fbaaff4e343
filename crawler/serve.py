"""`presswarc serve DIR`: browse the captures in pywb on 127.0.0.1.

Builds a pywb collection folder `DIR/.pywb/` (links to the WARCs plus our
CDXJ index) and then becomes pywb's `wayback` (exec) from the tools venv.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

from archive.index import index_files
from archive.reader import archive_files
from crawler.tools_venv import ensure_tools_venv, tool

COLLECTION = "presswarc"


def prepare_collection(directory: Path) -> Path:
    """Lay out DIR/.pywb/collections/presswarc/{archive,indexes}; returns the pywb root."""
    root = directory / ".pywb"
    collection = root / "collections" / COLLECTION
    archive_dir = collection / "archive"
    indexes = collection / "indexes"
    for folder in (archive_dir, indexes):
        folder.mkdir(parents=True, exist_ok=True)
    (root / "config.yaml").write_text(
        "collections_root: collections\nframed_replay: true\n", encoding="utf-8"
    )
    for link in archive_dir.iterdir():
        link.unlink()
    warcs = [p for p in archive_files([directory]) if root not in p.parents]
    for path in warcs:
        link = archive_dir / path.name
        if not link.exists():
            link.symlink_to(path.resolve())
    count, problems = index_files([archive_dir], indexes / "index.cdxj")
    for problem in problems:
        print(f"damaged: {problem}", file=sys.stderr)
    print(f"{count} captures from {len(warcs)} file(s) in collection '{COLLECTION}'", file=sys.stderr)
    return root


def serve(directory: Path, port: int, venv: Path | None = None) -> NoReturn:
    venv = ensure_tools_venv(venv)
    root = prepare_collection(directory)
    print(f"Serving http://127.0.0.1:{port}/{COLLECTION}/  (Ctrl-C to stop)", file=sys.stderr, flush=True)
    command = [
        str(tool(venv, "wayback")),
        "--bind",
        "127.0.0.1",
        "--port",
        str(port),
        "--directory",
        str(root),
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    sys.stdout.flush()
    os.chdir(root)
    # Become pywb: signals (Ctrl-C, SIGTERM from a supervisor) then reach it directly.
    os.execve(command[0], command, env)

"""archive/ never imports Scrapy or Twisted: it must run offline, in workers, anywhere."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import archive


def test_archive_modules_import_without_scrapy_or_twisted() -> None:
    names = [f"archive.{m.name}" for m in pkgutil.iter_modules([str(Path(archive.__file__).parent)])]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "banned = ('scrapy', 'twisted', 'crawler', 'spiders')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in banned)\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert len(names) >= 10
    assert result.stdout.strip() == ""


def test_public_names_are_importable() -> None:
    for name in archive.__all__:
        assert getattr(archive, name) is not None

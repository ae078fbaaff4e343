"""pywb and py-wacz live in their own virtual environment, created on first use.

pywb 2.10 pins redis==2.10.6, werkzeug==3.1.7 and fakeredis<1.0 and pulls
brotlipy, whose module is also called `brotli` and would shadow the brotli
Scrapy's decompression-bomb protection relies on. So they never share the
crawler's environment: `presswarc serve` and `presswarc pack` run them from
`PRESSWARC_TOOLS_VENV` (default `~/.cache/presswarc/tools-venv`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TOOL_PINS = ("pywb==2.10.0", "wacz==0.6.0")
MARKER = "presswarc-tools.txt"


def default_tools_venv() -> Path:
    configured = os.environ.get("PRESSWARC_TOOLS_VENV")
    if configured:
        return Path(configured)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "presswarc" / "tools-venv"


def tool(venv: Path, name: str) -> Path:
    return venv / "bin" / name


def ensure_tools_venv(venv: Path | None = None, quiet: bool = False) -> Path:
    """Create (or repair) the tools venv with pinned pywb and wacz; returns its path."""
    venv = venv or default_tools_venv()
    marker = venv / MARKER
    wanted = "\n".join(TOOL_PINS)
    if marker.exists() and marker.read_text() == wanted and tool(venv, "wayback").exists():
        return venv
    if not quiet:
        print(f"presswarc: installing {', '.join(TOOL_PINS)} into {venv} (first use only)", file=sys.stderr)
    venv.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(tool(venv, "python")), "-m", "pip", "install", "--quiet", *TOOL_PINS], check=True)
    marker.write_text(wanted)
    return venv

"""Serve the generated site on 127.0.0.1: nginx if we have it, else Python's ThreadingHTTPServer.

nginx runs as our child (`daemon off`, its own config, pid file, logs and
temp folders in a scratch folder, a free port), serving the pre-compressed
`.gz` twins with gzip_static to clients that ask for gzip, as a production
news site behind nginx would. When nginx is missing and we are root on a
Debian-like system we try `apt-get install -y nginx` once; otherwise the
fallback is `python -m http.server` (no compression, much slower to answer),
and the report says which server was used.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType

from processes import start_service, stop_service

NGINX_CONF = """\
worker_processes 1;
daemon off;
master_process on;
pid {scratch}/nginx.pid;
error_log {scratch}/error.log warn;
{user}
events {{ worker_connections 4096; }}
http {{
    types {{ text/html html; text/plain txt; application/xml xml; }}
    default_type application/octet-stream;
    charset utf-8;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    client_body_temp_path {scratch}/client_body;
    proxy_temp_path {scratch}/proxy;
    fastcgi_temp_path {scratch}/fastcgi;
    uwsgi_temp_path {scratch}/uwsgi;
    scgi_temp_path {scratch}/scgi;
    gzip_static on;
    gzip_vary on;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        index index.html;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def find_nginx(install: bool) -> str | None:
    """Path of the nginx binary; installs Debian's package first if allowed and possible."""
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )
    if found or not install or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    print("nginx not found: trying `apt-get install -y nginx` ...", file=sys.stderr, flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for attempt in (["apt-get", "install", "-y", "nginx"], ["apt-get", "update"],
                    ["apt-get", "install", "-y", "nginx"]):
        done = subprocess.run(attempt, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              check=False)
        found = shutil.which("nginx") or (
            "/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None
        )
        if found:
            return found
        if attempt[1] == "update" and done.returncode != 0:
            break
    return None


class SiteServer:
    """Context manager: `.url` serves `root` until exit; `.kind` is "nginx" or "python"."""

    def __init__(self, root: Path, scratch: Path, prefer: str = "auto", install: bool = True) -> None:
        self.root = root.resolve()
        self.scratch = scratch
        self.prefer = prefer
        self.install = install
        self.kind = ""
        self.version = ""
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> SiteServer:
        self.scratch.mkdir(parents=True, exist_ok=True)
        nginx = find_nginx(self.install) if self.prefer in ("auto", "nginx") else None
        if self.prefer == "nginx" and nginx is None:
            raise SystemExit("--server nginx: nginx is not installed and could not be installed")
        self.port = free_port()
        log = open(self.scratch / "server.log", "wb")
        if nginx is not None:
            self.kind = "nginx"
            self.version = subprocess.run([nginx, "-v"], capture_output=True, text=True).stderr.strip()
            conf = self.scratch / "nginx.conf"
            # Workers of a root master run as nobody: let them read the site.
            user = "user root root;" if os.geteuid() == 0 else ""
            conf.write_text(NGINX_CONF.format(scratch=self.scratch.resolve(), port=self.port,
                                              root=self.root, user=user))
            command = [nginx, "-p", str(self.scratch.resolve()), "-c", str(conf.resolve()),
                       "-e", str((self.scratch / "error.log").resolve())]
        else:
            self.kind = "python"
            self.version = f"http.server (ThreadingHTTPServer), Python {sys.version.split()[0]}"
            command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory",
                       str(self.root), str(self.port)]
        self._process = start_service(command, self.scratch, log)
        self._wait_until_up()
        return self

    def _wait_until_up(self, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                log = (self.scratch / "server.log").read_text(errors="replace")
                raise SystemExit(f"{self.kind} exited at start-up:\n{log[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/robots.txt", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"{self.kind} did not answer on {self.url} within {timeout:.0f} s")

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._process is not None:
            stop_service(self._process)
            self._process = None

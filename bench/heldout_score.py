"""Score `presswarc crawl` + `export` on a held-out page set (issue 14).

The set was written by someone who has not seen the extraction code; it measures how extraction
generalises to unseen outlets. Pages are served over real HTTP on 127.0.0.1 at their gold
`url_path` with their own charset, crawled, exported as JSONL and compared with the gold files.
Do not tune on a set after scoring it: make a fresh one.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import threading
import unicodedata
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
TOKEN = re.compile(rf"[{CJK}]|(?:(?![{CJK}])\w)+")


def tokens(text: str) -> Counter[str]:
    """Bag of words: \\w+ words, each CJK/kana/hangul character one token."""
    return Counter(TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()))


def norm(value: Any) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(value or "")).split()).casefold()


def prf(got: str, gold: str) -> tuple[float, float, float]:
    g, t = tokens(got), tokens(gold)
    common = sum((g & t).values())
    p = common / max(sum(g.values()), 1)
    r = common / max(sum(t.values()), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_set(set_dir: Path) -> dict[str, tuple[dict[str, Any], bytes]]:
    pages = {}
    for gold_file in sorted((set_dir / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        body = (set_dir / "pages" / f"{gold_file.stem}.html").read_bytes()
        pages[gold["url_path"]] = ({"id": gold_file.stem, **gold}, body)
    return pages


def serve(pages: dict[str, tuple[dict[str, Any], bytes]]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            found = pages.get(self.path)
            if found is None:
                self.send_error(404)
                return
            gold, body = found
            self.send_response(200)
            self.send_header("Content-Type", f"text/html; charset={gold.get('charset', 'utf-8')}")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def crawl_and_export(urls: list[str], tmp: Path) -> dict[str, dict[str, Any]]:
    exe = ROOT / ".venv" / "bin" / "presswarc"
    loopback = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
                "-s", "PRESSWARC_PROGRESS=False", "--max-depth", "0"]
    with open(tmp / "crawl-output.log", "wb") as log:  # Scrapy's log would bury the table
        subprocess.run([str(exe), "crawl", *urls, "--out", str(tmp / "crawl"), *loopback],
                       check=True, stdout=log, stderr=subprocess.STDOUT)
    out = tmp / "x.jsonl"
    subprocess.run([str(exe), "export", str(tmp / "crawl"), "--format", "jsonl", "-o", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]
    return {row["url"]: row for row in rows}


def score(gold: dict[str, Any], row: dict[str, Any] | None) -> dict[str, Any]:
    row = row or {}
    text = row.get("text") or ""
    p, r, f1 = prf(text, gold["text"])
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return {
        "id": gold["id"], "precision": p, "recall": r, "f1": f1,
        "leaks": [b for b in gold["boilerplate"] if norm(b) in norm(text)],
        "paragraphs": len(lines) == len(gold["text"].splitlines()),
        "lines": len(lines), "gold_lines": len(gold["text"].splitlines()),
        "author_ok": norm(row.get("author")) == norm(gold["author"]),
        "title_ok": norm(row.get("title")) == norm(gold["title"]),
        "date_ok": str(row.get("published") or "")[:10] == (gold["published"] or ""),
        "author": row.get("author"), "title": row.get("title"), "published": row.get("published"),
        "extracted": bool(row), "text": text,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sets = sorted(p for p in (ROOT / "bench" / "heldout").glob("set-*") if p.is_dir())
    parser.add_argument("--set", type=Path, default=sets[-1] if sets else None)
    parser.add_argument("--json", type=Path, help="write per-page results here")
    args = parser.parse_args()
    pages = load_set(args.set)
    server = serve(pages)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as tmp:
        rows = crawl_and_export([base + path for path in pages], Path(tmp))
    server.shutdown()
    results = [score(gold, rows.get(base + path)) for path, (gold, _) in pages.items()]
    print(f"{'page':24} {'P':>5} {'R':>5} {'F1':>5} lines auth title date leaks")
    for s in results:
        print(f"{s['id']:24} {s['precision']:5.3f} {s['recall']:5.3f} {s['f1']:5.3f} "
              f"{s['lines']:>2}/{s['gold_lines']:<2} {'ok' if s['author_ok'] else repr(s['author']):4} "
              f"{'ok' if s['title_ok'] else 'NO':5} {'ok' if s['date_ok'] else s['published']} "
              f"{'; '.join(s['leaks'])}")
    n = len(results)
    f1 = sum(s["f1"] for s in results) / max(n, 1)
    summary = (f"heldout: F1={f1:.3f} leaks={sum(len(s['leaks']) for s in results)} "
               f"authors={sum(s['author_ok'] for s in results)}/{n} "
               f"titles={sum(s['title_ok'] for s in results)}/{n} "
               f"dates={sum(s['date_ok'] for s in results)}/{n} "
               f"paragraphs={sum(s['paragraphs'] for s in results)}/{n}")
    if args.json:
        args.json.write_text(json.dumps({"set": str(args.set), "summary": summary,
                                         "pages": results}, ensure_ascii=False, indent=1))
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())

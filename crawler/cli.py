"""`presswarc` command line: thin argparse dispatch, one function per command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from crawler.sources import SourcesError


def _setting(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key, value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presswarc", description="Archive statement republications as WARC."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    crawl = commands.add_parser("crawl", help="crawl URLs or a sources file into WARC files")
    crawl.add_argument("urls", nargs="*", metavar="URL", help="seed URLs (scope: their origins)")
    crawl.add_argument("--sources", type=Path, help="TOML file of [[source]] tables")
    crawl.add_argument("--out", type=Path, required=True, help="output folder")
    crawl.add_argument("--max-pages", type=int, default=0, help="stop scheduling after N pages (0: no limit)")
    crawl.add_argument("--max-depth", type=int, default=-1, help="follow links at most N hops from a seed")
    crawl.add_argument("--warc-max-size", type=int, help="roll over to a new WARC file at this many bytes")
    crawl.add_argument(
        "--from-archive",
        type=Path,
        metavar="DIR",
        help="answer every request from the WARCs under DIR; never touch the network",
    )
    crawl.add_argument("--contact-url", help="contact URL in the User-Agent")
    crawl.add_argument(
        "-s",
        "--set",
        type=_setting,
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="any Scrapy or presswarc setting",
    )

    extract = commands.add_parser("extract", help="extract clean text and metadata from saved HTML pages")
    extract.add_argument("files", nargs="+", type=Path, metavar="FILE.html")
    extract.add_argument("--url", help="the page's URL (profiles and relative links use it)")
    extract.add_argument(
        "--content-type", help="Content-Type header to assume, e.g. 'text/html; charset=euc-kr'"
    )
    extract.add_argument("--jsonl", action="store_true", help="one JSON object per line")

    replay = commands.add_parser("replay", help="re-extract text from WARC/ARC files offline into sidecars")
    replay.add_argument("inputs", nargs="+", type=Path, metavar="WARC_OR_DIR")
    replay.add_argument("--out", type=Path, required=True, help="folder for NAME.jsonl.gz sidecars")
    replay.add_argument(
        "--warc", action="store_true", help="also write NAME-derived.warc.gz with conversion/metadata records"
    )
    replay.add_argument("--workers", type=int, default=0, help="extraction processes (default: one per core)")

    index = commands.add_parser("index", help="write DIR/index.cdxj (pywb's CDXJ) for the WARCs under DIR")
    index.add_argument("directory", type=Path, metavar="DIR")
    index.add_argument("-o", "--output", type=Path, help="index file (default DIR/index.cdxj)")

    serve = commands.add_parser("serve", help="browse the captures under DIR in pywb on 127.0.0.1")
    serve.add_argument("directory", type=Path, metavar="DIR")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument(
        "--tools-venv", type=Path, help="venv for pywb/wacz (default: PRESSWARC_TOOLS_VENV or ~/.cache)"
    )

    pack = commands.add_parser("pack", help="package the WARCs under DIR as a WACZ with pages.jsonl")
    pack.add_argument("directory", type=Path, metavar="DIR")
    pack.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.wacz")
    pack.add_argument(
        "--tools-venv", type=Path, help="venv for pywb/wacz (default: PRESSWARC_TOOLS_VENV or ~/.cache)"
    )

    tools = commands.add_parser("tools", help="set up the separate pywb/wacz environment now")
    tools.add_argument("--tools-venv", type=Path)

    export = commands.add_parser("export", help="write one text file per extracted URL (for text pipelines)")
    export.add_argument("directory", type=Path, metavar="DIR", help="a crawl or replay folder with sidecars")
    export.add_argument("--out", type=Path, required=True)

    demo = commands.add_parser("demo", help="serve the bundled demo sites on 127.0.0.1 and crawl them")
    demo.add_argument("--out", type=Path, default=Path("presswarc-demo"))
    return parser


def cmd_crawl(args: argparse.Namespace) -> int:
    from crawler.crawl import run_crawl

    if not args.urls and not args.sources:
        print("presswarc crawl: give seed URLs or --sources FILE", file=sys.stderr)
        return 2
    overrides: dict[str, Any] = dict(args.set)
    if args.warc_max_size:
        overrides["ARCHIVE_WARC_MAX_SIZE"] = args.warc_max_size
    if args.from_archive:
        if not args.from_archive.exists():
            print(f"presswarc crawl: no such archive folder: {args.from_archive}", file=sys.stderr)
            return 2
        overrides["ARCHIVE_REPLAY_FROM"] = str(args.from_archive)
        overrides["EXTRACT_ENABLED"] = False
    if args.contact_url:
        overrides["PRESSWARC_CONTACT_URL"] = args.contact_url
    try:
        run_crawl(
            args.out,
            urls=args.urls,
            sources=args.sources,
            max_pages=args.max_pages,
            max_depth=args.max_depth,
            overrides=overrides,
        )
    except SourcesError as exc:
        print(f"presswarc crawl: {exc}", file=sys.stderr)
        return 2
    print_report(args.out)
    return 0


def print_report(out: Path) -> None:
    """The end-of-crawl summary (also in OUT/report.json)."""
    import json

    report_file = out / "report.json"
    if report_file.exists():
        report = json.loads(report_file.read_text(encoding="utf-8"))
        print(
            f"archived {report['pages_archived']} responses, extracted {report['extracted']} documents, "
            f"refused {report['refused']}, skipped {report['skipped']}, failed {report['failed']}"
        )
        for reason, count in report["by_reason"].items():
            print(f"  {count:5d}  {reason}")
    print(f"WARC files: {out / 'warc'}\ncrawl log:  {out / 'crawl.log'}\nreport:     {report_file}")


def cmd_demo(args: argparse.Namespace) -> int:
    from crawler.demo.run import run_demo

    run_demo(args.out)
    print("Demo crawl finished: four sites republishing one statement, crawled from 127.0.0.1.")
    print_report(args.out)
    print(f"sidecars:   {args.out / 'warc'}/*.jsonl.gz (clean text and metadata)")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from crawler.extract_cmd import extract_files

    return extract_files(args.files, args.url, args.content_type, args.jsonl)


def cmd_replay(args: argparse.Namespace) -> int:
    from archive.replay import Replayer

    missing = [str(p) for p in args.inputs if not p.exists()]
    if missing:
        print(f"presswarc replay: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        report = Replayer(args.out, workers=args.workers, write_warc=args.warc).run(args.inputs)
    except ValueError as exc:
        print(f"presswarc replay: {exc}", file=sys.stderr)
        return 2
    print(
        f"{report.files} file(s), {report.responses} responses, {report.extracted} documents extracted, "
        f"{len(report.problems)} problem(s); sidecars in {args.out}"
    )
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from archive.index import INDEX_NAME, index_files

    if not args.directory.is_dir():
        print(f"presswarc index: not a folder: {args.directory}", file=sys.stderr)
        return 2
    target = args.output or args.directory / INDEX_NAME
    count, problems = index_files([args.directory], target)
    for problem in problems:
        print(f"damaged: {problem}", file=sys.stderr)
    print(f"{count} captures indexed in {target}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from crawler.serve import serve

    if not args.directory.is_dir():
        print(f"presswarc serve: not a folder: {args.directory}", file=sys.stderr)
        return 2
    return serve(args.directory, args.port, args.tools_venv)


def cmd_pack(args: argparse.Namespace) -> int:
    from crawler.pack import pack

    try:
        return pack(args.directory, args.output, args.tools_venv)
    except FileNotFoundError as exc:
        print(f"presswarc pack: {exc}", file=sys.stderr)
        return 2


def cmd_tools(args: argparse.Namespace) -> int:
    from crawler.tools_venv import ensure_tools_venv

    print(ensure_tools_venv(args.tools_venv))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from archive.export import export_texts

    written, skipped = export_texts(args.directory, args.out)
    print(f"{written} text file(s) in {args.out} ({skipped} repeat capture(s) of a URL skipped)")
    return 0


COMMANDS = {
    "crawl": cmd_crawl,
    "demo": cmd_demo,
    "extract": cmd_extract,
    "replay": cmd_replay,
    "index": cmd_index,
    "serve": cmd_serve,
    "pack": cmd_pack,
    "tools": cmd_tools,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())

"""Command line for the sample portal.

``python -m newscrawler.portal serve [--articles N] [--edition utf-8|gbk] [--variant V]
[--port 8000] [--host 127.0.0.1]`` prints the URL and serves until Ctrl-C.
``python -m newscrawler.portal groundtruth --base-url URL [same site options] > gt.jsonl`` writes
the expected records, one JSON object per line (schema fields minus crawled_at and version).
``python -m newscrawler.portal variants`` lists the variants (``--variant``) with one line each;
an unknown ``--variant`` prints the same list.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from .portals import VARIANTS
from .server import PortalServer
from .site import build_site


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1, got {value}")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0-65535, got {value}")
    return value


def _now(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 datetime: {text!r}") from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError("--now needs a UTC offset, e.g. 2026-11-20T12:00:00+08:00")
    return value


def variant_list() -> str:
    width = max(map(len, VARIANTS))
    return "\n".join(f"  {name:<{width}}  {v.description}" for name, v in VARIANTS.items())


def _variant(text: str) -> str:
    if text not in VARIANTS:
        raise argparse.ArgumentTypeError(f"invalid choice: {text!r}, one of:\n{variant_list()}")
    return text


def _site_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--articles", type=_positive, default=60, help="number of articles (default 60)")
    p.add_argument("--edition", choices=["utf-8", "gbk"], default="utf-8")
    p.add_argument("--variant", type=_variant, default="default",
                   help="portal configuration (default 'default'); see the variants command")
    p.add_argument("--seed", type=int, default=0, help="generation seed (default 0)")
    p.add_argument("--page-size", type=_positive, default=10, help="list page size (default 10)")
    p.add_argument("--now", type=_now, default=None,
                   help="anchor date, ISO 8601 with offset (default 2026-11-20T12:00+08:00)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newscrawler-portal",
        description="Sample DedeCms portal 中国国际新闻台 for tests and demos.")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the portal over HTTP until Ctrl-C")
    _site_options(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=8000)
    sub.add_parser("variants", help="list the portal variants with a one-line description")
    gt = sub.add_parser("groundtruth", help="print the expected records as JSON lines")
    _site_options(gt)
    gt.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8000")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "variants":
        sys.stdout.write(variant_list() + "\n")
        return 0
    site = build_site(args.articles, args.edition, args.seed, args.variant, args.now,
                      page_size=args.page_size)
    if args.command == "groundtruth":
        if not args.base_url.startswith(("http://", "https://")):
            parser().error("--base-url must start with http:// or https://")
        for record in site.ground_truth(args.base_url):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    try:
        server = PortalServer(site, args.host, args.port).start()
    except OSError as exc:
        print(f"newscrawler-portal: cannot listen on {args.host}:{args.port}: {exc}",
              file=sys.stderr)
        return 2
    print(f"{server.url}/  ({args.articles} articles, {args.edition}, variant {args.variant})",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

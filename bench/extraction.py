"""Extraction benchmark: newscrawler vs trafilatura, readability-lxml, GNE and newspaper4k, one run.

Pages (read from ``../shared/realpages``, never copied into the repo):
- **zh-xmu held-out / development**: the 150 sampled zh-xmu pages (``bench/label_xmu.py`` fixes
  the split and the sample: sites in alphabetical order, alternating; development sites = cjw,
  jjgc, people, sina, xinhua, whose pages rules may be written from; held-out = hexun, nbd, qq,
  wangyi, yicai, read only to label them). Body F1 against the dataset's own body labels; date,
  author and title against ``tests/data/xmu_meta_labels.json`` (convention in that file);
- **regression**: the 26 hand-labelled GNE pages (``tests/data/realpages_labels.json``), body F1
  and date at day level, as before;
- **en**: the English article-extraction benchmark, body F1 on word tokens.

Metrics: body F1 on character bigrams (whitespace removed); **date** right at the precision the
page prints (a label ``2018-06-12 08:29`` needs that minute: a day-only answer is wrong), a date
returned for a page that shows none counts as wrong, and ``day`` is the same at day level only;
**author** over the pages whose label names someone (names compared as an ordered list, split on
``、,;/`` and spaces; ``author+`` counts pages with no credited person where a tool still
returned one); **title** equal after NFKC and dropping whitespace and punctuation.

Speed is pages per second over all sets, each tool given the same pages (bytes for ours and
trafilatura, which decode themselves; text decoded by us for the others, which take ``str``).
trafilatura is timed with metadata (``bare_extraction(with_metadata=True)``: body, date, author
and title, the same work as ours) and, for reference, body only (``extract``).

Timing: CPU time (``process_time``: other load on the machine does not count) of each tool's
pass over all pages, passes alternating between tools, best of ``--repeat``, after a
warm-up pass of each tool over a few pages (imports, caches).

Run: ``python bench/extraction.py [--repeat N] [--limit-en N] [--per-page] [--tools a,b]``
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import re
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
from label_xmu import DEV_SITES, HELDOUT_SITES, SHARED, XMU  # noqa: E402
from metrics import char_bigram_f1, word_f1  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REALPAGES = SHARED / "realpages"
LABELS = ROOT / "tests" / "data" / "realpages_labels.json"
XMU_LABELS = ROOT / "tests" / "data" / "xmu_meta_labels.json"
ZH_DIR = REALPAGES / "zh-portals" / "tests"
EN_DIR = REALPAGES / "en-article-benchmark"
#: "Now" for every run, so year-less and relative dates resolve the same way each time.
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_DAY_RE = re.compile(r"(?:(\d{4})\D{1,3})?(\d{1,2})\D{1,3}(\d{1,2})")


# --- metrics ---------------------------------------------------------------------------------

def label_day(published: str | None) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a label such as ``2019-09-07 13:43`` or ``10-08 12:00``."""
    if not published:
        return None
    match = re.match(r"^(?:(\d{4})-)?(\d{2})-(\d{2})", published)
    if not match:
        return None
    year = int(match.group(1)) if match.group(1) else None
    return year, int(match.group(2)), int(match.group(3))


def same_day(predicted: str | None, label: str | None) -> bool:
    """Day-level match; a label without a year matches on month and day only."""
    want = label_day(label)
    if want is None:
        return predicted is None
    if not predicted:
        return False
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", predicted.strip())
    if not match:
        return False
    year, month, day = (int(g) for g in match.groups())
    return (month, day) == want[1:] and (want[0] is None or want[0] == year)


_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_NAME_SPLIT_RE = re.compile(r"[、,，;；/|\s]+")
_TITLE_DROP_RE = re.compile(r"[\s\W_]+", re.UNICODE)
_LABEL_DATE_RE = re.compile(
    r"^(\d{4})-(\d{2})(?:-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?)?$"  # month: 1998-03
)


def date_right(predicted: str | None, label: str | None, day_only: bool = False) -> bool:
    """Right at the label's precision (day, minute or second); None only matches None."""
    if label is None:
        return not predicted
    match = _LABEL_DATE_RE.match(label)
    if not predicted or not match:
        return False
    got = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?", predicted)
    if not got:
        return False
    want = [g for g in match.groups() if g is not None]
    if day_only:
        want = want[:3]
    have = list(got.groups())
    if len(want) > 3 and have[3] is None:
        return False
    return have[: len(want)] == want


def author_names(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        value = "、".join(str(v) for v in value)
    return [n for n in _NAME_SPLIT_RE.split(unicodedata.normalize("NFKC", str(value))) if n]


def title_key(value: str | None) -> str:
    return _TITLE_DROP_RE.sub("", unicodedata.normalize("NFKC", value or "")).lower()


# --- pages -----------------------------------------------------------------------------------

def load_regression_pages() -> list[dict]:
    """The 26 hand-labelled GNE pages with their bytes (``html``) and a URL (``page_url``)."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["pages"]
    pages = []
    for label in labels:
        path = ZH_DIR / label["path"]
        site, name = label["path"].split("/")
        url = label.get("url") or f"http://{site}.example.cn/{name}"
        pages.append(dict(label, html=path.read_bytes(), page_url=url, author=None))
    return pages


def load_xmu_pages(sites: tuple[str, ...]) -> list[dict]:
    """The labelled zh-xmu sample of ``sites``: bytes, URL, body label lines and meta labels."""
    labels = json.loads(XMU_LABELS.read_text(encoding="utf-8"))["pages"]
    pages = []
    for label in labels:
        if label["path"].split("/")[0] not in sites:
            continue
        body = (XMU / "label" / label["path"].replace(".html", ".txt")).read_text("utf-8")
        pages.append(dict(label, html=(XMU / "html" / label["path"]).read_bytes(),
                          page_url=label["url"], body=body.splitlines()))
    return pages


def load_en_pages(limit: int | None = None) -> list[dict]:
    truth = json.loads((EN_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        raw = gzip.decompress((EN_DIR / "html" / f"{key}.html.gz").read_bytes())
        pages.append({"id": key, "html": raw, "page_url": truth[key]["url"],
                      "body": truth[key]["articleBody"]})
    return pages


# --- tools -----------------------------------------------------------------------------------
# Each returns {"body", "date", "author", "title"}; a key a tool does not extract is absent.

def ours(html: bytes, url: str) -> dict:
    from newscrawler.extract import extract_article

    record = extract_article(html, url, now=NOW)
    return {"body": record["body"] or "", "date": record["published_at"],
            "precision": record["date_precision"], "author": record["author"],
            "title": record["title"]}


def trafilatura_full(html: bytes, url: str) -> dict:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {"body": "", "date": None, "author": None, "title": None}
    return {"body": doc.text or "", "date": doc.date, "author": doc.author, "title": doc.title}


def trafilatura_body(html: bytes, url: str) -> dict:
    import trafilatura

    return {"body": trafilatura.extract(html, url=url) or ""}


_GNE = None


def gne(html: bytes, url: str) -> dict:
    global _GNE
    from newscrawler.extract import decode_html

    if _GNE is None:
        from gne import GeneralNewsExtractor

        _GNE = GeneralNewsExtractor()
    try:
        result = _GNE.extract(decode_html(html))
    except Exception:
        return {"body": "", "date": None, "author": None, "title": None}
    return {"body": result.get("content") or "", "date": result.get("publish_time") or None,
            "author": result.get("author") or None, "title": result.get("title") or None}


def readability(html: bytes, url: str) -> dict:
    """readability-lxml: body (its summary HTML, as text) and title; no date or author."""
    from lxml import html as lxml_html
    from readability import Document

    from newscrawler.extract import decode_html

    try:
        doc = Document(decode_html(html), url=url)
        summary = doc.summary(html_partial=True)
        body = "\n".join(t for t in lxml_html.fromstring(summary).itertext()) if summary else ""
        return {"body": body, "title": doc.short_title()}
    except Exception:
        return {"body": "", "title": None}


def newspaper(html: bytes, url: str) -> dict:
    """newspaper4k with the Chinese tokenizer (jieba), given the page text (no download)."""
    from newspaper import Article

    from newscrawler.extract import decode_html

    text = decode_html(html)
    language = "zh" if len(_CJK_RE.findall(text)) > 100 else "en"
    try:
        article = Article(url, language=language, fetch_images=False)
        article.download(input_html=text)
        article.parse()
    except Exception:
        return {"body": "", "date": None, "author": None, "title": None}
    date = article.publish_date.isoformat() if article.publish_date else None
    return {"body": article.text or "", "date": date, "author": article.authors or None,
            "title": article.title or None}


TOOLS: dict[str, Callable[[bytes, str], dict]] = {
    "newscrawler": ours,
    "trafilatura": trafilatura_full,
    "trafilatura(body only)": trafilatura_body,
    "readability-lxml": readability,
    "gne": gne,
    "newspaper4k": newspaper,
}


def normalise_tool_date(value, precision: str | None = None, tz: str = "Asia/Shanghai"
                        ) -> str | None:
    """Tools return dates in their own formats; bring them to ISO ``YYYY-MM-DD[THH:MM:SS]``,
    the time only when the tool gave one (ours says so in ``date_precision``), as wall-clock
    time in ``tz``, the zone the page's labels are in (a naive value is taken to be in it)."""
    if not value:
        return None
    from newscrawler.extract import parse_date

    parsed = parse_date(str(value), tz=tz, now=NOW)
    if parsed is None:
        return None
    if (precision or parsed.precision) == "day":
        # a day is compared as printed: 2020-11-13T00:00+08:00 is the 13th in UTC too
        printed = re.match(r"\d{4}-\d{2}-\d{2}", str(value))
        return printed.group(0) if printed else parsed.value.date().isoformat()
    return parsed.value.isoformat(timespec="seconds")


# --- run -------------------------------------------------------------------------------------

def score_tool(name: str, func, sets: dict[str, list[dict]]) -> dict:
    """Quality of one tool on every set."""
    result: dict = {"tool": name, "sets": {}, "per_page": {}}
    for set_name, pages in sets.items():
        f1s, dates, days, authors, invented, titles = [], [], [], [], [], []
        for page in pages:
            out = func(page["html"], page["page_url"])
            if set_name == "en":
                f1s.append(word_f1(out["body"], page["body"]))
                continue
            f1s.append(char_bigram_f1(out["body"], "\n".join(page["body"])))
            if "date" in out:
                date = normalise_tool_date(out["date"], out.get("precision"))
                if set_name == "regression":
                    dates.append(same_day(date, page["published"]))
                else:
                    dates.append(date_right(date, page["published"]))
                    days.append(date_right(date, page["published"], day_only=True))
            if "author" in out and set_name != "regression":
                if page["author"]:
                    authors.append(author_names(out["author"]) == author_names(page["author"]))
                else:
                    invented.append(bool(author_names(out["author"])))
            if out.get("title") is not None or "title" in out:
                if set_name != "regression" or page.get("title"):
                    titles.append(title_key(out.get("title")) == title_key(page["title"]))
            result["per_page"][page["path"]] = (f1s[-1], dates[-1] if dates else None,
                                                authors[-1] if page.get("author") and authors
                                                else None, titles[-1] if titles else None)
        result["sets"][set_name] = {
            "f1": _mean(f1s), "date": _mean(dates) if dates else None,
            "day": _mean(days) if days else None,
            "author": _mean(authors) if authors else None,
            "author_invented": sum(invented) if invented or authors else None,
            "title": _mean(titles) if titles else None, "pages": len(pages),
        }
    return result


def time_tools(tools: dict, pages: list[dict], repeat: int) -> dict[str, float]:
    """Seconds per tool for one pass over all pages: the best of ``repeat`` passes, the tools'
    passes alternating (A B C A B C …) so that load from anything else on the machine is
    filtered out by the minimum rather than charged to whichever tool ran during it."""
    best = dict.fromkeys(tools, float("inf"))
    for func in tools.values():  # warm-up: imports, caches, lazy tables
        for page in pages[:5]:
            func(page["html"], page["page_url"])
    for _ in range(repeat):
        for name, func in tools.items():
            gc.collect()
            start = time.process_time()
            for page in pages:
                func(page["html"], page["page_url"])
            best[name] = min(best[name], time.process_time() - start)
    return best


def _mean(values: list) -> float:
    return sum(values) / len(values) if values else float("nan")


def _fmt(value: float | None, pattern: str = "{:.3f}") -> str:
    return "-" if value is None else pattern.format(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3,
                        help="timing passes per tool (the fastest pass counts)")
    parser.add_argument("--limit-en", type=int, default=None, help="English pages to use")
    parser.add_argument("--per-page", action="store_true", help="print per-page Chinese scores")
    parser.add_argument("--tools", default=",".join(TOOLS),
                        help="comma-separated tools to run (default: all)")
    args = parser.parse_args(argv)
    if not REALPAGES.is_dir():
        print(f"real pages not found at {REALPAGES}", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    import logging

    logging.disable(logging.CRITICAL)  # the other tools log per page
    tools = {name: TOOLS[name] for name in args.tools.split(",")}
    sets = {
        "held-out": load_xmu_pages(HELDOUT_SITES), "development": load_xmu_pages(DEV_SITES),
        "regression": load_regression_pages(), "en": load_en_pages(args.limit_en),
    }
    every = [page for pages in sets.values() for page in pages]
    print(f"pages: zh-xmu held-out {len(sets['held-out'])} ({', '.join(HELDOUT_SITES)}), "
          f"development {len(sets['development'])} ({', '.join(DEV_SITES)}); regression "
          f"{len(sets['regression'])} (GNE pages); en {len(sets['en'])}; timing: best of "
          f"{args.repeat} alternating passes over all {len(every)} pages")
    results = [score_tool(name, func, sets) for name, func in tools.items()]
    spent = time_tools(tools, every, args.repeat)
    for result in results:
        result["pps"] = len(every) / spent[result["tool"]]
        result["ms"] = 1000 * spent[result["tool"]] / len(every)
    for set_name in ("held-out", "development"):
        print(f"\nzh-xmu {set_name} sites ({sets[set_name][0]['path'].split('/')[0]}...: "
              f"{len(sets[set_name])} pages; author over "
              f"{sum(1 for p in sets[set_name] if p['author'])} pages naming one)")
        header = (f"{'tool':<24}{'body F1':>8}{'date':>7}{'(day)':>7}{'author':>8}"
                  f"{'author+':>8}{'title':>7}")
        print(header)
        print("-" * len(header))
        for r in results:
            s = r["sets"][set_name]
            print(f"{r['tool']:<24}{s['f1']:>8.3f}{_fmt(s['date']):>7}{_fmt(s['day']):>7}"
                  f"{_fmt(s['author']):>8}{_fmt(s['author_invented'], '{:d}'):>8}"
                  f"{_fmt(s['title']):>7}")
    print("\nregression (26 GNE pages) and en, speed over all pages")
    header = (f"{'tool':<24}{'zh F1':>7}{'zh date':>8}{'zh title':>9}{'en F1':>7}{'pages/s':>9}"
              f"{'ms/page':>9}")
    print(header)
    print("-" * len(header))
    for r in results:
        s, e = r["sets"]["regression"], r["sets"]["en"]
        print(f"{r['tool']:<24}{s['f1']:>7.3f}{_fmt(s['date']):>8}{_fmt(s['title']):>9}"
              f"{e['f1']:>7.3f}{r['pps']:>9.1f}{r['ms']:>9.2f}")
    base = results[0]
    print()
    for r in results[1:]:
        print(f"newscrawler / {r['tool']}: speed x{base['pps'] / r['pps']:.2f}")
    if args.per_page:
        print("\nper page (body F1 / date / author / title; - = not scored):")
        for path in base["per_page"]:
            cells = "  ".join(
                f"{r['tool'][:11]}={r['per_page'][path][0]:.2f}/"
                + "/".join("-" if v is None else "y" if v else "n"
                           for v in r["per_page"][path][1:])
                for r in results if path in r["per_page"])
            print(f"  {path:<22}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

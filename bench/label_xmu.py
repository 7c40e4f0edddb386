"""Labelling aid for the zh-xmu pages: the site split, the sample, and each page's header text.

The split and the sample are fixed here and imported by ``bench/extraction.py`` and the tests,
so every figure is measured on the same pages:

* **Split** (chosen before any page was opened): the ten zh-xmu site folders in alphabetical
  order, alternating: 1st, 3rd, 5th, ... are *development* sites (rules may be written from
  their pages), 2nd, 4th, ... are *held-out* sites (pages only read to label them, never to
  write rules).
* **Sample**: per site, ``SAMPLE_PER_SITE`` page files drawn with ``random.Random(SEED)`` from
  the site's files sorted by name.

``python bench/label_xmu.py SITE`` prints, for each sampled page of ``SITE``, the ``<title>``,
the ``<h1>``\\s and the visible text around the headline (where the date and byline sit), which
is what a labeller reads to write the page's date, author and title into
``tests/data/xmu_meta_labels.json``. It uses plain lxml, not newscrawler, so the labels do not
inherit the extractor's mistakes. ``--closing`` lists what the closing-credit audit read: the
last lines of each page's body label that mention a writer, and every ``作者：`` on the page.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: ``../shared`` next to the project; from a git worktree under ``/work/wt/<name>``, one more up.
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parents[1]) if (p / "shared").is_dir()),
              ROOT.parent / "shared")
XMU = SHARED / "realpages" / "zh-xmu"
SITES = ("cjw", "hexun", "jjgc", "nbd", "people", "qq", "sina", "wangyi", "xinhua", "yicai")
DEV_SITES = SITES[0::2]  # cjw, jjgc, people, sina, xinhua
HELDOUT_SITES = SITES[1::2]  # hexun, nbd, qq, wangyi, yicai
SITE_HOSTS = {
    "cjw": "economy.caijing.com.cn", "hexun": "news.hexun.com", "jjgc": "www.eeo.com.cn",
    "nbd": "www.nbd.com.cn", "people": "finance.people.com.cn", "qq": "new.qq.com",
    "sina": "finance.sina.com.cn", "wangyi": "money.163.com", "xinhua": "www.xinhuanet.com",
    "yicai": "www.yicai.com",
}
SEED = 13
SAMPLE_PER_SITE = 15


def page_url(path: str) -> str:
    """A stand-in URL for ``site/n.html`` (the dataset kept no URLs): the site's host."""
    site, name = path.split("/")
    return f"http://{SITE_HOSTS[site]}/{name}"


def sample(site: str) -> list[str]:
    """The sampled ``site/n.html`` paths of one site, in a fixed order."""
    names = sorted(p.name for p in (XMU / "html" / site).glob("*.html"))
    return [f"{site}/{name}" for name in random.Random(SEED).sample(names, SAMPLE_PER_SITE)]


def read_page(path: str) -> str:
    """The page's text, decoded by its declared charset (gb2312/gbk read as gb18030)."""
    raw = (XMU / "html" / path).read_bytes()
    head = raw[:2048].decode("ascii", "ignore").lower()
    charset = "gb18030" if re.search(r"charset=[\"']?(gb2312|gbk|gb18030)", head) else "utf-8"
    return raw.decode(charset, "replace")


_SHOWN_DATE_RE = re.compile(
    r"(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*"
    r"(?:(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?"
)


def header_text(path: str, window: int = 330) -> str:
    """``<title>``, ``<h1>``\\s and the visible text after the first ``<h1>`` (or the title)."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(read_page(path))
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    title = " ".join((tree.findtext(".//title") or "").split())
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    body = tree.find("body")
    text = " ".join((body.text_content() if body is not None else "").split())
    anchors = [h for h in h1s if len(h) >= 6] + [title[:n] for n in (12, 8) if title[:n]]
    starts = [m.start() for a in anchors for m in re.finditer(re.escape(a), text)]
    # the headline occurrence followed soonest by a date is the one above the article
    dated = [p for p in starts if _SHOWN_DATE_RE.search(text[p: p + 200])]
    start = (dated or starts or [0])[0]
    lines = [f"== {path}", f"title: {title}"]
    lines += [f"h1: {h}" for h in h1s[:3]]
    lines.append(f"after: {text[start: start + window]}")
    return "\n".join(lines)


def proposal(path: str) -> dict:
    """A label skeleton for one page: the first date after the headline in the header text
    (as shown: day, minute or second), the ``<h1>`` as title; author left for the labeller."""
    text = header_text(path)
    after = text.split("after: ", 1)[1]
    match = _SHOWN_DATE_RE.search(after)
    published = None
    if match:
        y, m, d, hh, mm, ss = match.groups()
        published = f"{y}-{int(m):02d}-{int(d):02d}"
        if hh:
            published += f" {int(hh):02d}:{mm}" + (f":{ss}" if ss else "")
    title = text.splitlines()[1][len("title: "):]
    h1 = [line[4:] for line in text.splitlines() if line.startswith("h1: ")]
    if h1 and title.startswith(h1[0]):
        title = h1[0]
    else:
        title = re.split(r"_| - |--|——| \\| ", title)[0]
    return {"path": path, "title": title, "published": published,
            "author": None}


_CREDIT_RE = re.compile(r"记者|作者|撰稿|撰文|通讯员|文/|/文|实习生")
_AUTHOR_LABEL_RE = re.compile(r"作者\s*[:：]")


def closing_lines(path: str) -> str | None:
    """For the closing-credit audit: the last two lines of the page's body label that mention
    a writer, and every ``作者：`` in its visible text, or None when there are none."""
    from lxml import html as lxml_html

    label = (XMU / "label" / path.replace(".html", ".txt")).read_text("utf-8", "replace")
    lines = [line.strip() for line in label.splitlines() if line.strip()]
    tail = [line for line in lines[-2:] if _CREDIT_RE.search(line) and len(line) < 80]
    tree = lxml_html.fromstring(read_page(path))
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    text = " ".join(tree.text_content().split())
    labelled = [text[max(0, m.start() - 30): m.end() + 25]
                for m in _AUTHOR_LABEL_RE.finditer(text)]
    if not tail and not labelled:
        return None
    return f"{path} | tail: {tail} | 作者: {labelled[:3]}"


def main(argv: list[str]) -> int:
    propose = "--propose" in argv
    if "--closing" in argv:
        for site in [a for a in argv if not a.startswith("--")] or SITES:
            for path in sample(site):
                found = closing_lines(path)
                if found:
                    print(found)
        return 0
    for site in [a for a in argv if not a.startswith("--")] or SITES:
        for path in sample(site):
            if propose:
                print(json.dumps(proposal(path), ensure_ascii=False) + ",")
            else:
                print(header_text(path))
                print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

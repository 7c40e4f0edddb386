"""Pagination markup exactly as DedeCms emits it (spec §2.5, §2.6).

Why separate: these strings are what a crawler follows, and they differ subtly by position
(first/middle/last/single page). Each function reproduces one PHP routine:
``list_pages`` = ``ListView::GetPageListST`` (static list pages), ``article_pages`` =
``Archives::GetPagebreak``; the ``*_d40`` forms are the DedeCms 4.0 output without ``<li>``;
the ``*_dm`` forms are the dynamic ``GetPageListDM``/``GetPagebreakDM`` (and their cfg_rewrite
replacements). The other CMS families' pagers live with their themes: PHPCMS v9 ``pages()``
in `newscrawler.portal.phpcms`, EmpireCMS 7.x ``sys_ShowListMorePage``/``page1``/
``sys_ShowTextPage`` in `newscrawler.portal.empire`.
"""

from __future__ import annotations

import re


def _number_window(page: int, total_pages: int, list_size: int) -> tuple[int, int]:
    """First and last page number listed, as both DedeCms pagers compute it: the first
    ``2 * list_size + 1`` pages, then a window of ``list_size`` either side of the current one."""
    window = list_size * 2 + 1
    if page >= window:
        return page - list_size, min(page + list_size, total_pages)
    return 1, min(window, total_pages)


def list_pages(tid: int, page: int, total_pages: int, total_items: int,
               list_size: int = 5, option: bool = True) -> str:
    """``{dede:pagelist listitem="info,index,end,pre,next,pageno,option" listsize="5"/}``."""
    if total_items == 0:
        return ('<li><span class="pageinfo">共 <strong>0</strong>页<strong>0</strong>条记录'
                '</span></li>\r\n')
    if total_pages <= 1:
        return (f'<li><span class="pageinfo">共 <strong>1</strong>页<strong>{total_items}'
                '</strong>条记录</span></li>\r\n')
    name = f"list_{tid}_{{}}.html"
    if page != 1:
        index = f"<li><a href='{name.format(1)}'>首页</a></li>\r\n"
        pre = f"<li><a href='{name.format(page - 1)}'>上一页</a></li>\r\n"
    else:
        index, pre = "<li>首页</li>\r\n", ""
    if page != total_pages:
        nxt = f"<li><a href='{name.format(page + 1)}'>下一页</a></li>\r\n"
        end = f"<li><a href='{name.format(total_pages)}'>末页</a></li>\r\n"
    else:
        nxt, end = "", "<li>末页</li>\r\n"
    first, last = _number_window(page, total_pages, list_size)
    numbers = "".join(
        f'<li class="thisclass">{j}</li>\r\n' if j == page
        else f"<li><a href='{name.format(j)}'>{j}</a></li>\r\n"
        for j in range(first, last + 1))
    options = "".join(
        f"<option value='{name.format(j)}'{' selected' if j == page else ''}>{j}</option>\r\n"
        for j in range(1, total_pages + 1))
    select = ("<li><select name='sldd' style='width:36px' "
              "onchange='location.href=this.options[this.selectedIndex].value;'>\r\n"
              f"{options}</select></li>\r\n")
    info = (f'<li><span class="pageinfo">共 <strong>{total_pages}</strong>页<strong>'
            f'{total_items}</strong>条</span></li>\r\n')
    return index + pre + numbers + nxt + end + (select if option else "") + info


def article_pages(aid: int | str, page: int, total: int) -> str:
    """``{dede:pagebreak/}``: one line, no 首页/末页, page 1 is ``{aid}.html``; "" if 1 page.

    ``aid`` is the file name stem (``NameFirst``): the aid, or a custom file name.
    """
    if total <= 1:
        return ""

    def href(n: int) -> str:
        return f"{aid}.html" if n == 1 else f"{aid}_{n}.html"

    out = [f"<li><a>共{total}页: </a></li>"]
    out.append("<li><a href='#'>上一页</a></li>" if page == 1
               else f"<li><a href='{href(page - 1)}'>上一页</a></li>")
    for n in range(1, total + 1):
        out.append(f"<li class=\"thisclass\"><a href='#'>{n}</a></li>" if n == page
                   else f"<li><a href='{href(n)}'>{n}</a></li>")
    out.append("<li><a href='#'>下一页</a></li>" if page == total
               else f"<li><a href='{href(page + 1)}'>下一页</a></li>")
    return "".join(out)


def article_pages_bare(aid: int, page: int, total: int) -> str:
    """NW style (``div.pagebreak``): the same items, emitted as bare ``<li>`` without a ``<ul>``."""
    return article_pages(aid, page, total)


def article_pages_d40(aid: int, page: int, total: int) -> str:
    """DedeCms 4.0: ``共3页: 上一页 1 <a href='123_2.html'>[2]</a> … 下一页`` (no ``<li>``)."""
    if total <= 1:
        return ""

    def href(n: int) -> str:
        return f"{aid}.html" if n == 1 else f"{aid}_{n}.html"

    out = [f"共{total}页: "]
    out.append("上一页 " if page == 1 else f"<a href='{href(page - 1)}'>上一页</a> ")
    for n in range(1, total + 1):
        out.append(f"{n} " if n == page else f"<a href='{href(n)}'>[{n}]</a> ")
    out.append("下一页" if page == total else f"<a href='{href(page + 1)}'>下一页</a>")
    return "".join(out)


def list_pages_d40(tid: int, page: int, total_pages: int, total_items: int) -> str:
    """DedeCms 4.0 list pagination: plain links, no ``<li>``, ``共N页/M条记录``."""
    name = f"list_{tid}_{{}}.html"
    parts = ["首页 " if page == 1 else f"<a href='{name.format(1)}'>首页</a> "]
    if page > 1:
        parts.append(f"<a href='{name.format(page - 1)}'>上一页</a> ")
    for j in range(1, total_pages + 1):
        parts.append(f"<strong>{j}</strong> " if j == page
                     else f"<a href='{name.format(j)}'>{j}</a> ")
    if page < total_pages:
        parts.append(f"<a href='{name.format(page + 1)}'>下一页</a> ")
    parts.append("末页 " if page >= total_pages
                 else f"<a href='{name.format(total_pages)}'>末页</a> ")
    parts.append(f"共{max(total_pages, 1)}页/{total_items}条记录")
    return "".join(parts)


def list_pages_dm(tid: int, page: int, total_pages: int, total_items: int, script: str,
                  list_size: int = 5) -> str:
    """``GetPageListDM`` with ``listitem="info,index,end,pre,next,pageno"``: links
    ``{script}?tid=N&TotalResult=T&PageNo=K`` (absolute path, from ``GetCurUrl``)."""
    if total_items == 0:
        return '<li><span class="pageinfo">共 0 页/0 条记录</span></li>\r\n'
    if total_pages <= 1:
        return f'<li><span class="pageinfo">共 1 页/{total_items} 条记录</span></li>\r\n'
    purl = f"{script}?tid={tid}&TotalResult={total_items}&"
    if page != 1:
        pre = f"<li><a href='{purl}PageNo={page - 1}'>上一页</a></li>\r\n"
        index = f"<li><a href='{purl}PageNo=1'>首页</a></li>\r\n"
    else:
        pre, index = "", "<li><a>首页</a></li>\r\n"
    if page != total_pages:
        nxt = f"<li><a href='{purl}PageNo={page + 1}'>下一页</a></li>\r\n"
        end = f"<li><a href='{purl}PageNo={total_pages}'>末页</a></li>\r\n"
    else:
        nxt, end = "", "<li><a>末页</a></li>\r\n"
    first, last = _number_window(page, total_pages, list_size)
    numbers = "".join(
        f'<li class="thisclass"><a>{j}</a></li>\r\n' if j == page
        else f"<li><a href='{purl}PageNo={j}'>{j}</a></li>\r\n" for j in range(first, last + 1))
    info = (f'<li><span class="pageinfo">共 <strong>{total_pages}</strong>页<strong>'
            f"{total_items}</strong>条</span></li>\r\n")
    return index + pre + numbers + nxt + end + info


def rewrite_list_links(links: str) -> str:
    """cfg_rewrite=Y replacements of ``GetPageListDM``: ``list-N-T-K.html``."""
    links = links.replace(".php?tid=", "-").replace("&TotalResult=", "-")
    return re.sub(r"&PageNo=(\d+)", r"-\1.html", links)


def article_pages_dm(aid: int, page: int, total: int, rewrite: bool = False,
                     script: str = "view.php") -> str:
    """``GetPagebreakDM``: relative ``view.php?aid=N`` / ``view.php?aid=N&pageno=K`` links
    (``view-N-1.html`` / ``view-N-K.html`` with cfg_rewrite=Y); "" for one page."""
    if total <= 1:
        return ""

    def href(n: int) -> str:
        stem = script[:-4]
        if rewrite:
            return f"{stem}-{aid}-{n}.html"
        return f"{script}?aid={aid}" if n == 1 else f"{script}?aid={aid}&pageno={n}"

    out = [f"<li><a>共{total}页: </a></li>"]
    out.append("<li><a href='#'>上一页</a></li>" if page == 1
               else f"<li><a href='{href(page - 1)}'>上一页</a></li>")
    for n in range(1, total + 1):
        if n == page:
            out.append("<li class=\"thisclass\"><a>1</a></li>" if n == 1
                       else f"<li class=\"thisclass\"><a href='#'>{n}</a></li>")
        else:
            out.append(f"<li><a href='{href(n)}'>{n}</a></li>")
    out.append("<li><a href='#'>下一页</a></li>" if page == total
               else f"<li><a href='{href(page + 1)}'>下一页</a></li>")
    return "".join(out)

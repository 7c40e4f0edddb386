"""DedeCms knowledge as data: containers, labels and noise, with evidence in dedecms-portals.md.

Adding a template's body container or a new meta-line label is a one-line change here; the code
that applies these lives in ``body.py``, ``meta.py`` and ``article.py``.
"""

from __future__ import annotations

import re

# --- Body ------------------------------------------------------------------------------------

#: Body containers of DedeCms templates (§5.1), most specific first, as simple selectors
#: (``index.py``). The first one holding real text wins; the structural scorer in
#: ``scoring.py`` handles every other template.
BODY_CONTAINERS = (
    "div.content td:leaf",  # 5.x default, NW, DL, LAW: div.content > table > tr > td
    "div.art-content",  # LAW lawyer template
    "div.ny-l-zhengwen",
    "div.detail_text",  # C4
    "div.qhd-content",  # C20
    "div#con.con",  # TA
    "div.news_artticle_context",  # NY
    "div.dan1",  # C13
    "div.detail_con",  # C2
    "div.news-content",  # C2 news template (nested <p>)
    "div.d_post_content",  # DL forum-like clone
    "div.content",  # C3: title and meta line inside, removed later
    "div.arc",
    "div#article_content", "div#articleContent", "div#article-content",
    "div.article-content", "div.article_content",
    "div.TRS_Editor",  # TRS, the other CMS of Chinese government sites
    "div#js_content",  # WeChat official-account articles (mp.weixin.qq.com)
)

#: Elements that never hold article text.
DROP_TAGS = (
    "script", "style", "noscript", "iframe", "object", "embed", "textarea", "select", "button",
    "input", "svg", "canvas", "template",
)

#: The toolbar the Wayback Machine inserts into an archived page (``div#wm-ipp-base``, older
#: copies ``div#wm-ipp``), and the bytes that say a page may hold it.
ARCHIVE_TOOLBAR_IDS = ("wm-ipp-base", "wm-ipp")
ARCHIVE_TOOLBAR_MARK = b"wm-ipp"

#: Class/id tokens of boxes around or inside the body that are not article text (§2.4, §5.10).
NOISE_SUBSTRINGS = (
    "digg", "share", "jiathis", "bshare", "pagelist", "dede_pages", "pagebreak", "comment",
    "prenext", "pre_next", "contentmidpicad", "copyright", "breadcrumb", "sidebar", "footer",
    "qrcode", "erweima", "recommend", "related", "relate_", "xiangguan", "tuijian", "paging",
    "pagination", "actbox", "boxoff", "newdigg", "bdshare", "social", "advert", "guanggao",
    "hidden", "print", "fenxiang", "login", "toolbar", "keyword", "statement", "shenming",
    "disclaimer", "mianze",
)
NOISE_TOKENS = (
    "ad", "ads", "gg", "nav", "menu", "hot", "tool", "tools", "tags", "tag", "context", "handle",
    "vote", "page", "pages", "place", "position", "more", "rank", "top", "header", "banner",
    "link", "links", "flink", "pright", "right", "side", "aside", "footer",
)
#: Searched in the lower-cased ``class id`` string: an IGNORECASE alternation is four times
#: slower, and the body cleaner asks it of every element of the body.
NOISE_ATTR_RE = re.compile(
    "|".join(re.escape(s) for s in NOISE_SUBSTRINGS)
    + "|(?:^|[\\s_-])(?:" + "|".join(NOISE_TOKENS) + ")(?:$|[\\s_-])"
)
#: Stricter furniture test for the structural scorer: a candidate inside one of these is out
#: (searched in the lower-cased ``class id`` string, as NOISE_ATTR_RE).
FURNITURE_ATTR_RE = re.compile(
    r"footer|copyright|sidebar|comment|statement|shenming|disclaimer|breadcrumb|recommend|"
    r"related|(?:^|[\s_-])(?:nav|menu|header|pright|side|aside|right-?side|foot|ft|bottom)(?:$|[\s_-])"
)
#: Ancestors are tested by whole class token only: layout classes such as ``one-sidebar``,
#: ``l-sidebar-fixed`` or ``post_header`` wrap whole pages, articles included.
FURNITURE_ANCESTOR_TOKENS = frozenset(
    {"footer", "foot", "sidebar", "comment", "comments", "copyright", "statement", "shenming",
     "disclaimer", "aside", "bottom"}
)
FURNITURE_ANCESTOR_PREFIXES = ("footer", "comment")
#: Class or id tokens that open a box of readers' comments, where the header after the
#: headline ends (``header.is_comment_box``).
COMMENT_BOX_PREFIXES = ("comment", "pinglun", "disqus")
#: Class/id tokens of the summary box above the body (DedeCms ``div.intro``): text derived
#: from the body, never the body itself, so the structural scorer's pick is refused when it
#: is one (a page whose body container is empty).
SUMMARY_TOKENS = frozenset({"intro", "summary", "zhaiyao", "abstract", "daodu", "digest"})
#: Elements whose tag says they are furniture.
NOISE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})

#: Lines of text that are furniture even inside the body cell.
NOISE_LINE_RE = re.compile(
    r"^(?:上一篇|下一篇|上一页|下一页|上一条|下一条)\s*[:：]|"
    r"^[-—=_]{3,}.*分隔线|分隔线[-—=_]{3,}|"
    r"^(?:顶一下|踩一下|返回顶部|打印本页|关闭窗口|【?打印】?|【?关闭】?|收藏|挑错|推荐|"
    r"分享到[:：]?.*|共\d+页[:：]?|\(\d+\)|\d+|\s*)$"
)
#: ``(责任编辑：admin)`` and its variants, kept out of the body but read as the editor.
EDITOR_NOTE_RE = re.compile(
    r"[（(\[【]\s*(?:责任编辑|责编|编辑)\s*[:：︰]\s*(?P<name>[^)）\]】]*?)\s*[)）\]】]"
)
#: ``#p#分页标题#e#`` page-break markers that leak from some editors.
PAGEBREAK_MARK_RE = re.compile(r"#p#.*?#e#")

#: Lazy-loading attributes that hold the real image URL, tried before ``src``.
IMAGE_ATTRS = ("data-original", "data-src", "original", "data-lazy-src", "src", "file")

# --- Title -----------------------------------------------------------------------------------

#: Article headings (§5.4), most specific first (simple selectors, ``index.py``).
TITLE_SELECTORS = (
    "div.title h1", "div.title h2", "div.viewbox h2", "div.news_xaingxi", "h1",
    ".title", ".article-title", "#title", ".h-title", ".art-title", ".news_title", ".main-title",
    "h2", "h3", "h4", "h5", "td b", "td strong",  # v3.1/4.0 table layouts: <b> in a cell
)
#: Headings of page furniture, never an article's headline (``<h3>相關文章</h3>``).
NOT_HEADLINES = frozenset(
    {"相关文章", "相關文章", "相关新闻", "相關新聞", "相关阅读", "相關閱讀", "延伸阅读", "延伸閱讀",
     "推荐阅读", "推薦閱讀", "热门文章", "熱門文章", "热门新闻", "熱門新聞", "最新消息", "最新新闻",
     "最新新聞", "热点新闻", "熱點新聞", "猜你喜欢", "猜你喜歡", "精彩推荐", "精彩推薦", "网友评论",
     "網友評論", "相关链接", "相關連結"}
)
#: ``<title>`` separators between the title and the site name.
TITLE_SPLIT_RE = re.compile(r"\s*(?:_|\s?-\s|\||｜|\s–\s|\s—\s|--|——|\s[»›]\s)\s*")
#: Page marker of page N of a multi-page article: ``标题(2)``.
PAGE_MARKER_RE = re.compile(r"\s*[(（]\d{1,3}[)）]\s*$")

# --- Breadcrumb --------------------------------------------------------------------------------

BREADCRUMB_SELECTORS = (
    "div.place", ".position", ".location", ".crumbs", ".breadcrumb", ".bread", ".curpos",
    ".weizhi", ".nav_path", ".lc", "#position", "#location", "#breadcrumb", "#crumbs",
)
#: Words that start a breadcrumb without a recognisable container.
BREADCRUMB_WORDS = ("当前位置", "您的位置", "所在位置", "你的位置")
BREADCRUMB_LABEL_RE = re.compile(
    r"^\s*(?:当前位置|您的位置|您所在的位置|你的位置|你所在的位置|所在位置|位置)\s*[:：]?\s*"
)
#: Names that are not sections: home anchors and D40's literal trail end.
BREADCRUMB_SKIP = frozenset({"", "主页", "首页", "网站首页", "返回首页", "home", "Home", "HOME",
                             "文章内容", "正文", "内容", "详情", "正文内容"})
BREADCRUMB_SPLIT_RE = re.compile(r"\s*(?:>|&gt;|»|›|＞|→|/)\s*")

# --- Meta line -----------------------------------------------------------------------------------

#: Containers of the meta line (§5.2), tried after the text that follows the heading.
META_SELECTORS = (
    "div.info", ".article-info", ".arcinfo", ".artinfo", ".article_info", ".info", ".meta",
    ".article-meta", ".post-meta", ".news_info", ".titBar", ".ly", ".source", ".time", ".date",
)
#: Elements holding just a date (C4 ``div.detail_time``, NY ``span.date``, ``<time>``).
DATE_SELECTORS = (
    ".detail_time", ".date", ".time", ".pubtime", ".pub_time", ".publish-time", ".post-time",
    ".h-time", "#pubtime", "#pub_date", "#publish_time", "#news_time", "#pubtime_baidu", "time",
)
#: Elements holding just the source (a portal's "来源" link without a label).
SOURCE_SELECTORS = (
    ".source", "#source", ".article-source", "#source_baidu", ".ly", "#ne_article_source",
)

#: Meta-line labels by field, longest first within a field (§5.2).
#: Discuz!'s portal labels the poster's account so (its CMS login, ``admin``, is nobody),
#: telnet-style BBSes (水木, 饮水思源: ``发信人: InnJayHee(跨时代), 信区: …``) the writer, and
#: 天涯 a thread's starter (``楼主：cdylng 时间：…``).
POSTER_LABELS = ("发布者", "發布者", "發佈者", "发信人", "發信人", "楼主", "樓主")
#: Who put the page on the site (a university news office's staff account, ``发布者：张晓然``):
#: a byline opening the text names the writer instead.
UPLOADER_LABELS = ("发布者", "發布者", "發佈者", "发布人", "發布人")
#: What a bare ``时间``/``日期`` label times when one of these (two characters each) comes
#: first: an event the text announces (``面试时间：2015/12/30 16:00``, ``活动时间``,
#: ``报名日期``), not the article.
EVENT_TIME_PREFIXES = (
    "面试", "面試", "活动", "活動", "开始", "開始", "结束", "結束", "截止", "报名", "報名",
    "比赛", "比賽", "会议", "會議", "考试", "考試", "举办", "舉辦", "开放", "開放", "营业",
    "營業", "办理", "辦理", "申请", "申請", "培训", "培訓", "讲座", "講座", "演出", "展览",
    "展覽", "开展", "開展", "出发", "出發", "到达", "到達", "集合", "上课", "上課", "入学",
    "入學", "毕业", "畢業", "有效", "施行", "实施", "實施", "生效", "签订", "簽訂", "出生",
    "注册", "註冊", "登录", "登錄",  # a forum poster's card: the account's, not the post's
)
#: The bare labels those prefixes turn into an event's.
BARE_TIME_LABELS = ("时间", "時間", "日期")

LABELS = {
    "date": ("发布时间", "发布日期", "发表时间", "更新时间", "发表日期", "发稿时间", "时间", "日期",
             "发布于", "发表于", "编辑于", "編輯於", "输入", "輸入", "Date", "發布時間", "發佈時間",
             "發表時間",
             "更新時間", "時間",
             "发布", "發布", "發佈"),
    "source": ("文章来源", "新闻来源", "信息来源", "稿件来源", "来源", "来自", "出处", "Source",
               "新聞來源", "文章來源", "來源"),
    "author": ("实习记者", "见习记者", "實習記者", "見習記者", "作者", "撰文", "撰稿", "记者",
               "通讯员", "实习生", "文", "Author", "記者", "通訊員", "實習生",
               *POSTER_LABELS),
    "editor": ("责任编辑", "值班编辑", "责编", "编辑", "責任編輯", "值班編輯", "責編", "編輯",
               "选稿", "選稿"),
    "other": ("点击次数", "点击数", "点击", "人气", "阅读量", "阅读", "浏览次数", "浏览",
              "所属分类", "来自分类", "所属栏目", "栏目", "分类", "字体", "字号", "评论",
              "关键词", "标签", "摄影", "分享到", "点击量"),
}
#: Government pages' information-disclosure table (信息公开: ``索引号``, ``发文日期``, ``责任部门``
#: above the headline) and the labels of its dates, the record's own (``meta.py``).
DISCLOSURE_MARK_RE = re.compile("索.{0,12}?引.{0,12}?号".encode(), re.DOTALL)  # 索\u2002引\u2002号
DISCLOSURE_DATE_LABELS = ("发文日期", "生成日期", "成文日期", "发布日期", "公开日期")
#: Date labels of the last update: a publish date labelled after one wins.
UPDATE_DATE_LABELS = frozenset({"更新时间", "更新時間", "编辑于", "編輯於"})
#: Labels that take no colon when followed by a date (``发表于 2016-07-12``).
COLONLESS_DATE_LABELS = ("发布于", "发表于", "编辑于", "編輯於")
#: What a forum or blog prints between its poster and the date (``authors.py``).
POSTED_LABELS = ("发表于", "發表於", "发布于", "發佈於", "發布於")
#: What a blog theme prints before a post's category, update time or word count (``分類於 電腦
#: 科學``): labels, never a writer.
FILED_LABELS = ("分类于", "分類於", "更新于", "更新於", "发布在", "發佈在", "本文字数", "阅读次数")
#: English words a header prints alone before its date that are no handle (``Posted``).
LATIN_HEADER_WORDS = frozenset(
    {"posted", "published", "updated", "date", "time", "home", "news", "by", "on", "at", "post",
     "modified", "created", "written", "edited", "share", "print", "source", "from", "via",
     "admin", "administrator", "editor", "staff", "reuters", "ap", "afp", "xinhua", "today"}
)
#: A blog theme's copyright box after the post (``post-copyright``, ``reprint``), and the
#: author it labels (``文章作者: 0o酱``, ``本文作者： fenix``, ``Post author: X``).
COPYRIGHT_SELECTORS = (".post-copyright", ".reprint")
COPYRIGHT_AUTHOR_RE = re.compile(
    r"(?:本文作者|文章作者|原文作者|作者|Post author|Author)\s*[:：]\s*"
    r"(?P<name>[^\s:：|/]{1,30}(?: [A-Z][^\s:：|/]{1,20})?)"
)
#: Where a blog or CMS links a category or tag page (``/categories/程式/``, ``/tag/x``): a word
#: linked so next to the date says where the post is filed, not who wrote it.
CATEGORY_HREF_RE = re.compile(r"/(?:categor(?:y|ies)|tags?|topics?)/|[?&](?:cat|tag)=", re.I)
#: Where platforms link an account's own page (``/user/214166``, ``/people/x``, ``/u/123``,
#: ``space.bilibili.com/1``, ``/author/x``, ``home.php?mod=space&uid=1``): a word before the
#: header date linked so is who posted the article.
PROFILE_HREF_RE = re.compile(
    r"(?:^|[/.])(?:user|users|author|authors|people|u|member|members|space|profile|home|writer|me)"
    r"(?:[/._-]|$)|[?&](?:uid|userid|user_id|authorid)=",
    re.IGNORECASE,
)
#: Share buttons' lead words, printed after a header date (``分享到东方微博新浪微博``).
SHARE_WORDS = ("分享到", "分享至", "分享")
#: A translator's labels: who follows is not the writer (a compiler, 编译, is: see
#: ``AUTHOR_BYLINE_LABELS``).
TRANSLATOR_LABELS = ("译者", "譯者", "翻译", "翻譯")
#: Labels read without a colon in a ``|``-separated meta line (``| 来源 CSDN |``), see
#: ``meta._bare_label``.
COLONLESS_LABELS = ("文章来源", "新闻来源", "信息来源", "稿件来源", "来源", "作者")
#: Of those, the ones that may also follow a lead sentence when a separator ends their value
#: (Hugo Docsy's ``本文简单介绍了… 作者 Jun10ng | 2022年3月19日``).
COLONLESS_AFTER_TEXT = ("作者",)
#: Words saying a text was taken from another work (``辑自《三个世纪的跨越》``): what follows
#: is that work, not a writer's name.
TAKEN_FROM = ("辑自", "輯自", "摘自", "节选自", "節選自", "选自", "選自", "摘编自", "摘編自",
              "转自", "轉自", "原载于", "原載於", "原载", "原載")
#: Values meaning "no value".
EMPTY_VALUES = frozenset({"", "未知", "佚名", "-", "无", "null", "None", "none", "unknown",
                          "anonymous", "admin未知"})

#: ``<meta>`` names and properties with a publication date, in order of trust.
META_DATE_NAMES = (
    "article:published_time", "og:published_time", "og:release_date", "pubdate", "publishdate",
    "publish_date", "datePublished", "dc.date", "dc.date.issued",
    "sailthru.date", "date", "cXenseParse:recs:publishtime", "article:modified_time",
)
#: Inline-script keys holding the publish time (``embedded.script_date``), as real portals name
#: them: ``pubtime`` (sina, cjn, cmse, qq), ``ptime`` (xinhuanet), ``publish_time`` (toutiao),
#: ``newsTime`` (ifeng), ``publishdate`` (stcn), ``pubDate``/``publishDate`` (guancha, readhub).
SCRIPT_DATE_KEYS = (
    "pubtime", "pub_time", "ptime", "publishtime", "publish_time", "publishdate", "publish_date",
    "pubdate", "pub_date", "newstime", "news_time",
)
#: Script keys whose value is the publish time in seconds since 1970: WeChat articles
#: (mp.weixin.qq.com) keep theirs in ``var ct = "1700000000"``, which a script prints.
SCRIPT_EPOCH_KEYS = ("ct", "create_time", "publish_time", "pubtime")
META_SOURCE_NAMES = ("source", "article:source", "og:source", "mediaid")
META_AUTHOR_NAMES = ("author", "article:author", "dc.creator")
#: The statistics block central media's CMS writes into every page's head (天润 / Terren:
#: ``filetype``, ``publishedtype``, ``pagetype``, then ``contentid``, ``publishdate``,
#: ``author``, ``editor``, ``source``; cctv, chinadaily, gmw, people, cyol, 021east …). Its
#: ``author`` is the account that published the page (on people.cn a number, 105464).
CMS_STATISTICS_TAGS = frozenset({"filetype", "publishedtype", "pagetype"})

# --- Authors (``authors.py``) ---------------------------------------------------------------

#: Labels that put a writer's name after them in a byline (regex alternatives; a medium before
#: them, ``新华社记者``/``每经记者``, is simply not part of the match).
AUTHOR_BYLINE_LABELS = (
    "特约记者", "首席记者", "见习记者", "实习记者", "记者", "作者", "撰稿", "撰文", "通讯员",
    "执笔人", "执笔", "撰稿人", "实习生", "特约撰稿人", "特约撰稿", "特约评论员", "评论员",
    "特约作者", "专栏作者", "主笔",
    "特約記者", "見習記者", "實習記者", "記者", "通訊員", "執筆", "實習生",  # traditional
    "编译", "編譯",  # a report compiled from foreign media: the compiler wrote it
)
#: Characters that make ``作者`` the end of another word (工作者, 创作者, 写作者, 合作者, 协作者,
#: 著作者): no label then.
WORDS_ENDING_IN_A_LABEL = "工创写合协著"
#: Between two names of one byline: the next name is a writer too (``X 实习生 Y``).
AUTHOR_CONTINUE_LABELS = frozenset(
    {"实习生", "实习记者", "见习记者", "通讯员", "记者", "特约记者", "本报记者",
     "本报实习生", "本报实习记者", "本报见习记者", "本报通讯员", "本报特约记者",
     "實習生", "實習記者", "見習記者", "通訊員", "記者", "特約記者"}
)
#: Of those, the ones glued between two names still split them (``记者曹继军通讯员魏娜``);
#: ``记者`` glued after a word is a medium's reporter (``新京报记者王姝``), no second name.
GLUED_CONTINUE_LABELS = ("通讯员", "通訊員", "实习生", "實習生")
#: A token ending like this ends the names (``北京报道``, ``摄``) and is not a name.
AUTHOR_NAME_STOPS = (
    "报道", "摄影", "摄", "电", "讯", "编辑", "责编", "综合", "整合", "整理", "编译", "辑自",
    "辑录", "報導", "報道", "攝影", "攝", "電", "訊", "編輯", "責編", "綜合", "編譯", "輯自",
    "輯錄",
)
#: Of those, the roles a writer's name is glued to (``文耕编译``, ``李四整理``): not a place
#: (``江阴报道``) nor a photographer (``王林摄``).
WRITING_ROLES = frozenset({"编译", "編譯", "整理", "辑自", "輯自", "辑录", "輯錄"})
#: Han words of two to four characters that bylines put where a name could be.
#: China's provinces, regions and municipalities, short and long, simplified and traditional,
#: and Hong Kong, Macau and Taiwan: platforms print the writer's ``IP属地`` right after the
#: date (``未来智库 2023-04-14 10:31 安徽``), where a name could stand.
REGIONS = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南",
    "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省",
    "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省",
    "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省",
    "重慶", "遼寧", "黑龍江", "江蘇", "廣東", "貴州", "雲南", "陝西", "臺灣", "台灣", "廣西",
    "寧夏", "新疆", "澳門", "內蒙古", "海外", "未知",
)
AUTHOR_NOT_NAMES = frozenset(
    {"本报", "本刊", "本台", "记者", "作者", "编辑", "责编", "通讯员", "实习生", "综合", "报道",
     "综合报道", "来源", "未知", "佚名", "匿名", "网友", "小编", "编者", "原创", "转载", "视频",
     "楼主", "樓主", "层主", "版主", "上传", "上傳", "此内容", "此內容", "本文", "本内容",
     "图片", "图文", "专稿", "快讯", "管理员", "本网", "本站", "评论员", "特约", "观察员", "采访",
     "整合", "整理", "编译", "网络整理", "网络", "消息", "参考消息", "文字", "文案", "排版",
     "出品", "策划", "监制",
     # column tags a byline label starts (【记者调查】, 记者观察) or printed where a name goes
     "调查", "關注", "关注", "观察", "觀察", "述评", "評論", "专访", "專訪", "访谈", "訪談",
     "视点", "視點", "时评", "時評", "特写", "特寫", "纪实", "紀實", "聚焦", "独家", "獨家",
     "深度", "热点", "熱點", "焦点", "焦點", "追踪", "追蹤", "要闻", "要聞", "头条", "頭條",
     "探访", "探訪", "直击", "直擊", "解读", "解讀", "更新", "发布", "發布", "发表", "發表",
     # buttons printed next to the date (查看 原文, 分享, 收藏)
     "查看", "分享", "收藏", "收藏本文", "點贊", "点赞", "打印", "关闭", "返回", "举报", "投稿",
     "订阅", "关注我们", "账号已注销", "帳號已註銷",
     # page furniture after a label: 记者博客, 作者专栏, 联系记者, 记者信箱
     "博客", "专栏", "主页", "信箱", "邮箱", "热线", "文章", "简介", "部落格", "專欄", "手记",
     "前言", "引子", "导语", "摘要", "按语", "编者按", "附录", "后记", "注释", "目录",
     "記者", "編輯", "責編", "通訊員", "實習生", "綜合", "報導", "來源", "網友", "小編", "圖片",
     "視頻", "影片", "快訊", "本報", "本網"}
    # where the writer posted from, printed after the date since 2022 (IP属地: 安徽)
    | frozenset(REGIONS)
)
#: The accounts a CMS installs with and fills every byline with (WordPress's, DedeCms's
#: ``admin``): who ran the site, not who wrote the article.
PLACEHOLDER_ACCOUNTS = frozenset({"admin", "administrator", "webmaster", "root", "guest", "user"})
#: A template vendor's credit where a theme fills ``<meta name="author">`` (``order by
#: dede58.com``, ``Powered by …``) or any value holding an address: never a writer.
TEMPLATE_CREDIT_RE = re.compile(
    r"(?i)\b(?:order|powered|designed?|made|theme|template)\s+by\b|www\.|https?://|"
    r"\.(?:com|cn|net|org)\b"
)
#: A forum thread's first post is marked so, and its poster's card prints the account's
#: standing with these labels (``forum.py``).
FORUM_STARTER_MARK = "楼主"
FORUM_STANDING_LABELS = ("等级", "级别", "積分", "积分", "发帖", "帖子", "注册", "精华", "威望",
                         "金钱", "在线时间", "阅读权限")
#: A forum's line under a post naming who posted it and when (netsh.com's ``本贴由大卫
#: 于2005年8月12日16:12:21在〖心灵体操〗发表``): its writer and its date.
POSTED_BY_RE = re.compile(
    r"(?:本贴|本帖|此贴|此帖|该贴|该帖|本文)由\s*(?P<name>[^\s于]{1,20}?)\s*于\s*(?P<date>\d{4}[^在发]{4,24})"
    r"(?:在.{0,40}?)?(?:发表|发布)")
#: How a desk, not a person, starts (``本站原创``, ``本报讯``).
DESK_PREFIXES = ("本报", "本刊", "本网", "本站", "本報", "本網")
AUTHOR_NOT_NAME_PREFIXES = DESK_PREFIXES + ("来源", "据", "图")
#: Page furniture printed next to the header date, which a bare name could be mistaken for
#: (``2019-09-24 09:10 字号 超大``, ``关注``, ``举报``), and weekdays (``周一``).
HEADER_NOT_NAMES = frozenset(
    {"字号", "分享", "收藏", "举报", "打印", "评论", "关注", "阅读", "点击", "返回", "纠错", "全文",
     "展开", "原文", "相关", "推荐", "反馈", "热点", "国内", "国际", "时政", "社会", "财经", "科技",
     "我要评论", "我要評論", "發表評論", "评论数", "評論",
     "娱乐",
     "体育", "正文", "大字", "中字", "小字", "放大", "缩小", "默认", "分享到", "微信", "微博",
     "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周末", "昨天", "今天", "前天",
     # the read-aloud buttons of government sites (智能语音播报): 广州's ``<img title="听全文">
     # 听全文``
     "听全文", "听新闻", "听文章", "朗读", "朗读全文", "语音播报", "播报", "收听"}
)
#: Common Chinese surnames (compound ones first): a bare token next to the header date is read
#: as a name only when it starts with one, since nothing labels it as a name there.
COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯", "端木", "西门", "南宫", "独孤", "万俟", "闻人", "澹台", "公冶", "申屠",
)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
    "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐"
    "冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴"
    "丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜"
    "印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧"
    # the same surnames in traditional characters (Taiwan, Hong Kong), where they differ
    "陳張劉黃楊趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閻龍賀顧龔萬錢嚴湯溫齊喬龐顏莊聶歐關"
    "蘭寧紀畢單駱藍鮑華鄔邊遲蔣鄺"
)
#: A labelled date value starts with the date: a digit, a Latin month, or one of these words.
#: ``发布于：北京市 北京时间5月20日…`` (sohu: "published from") has a place there, not a date.
DATE_VALUE_WORDS = ("昨天", "今天", "前天", "刚刚", "今日", "昨日", "上午", "下午")
#: ``X/文``-style labels: the name(s) on the other side of the slash wrote the piece.
SLASH_AUTHOR_LABELS = ("文字", "文", "执笔", "撰文")
#: Endings of media, site and organisation names, which are sources, not authors.
#: Two-character words a surname starts that end like an organisation and are one
#: (``商会``, ``党委``, ``高院``): a surname and one character is otherwise a name (``刘会``).
SURNAMED_WORDS = frozenset({"商会", "党委", "党办", "高院", "万网"})
#: One-character endings of media (``杂志``) that end many given names too (``伍永志``,
#: ``李建志``): after a common surname and one more character, a name's.
GIVEN_NAME_ENDINGS = ("志",)
#: The words a medium's or a chronicle's name ends with there (``XX杂志``, ``XX县志``).
RECORD_WORDS = frozenset({"杂志", "雜誌", "杂誌", "方志", "县志", "縣志", "史志", "市志", "厂志"})
MEDIA_SUFFIXES = (
    "报", "网", "社", "台", "刊", "志", "站", "号", "频道", "视频", "新闻", "财经", "综合", "APP",
    "客户端", "编辑", "记者", "资讯", "传媒", "集团", "公司", "中心", "协会", "研究院", "研究所",
    "大学", "部", "局", "委", "办", "院", "署", "会", "消息", "整理", "网络", "網絡", "科技",
    "软件", "軟件",
    "報", "網", "臺", "誌", "視頻", "新聞", "財經", "綜合", "資訊", "傳媒", "集團", "協會", "會",
    "編輯", "記者", "辦", "電視", "快讯", "快訊", "出版", "出版社",
)
#: A medium's name inside an account's (``加拿大都市网多伦多``: the paper's desk in Toronto): the
#: few endings of MEDIA_SUFFIXES that end a paper's or site's name, followed by more text.
MEDIUM_INSIDE_RE = re.compile(
    r"[\u4e00-\u9fff]{2}(?:" + "|".join(("网", "報", "报", "台", "社", "刊", "新闻", "新聞"))
    + r")(?=[\u4e00-\u9fff])"
)
#: Job titles glued to the writer's name right before a header date (``心理咨询师熊玲 2018/03/05``):
#: columnists of self-media and portals' expert columns.
BYLINE_JOB_TITLES = ("咨询师", "医师", "律师", "分析师", "评论员", "专栏作家", "作家", "教授",
                     "研究员", "主编", "编剧")
#: Job titles in a credit (``作者：…研究部部长、研究员徐占忱``, ``作者：方敏北京大学经济学院教授``):
#: a name right after the last one is the writer's, and one ending the credit closes an
#: affiliation that follows the name. Longest first within a word family.
JOB_TITLES = (
    "助理研究员", "副研究员", "研究员", "副教授", "教授", "讲师", "博士后", "博士生", "博士",
    "硕士", "院士", "学者", "专家", "副主任", "主任", "副部长", "部长", "副院长", "院长",
    "副所长", "所长", "主席", "会长", "秘书长", "理事长", "董事长", "总经理", "总裁",
    "首席经济学家", "经济学家", "分析师", "律师", "校长", "局长", "处长", "书记", "委员",
    "评论员", "研究員", "講師", "學者", "專家", "經濟學家", "分析師", "評論員", "医师", "醫師",
    "工程师", "工程師", "架构师", "架構師", "程序员", "程式設計師", "顾问", "顧問",
)
#: Endings of organisations and their units an affiliation names before the writer
#: (``武汉大学历史学院郭伦``, ``作者：表面事业部 李蕾``, ``党委宣传部 张三``).
ORGANISATION_ENDS = (
    "大学", "学院", "研究院", "研究所", "研究中心", "中心", "公司", "集团", "报社", "杂志社",
    "协会", "学会", "委员会", "银行", "医院", "学校", "中学", "小学", "学系", "大學", "學院",
    "協會", "學會", "委員會", "銀行", "醫院", "學校", "证券", "證券", "基金", "智库", "智庫",
    "研究部", "研究院所", "所", "部", "处", "办公室", "团委", "党委", "工会", "图书馆", "频道",
)
#: Where an affiliation or a dateline's place starts, glued to a name (``方敏北京大学…``,
#: ``中央社記者邱俊欽桃園19日電``): provinces, large cities, Taiwan's cities and counties, and
#: the words national institutions start with.
PLACES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
    "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港",
    "澳门", "广州", "深圳", "南京", "杭州", "武汉", "成都", "西安", "沈阳", "长沙", "郑州",
    "济南", "青岛", "厦门", "苏州", "大连", "哈尔滨", "长春", "福州", "合肥", "南昌", "昆明",
    "贵阳", "南宁", "兰州", "太原", "石家庄", "呼和浩特", "乌鲁木齐", "拉萨", "银川", "西宁",
    "海口", "中国", "中央", "国家", "国务院", "全国", "清华", "复旦", "南开", "同济",
    "台北", "臺北", "新北", "桃園", "桃园", "台中", "臺中", "台南", "臺南", "高雄", "基隆",
    "新竹", "苗栗", "彰化", "南投", "雲林", "云林", "嘉義", "嘉义", "屏東", "屏东", "宜蘭",
    "宜兰", "花蓮", "花莲", "台東", "臺東", "台东", "澎湖", "金門", "金门", "馬祖", "马祖",
    "臺灣", "澳門", "華盛頓", "华盛顿", "紐約", "纽约", "東京", "东京", "倫敦", "伦敦",
    "巴黎", "柏林", "首爾", "首尔", "新加坡", "中國", "國家",
)
#: Media names that a writer's bare name follows in an opening byline (``第一财经日报 周艾琳``,
#: ``中央纪委国家监委网站 李鹃``, ``乐居新媒体 徐迪``, a county's 融媒体 desk, ``壹蘋新聞網 /
#: 呂承哲``).
BYLINE_MEDIA_ENDS = ("日报", "晚报", "时报", "商报", "周刊", "报", "新闻", "通讯社", "网站",
                     "新闻网", "新媒体", "融媒体", "传媒",
                     "日報", "晚報", "時報", "商報", "報", "新聞", "通訊社", "網站", "新聞網",
                     "傳媒")
#: Television media, whose closing credits name the channel (``民視新聞``, ``台視``).
TV_ENDS = ("電視", "电视", "視新聞", "视新闻", "台", "臺")
#: Endings of labels and their variants (``发表于``, ``发布时间``, ``更新日期``).
#: Words of a Latin medium's or desk's name, never of a writer's (``China Daily``).
LATIN_MEDIA_WORDS = frozenset({
    "news", "daily", "times", "post", "press", "agency", "online", "net", "tv", "radio",
    "network", "media", "magazine", "weekly", "journal", "herald", "tribune", "review",
    "channel", "reuters", "bloomberg", "staff", "editor", "editors", "editorial", "desk",
    "updated", "published", "posted", "source", "china", "global", "world", "international",
    "newsroom", "redazione", "redaktion", "redaccion", "embassy", "mission", "consulate",
})
#: What a long labelled value ends with when it is a place or an outlet, not a pen name
#: (``作者：中关村在线``, ``作者：北京市人民政府``).
#: A credit ending so names a team or a desk, not a writer (``MOSN 团队``, ``前端团队``).
GROUP_ENDINGS = ("团队", "團隊", "小组", "小組", "工作室", "编辑部", "編輯部", "项目组", "項目組")
PEN_NAME_NOT_ENDINGS = ("在线", "政府", "平台", "团队", "小组", "工作室", "官方", "官微", "原创",
                        "转载", "整理", "供稿", "不详", "学院", "学校", "医院", "银行")
LABEL_ENDINGS = ("于", "时间", "日期", "来源", "编辑", "点击", "阅读", "浏览", "评论")
#: A name right before the header date is a source's when its text ends like this.
AUTHOR_LABEL_ENDS = ("来源", "来源于", "来自", "出处", "转自", "稿源", ":", "：")

#: ``/2016/0712/`` (DedeCms default rule), ``/20160712/`` and ``/2016-07/12/`` in URL paths.
URL_DATE_RES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]\d)(?P<d>[0-3]\d)/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})-?(?P<m>[01]\d)-?/?(?P<d>[0-3]\d)/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)[/_-]"),
    # TRS WCM's documents (government and paper sites): /201908/t20190814_1272359.html
    re.compile(r"/t(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)_\d+"),
    # WordPress's "day and name" permalinks and the blog engines that copy them (Hexo,
    # Pelican, Jekyll): /2016/05/15/slug/
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/"),
)


# Author markup of blog and CMS themes: the hCard byline (WordPress: <span class="author vcard">
# <a class="url fn n">name</a>) and rel="author" links. Looked for only when the page source
# holds one of AUTHOR_MARKUP_MARKS (an XPath over the whole tree costs more than the test).
AUTHOR_MARKUP_MARKS = (b"vcard", b'rel="author"', b"rel='author'")
AUTHOR_MARKUP_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' vcard ')"
    " and contains(concat(' ', normalize-space(@class), ' '), ' author ')]"
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]"
    " | //a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]"
)
# Elements whose class names an author box (RFI's ``<div class="m-from-author">作者：<a>珍妮特
# </a>``, ``article-author``, ``author-name``): their text counts when it is an author label and
# names only (a comment's ``comment-author`` has no label). Looked for when the source has such
# a class.
AUTHOR_CLASS_MARK_RE = re.compile(rb"""class=["'][^"'>]*author""")
AUTHOR_CLASS_XPATH = "//*[contains(@class, 'author')]"
MAX_AUTHOR_CLASS_ELEMENTS = 5
# The author label (作者; 记者 is in most news text, too common to look for) alone in its
# element, the value in the next one: a definition list's cells
# (PTT's ``<span class="article-meta-tag">作者</span><span class="article-meta-value">chengwaye
# (短彈田)</span>``, ``<dt>作者</dt><dd>X</dd>``, ``<th>作者</th><td>X</td>``), never links (a tag
# list's ``<a>记者</a><a>现场直击</a>``). Looked for when the source has such an element.
LABEL_CELL_MARKS = ("作者".encode(),)
LABEL_CELL_XPATH = (
    "//*[not(*) and not(self::a) and normalize-space(.)='作者']"
    "/following-sibling::*[1][not(self::a)]"
)
# WeChat's author slot (``<em class="rich_media_meta rich_media_meta_text">闲云野鹤</em>``, between
# the date's slot and the account's ``rich_media_meta_nickname``; ``#js_author_name`` in later
# versions): printed as the writer signs, an emoji and all (``🌏华商君``). The slots of the date,
# the place and the 原创 tag carry an id or a tag class. Looked for when the source has the class.
WECHAT_AUTHOR_MARK = b"rich_media_meta"
#: The same slots as simple selectors: the page index tells whether a page has them, where a
#: search of the source for the class cost 50 us a page.
WECHAT_AUTHOR_SELECTORS = ("#js_author_name", ".rich_media_meta_text")
WECHAT_AUTHOR_XPATH = (
    "//*[@id='js_author_name'] | //*[contains(concat(' ', normalize-space(@class), ' '),"
    " ' rich_media_meta_text ') and not(@id) and not(contains(@class, 'nickname'))"
    " and not(contains(@class, 'meta_tag_text'))]"
)
# The account's own name (``#js_name``, ``profile_nickname``): an author slot repeating it names
# the account, not a writer, and the page's credits are read instead.
WECHAT_ACCOUNT_XPATH = (
    "//*[@id='js_name' or contains(@class, 'profile_nickname')"
    " or contains(@class, 'rich_media_meta_nickname')]"
)
MAX_WECHAT_AUTHOR_CHARS = 20
# schema.org microdata's author (zhihu's ``<div itemprop="author" itemtype=".../Person"><meta
# itemprop="name" content="X">``): its ``name`` property, else its own content or short text.
# Never a comment's author. Looked for when the source has the attribute (one bytes search: each
# search of a page's source costs 10-40 µs, and every page pays it).
MICRODATA_AUTHOR_MARK = b'rop="author'  # itemprop="author", itemProp="author"
MICRODATA_AUTHOR_XPATH = (
    "//*[@itemprop='author'][not(ancestor-or-self::*[contains(@itemtype, 'Comment')])]"
)
MAX_MICRODATA_AUTHOR_CHARS = 40


#: Every simple selector above, for building the page index (``index.py``) once per page.
ALL_SELECTORS = (
    BODY_CONTAINERS + TITLE_SELECTORS + BREADCRUMB_SELECTORS + META_SELECTORS + DATE_SELECTORS
    + SOURCE_SELECTORS + COPYRIGHT_SELECTORS + WECHAT_AUTHOR_SELECTORS
)

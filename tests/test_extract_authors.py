"""Authors: bylines as Chinese news pages print them (``newscrawler/extract/authors.py``), and
the record's ``author`` end to end: several names in print order joined with 、, never an
editor, a photographer, a medium, a site name, a label or markup."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from newscrawler.extract import extract_article
from newscrawler.extract.authors import (
    labelled_names,
    marked_names,
    name_under_headline,
    opening_byline,
    report_line,
    slash_credit,
    with_names_after,
)
from newscrawler.extract.beside_date import latin_name_opening, name_before_date, names_after_date
from newscrawler.extract.credits import (
    closing_credit,
    closing_signature,
    credit_group,
    furniture_credit,
)
from newscrawler.extract.names import clean_author, has_surname, is_name, pen_name

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
URL = "http://news.example.cn/a/1.html"
TEXT = "这是一篇足够长的新闻正文，用来让正文抽取器确认这里就是文章的主体内容。" * 4


@pytest.mark.parametrize(("text", "expected"), [
    ("本报记者 张三 北京报道 今年以来，市场……", "张三"),
    ("新华社记者 李四 王五 沙特阿拉伯领导的多国联军……", "李四、王五"),
    ("新华社记者陈霖 胡冠 沙特阿拉伯领导的多国联军……", "陈霖、胡冠"),
    ("新华社北京6月13日电（记者闫子敏）外交部发言人……", "闫子敏"),
    ("新华社科威特城６月１１日电（记者王薇 聂云鹏）亚丁消息……", "王薇、聂云鹏"),
    ("人民网北京6月1日电 （朱江）据北京市消费者协会网站消息……", "朱江"),
    ("每经记者 盖源源 实习记者 张春楠 每经编辑 温梦华 今年3月……", "盖源源、张春楠"),
    ("21世纪经济报道 本报记者 高江虹 实习生 魏孙媛 北京报道 4月13日……", "高江虹、魏孙媛"),
    ("⊙记者 王莉雯 ○编辑 全泽源 博鳌论坛期间……", "王莉雯"),
    ("北京商报讯（记者 蓝朝晖）备受瞩目的……", "蓝朝晖"),
    ("□ 本报记者 王 观 外汇储备的作用……", "王观"),
    ("经济观察报 秦晖/文 我分析外贸史的几篇文章……", "秦晖"),
    ("文/张三 我分析外贸史的几篇文章……", "张三"),
    ("文/Panos Mourdoukoutas 美国与中国达成有限贸易协议的报道表明", "Panos Mourdoukoutas"),
    ("执笔/叨叨姐、胡一刀&李小飞 西方世界的一些……", "叨叨姐、胡一刀、李小飞"),
    ("网易研究局NO.292 作者|贾红羽 标题基本是我想表达的观点。", "贾红羽"),  # a bar, not a colon
    ("（中央社記者邱俊欽桃園19日電）桃園市平鎮區一家輪胎行今天清晨發生大火", "邱俊欽"),
    ("本报记者覃剑长沙报道 涉嫌盗窃的“变性人”成为一起案例中的主角。", "覃剑"),  # place glued
    ("□见习记者 张叶荷 通讯员 卢思语 王辰轩 魏佳妮本报讯 近日，上海交通大学迎来建校124周年",
     "张叶荷、卢思语、王辰轩、魏佳妮"),  # the desk lead glued to the last name
    ("陳冠勳 張梓嘉 溫正衡／新北 台南報導 發布時間： 2023-08-24 12:31", "陳冠勳、張梓嘉、溫正衡"),
    ("陳宥蓁／綜合報導 發布時間： 2023-08-22 18:28", "陳宥蓁"),
    ("関谷智 国際部記者 晶圓代工產業居於全球領先地位的台灣", "関谷智"),
    ("更新于2分钟前 英国《金融时报》 白杰明 香港报道 香港再度成为", "白杰明"),
    ("本报16日讯(记者高宏菲文/摄)近日，哈尔滨地铁", "高宏菲"),  # text and photos, glued
    ("本报讯（记者张三 摄）近日", None),  # a photographer only
    ("中国消费者报南昌讯（胡靖  记者朱海）近日", "胡靖、朱海"),  # a writer left unlabelled
    ("本报讯（近日 记者朱海）市里", "朱海"),  # a word before the label, no surname: no name
    ("2024/08/12 02:47 壹 蘋新聞網 / 呂承哲 綜合報導 【記者呂承哲／台北報導】全球領先", "呂承哲"),
    ("更新于2020年11月20日 04:38 Luning Wang 为FT中文网撰稿 在物以类聚", "Luning Wang"),
    # a surname and one character is a name, though 会 ends 协会 (a hospital's news, GNE's page)
    ("本站讯（职工通讯员 李琴雯 刘会）为深入推进党建与业务工作紧密结合", "李琴雯、刘会"),
    ("本站讯（通讯员 李琴雯 商会）为深入推进党建与业务工作紧密结合", "李琴雯"),
    ("【Now新聞台】宏福苑不少災民仍然在附近暫避及等候消息。本台記者湯偉圓下午約2時在廣福商場平台報道，",
     "湯偉圓"),  # the station's reporter named in the lead
    ("本报记者张三、李四从市教育局获悉，今年秋季学期", "张三、李四"),
    ("2024/10/17 09:09\n【財訊快報／陳孟朔】摩根士丹利最新發布的報告指出", "陳孟朔"),
    ("快闪活动。实习生 宋欣然/摄 本报上海4月14日电（中国青年报·中青在线见习记者 魏其濛）今天下午",
     "魏其濛"),  # the caption's photographer, then the dateline's reporter
])
def test_opening_bylines(text: str, expected: str) -> None:
    assert opening_byline(text) == expected


@pytest.mark.parametrize("text", [
    "新京报记者发现，随着共享单车进入后半场……",  # a reporter, no name
    "据上证报记者统计，截至1月24日……",
    "举行记者会，邀请中国人民银行行长……",
    "新华社记者李木子 摄 联合国大会……",  # a photographer
    "上海交通大学合唱团进行红色歌曲快闪活动。实习生 宋欣然/摄",  # a caption's photographer
    "路透社记者 2017年在金融去杠杆的背景下……",
    "在线荐稿 记者博客 联系记者 郭荣梅指挥乐团练习",  # page furniture after the label
    "（中央社記者邱俊欽桃園傳真）",  # a photo's credit, no dateline
    "人心不会熄灭。——作者手记 当今中国最流行的是什么主义?",  # the writer's note, no name
    "（圖／USSF）美國境外也有太空軍？",  # a picture's source
    "创意工作者们的社区 World is powered by solitude",  # 作者 ending 工作者: V2EX's motto
    "感谢合作者 王小明 的帮助",
    "本报记者了解到，今年秋季学期",  # the paper's reporter, unnamed
    "本报记者在现场看到，",
    "【新華網／北京】今天，外交部發言人",  # a medium and a place
])
def test_no_byline(text: str) -> None:
    assert opening_byline(text) is None


def test_medium_and_bare_name_only_when_asked() -> None:
    text = "第一财经日报 周艾琳 6月12日，央行公布了5月金融数据。"
    assert opening_byline(text) is None
    assert opening_byline(text, bare=True) == "周艾琳"
    assert opening_byline("新浪财经 语音播报 缩小字体 放大字体 收藏", bare=True) is None
    site = "中央纪委国家监委网站 李鹃 5月6日，中央纪委国家监委网站推出专区。"  # a site's own writer
    assert opening_byline(site, bare=True) == "李鹃"
    portal = "乐居新媒体 徐迪 北京市住建委数据显示，12月22日北京新房网签307套"  # a new-media desk
    assert opening_byline(portal, bare=True) == "徐迪"
    opinion = "王 林 中国城市规划学会副主任委员、上海交通大学设计学院教授\n什么是城市精细化管理？"
    assert opening_byline(opinion, bare=True) == "王林"  # the writer and their affiliation
    assert opening_byline(opinion) is None
    assert opening_byline("日前 中国城市规划学会召开会议，上海交通大学设计学院教授\n", bare=True) \
        is None  # a sentence, not a name, before the affiliation


@pytest.mark.parametrize(("zone", "expected"), [
    ("陈斌 2018年06月08日08:12 来源：中国青年报", "陈斌"),
    ("谢敏敏2018-04-05 00:59 扫描二维码分享到朋友圈", "谢敏敏"),
    ("王 观 2017年02月27日00:00 来源：人民网", "王观"),
    ("本文来源于新京报 2017-06-23 09:06:43", None),  # a source, not a writer
    ("发表于 2016-07-12 10:30", None),  # a label
    ("特朗普“碰瓷”差点得逞 2018年04月11日 12:02", None),  # the headline's tail
    ("EEO视频2018-06-12 15:44", None),
    ("石佳/中国青年报 2019-09-24 09:10", "石佳"),  # writer/medium
    ("来源：石佳/中国青年报 2019-09-24 09:10", None),
    ("新闻/中国青年 2019-09-24 09:10", None),  # no medium after the slash
    ("分享 上報快訊／范姜佳鈺 2020年03月12日 20:19:00", "范姜佳鈺"),  # medium/writer
    ("举报/反馈 2021-01-20 04:29:44 39健康网", None),  # page furniture, not a medium
    ("来源：新浪科技 酷勤网 收集 2009-11-01", None),  # "collected", no surname: not a name
    ("DAVID E. SANGER, STEVEN LEE MYERS 2023年9月13日", "DAVID E. SANGER、STEVEN LEE MYERS"),
    ("TRIPP MICKLE 2023年9月13日", "TRIPP MICKLE"),
])
def test_name_before_the_header_date(zone: str, expected: str | None) -> None:
    start = next(i for i, c in enumerate(zone) if c.isdigit())
    assert name_before_date(zone, start) == expected


@pytest.mark.parametrize(("zone", "expected"), [
    ("2020-06-05 20:35 张三 李四 西方世界的一些反华分子……", "张三、李四"),
    ("2018-06-12 08:29 来源：每日经济新闻 欧阳娜娜 字号 大", "欧阳娜娜"),
    ("2018-06-12 08:29 来源： 新华网 王静文 分享到", "王静文"),
    ("2018-06-12 08:29 北京日报 李四 收藏", "李四"),  # a bare medium, then the writer
    ("2019-09-24 09:10 字号 超大 大 标准 小", None),  # page furniture
    ("2019-09-08 11:42:03 举报 举报文章问题 取消", None),
    ("2019-11-25 10:37:31 综合消息，近日，较强冷空气袭击多地", None),
    ("2019年09月07日 04:04 北京日报 缩小字体 放大字体", None),
    ("2019-09-07 09:25 周一 上午，记者来到……", None),  # a weekday, not 周一 the person
    ("2018-06-12 08:29 王 观 外汇储备", None),  # split halves are only joined when labelled
    ("[2010-07-20] 我要評論 顧信之 「惡女珍」帶團辱客", "顧信之"),  # furniture, traditional surname
    ("2018-06-10 19:55:09 来源: 长江商报 (武汉) 0 分享到：", None),  # a place in brackets
    ("2026-07-19 迈克尔•汉恩 音乐之生", "迈克尔•汉恩"),  # a foreign name, no Chinese surname
    ("2017年03月31日 《求是》2017/7 郭文斌 T中 乡愁，一个动人的字眼", "郭文斌"),  # a journal issue
    ("2020年06月05日 《瞭望》2020年第12期 王五 正文", "王五"),
])
def test_names_after_the_header_date(zone: str, expected: str | None) -> None:
    end = zone.index(" ", zone.index(":")) if ":" in zone[:25] else zone.index(" ")
    assert names_after_date(zone, end) == expected


def test_the_site_name_after_the_date_is_not_a_name() -> None:
    zone = "2018-06-12 08:29 和讯 分享到"
    assert names_after_date(zone, 16) == "和讯"
    assert names_after_date(zone, 16, site=" 财经频道_和讯网") is None
    html = page("2018-06-12 08:29 和讯 收藏", "正文开始。")
    assert extract_article(html, URL, now=NOW)["author"] == "和讯"  # no site says otherwise
    html = html.replace("_示例网".encode(), "_和讯网".encode())
    assert extract_article(html, URL, now=NOW)["author"] is None


@pytest.mark.parametrize(("token", "expected"), [
    ("张三", True), ("欧阳娜娜", True), ("司马光", True), ("字号", False), ("举报", False),
    ("张", False), ("张三四五", False), ("叨叨姐", False), ("陳韻平", True), ("顧信之", True),
])
def test_has_surname(token: str, expected: bool) -> None:
    assert has_surname(token) is expected


def test_closing_credit() -> None:
    credit = "……符合两国利益的解决办法。（记者颜亮 朱东阳 高攀）"
    assert closing_credit(credit) == "颜亮、朱东阳、高攀"
    assert closing_credit("……的空间。\n中青报·中青网记者 魏其濛 来源：中国青年报") == "魏其濛"
    assert closing_credit("……的空间。\n本版采写/新京报记者 陈鹏") == "陈鹏"
    assert closing_credit("……的空间。\n图片/新京报记者 任娇 摄") is None  # a photographer
    assert closing_credit("……的空间。\n她同时也向记者表示，分布式的项目需要找到途径。") is None
    assert closing_credit("……（来源：21世纪经济报道 记者：倪雨晴）") == "倪雨晴"
    assert closing_credit("……符合两国利益的解决办法。") is None
    edition = "……的时候。\n中青网记者 胡春艳 王鑫昕 来源：中国青年报 （ 2020年05月30日 01版）"
    assert closing_credit(edition) == "胡春艳、王鑫昕"  # the paper's edition note after the credit
    affiliation = "……起不到的作用。\n(王宁，中国比较文学学会会长，上海交通大学人文学院院长)"
    assert closing_credit(affiliation) == "王宁"  # the writer, then their titles
    assert closing_credit("……致欢迎词。（文 莫涛 编辑 韩小强）") == "莫涛"  # the text's role first
    assert closing_credit("……致欢迎词。（图 莫涛 编辑 韩小强）") is None
    words_and_pictures = "……美好生活需要。(文/图 刘玺东 易赛楠)"  # 当代商报, GNE's page
    assert closing_credit(words_and_pictures) == "刘玺东、易赛楠"
    assert closing_credit("……美好生活需要。（图/文 张三）") == "张三"
    headlines = "\n".join(["大埔宏福苑五級火︱政府為每位死難者家屬提供20萬元慰問金",
                           "大埔宏福苑五級火｜廣禮樓鄰近災場 居民疏散被迫露宿商場",
                           "大埔宏福苑五級火｜增至128死79傷 當局指火警鐘失效",
                           "大埔宏福苑五級火｜陳國基：宏福苑7個棚網樣本未達阻燃標準"])
    related = "……難以準確統計具體箱數。\n記者：李健威\n相關新聞：\n" + headlines
    assert closing_credit(related) == "李健威"  # the related stories the body keeps after it
    video = "……重大事故發生。\n（點新聞記者梁譯尹報道；視頻攝製：梁譯尹、葉德榮）\n相關閱讀\n"
    assert closing_credit(video + headlines) == "梁譯尹"
    patreon = "……我卻很懷疑。\n作者：陳牛 https://www.patreon.com/posts/144504293\n支持我們：https://x.com/s/"
    assert closing_credit(patreon) == "陳牛"  # addresses are no part of a credit line
    labelled = ("……往前跨进一大步。\n（作者：聂伟，系中国教育科学研究院职业教育与继续教育研究所"
                "副研究员、博士；本文系中国教育科学研究院重点项目“现代职业教育体系研究”［GYB2023005］"
                "阶段性成果）")
    assert closing_credit(labelled) == "聂伟"  # a labelled writer, then a long affiliation
    story = "……的故事。\n相关阅读\n" + "这是一段很长的正文内容，" * 6 + "（记者 张三）"
    assert closing_credit(story) == "张三"  # text after the heading: no list, nothing cut
    glued = "……只会屡禁不绝。\n自由亚洲电台记者凯迪华盛顿报道 责编：何平 网编：洪伟"
    assert closing_credit(glued) == "凯迪"  # the reporter glued to the place and 报道
    assert closing_credit("……只会屡禁不绝。\n他对记者说，这些报道都不实") is None
    handle = "……鼓励用户分享。\n消息源：公众号【任哈哈】\n原作者:albert"  # a blog's handle
    assert closing_credit(handle) == "albert"
    assert closing_credit("……鼓励用户分享。\n作者：unknown") is None  # no value
    district = "……更好满足群众多样化的医疗健康服务需求。白云时事讯（全碧芳）"  # the dateline last
    assert closing_credit(district) == "全碧芳"
    assert closing_credit("……更好满足群众多样化的医疗健康服务需求。快讯（完）") is None
    assert closing_credit("……美好生活需要。（摄影 刘玺东 易赛楠）") is None
    signed = "……作出更多“青岛贡献”。\n王  倩 宋晓华"  # 海外网: the reporters, unlabelled
    assert closing_credit(signed) == "王倩、宋晓华"
    assert closing_credit("……的生活方式。\n陆娅楠 李心萍 王 观") == "陆娅楠、李心萍、王观"
    assert closing_credit("……作出更多“青岛贡献”。\n发展 合作 共赢") is None  # words, no names
    assert closing_credit("……作出更多“青岛贡献”。\n王倩") is None  # one name: a signature's form
    glued = "……育种年限。（光明日报全媒体记者曹继军通讯员魏娜）"  # labels glued between the names
    assert closing_credit(glued) == "曹继军、魏娜"
    assert closing_credit("……出席。\n“政事儿”撰稿/新京报记者王姝 校对陆爱英") == "王姝"
    broken = "……建设一个大运河文化带示范区。\n现代快报+/ZAKER南京记者\n胡玉梅"  # an e-paper's
    assert closing_credit(broken) == "胡玉梅"
    assert closing_credit("……的空间。\n感谢接受采访的记者\n谢谢大家") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("……的归来。\n原标题：他晚于阿姆斯特朗登月\n出品︱网易科学人栏目组 胖胖\n作者︱春春", "春春"),
    ("……行稳致远！\n(作者：方敏北京大学经济学院教授)\n更多精彩内容请进入理论频道", "方敏"),
    ("……正能量。\n（本文来源：经济日报 作者：中国国际经济交流中心世界经济研究部部长，“一带一路”"
     "研究部部长、研究员徐占忱）返回搜狐，查看更多", "徐占忱"),
    ("……动力源。\n整合 新华日报·交汇点记者 徐睿翔\n素材来源 江苏13个设区市党报", "徐睿翔"),
    ("……成绩。\n（完）", None),
    ("……成绩。\n（新华社）", None),
    ("……成绩。\n（作者系北京大学教授）", None),  # who the writer is, not a name
    ("……严格。\n执笔人：闵乐夫 赵兰波 刘韬 刘晋芳 胡玉顺\n编辑： 吕峥",
     "闵乐夫、赵兰波、刘韬、刘晋芳、胡玉顺"),
    ("……成绩。\n（作者：国家发改委宏观经济研究院副所长）", None),  # a title, not a name
    ("……不二法門。（民視新聞陳韻平、郭文海台北報導）", "陳韻平、郭文海"),  # glued to the text
    ("……不二法門。（民視新聞台北報導）", None),  # the channel, no reporter
    ("……销售。\n本文来源：北青网-北京青年报 作者：温婧 赵新培 责任编辑：郭晨琦_NBJ9931",
     "温婧、赵新培"),
    ("……成绩。\n他说：“记者 张三 来了。”\n" + "很长的一段正文，" * 10, None),
])
def test_closing_credits_with_titles_and_trailing_furniture(text: str, expected: str | None
                                                            ) -> None:
    """The credit may be followed by a "more news" line, carry a job title or an affiliation
    glued to the name, use a bar for a colon, or be a bare bracketed name."""
    assert closing_credit(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("〔記者巫其倫／台北報導〕財政部今天下午將公佈", "巫其倫"),
    ("2020-10-04 15:05 聯合報 記者林宸誼／即時報導 日本電子產品製造商", "林宸誼"),
    ("本報記者 張三 李四 台北報導", "張三、李四"),
])
def test_traditional_bylines(text: str, expected: str) -> None:
    assert opening_byline(text) == expected


@pytest.mark.parametrize("text", ["自由時報", "聯合新聞網", "中央通訊社", "經濟日報"])
def test_traditional_media_are_not_names(text: str) -> None:
    assert not is_name(text)


@pytest.mark.parametrize(("value", "expected"), [
    ("武汉大学历史学院郭伦", "郭伦"),  # an affiliation, then the name
    ("周思博", "周思博"),
    ("张三 李四", "张三、李四"),
    ("admin", "admin"),
    ('size="20"', None),
    ("新浪综合", None),
    ("未知", None),
    ("本站编辑", None),
    ("麥田出版", None),  # a publisher posting an excerpt
    ("西部证券", None),
    ("西部证券，李艳丽", "李艳丽"),
    ("张三（北京大学教授）", "张三"),
    ("表面事业部 李蕾", "李蕾"),  # a unit of an institute, then the writer
    ("东方网教育频道 陈乐 秦嘉莹", "陈乐、秦嘉莹"),  # a portal's channel
    ("党委宣传部 张三", "张三"),
    ("校团委 王五", "王五"),
    ("学生处 赵六", "赵六"),
    ("李蕾，", "李蕾"),  # 作者：李蕾，日期：…: the comma before the next label
    ("表面事业部 李蕾，", "李蕾"),
])
def test_clean_author(value: str, expected: str | None) -> None:
    assert clean_author(value) == expected


@pytest.mark.parametrize("text", ["新京报", "人民网", "发表于", "记者", "编辑", "来源"])
def test_media_and_labels_are_not_names(text: str) -> None:
    assert not is_name(text)


def page(header: str, body: str, head: str = "", title: str = "标题是一个足够长的新闻标题"
         ) -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>{title}_示例网</title>{head}</head>
<body><div class="nav">首页 新闻</div><h1>{title}</h1><div class="meta">{header}</div>
<div class="article-content"><p>{body}</p><p>{TEXT}</p></div></body></html>""".encode()


@pytest.mark.parametrize(("header", "body", "head", "expected"), [
    ("作者： 周思博 2016-07-12 10:30", "正文开始。", "", "周思博"),
    ("作者：表面事业部 李蕾，日期：2016-04-01", "正文开始。", "", "李蕾"),
    ('<font size="20">作者：</font>2016-07-12', "正文开始。", "", None),
    ("陈斌 2018年06月08日08:12 来源：中国青年报", "正文开始。", "", "陈斌"),
    ("2018-06-13 18:22:53 来源： 新华网", "新华社北京6月13日电（记者闫子敏）外交部发言人", "",
     "闫子敏"),
    ("2018-06-13 来源：示例网", "正文开始。", '<meta name="author" content="示例网">', None),
    ("2018-06-13 来源：示例网", "正文开始。", '<meta name="author" content="李雷">', "李雷"),
    ("2018-06-13", "正文开始。",
     '<script type="application/ld+json">{"author": {"@type": "Person", "name": "韩梅梅"}}'
     "</script>", "韩梅梅"),
])
def test_record_author(header: str, body: str, head: str, expected: str | None) -> None:
    record = extract_article(page(header, body, head), URL, now=NOW)
    assert record["author"] == expected


@pytest.mark.parametrize(("head", "foot"), [
    ('<meta name="author" content="杨煜"><meta name="editor" content="杨煜">', ""),
    ('<meta name="author" content="刘峻凌">', "<p>【责任编辑：刘峻凌】</p>"),
    ('<meta name="author" content="肖春芳">', '<span>责任编辑：<b>肖春芳</b></span>'),
])
def test_the_editor_in_the_author_slot_is_not_the_author(head: str, foot: str) -> None:
    """CMSs fill <meta name="author"> with whoever published the page: the editor."""
    html = page("2018-06-13 来源：示例网", "正文开始。", head).replace(
        b"</body>", foot.encode() + b"</body>")
    assert extract_article(html, URL, now=NOW)["author"] is None


def test_an_author_who_is_not_the_editor_is_kept() -> None:
    head = '<meta name="author" content="李雷"><meta name="editor" content="杨煜">'
    html = page("2018-06-13 来源：示例网", "正文开始。", head)
    assert extract_article(html, URL, now=NOW)["author"] == "李雷"


#: The statistics block central media's CMS writes (tv.cctv.com, chinadaily, gmw, jsllzg).
STATISTICS = ('<meta name="filetype" content="1"><meta name="publishedtype" content="1">'
              '<meta name="pagetype" content="1"><meta name="publishdate" content="2018-06-13">'
              '<meta name="author" content="常悦"><meta name="source" content="央视网">')


@pytest.mark.parametrize(("head", "body", "expected"), [
    (STATISTICS, "正文开始。", None),  # the publishing account: no credit the page prints
    (STATISTICS, "本报北京6月13日电（记者 李雷）正文开始。", "李雷"),  # a byline still speaks
    (STATISTICS.replace('<meta name="publishedtype" content="1">', ""), "正文开始。",
     "常悦"),  # without the block, <meta name="author"> is read as before
])
def test_the_author_of_a_cms_statistics_block_is_the_publishing_account(
        head: str, body: str, expected: str | None) -> None:
    html = page("2018-06-13 来源：央视网", body, head)
    assert extract_article(html, URL, now=NOW)["author"] == expected


def test_the_site_host_in_the_author_slot_is_not_the_author() -> None:
    """A handle the page also prints (one it never prints is the template's, see
    ``test_a_latin_handle_in_meta_that_the_page_never_prints_is_the_template_s``)."""
    html = page("2018-06-13 来源：示例网", "正文开始，引自chinanews。",
                '<meta name="author" content="chinanews">')
    assert extract_article(html, "https://www.chinanews.com/a/1.shtml", now=NOW)["author"] is None
    assert extract_article(html, URL, now=NOW)["author"] == "chinanews"


def test_labelled_author_in_a_meta_line_away_from_the_heading() -> None:
    """``来源：X 作者：Y`` at the foot counts after the header's bylines; a lone ``作者`` there
    (a quote's, a comment's) does not."""
    long_body = "正文开始。" + TEXT * 3  # the foot lies beyond the header text

    def with_foot(header: str, foot: str) -> bytes:
        return page(header, long_body).replace(b"</body>", foot.encode() + b"</body>")

    foot = '<div class="foot">本文来源：证券时报 作者：周思博</div>'
    html = with_foot("2018-06-13 18:22 来源：示例网", foot)
    assert extract_article(html, URL, now=NOW)["author"] == "周思博"
    html = with_foot("2018-06-13 18:22 来源：示例网", '<div class="foot">作者：周思博</div>')
    assert extract_article(html, URL, now=NOW)["author"] is None
    byline = with_foot("2018-06-13 18:22 来源：示例网 记者 王五", foot)
    assert extract_article(byline, URL, now=NOW)["author"] == "王五"


def test_jsonld_date_when_the_page_prints_none() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2018-06-14T02:19:31+00:00"}</script>')
    record = extract_article(page("", "正文开始。", head), URL, now=NOW)
    assert record["published_at"] == "2018-06-14T10:19:31+08:00"
    assert record["date_precision"] == "second"


def test_no_date_is_invented() -> None:
    record = extract_article(page("来源：示例网", "正文开始，没有日期。"), URL, now=NOW)
    assert record["published_at"] is None and record["date_precision"] is None


def test_day_in_the_header_takes_the_time_of_the_same_day_from_meta() -> None:
    head = '<meta property="article:published_time" content="2018-06-13T18:22:53+08:00">'
    record = extract_article(page("2018年06月13日 来源：示例网", "正文开始。", head), URL, now=NOW)
    assert record["published_at"] == "2018-06-13T18:22:53+08:00"
    assert record["date_precision"] == "second"
    other_day = '<meta property="article:published_time" content="2018-06-14T08:00:00+08:00">'
    record = extract_article(page("2018年06月13日 来源：示例网", "正文开始。", other_day), URL,
                             now=NOW)
    assert record["published_at"] == "2018-06-13T00:00:00+08:00"
    assert record["date_precision"] == "day"


def test_the_date_next_to_the_headline_beats_lists_and_footer() -> None:
    html = page("2018-06-13 18:22 来源：示例网", "正文开始。").replace(
        b"<div class=\"nav\">",
        "<ul class=\"hot\"><li>另一篇 2019-01-01 08:00</li></ul><div class=\"nav\">".encode())
    html = html.replace(b"</body>", "<div class=\"footer\">更新于 2020-02-02 09:00</div></body>"
                        .encode())
    record = extract_article(html, URL, now=NOW)
    assert record["published_at"] == "2018-06-13T18:22:00+08:00"


@pytest.mark.parametrize(("lines", "zone", "expected"), [
    (["犬儒病(上)", "胡平", "——当代中国的精神危机"], "", "胡平"),  # the headline in the text
    (["我是怎样卷入八九民运的", "茉莉", "【看中国2005年07月03日报道】一九八九年四月"], "", "茉莉"),
    (["胡平", "——当代中国的精神危机"], "胡平 ——当代中国的精神危机 人心不会熄灭", "胡平"),
    (["前言", "正文开始"], "前言 正文开始", None),  # a section title, not a name
    (["茉莉", "正文开始"], "茉莉 正文开始", None),  # no headline above, no common surname
    (["其他标题", "胡平"], "", None),  # the line above is not the headline
])
def test_a_name_alone_under_the_headline(lines: list[str], zone: str, expected: str | None
                                         ) -> None:
    title = "茉莉：我是怎样卷入八九民运的" if "茉莉" in lines[1:2] else "犬儒病(上)"
    assert name_under_headline(lines, title, zone) == expected


def test_a_credit_row_of_table_cells_is_one_line() -> None:
    """``<td>编辑： 金金</td><td>来源： 21世纪经济报道</td><td>作者：宋怡 杨志华</td>`` under the
    text: the author cell belongs to a line with a source, and both names are kept."""
    row = ('<table><tr><td>编辑： 金金 </td><td align="right">来源： 21世纪经济报道 </td>'
           '<td align="right">作者：宋怡 杨志华 </td></tr></table>')
    html = page("2005-07-18 13:03:17", "正文开始。" + TEXT * 3).replace(
        b"</body>", row.encode() + b"</body>")
    assert extract_article(html, URL, now=NOW)["author"] == "宋怡、杨志华"


def test_the_bracket_closing_the_header_date_is_not_an_item() -> None:
    zone = "http://paper.wenweipo.com [2010-07-20] 我要評論 顧信之 「惡女珍」帶團辱客，弄得"
    assert names_after_date(zone, zone.index("]")) == "顧信之"


@pytest.mark.parametrize(("text", "expected"), [
    ("【大纪元2011年06月03日讯】（新纪元周刊记者李佳采访报导）日本管理学专家……", "李佳"),
    ("記者鄧厚仁報道 吳貴龍表示……", "鄧厚仁"),
    ("记者现场报道 今年以来……", None),  # 现场 is no name: no surname
    ("记者近日报道，……", None),
    ("本报记者综合报道 今年以来……", None),
])
def test_a_reporter_glued_to_reports(text: str, expected: str | None) -> None:
    assert opening_byline(text) == expected


def test_a_credit_line_of_its_own_among_the_first_lines() -> None:
    """Sing Pao prints ``記者鄧厚仁報道`` after the lead paragraph; deep in the text it is a
    story's own words."""
    lead = "紙上不只是談兵，還可以細看香港歷史的變遷。" * 3
    assert report_line([lead, "記者鄧厚仁報道", "吳貴龍表示……"]) == "鄧厚仁"
    assert report_line([lead, lead, lead, lead, "記者鄧厚仁報道"]) is None
    assert report_line([lead, "記者現場報道"]) is None


def test_hong_kong_colon_and_captions_after_the_closing_credit() -> None:
    """``記者︰脫芷晴`` (U+FE30, Hong Kong's colon), then the editor, the artist and photo
    captions (``▲…（梁偉榮攝）``) end the text."""
    text = (TEXT + "\n記者︰脫芷晴\n編輯：梁偉澄\n美術：陳超雄\n"
            "▲昨多1印傭初步確診，她曾住上環「安盛僱傭中心」宿舍。（梁偉榮攝）\n"
            "▲張竹君指，有確診者曾到過的酒樓，已有多人受感染，情況令人關注。")
    assert closing_credit(text) == "脫芷晴"
    assert closing_credit(TEXT + "\n记者：张三\n" + "很长的一段正文，" * 10) is None


def test_the_sites_own_desk_is_not_an_author() -> None:
    """JSON-LD's author ``Reuters Editorial`` on cn.reuters.com is the medium's desk."""
    html = f"""<html><head><meta charset="utf-8"><title>汇市一周综述</title>
<script type="application/ld+json">{{"author": {{"@type": "Person", "name": "{{name}}"}}}}
</script></head><body><h1>汇市一周综述</h1><div class="body"><p>{TEXT}</p></div></body></html>"""
    desk = html.replace("{name}", "Reuters Editorial").encode()
    assert extract_article(desk, "https://cn.reuters.com/article/x", now=NOW)["author"] is None
    writer = html.replace("{name}", "Daniel Mercer").encode()
    assert extract_article(writer, "https://cn.reuters.com/article/x", now=NOW)["author"] == \
        "Daniel Mercer"


@pytest.mark.parametrize(("zone", "expected"), [
    ("——来自第二十七届上海国际电影节的思考 任姗姗 曹玲娟 2025年06月19日05:42", "任姗姗、曹玲娟"),
    ("澎湃新闻记者 陈均 实习生 王硕 2025-12-24 13:30", "陈均、王硕"),
    ("来源：新华网 作者：记者 许仕豪 王君宝 2025-02-08 07:24:38", "许仕豪、王君宝"),
    ("齐湘辉 姜刚 曹凯 马姝瑞 陈尚营 2018年06月04日08:43", "齐湘辉、姜刚、曹凯、马姝瑞、陈尚营"),
    ("来源：新京报 2017-06-23", None),  # a source, not a writer
    ("专题 收集 2017-06-23", None),  # no surname
])
def test_every_name_of_the_run_before_the_header_date(zone: str, expected: str | None) -> None:
    assert name_before_date(zone, zone.index("20")) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("朴姝颖，包志明", "朴姝颖、包志明"),  # caixin's 作者：
    ("L_204531", None),  # an account id, not a name
    ("admin", "admin"),  # DedeCms's account, kept as printed
])
def test_labelled_author_values(value: str, expected: str | None) -> None:
    assert clean_author(value) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("红网时刻新闻记者 王诗颖 蔡娟 郭薇灿 摄影 朱丽萍 李丹 长沙报道 “我是一个古籍编辑……",
     "王诗颖、蔡娟、郭薇灿"),
    ("新华社记者 李木子 摄 今年以来……", None),  # a photographer's credit
])
def test_photographers_after_the_writers(text: str, expected: str | None) -> None:
    assert opening_byline(text) == expected


def test_a_provided_photo_is_no_writer() -> None:
    text = TEXT + "\n南方网、粤学习记者 周存 通讯员 穗文广旅宣\n通讯员供图"
    assert closing_credit(text) == "周存"


def test_an_author_box_that_labels_its_name() -> None:
    """RFI prints ``作者：<a class="m-from-author__name">珍妮特</a>`` after its audio player, far
    from the headline; the box names her without its label too. A comment's author box, even
    the only one and dated, names nobody's article."""
    def author(box: str) -> str | None:
        html = f"""<html><head><meta charset="utf-8"><title>法国报纸摘要</title></head><body>
<h1>法国报纸摘要</h1><div class="player">收听</div>{box}<div class="content"><p>{TEXT * 3}</p>
</div><div class="comments"><div class="comment-author">王小明</div><div class="comment-date">
2024-05-01</div><p>评论内容很长很长的评论</p></div></body></html>"""
        return extract_article(html.encode(), URL, now=NOW)["author"]

    assert author('<div class="m-from-author"><span>作者：</span><a href="/a">珍妮特</a></div>') \
        == "珍妮特"
    assert author('<div class="m-from-author"><a href="/a">珍妮特</a></div>') == "珍妮特"
    assert author("") is None


def test_bylines_that_follow_one_another() -> None:
    """``□ 本报记者 赵 丽 □ 本报见习记者 邹星宇``: each writer under a label of their own."""
    text = "□ 本报记者 赵 丽 □ 本报见习记者 邹星宇 2019年12月，一起平等就业权纠纷案……"
    assert opening_byline(text) == "赵丽、邹星宇"
    assert opening_byline("⊙记者 王莉雯 ○编辑 全泽源 博鳌论坛期间……") == "王莉雯"


@pytest.mark.parametrize(("ending", "expected"), [
    # the credit ends the last paragraph, page furniture follows on lines of its own
    ("“……理性防范风险。”孙梅君说。（记者 陈晨）\n【我要纠错】责任编辑：石璐言\n"
     "扫一扫在手机打开当前页", "陈晨"),
    ("让食品安全问题无处可躲。（刘芳 于婉珈 黄芳芳）", "刘芳、于婉珈、黄芳芳"),
    ("共同把“蛋糕”做大，实现“多赢”“共赢”。（钟才文）", None),  # one name: a signature, below
    ("（文中亦诗、清芷均为化名）\n文字：张涵博 杨天宇 许雯\n图片来源于网络",
     "张涵博、杨天宇、许雯"),
    ("全面保护。（完）", None),
    ("出品：南方都市报朋友圈新闻工作室\n主持：胡群芳\n采写：南都记者 子衿(除署名外)\n制图：林军明",
     "子衿"),
])
def test_credits_closing_the_text(ending: str, expected: str | None) -> None:
    assert closing_credit(TEXT + "\n" + "这是最后一段很长的正文内容，" * 4 + ending) == expected


@pytest.mark.parametrize(("ending", "expected"), [
    ("共同把“蛋糕”做大，实现“多赢”“共赢”。（钟才文）", "钟才文"),
    ("促进青少年健康使用短视频平台，快乐成长。 （魏保）\n编辑：杨雯珺", "魏保"),
    ("美国是时候拿出行动了。（聂舒翼）\n海外网版权作品，未经授权不得转载。", "聂舒翼"),
    ("据新华社报道。（新华社）", None),  # a medium, not a person
    ("全面保护。（完）", None),
    ("全面保护（张三）", None),  # no sentence ends before it: part of the text
    ("到头来，一位自甘穷酸的外科医生。\n（袁源）", "袁源"),  # on a line of its own
])
def test_a_bracketed_signature_ending_the_text(ending: str, expected: str | None) -> None:
    assert closing_signature(TEXT + "\n" + "这是最后一段很长的正文内容，" * 4 + ending) == expected


def test_a_signature_is_the_writer_unless_the_page_calls_it_its_editor() -> None:
    ending = "<p>" + "这是最后一段很长的正文内容，" * 4 + "完。（郭旭）</p></div>"
    html = page("2018-06-13 来源：示例网", "正文开始。").replace(b"</div></body>",
                                                          ending.encode() + b"</body>")
    assert extract_article(html, URL, now=NOW)["author"] == "郭旭"
    edited = html.replace(b"</body>", "<p>【责任编辑：郭旭】</p></body>".encode())
    assert extract_article(edited, URL, now=NOW)["author"] is None
    signed = html.replace("完。（郭旭）".encode(), "完。</p><p>【编辑:郭旭】 （郭旭）".encode())
    assert extract_article(signed, URL, now=NOW)["author"] is None  # on a line of its own


@pytest.mark.parametrize(("zone", "expected"), [
    ("ABC Great Southern Daniel Mercer , Mark Bennett 和 David Robinson 由于西澳奥尔巴尼木屑船运",
     "Daniel Mercer、Mark Bennett、David Robinson"),
    ("By Stefan Becket, Kathryn Watson, Grace Segers November 20, 2019",
     "Stefan Becket、Kathryn Watson、Grace Segers"),
    ("Daniel Mercer 2019年10月7日", "Daniel Mercer"),
])
def test_the_writers_printed_after_the_one_meta_names(zone: str, expected: str) -> None:
    assert with_names_after("Daniel Mercer" if "Daniel" in zone else "Stefan Becket", zone) == \
        expected


@pytest.mark.parametrize(("zone", "expected"), [
    ("通识教育，如何有趣又有益 2024-09-03 07:41:23 来源：光明日报 【记者调查】 6月中旬", None),
    ("中国城市报 关注 2021-11-03 10:25 北京 来源：澎湃新闻", None),  # a column tag, not 关 X
])
def test_column_tags_are_no_names(zone: str, expected: str | None) -> None:
    at = zone.index("20")
    assert (name_before_date(zone, at) or opening_byline(zone)) == expected


def test_the_writer_before_an_epaper_date() -> None:
    zone = "专家学者评论·邹广文专栏 邹广文 《 光明日报 》（ 2014年02月13日 02 版）"
    assert name_before_date(zone, zone.index("2014")) == "邹广文"


def test_the_writer_after_a_source_account_and_a_comma() -> None:
    text = TEXT + ("\n本文来自微信公众号：修远基金会（ID：xiuyuanjijinhui），作者：赵静蓉")
    assert closing_credit(text) == "赵静蓉"
    assert closing_credit(TEXT + "\n他说，作者：不详的那本书很好。") is None


def test_a_button_next_to_the_date_is_no_name() -> None:
    zone = "南方都市报APP • 南都即时 原创 2025-01-10 22:30 查看 2025年1月10日是第五个中国人民警察节"
    assert names_after_date(zone, zone.index("22:30") + 5) is None


@pytest.mark.parametrize(("ending", "expected"), [
    ("……文化不平等的基因。\n（林红，作者单位：中国人民大学国际关系学院）", "林红"),
    ("……文化不平等的基因。（张三，作者系中国社会科学院研究员）", "张三"),
    ("……文化不平等的基因。（作者单位：中国人民大学国际关系学院）", None),
    ("……推动两国关系健康发展。(陆忠伟作者系中国现代国际关系研究院原院长)", "陆忠伟"),
])
def test_the_writer_and_affiliation_ending_the_text(ending: str, expected: str | None) -> None:
    assert closing_credit(TEXT + "\n" + "这是最后一段很长的正文内容，" * 4 + ending) == expected


@pytest.mark.parametrize(("lines", "expected"), [
    (["□杜亮", "电影是现实世界的反映，不论它是历史题材，还是当代题材。"], "杜亮"),
    (["（原标题：国资改革步入快车道）", "⊙时娜", "6月10日，在论坛上……"], "时娜"),
    (["□ 要闻", "今天……"], None),  # a section mark, no name
])
def test_names_after_a_byline_mark(lines: list[str], expected: str | None) -> None:
    assert report_line(lines) == expected


def test_the_writer_of_a_republished_account() -> None:
    text = ("本文来自微信公众号：TMT新观察（ID：tmtno520），作者：任晓宁、周应梅，"
            "题图来自：IC photo\n“每个创作者几年的心血，被MCN机构当做待宰羔羊一样宰掉了。”")
    assert opening_byline(text) == "任晓宁、周应梅"


@pytest.mark.parametrize(("value", "expected"), [
    ("朴姝颖，包志明", "朴姝颖、包志明"),
    ("杨晓君 孔雀，被认为是百鸟之王。在中国的传统文化中", "杨晓君"),  # the value ran into the text
])
def test_a_comma_between_names_not_before_a_sentence(value: str, expected: str) -> None:
    assert clean_author(value) == expected


def test_an_intern_glued_to_the_label() -> None:
    glued = "21世纪经济报道记者高江虹 实习生尤芸茜 北京报道 为统筹推进交通强国建设……"
    assert opening_byline(glued) == "高江虹、尤芸茜"
    labelled = "每经记者 段思瑶、骆一帆 每经实习记者 黄辛旭、蘧毛毛 每经编辑 杨翼 大约是……"
    assert opening_byline(labelled) == "段思瑶、骆一帆、黄辛旭、蘧毛毛"


def test_a_byline_mark_before_a_job_title_and_names() -> None:
    assert report_line(["□新派特约评论员 齐晓军 闫轶哲", "正文从这里开始……"]) == "齐晓军、闫轶哲"


def test_a_name_then_the_medium_s_reporter_title() -> None:
    assert opening_byline("刘子维 BBC中文网记者 2017年 5月 30日 分享平台 微博") == "刘子维"


@pytest.mark.parametrize(("value", "expected"), [
    ("海是天的倒影", "海是天的倒影"),
    ("中关村在线", None),  # the site
    ("本报特约评论员", None),
    ("人民日报客户端", None),
    ("张三", None),  # a name, which clean_author reads
    ("一个很长很长的笔名还要更长", None),  # longer than a pen name: a phrase
    ("海是天的 倒影", None),  # two runs: not one signature
])
def test_pen_names(value: str, expected: str | None) -> None:
    assert pen_name(value) == expected


def test_a_labelled_pen_name_when_nothing_else_credits_a_writer() -> None:
    assert extract_article(page("2025-12-19 15:40:05 作者：海是天的倒影", "正文开始。"), URL,
                           now=NOW)["author"] == "海是天的倒影"
    header = "2023.12.01 来源：人民日报客户端 作者：影视风向标 作者：胡建礼"  # an account first
    assert extract_article(page(header, "正文开始。"), URL, now=NOW)["author"] == "胡建礼"


@pytest.mark.parametrize(("zone", "expected"), [
    ("Paolo Confino 2023-11-18 呼吁大型科技公司将注意力转向应用", "Paolo Confino"),
    ("China Daily 2023-11-18 正文", None),  # a medium
    ("Fortune China 2023-11-18 正文", None),  # the site
    ("Updated Today 2023-11-18 正文", None),
    ("来源 Paolo Confino 2023-11-18 正文", None),  # not all the header holds before the date
])
def test_a_latin_name_that_is_all_the_header_prints_before_its_date(
        zone: str, expected: str | None) -> None:
    date_start = zone.index("2023")
    assert latin_name_opening(zone, date_start, "财富中文网 fortunechina.com Fortune China") \
        == expected


@pytest.mark.parametrize(("zone", "expected"), [
    ("2025-12-18 编辑：韩佳 □新派特约评论员 齐晓军 闫轶哲 交通是城市发展的脉络", "齐晓军、闫轶哲"),
    ("□杜亮 本报讯 昨日", "杜亮"),
    ("□ 相关新闻 交通", None),  # a list mark, no names after it
    ("2025-12-18 来源：新派网 交通是城市发展的脉络", None),
])
def test_names_after_a_byline_mark_in_the_header(zone: str, expected: str | None) -> None:
    assert marked_names(zone) == expected


CAPTIONS = ["實寄信封存世至今只剩15枚。", "吳貴龍正籌備推出第八本書。", "【我城‧我故事】"] * 2


@pytest.mark.parametrize(("lines", "expected"), [
    (CAPTIONS + ["紙上不只是談兵，還可以細看香港歷史的變遷。", "記者鄧厚仁報道", "吳貴龍表示……"],
     "鄧厚仁"),  # after the photo captions and the lead paragraph (Sing Pao)
    (["整理 李爽", "资料图片：2017年6月，人民币和美元纸币。", "路透11月8日 - 中美……"], "李爽"),
    (["整理：王五", "正文"], "王五"),
    (["整理发布", "正文"], None),  # no name
    (["整理 人民网", "正文"], None),  # no person
    (["紙上不只是談兵，還可以細看香港歷史的變遷。" * 3] * 4 + ["記者鄧厚仁報道"], None),  # too deep
])
def test_credit_lines_among_the_first_lines(lines: list[str], expected: str | None) -> None:
    assert report_line(lines) == expected


@pytest.mark.parametrize(("header", "expected"), [
    ("2024-01-02 10:00 特约撰稿人 张三", "张三"),  # the longer label, not 撰稿 and 人
    ("2024-01-02 10:00 【作者】张三", "张三"),
    ("2024-01-02 10:00 作者：张三（北京大学教授）", "张三"),  # a note in brackets
    ("龚进辉 · 2025/11/28 10:06", "龚进辉"),
    ("陈华 ⋅ 2021-04-23", "陈华"),  # a Hugo theme's dot operator
    ("2024-01-02 10:00 来源：示例报 记者：张三 实习生：李四", "张三、李四"),  # every writer's label
    ("2024-01-02 10:00 来源：示例报 记者：张三 通讯员：李四 编辑：王五", "张三、李四"),
    ("2024-01-02 10:00 作者：张三 记者：张三", "张三"),  # once
    ("2024-01-02 10:00 来源：示例报 编辑：王五", None),
    ("未来智库 2023-04-14 10:31 安徽 （报告出品方/作者：西部证券，李艳丽） AI加速游戏", "李艳丽"),
    ("未来智库 2023-04-14 10:31 安徽", None),  # where it was posted from (IP属地), no name
    ("2018-06-12 08:29 来源：示例报 王五 北京", "王五"),
    ("小希 2023-06-02 14:42:46", "小希"),  # all the header holds before the date: no surname needed
    ("灰烬包2022-02-24 7637次浏览", "灰烬包"),
    ("更新 2023-06-02 14:42:46", None),
    ("探访 2023-06-02 14:42:46", None),
    ("深交所 2023-06-02 14:42:46", None),
    ("频道 收集 2023-06-02", None),  # something before it: a bare word needs a surname
    ('<a href="/news/list/21/">创业</a> 2022-02-05 16:59:20', None),  # a category tag: a link
    ("央视科教 2023-06-02 14:42:46", None),  # four characters alone: as often a desk
    ("作者 Shane Hastie ，译者 夏雪 发布于 2016年7月15日", "Shane Hastie"),  # a Latin writer
    ("作者：John Smith 2016年7月15日", "John Smith"),
    ("来源：文/社区居家养老服务中心 何淼 图/网络新闻社 傅磊编辑：刘璇 时间：2016-11-03", "何淼"),
    ("希拉·莱文Shira Levine2017年1月30日", "希拉·莱文"),  # the Chinese form over the Latin one
    ("心理咨询师熊玲 2018/03/05 09:53", "熊玲"),  # a job title glued to the name
    ("资深律师 2018/03/05 09:53", None),  # a title alone
])
def test_header_byline_forms(header: str, expected: str | None) -> None:
    assert extract_article(page(header, "正文开始。"), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("供稿：校团委 撰稿：曹家炜 摄影：闫晓彤 审核：王超 编辑：李梦童", "曹家炜"),
    ("文章来源： 星洲日报‧报道：黄翠娴‧2016.12.29", "黄翠娴"),
    ("文 案：王楚岳 排 版：张梦轩指导老师：刘佳瑜", "王楚岳"),  # a label padded to four widths
    ("作者：RUKY责任编辑：SKEY", "RUKY"),  # the editor's label glued to the writer
    ("记者：张三 通讯员：李四 编辑：王五", "张三、李四"),
    ("来源：新华网 编辑：王五", None),  # nobody wrote it here
    ("撰稿：曹家炜", None),  # one item: a credit line, not a group
    ("作者： 记者王敬照 编辑： 王华军", "王敬照"),  # the label glued to the name
    ("供稿：设计艺术学院 张帆 摄影：郑泽铭 编辑：新闻中心 段炼", "张帆"),  # no writer label: 供稿's
    ("供稿：科学技术处 撰稿：李丽娟 审核：蔡红星", "李丽娟"),  # a writer label: 供稿 is a unit
])
def test_credit_groups(text: str, expected: str | None) -> None:
    assert credit_group(text) == expected


@pytest.mark.parametrize(("ending", "expected"), [
    ("……的重要意义。（供稿：校团委 撰稿：曹家炜 摄影：闫晓彤 审核：王超 编辑：李梦童）", "曹家炜"),
    ("……浓情厚谊。 见习记者 丁超禺", "丁超禺"),  # a byline after the last sentence, unbracketed
    ("……北京商报记者 蓝朝晖", None),  # no sentence ends before it: maybe the text's own words
    ("……欠条事宜。(新安晚报 焦雪、向凯)\n（中安在线）", "焦雪、向凯"),  # a paper and its reporters
    ("正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）\n图集\n+1", "罗博、萧海川"),
    ("……浓情厚谊。\n见习记者 丁超禺责任编辑：syz", "丁超禺"),
    ("……浓情厚谊。 见习记者 丁超禺\n扬州网新闻热线:0514-87863284 扬州网广告热线:0514-82931211\n"
     "相关阅读:", "丁超禺"),  # the hotlines after it are furniture, however long
])
def test_credits_after_the_last_sentence(ending: str, expected: str | None) -> None:
    assert closing_credit(TEXT + "\n" + "这是最后一段很长的正文内容，" * 4 + ending) == expected


@pytest.mark.parametrize(("after", "expected"), [
    ("原创文章，作者：老D，如若转载，请注明出处：https://laod.cn/news/1.html 赞 (0)", "老D"),
    (" 文章来源： 星洲日报‧报道：黄翠娴‧2016.12.29 ", "黄翠娴"),
    ("转载请注明出处 相关推荐 记者：李四 另一篇文章的标题", None),  # another article's byline
    ("作者：新华网，如若转载请注明", None),  # a medium
    (" 东方网教育频道 陈乐 秦嘉莹 留言板", "陈乐、秦嘉莹"),  # a desk and its reporters
    (" 教育频道 相关 新闻", None),  # a channel's name, then its furniture's words
])
def test_credits_in_the_furniture_after_the_text(after: str, expected: str | None) -> None:
    assert furniture_credit(after) == expected


def test_a_credit_the_body_leaves_out_as_furniture() -> None:
    """The body drops a source line as page furniture; the writer it credits is still read
    (星洲日报)."""
    credit = ('<div class="source-links-wrapper"><h5 class="title">文章来源：</h5>'
              "星洲日报‧报道：黄翠娴‧2016.12.29</div></div></body>")
    html = page("2016-12-30 09:16", "正文开始。").replace(b"</div></body>", credit.encode())
    assert extract_article(html, URL, now=NOW)["author"] == "黄翠娴"


@pytest.mark.parametrize(("text", "expected"), [
    ("文丨张三 编辑丨李四", "张三"),  # WeChat's bar, U+4E28
    ("文字 | 张三", "张三"),
    ("撰文| 方芳 武红利 摄影|贾同军", "方芳、武红利"),  # space-separated writers, then a label
    ("文/张三 据悉，今天", "张三"),  # the text goes on: 据悉 is no name
    ("执笔/张三、李四&王五", "张三、李四、王五"),
])
def test_slash_credits(text: str, expected: str | None) -> None:
    assert slash_credit(text) == expected


@pytest.mark.parametrize(("ending", "expected"), [
    ("\n文/张三", "张三"),
    ("很重要。（张三 北京大学教授）", "张三"),  # a name, then an affiliation with a job title
    ("很重要。（作者系北京大学教授）", None),  # no name
])
def test_closing_slash_and_titled_credits(ending: str, expected: str | None) -> None:
    assert closing_credit(TEXT + "\n" + "这是最后一段很长的正文内容，" * 4 + ending) == expected


def test_an_author_box_whose_names_follow_the_medium_and_label() -> None:
    text = "作者：南方周末记者 雍兴中 姜世离 南方周末实习生 朱亮韬"
    assert labelled_names(text) == "雍兴中、姜世离、朱亮韬"
    assert extract_article(page("作者：南方周末记者 雍兴中 姜世离 南方周末实习生 朱亮韬 "
                                "发自：四川宜宾 2014-05-15 11:11:43 来源：南方周末", "正文开始。"),
                           URL, now=NOW)["author"] == "雍兴中、姜世离、朱亮韬"


def test_credits_in_the_next_cell_after_the_text() -> None:
    """The credit row of a table-layout page follows the text's cell (xinhuanet's regional
    channels): the page text right after the body is read for a group of credits."""
    html = f"""<html><head><meta charset="gbk"><title>标题是一个足够长的新闻标题_示例网</title>
</head><body><h1>标题是一个足够长的新闻标题</h1><div>2012-06-04 09:20:26</div>
<table><tr><td><p>{TEXT}</p><p>{TEXT}</p></td></tr><tr><td>   </td></tr>
<tr><td><table><tr><td><font>作者： 记者王敬照 </font></td>
<td><font>编辑： 王华军 </font></td></tr></table></td></tr></table></body></html>"""
    assert extract_article(html.encode("gbk"), URL, now=NOW)["author"] == "王敬照"


ACCOUNT_PAGE = f"""<html><head><meta charset="utf-8"><title>疫情下的种族歧视</title>{{head}}</head>
<body><h1>疫情下的种族歧视</h1>{{byline}}<div class="body"><p>{TEXT}</p></div></body></html>"""


@pytest.mark.parametrize(("head", "byline", "expected"), [
    # zhihu: schema.org microdata, the name in a <meta> property
    ("", '<div itemprop="author" itemscope itemtype="http://schema.org/Person">'
         '<meta itemprop="name" content="飘飞的胸毛"><a href="/people/x">飘飞的胸毛</a></div>',
     "飘飞的胸毛"),
    # an English theme: the byline word and a link inside the name property
    ("", '<div itemprop="author" itemscope itemtype="http://schema.org/Person">'
         '<div itemprop="name">by <a href="/author/m">Madeline Fry</a></div></div>',
     "Madeline Fry"),
    # douban: a JSON-LD Person whose name is an account
    ('<script type="application/ld+json">{"author": {"@type": "Person", '
     '"name": "超级电影迷1973"}}</script>', "", "超级电影迷1973"),
    # a comment's author is nobody's byline
    ("", '<div itemscope itemtype="http://schema.org/Comment"><span itemprop="author">'
         '路人甲乙丙</span></div>', None),
    # <meta name="author"> is filled by CMSs with accounts and roles: a handle there is not read
    ('<meta name="author" content="连云区信息员">', "", None),
    ('<meta name="author" content="SUS学工在线">', "", None),
])
def test_an_account_a_page_declares_as_its_author(head: str, byline: str,
                                                   expected: str | None) -> None:
    html = ACCOUNT_PAGE.replace("{head}", head).replace("{byline}", byline).encode()
    assert extract_article(html, URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("ending", "expected"), [
    # a WeChat account's credits one to a line, then its calls to follow it
    ("…欢迎继续参与我们的主题调研活动！\n文 案：王楚岳\n排 版：张梦轩\n指导老师：刘佳瑜\n"
     "一起分享上体生活的点滴\n长按二维码关注", "王楚岳"),
    ("…欢迎继续参与。\n撰稿：李明\n摄影：王刚", "李明"),
    # labelled lines that credit no writer
    ("…欢迎继续参与。\n来源：校团委\n编辑：王刚\n长按二维码关注", None),
])
def test_credits_one_to_a_line_before_calls_to_follow(ending: str, expected: str | None) -> None:
    assert closing_credit(TEXT + "\n" + ending) == expected


@pytest.mark.parametrize(("zone", "expected"), [
    ("【Rust日报】配置语言 Nickel 1.0 发布 Jancd 发表于 2023-06-10 12:47", "Jancd"),
    ("浅聊泛型常量参数 爱国的张浩予 发表于 2023-03-12 12:55", "爱国的张浩予"),
    ("某论坛 主题 小李飞刀 發表於 2015-3-2 10:00", "小李飞刀"),
    # CSDN: the poster, then 于 or 已于 before the date, the verb after it
    ("Java 哈希超详解 中草药z 于 2024-05-12 09:24:57 发布", "中草药z"),
    ("git设置多用户配置 crispsea 已于 2024-11-19 16:21:47 修改", "crispsea"),
    ("该公司成立于 2015-03-02", None),
    # hupu: the poster, the level, the thread starter's mark
    ("拜仁专区 28回复 /6亮 浏览 0 漂移过境 (34级) 楼主 2018-10-22 16:23", "漂移过境"),
    ("Harden0113 楼主 2018-10-21 12:17", "Harden0113"),
    # a translator's name before the label, a label's value, a site name: never the poster
    ("作者 Shane Hastie，译者 夏雪 发布于 2016年7月15日", None),
    ("来源：新京报 发布于 2017-06-23", None),
])
def test_the_poster_before_a_forum_s_date(zone: str, expected: str | None) -> None:
    from newscrawler.extract.beside_date import poster_before_date

    at = zone.index("20")
    assert poster_before_date(zone, at) == expected


@pytest.mark.parametrize(("ending", "expected"), [
    ("…苹果从未将任何划时代新品的首发量产置于中国以外。（辰辰）", "辰辰"),  # a doubled pen name
    ("…也考虑用来招聘艺员作为训练场所等。（钟 欣）", "钟欣"),  # set apart: 3 wide
    ("…也考虑用来招聘艺员作为训练场所等。（完 结）", None),
    ("…也考虑用来招聘艺员作为训练场所等。（完完）", None),
])
def test_signatures_of_pen_names_and_spaced_names(ending: str, expected: str | None) -> None:
    assert closing_signature(TEXT + "\n" + ending) == expected


@pytest.mark.parametrize(("header", "expected"), [
    # 36kr, baijiahao, toutiao: the account that posted, linked to its own page
    ('<a href="/user/214166">机器之心</a><span><i>·</i>2025年04月22日 19:14</span>', "机器之心"),
    ('<a href="https://author.baidu.com/home?app_id=1">Hc杂谈君</a> 2023-03-24 17:22',
     "Hc杂谈君"),
    ('<a href="https://space.bilibili.com/485003359">Maggie媺琪</a> 2021-05-06 12:01',
     "Maggie媺琪"),
    # a section or a tag linked before the date is nobody
    ('<a href="/channel/tech">科技频道</a> 2025-04-22 19:14', None),
    ('<a href="/tag/ai">人工智能</a>·2025年04月22日 19:14', None),
])
def test_an_account_linked_to_its_page_before_the_date(header: str, expected: str | None) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>豆包斗元宝，开始拼社交</title></head><body>
<h1>豆包斗元宝，开始拼社交</h1><div class="info">{header}</div>
<div class="body"><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("meta", "expected"), [
    # 2018: date, the author slot, the account
    ('<em id="post-date" class="rich_media_meta rich_media_meta_text">2018-04-06</em>'
     '<em class="rich_media_meta rich_media_meta_text">🌏华商君</em>'
     '<span class="rich_media_meta rich_media_meta_text rich_media_meta_nickname">华商报</span>',
     "🌏华商君"),
    # 2023: the slot, then js_author_name
    ('<span class="rich_media_meta rich_media_meta_text">赵传文</span>'
     '<em id="publish_time" class="rich_media_meta rich_media_meta_text">2023-01-10 07:07</em>',
     "赵传文"),
    # the slot repeating the account's name credits nobody in particular
    ('<span class="rich_media_meta rich_media_meta_text">SUS学工在线</span>'
     '<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>'
     '<strong class="profile_nickname">SUS学工在线</strong>', None),
    # the 原创 tag and a date filled in as 昨天 are no writers
    ('<span id="copyright_logo" class="rich_media_meta rich_media_meta_text meta_tag_text">'
     '原创：</span><em id="publish_time" class="rich_media_meta rich_media_meta_text">昨天</em>',
     None),
])
def test_wechat_s_author_slot(meta: str, expected: str | None) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>关于音乐</title></head><body>
<div id="img-content"><h2 class="rich_media_title" id="activity-name">关于音乐</h2>
<div id="meta_content" class="rich_media_meta_list">{meta}</div>
<div class="rich_media_content" id="js_content"><p>{TEXT}</p></div></div></body></html>"""
    assert extract_article(html.encode(), "https://mp.weixin.qq.com/s/x", now=NOW)["author"] == \
        expected


@pytest.mark.parametrize(("ending", "expected"), [
    ("…希望家人都身体健康！\n小波\n2011年12月31日星期六", "小波"),
    ("…希望家人都身体健康！\n李明华\n2020-05-04", "李明华"),
    # a label, a date with more after it, a name without a date: no closing signature
    ("…希望家人都身体健康！\n责任编辑\n2011年12月31日", None),
    ("…希望家人都身体健康！\n小波\n2011年12月31日 于北京", None),
    ("…希望家人都身体健康！\n全文完\n", None),
])
def test_a_closing_signed_and_dated(ending: str, expected: str | None) -> None:
    assert closing_signature(TEXT + "\n" + ending) == expected


def test_a_team_of_seven_writers_is_kept_whole() -> None:
    team = "唐锐、森彬、子丰、亚男、王程、国桥、俞涛"
    assert clean_author(team) == team


@pytest.mark.parametrize(("text", "expected"), [
    ("导语\n从液体的黏度，到生命的窗口。\n小雨 | 作者\n原理 | 来源\n基本物理常量之谜", "小雨"),
    ("欧姆在多方面的科学贡献极其巨大。 陈关荣 | 作者 基本电路中的电流、电压、电阻关系式", "陈关荣"),
    ("原理 | 来源\n基本物理常量之谜", None),
    ("这是一篇文章 | 作者的话", None),
])
def test_a_writer_credited_name_first(text: str, expected: str | None) -> None:
    from newscrawler.extract.authors import reversed_credit

    assert reversed_credit(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("「爸爸，我扶你起來。」讀小四的小勳撐起他的爸爸。報導．攝影╱向高彬蔡宜良雖仍壯年",
     "向高彬"),
    ("57歲阿海罹患2期口腔癌，緩緩地吞嚥稀飯。\n報導•攝影╱韓旭爾\n採訪時，阿海吞粥止飢", "韓旭爾"),
    ("當記者隨阿蓮姨來到護理之家。報導／林志成\n阿蓮姨失望的說", "林志成"),
    ("這是一則報導／評論的說明文字，沒有記者署名。", None),
])
def test_a_taiwan_paper_s_report_credit(text: str, expected: str | None) -> None:
    assert opening_byline(text, bare=True) == expected


def test_a_long_byline_with_correspondents_after_the_reporters() -> None:
    text = "本报讯（记者 闫瑾 曹泽怡 高雨桐 丛敏 通讯员 刘萌 王柳青 摄影 聂际慈）六月芬芳！"
    assert opening_byline(text) == "闫瑾、曹泽怡、高雨桐、丛敏、刘萌、王柳青"


@pytest.mark.parametrize(("value", "expected"), [
    (" 【团队经验与资源】 品牌零售：20年中高端服装箱包品牌连锁加盟零售经验", None),
    ("【人民网】", "人民网"),
    ("张三", "张三"),
])
def test_an_empty_label_before_the_text_s_heading(value: str, expected: str | None) -> None:
    from newscrawler.extract.meta_line import clean_value

    assert clean_value(value) == expected


@pytest.mark.parametrize(("zone", "expected"), [
    ("维舟 +关注 2020-07-03 15:39 上海", "维舟"),
    ("维舟关注2020-07-03 15:39 上海", "维舟"),
    ("关注 2020-07-03 15:39 上海", None),
])
def test_an_account_before_its_follow_button_and_the_date(zone: str, expected: str | None) -> None:
    from newscrawler.extract.beside_date import lone_word_before_date

    assert lone_word_before_date(zone, zone.index("2020")) == expected


@pytest.mark.parametrize(("cells", "expected"), [
    # PTT: the label and the value in spans of their own, inside the article's container
    ('<div class="article-metaline"><span class="article-meta-tag">作者</span>'
     '<span class="article-meta-value">chengwaye (短彈田)</span></div>', "chengwaye"),
    ("<dl><dt>作者</dt><dd>李明华</dd></dl>", "李明华"),
    # a tag list's links are no cells
    ('<div class="keywords"><a href="/t/记者">记者</a> <a href="/t/现场直击">现场直击</a></div>',
     None),
])
def test_an_author_in_the_cell_after_a_lone_label(cells: str, expected: str | None) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>[標的] 6271 同欣電</title></head><body>
<div id="main-content">{cells}<div class="article-metaline"><span>標題</span>
<span>[標的] 6271 同欣電</span></div>{TEXT}</div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("zone", "expected"), [
    ("2018-04-28 09:32 来源: 成都全搜索新闻网 编辑: 曾俊菠 责任编辑: 马兰 视频：十大评选", None),
    ("发布:2019-10-6 14:47:33 分享到东方微博新浪微博腾讯微博微信 东方网记者", None),
    ("2019-10-13 12:56:27 来源:广州日报 选稿:费一妍 原标题:研究生", None),
    ("2020-06-05 20:35 来源：新华网 张三 李四", "张三、李四"),
])
def test_no_editor_or_share_button_after_the_date(zone: str, expected: str | None) -> None:
    assert names_after_date(zone, zone.index(" ", 14)) == expected


def test_reporters_before_the_date_of_their_report() -> None:
    text = "东方网记者熊芳雨、刘昊10月6日报道：国庆期间，申城的各大美术馆中，一批力作正在展出。"
    assert opening_byline(text) == "熊芳雨、刘昊"


def test_words_of_a_publishing_line_are_no_names() -> None:
    from newscrawler.extract.beside_date import poster_before_date

    # JoongAng: the writer, his title, then the upload label before the date
    assert opening_byline("行政命令 金炯九 记者 上传 2025.02.07 11:05 参与互动 0") != "上传"
    # swissinfo: "this content was published on"
    zone = "afp_tickers 此内容发布于 2025年02月04日 - 10:50 3 分钟 （法新社纽约3日电）"
    assert poster_before_date(zone, zone.index("2025")) is None


@pytest.mark.parametrize(("source", "expected"), [
    (b'<a rel="author" href="/u/1">X</a>', {"rel"}),
    (b'<span class="author vcard"><a class="fn">X</a></span>', {"vcard", "class"}),
    (b'<span class="author vcard"><a class="fn" rel="author">X</a></span>',
     {"vcard", "rel", "class"}),
    (b'<div class="box m-from-author">X</div>', {"class"}),
    (b'<div itemProp="author" itemscope>', {"itemprop"}),
    (b'<meta name="author" content="X"><div data-author="y">author</div>', set()),
    (b"", set()),
])
def test_the_kinds_of_author_markup_a_source_holds(source: bytes, expected: set[str]) -> None:
    from newscrawler.extract.author_markup import author_marks

    assert author_marks(source).kinds == expected


def test_author_class_tokens_go_to_the_page_index() -> None:
    from newscrawler.extract.author_markup import author_marks

    marks = author_marks(b'<div class="box m-from-author">X</div><p class="author-name x">Y</p>')
    assert marks.classes == ("m-from-author", "author-name")


@pytest.mark.parametrize(("text", "expected"), [
    ("金泰勋 朝鲜日报评论委员 LIST PRINT A+ A- 在美国硅谷IT公司工作的一位旅美韩国侨胞", "金泰勋"),
    ("…禁止跨性别学生参与女子运动比赛。\n新唐人电视台记者李佳音综合报导", "李佳音"),
])
def test_a_columnist_s_title_and_a_compiled_report(text: str, expected: str) -> None:
    assert (opening_byline(text) or closing_credit(text)) == expected


def test_a_reporter_with_the_title_after_the_name_before_the_upload_time() -> None:
    zone = "特朗普签署行政命令 金炯九 记者 上传 2025.02.07 11:05 参与互动 0"
    assert name_before_date(zone, zone.index("2025")) == "金炯九"


@pytest.mark.parametrize(("name", "expected"), [
    ("加拿大都市网多伦多", None),  # the paper's desk, declared a Person
    ("超级电影迷1973", "超级电影迷1973"),
])
def test_a_declared_person_naming_a_medium_is_no_account(name: str, expected: str | None) -> None:
    head = ('<script type="application/ld+json">{"author": {"@type": "Person", '
            f'"name": "{name}"}}}}</script>')
    html = ACCOUNT_PAGE.replace("{head}", head).replace("{byline}", "").encode()
    assert extract_article(html, URL, now=NOW)["author"] == expected


def test_a_reading_time_between_the_date_and_the_writer() -> None:
    zone = "此内容发布于 2024年12月12日 - 09:00 13 分钟 马克·洛伊滕艾格 批判性报道并非自由社会"
    assert names_after_date(zone, zone.index("09:00") + 5) == "马克·洛伊滕艾格"


def test_a_telnet_style_bbs_names_its_writer_after_fa_xin_ren() -> None:
    """饮水思源 and other 水木-style boards print the post's head in a ``<pre>``: ``发信人:
    id(nickname), 信区: board``; the id is the writer."""
    head = """发信人: <a href="bbsqry?userid=InnJayHee">InnJayHee</a>(跨时代), 信区: TrafficInfo
标  题: 上海交通大学周边道路交通指南
发信站: 饮水思源 (2010年05月12日00:48:34 星期三), 站内信件"""
    html = f"""<html><head><meta charset="gbk"><title>饮水思源 - 文章阅读</title></head><body>
<center><font class="title">饮水思源 - 文章阅读</font>[讨论区: TrafficInfo]<hr>
[<a href="bbsfwd">转寄/推荐</a>][<a href="bbsdoc">返回讨论区</a>]
<table class="show_border"><tr><td><pre>{head}

{TEXT}
{TEXT}
--
※ 来源: 饮水思源 bbs.sjtu.edu.cn [FROM: 10.0.0.1]</pre></td></tr></table></center></body>
</html>"""
    record = extract_article(html.encode("gbk"), URL, now=NOW)
    assert (record["author"], record["published_at"]) == \
        ("InnJayHee", "2010-05-12T00:48:34+08:00")


@pytest.mark.parametrize("post", [f"<p>{TEXT}</p><p>{TEXT}</p>",
                                  f'<div class="post"><p>{TEXT}</p><p>{TEXT}</p></div>'])
def test_a_forum_s_line_under_the_post_names_its_writer_and_date(post: str) -> None:
    """netsh.com's hosted forums print who posted and when under the post, as the text's last
    line or after its box: ``本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.``"""
    html = f"""<html><head><meta charset="utf-8"><title>演讲精选</title></head><body>
<center><h1>台湾著名教育家演讲精选</h1></center><hr>{post}
<!-- end --><p><br><p><center>本贴由<b>大卫</b>于2005年8月12日16:12:21在〖
<a href="/bbs/1">心灵体操</a>〗发表.
</center><hr><a name="followups">本贴跟从标题:</a><ul><li><a href="2.html">回复</a></li></ul>
</body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert (record["author"], record["published_at"]) == ("大卫", "2005-08-12T16:12:21+08:00")


@pytest.mark.parametrize(("text", "expected"), [
    ("马克·洛伊滕艾格", True),  # swissinfo's writer
    ("穆罕默德·闵沙维", True),
    ("凯尔・奈特", True),  # a katakana middle dot
    ("北京晚报·五色土", False),  # a medium and its column
    ("新华社·快讯", False),
    ("特朗普", True),
])
def test_a_foreign_name_in_han_characters_is_a_name(text: str, expected: bool) -> None:
    assert is_name(text) is expected


def test_a_declared_writer_with_a_transliterated_name() -> None:
    """Al Jazeera's Chinese pages declare the writer in JSON-LD and print the name alone."""
    data = '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "穆罕默德·闵沙维"}}'
    html = f"""<html><head><meta charset="utf-8"><title>特朗普会阻止吗？ | 半岛电视台</title>
<script type="application/ld+json">{data}</script></head><body><h1>特朗普会阻止吗？</h1>
<div class="article"><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == "穆罕默德·闵沙维"


def test_a_round_up_credits_eighteen_reporters() -> None:
    """人民日报's round-ups from many provinces close with every reporter, in print order."""
    reporters = ["江琳", "赵婀娜", "万秀斌", "胡健", "王金海", "崔佳", "龚仕建", "田豆豆", "朱虹",
                 "袁泉", "王明峰", "孟海鹰", "贺林平", "程远州", "方敏", "王锦涛", "程焕", "刘梦丹"]
    text = f"{TEXT}确保主题教育取得实效。（本报记者{'、'.join(reporters)}）"
    assert closing_credit(text) == "、".join(reporters)


@pytest.mark.parametrize(("slot", "expected"), [
    ("作者：金鑫 房敏…", "金鑫、房敏婕"),  # the slot cut short: the text's byline names them all
    ("作者：金鑫", "金鑫"),  # a whole value: the header's byline wins
])
def test_a_labelled_writer_cut_short_gives_way_to_the_text_s_byline(slot: str, expected: str
                                                                     ) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>新书发布会在上海图书馆举行</title></head>
<body><h1>新书发布会在上海图书馆举行</h1><div class="info">{slot} 来源：中国新闻出版广电报
时间：2019/10/18 9:15:40</div><div class="article"><p>□本报记者 金鑫 通讯员 房敏婕</p>
<p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("second", "expected"), [
    ("本报记者 李治国", "柳洁、李治国"),  # each region's reporter, in print order
    ("李治国", "柳洁"),  # a line that is no reporter credit adds nobody
])
def test_a_round_up_names_a_reporter_under_each_region(second: str, expected: str) -> None:
    """经济日报's round-ups print a subheading per region, each with its reporter on a line of
    its own; the first line's reporter alone would drop the others."""
    html = f"""<html><head><meta charset="utf-8"><title>各地织牢织密公共卫生防护网</title></head>
<body><h1>各地织牢织密公共卫生防护网</h1><div class="info">2020年06月01日 10:00 来源：经济日报</div>
<div class="article"><p>湖北：守好小区防线和院感关口</p><p>本报记者 柳 洁</p><p>{TEXT}</p>
<p>上海：加强应急管理体系整体性建设</p><p>{second}</p><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("北京大学教授 张明", "张明"),  # the title, a space, the name
    ("仁济医院呼吸科主治医师张明", "张明"),  # a physician's title glued to the name
])
def test_a_writer_after_a_job_title(value: str, expected: str) -> None:
    assert clean_author(value) == expected


@pytest.mark.parametrize(("credit", "expected"), [
    ("<p>作者：上海交通大学医学院附属仁济医院第一批驰援武汉医疗队队员、</p>"
     "<p>仁济医院呼吸科主治医师&nbsp; 查琼芳</p>", "查琼芳"),  # the affiliation runs on
    ("<p>作者：上海交通大学医学院附属仁济医院第一批驰援武汉医疗队队员。</p>"
     "<p>仁济医院呼吸科主治医师&nbsp; 查琼芳</p>", None),  # a sentence ends: no run-on
])
def test_a_closing_credit_run_on_to_the_last_line(credit: str, expected: str | None) -> None:
    """A doctor's diary closes with its writer's affiliation broken over two lines."""
    html = f"""<html><head><meta charset="utf-8"><title>战疫日记第二十八天</title></head>
<body><h1>战疫日记第二十八天</h1><div class="info">2020-02-22 13:37 来源：中国日报网</div>
<div class="article"><p>{TEXT}</p><p>{TEXT}</p>{credit}</div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize("printed", [
    "编辑：（<!--<$[信息作者]>begin-->胡冠山<!--<$[信息作者]>end-->）",  # TRS's template comments
    "编辑：（胡冠山）",
])
def test_the_meta_author_a_government_page_prints_as_its_editor(printed: str) -> None:
    """TRS fills ``<meta name="author">`` with whoever published the page, whom the page
    prints as its editor in brackets: no writer is credited."""
    html = f"""<html><head><meta charset="utf-8"><title>市文化和旅游局开展帮包服务活动</title>
<meta name="author" content="胡冠山"></head><body><h1>市文化和旅游局开展帮包服务活动</h1>
<div class="info">发布日期：2019-07-10 10:43</div><div class="article"><p>{TEXT}</p><p>{TEXT}</p>
</div><div class="corner-compile">{printed}</div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] is None


@pytest.mark.parametrize(("header", "closing", "expected"), [
    ("2013年07月05日 18:26 | 来源：央视网 实习编译：许双彬 |", "", "许双彬"),
    ("2018-06-13 来源：腾讯科技", "（编译/林靖东）", "林靖东"),
    ("2024-12-03 来源：侨报网", "（编译：csw）", "csw"),
    ("2018-06-13 来源：腾讯科技 作者：张三", "（编译/林靖东）", "张三"),  # the writer comes first
    ("2018-06-13 来源：示例网", "用新的编译器编译 程序后运行更快。", None),  # prose, no credit
])
def test_the_compiler_of_a_report_from_foreign_media(header: str, closing: str,
                                                     expected: str | None) -> None:
    """A report compiled from foreign media credits its compiler (编译) and no one else: the
    compiler is its writer."""
    html = f"""<html><head><meta charset="utf-8"><title>各国主妇大比拼</title></head><body>
<h1>各国主妇大比拼</h1><div class="info">{header}</div><div class="article"><p>{TEXT}</p>
<p>{TEXT}{closing}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


def test_a_byline_credits_the_compiler_with_the_reporter() -> None:
    """聯合報 credits a compiler and a reporter in one byline: both wrote the report."""
    html = f"""<html><head><meta charset="utf-8"><title>核汙水排入海 中日緊張升溫</title></head>
<body><h1>核汙水排入海 中日緊張升溫</h1><div class="info">2023-08-28 01:05</div>
<div class="article"><p>【編譯茅毅、記者謝守真／綜合報導】{TEXT}</p><p>{TEXT}</p></div>
</body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == "茅毅、謝守真"


@pytest.mark.parametrize(("hiding", "expected"), [
    ("vcard rich-snippet-hidden", None),  # Avada's markup for search engines: not printed
    ("vcard", "web_admin"),  # printed: kept as the theme prints it
])
def test_author_markup_hidden_by_its_class_credits_nobody(hiding: str, expected: str | None
                                                           ) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>澳大研發人工智能科創技術</title></head>
<body><h1>澳大研發人工智能科創技術</h1><div class="article">{f"<p>{TEXT}</p>" * 4}</div>
<div class="fusion-meta-info"><span class="{hiding}"><span class="fn"><a rel="author"
href="/author/web_admin/">web_admin</a></span></span><span>29-12-2021</span></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://blog.twnic.tw/2023/08/24/27905/", None),  # the site credits itself
    ("https://blog.example.tw/2023/08/24/27905/", "TWNIC"),  # another site's credit
])
def test_a_credit_naming_the_host_is_the_site(url: str, expected: str | None) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>台灣網路講堂會後報導</title></head><body>
<h1>台灣網路講堂會後報導</h1><div class="info">作者：TWNIC 2023-08-24</div><div class="article">
<p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), url, now=NOW)["author"] == expected


@pytest.mark.parametrize(("credit", "expected"), [
    ("作者：vpsee", "vpsee"),  # a person's handle, labelled, names the blog (www.vpsee.com)
    ("作者：VPSee", None),  # written as a name: the site's
    ("vpsee / 成长日志 /", None),  # unlabelled, before its category: the site's account
])
def test_a_blogger_s_handle_naming_the_blog(credit: str, expected: str | None) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>使用 Fabric 批量执行任务</title></head>
<body><h1>使用 Fabric 批量执行任务</h1><div class="info">{credit} 2012年10月29日</div>
<div class="article"><p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), "http://www.vpsee.com/2012/10/x/",
                           now=NOW)["author"] == expected


def test_after_the_site_crediting_itself_the_text_byline_is_read() -> None:
    """www.conac.cn prints its own name before the date (``CONAC 2015-09-07 16:42:30``) over
    a story reprinted from 人民日报, whose dateline credits its reporters: they wrote it."""
    html = f"""<html><head><meta charset="utf-8"><title>党政机关网站 真伪一搜便知</title></head>
<body><h2>人民日报：党政机关网站 真伪一搜便知</h2><div id="Mtimer">CONAC&nbsp;2015-09-07 16:42:30
</div><article><p>　　本报北京6月4日电　（张洋、张腾扬、赵雅娇）中央编办{TEXT}</p><p>{TEXT}</p>
</article></body></html>"""
    assert extract_article(html.encode(), "http://www.conac.cn/2015/0907/1.html",
                           now=NOW)["author"] == "张洋、张腾扬、赵雅娇"
    site_only = html.replace("本报北京6月4日电　（张洋、张腾扬、赵雅娇）", "")
    assert extract_article(site_only.encode(), "http://www.conac.cn/2015/0907/1.html",
                           now=NOW)["author"] is None


@pytest.mark.parametrize(("value", "expected"), [
    ("文耕编译", "文耕"),  # a name glued to its role
    ("李四整理", "李四"),
    ("李弋辑自", "李弋"),  # compiled from a book (上海交大校史网: 作者：李弋辑自《三个世纪的跨越》)
    ("江阴报道", None),  # a place glued to 报道
    ("王林摄", None),  # a photographer
])
def test_a_writer_glued_to_the_role(value: str, expected: str | None) -> None:
    """欧洲时报 labels ``作者：文耕编译``: the compiler's name, then what he did."""
    assert clean_author(value) == expected


@pytest.mark.parametrize(("zone", "expected"), [
    ("甘肃省定西市渭源县中医医院  秦林 共产党员网来稿", "秦林"),  # organisation, then the writer
    ("深交所 王建军 CDR 配套规则 2018-06-09", None),  # a tag list: an exchange and its head
    ("北京大学 2018-06-09", None),  # no name after it
])
def test_the_writer_after_their_organisation_under_the_headline(zone: str,
                                                                 expected: str | None) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>最美乡愁在寒泉沟</title></head><body>
<h1>最美乡愁在寒泉沟</h1><div class="info">{zone}</div><div class="article"><p>{TEXT}</p>
<p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("declared", "expected"), [
    ("Redazione", None),  # an Italian paper's desk
    ("U.S. Mission China", None),
    ("The Associated Press", None),
    ("Yasemin Saplakoglu - Staff Writer", "Yasemin Saplakoglu - Staff Writer"),  # a writer
    ("Luo Zhongmou", "Luo Zhongmou"),
])
def test_a_latin_desk_credits_nobody(declared: str, expected: str | None) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>Sardegna, la notizia del giorno</title>
<meta name="author" content="{declared}"></head><body><h1>Sardegna, la notizia del giorno</h1>
<div class="info">2023-11-21 14:36</div><div class="article"><p>{TEXT}</p><p>{TEXT}</p></div>
</body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("opening", "expected"), [
    ("黑龙江日报10月25日讯", None),  # the paper's dateline, after a label left empty
    ("老D", "老D"),  # a blog's handle signing the credit
])
def test_a_dateline_after_an_empty_author_label_is_no_handle(opening: str,
                                                             expected: str | None) -> None:
    """东北网 prints ``作者：`` with nothing after it; the body opens with the paper's dateline
    ``黑龙江日报10月25日讯``, a run of Han and digits like a blog handle, but a date is in it."""
    html = f"""<html><head><meta charset="utf-8"><title>身在最北方 心向党中央</title></head><body>
<h1>身在最北方 心向党中央</h1>
<div class="time">时间：2024-10-25 08:03:30 来源：黑龙江日报 作者：</div>
<div class="neirong"><p><strong>{opening} </strong>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("credit", "expected"), [
    ("记者/拍摄：潘頔 剪辑：陈永娴", "潘頔"),  # 椰视频: the reporter filmed too
    ("南海网、新海南客户端 记者/拍摄：潘頔 剪辑：陈永娴 王家旋（实习）", "潘頔"),
    ("文字/摄影：潘頔", "潘頔"),
    ("（文/图：潘頔 编辑：彭枭）", "潘頔"),
    ("采写/摄影：南都记者 敖银雪 通讯员 公新文", "敖银雪、公新文"),
    ("摄影/摄像：潘頔", None),  # pictures only: a photographer
])
def test_a_list_of_roles_one_of_which_writes_credits_a_writer(credit: str,
                                                              expected: str | None) -> None:
    """Video and photo stories credit the reporter who also filmed with the roles joined before
    one colon (``记者/拍摄：``), after the text or in the header."""
    closing = f"""<html><head><meta charset="utf-8"><title>天海防务项目落户三亚崖州湾</title></head>
<body><h1>天海防务项目落户三亚崖州湾</h1><div class="info">2026年04月15日 17:38 编辑：彭枭</div>
<div class="article"><p>{TEXT}</p><p>{TEXT}</p><p>{credit}</p></div></body></html>"""
    assert extract_article(closing.encode(), URL, now=NOW)["author"] == expected
    header = f"""<html><head><meta charset="utf-8"><title>天海防务项目落户三亚崖州湾</title></head>
<body><h1>天海防务项目落户三亚崖州湾</h1><div class="info">2026年04月15日 17:38 {credit}</div>
<div class="article"><p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    assert extract_article(header.encode(), URL, now=NOW)["author"] == expected


def test_the_credit_above_the_desk_s_sign_off_lines_is_the_writers() -> None:
    """开屏新闻 reprints 人民日报 with the credit, then one line per desk role:
    ``责任编辑 刘自学`` / ``责任校对 何丹`` / ``主编 武熙智`` / ``终审 编委 李荣``. Those lines are
    passed over, so the credit above them is still among the text's last lines."""
    staff = "".join(f"<p>{line}</p>" for line in (
        "责任编辑 刘自学", "责任校对 何丹", "主编 武熙智", "终审 编委 李荣"))
    html = f"""<html><head><meta charset="utf-8"><title>开屏新闻</title></head><body>
<div class="detailTitle">走出一条中国特色城市现代化新路子</div>
<div class="detailTime"><span>开屏新闻</span> <span>2026-04-13 14:59:39</span></div>
<div class="textCon"><p>{TEXT}</p><p>{TEXT}</p><hr>
<p>来源&nbsp;人民日报（记者 程 晨 吕 莉 王云杉）</p>{staff}</div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == "程晨、吕莉、王云杉"


def test_a_founder_news_site_s_filed_author_is_not_a_credit() -> None:
    """中国网's Founder CMS files ``<author>辛闻</author>`` in its property comment; the page prints
    no writer, so nobody is credited (an e-paper's ``<founder-author>`` is its byline)."""
    html = f"""<html><head><meta charset="utf-8"><title>呼和浩特发放育儿津贴_中国网</title></head>
<body><h1>呼和浩特发放育儿津贴</h1><div class="info">2024-05-13 13:48</div>
<div class="article"><!--enpcontent--><p>{TEXT}</p><p>{TEXT}</p><!--/enpcontent-->
<!--enpproperty <articleid>117184963</articleid><date>2024-05-13 13:48:13:671</date>
<author>辛闻</author><title>呼和浩特发放育儿津贴</title><siteid>1000</siteid>/enpproperty-->
</div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] is None


def test_a_second_group_of_the_paper_s_reporters_in_one_credit() -> None:
    """光明日报 (reprinted by 国学网) closes with ``（本报记者 张蕾 孙小婷 本报见习记者 周艺珣）``:
    the second label, the paper's own, goes on the same run of writers."""
    html = f"""<html><head><meta charset="utf-8"><title>她们的眼中，乡愁是什么</title></head><body>
<h1>她们的眼中，乡愁是什么</h1><div class="article"><p>{TEXT}</p><p>{TEXT}</p>
<p><strong>（本报记者 张蕾 孙小婷 本报见习记者 周艺珣）</strong></p></div>
<p class="entry-meta">发布：2017-03-09 09:43 责编：linxingzi 来源：光明日报</p></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == "张蕾、孙小婷、周艺珣"


@pytest.mark.parametrize("company", ["大汉网络", "某某科技", "某某软件"])
def test_a_company_in_meta_author_is_no_writer(company: str) -> None:
    """Hanweb's 大汉版通 writes its maker into ``<meta name="author" content="大汉网络">`` on
    every page it builds (杭州网); a company (…网络, …科技, …软件) is never the writer."""
    html = f"""<html><head><meta charset="gb2312"><title>打破思维色彩让居室清新一季</title>
<meta name="Generator" content="大汉版通"><meta name="Author" content="{company}"></head>
<body><h1>打破思维色彩让居室清新一季</h1><div class="info">2006-05-26 10:57:52</div>
<div class="article"><p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode("gb18030"), URL, now=NOW)["author"] is None


@pytest.mark.parametrize(("opening", "expected"), [
    ("（通讯员 李洁梅）6月14日，", "李洁梅"),  # the text's byline names the writer
    ("6月14日，", "张晓然"),  # none: the poster is all the page credits
])
def test_an_uploader_gives_way_to_the_byline_opening_the_text(opening: str,
                                                              expected: str) -> None:
    """南开大学's news sites (WebPlus) print ``发布者：张晓然`` (the staff account that put the
    page up) and open the text with the writer's byline ``（通讯员 李洁梅）``."""
    html = f"""<html><head><meta charset="utf-8"><title>柔力球队获一等奖</title></head><body>
<h1>柔力球队获一等奖</h1><p class="arti_metas"><span>发布者：张晓然</span>
<span>发布时间：2015-06-18</span></p><div class="wp_articlecontent"><p>{opening}{TEXT}</p>
<p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("beside", "where", "expected"), [
    ('<div class="date">2017-05-25 10:47:43</div>', "article-left", "阿荣"),  # dated beside
    ('<div class="date">来源：风尚中国</div>', "article-left", None),  # no date beside the slot
    ('<div class="date">2017-05-25 10:47:43</div>', "comment-list", None),  # a commenter's box
])
def test_the_name_slot_of_an_author_box_dated_beside_it(beside: str, where: str,
                                                         expected: str | None) -> None:
    """风尚中国 prints the writer in its author box's ``name`` slot, the avatar's placeholder
    repeating it, the date and the source under it in the same box; a comment's box has the
    same slots and names a commenter."""
    html = f"""<html><head><meta charset="utf-8"><title>夏日家居清新配色</title></head><body>
<h1>夏日家居清新配色</h1><div class="{where}"><div class="author">
<div class="image">阿荣</div><div class="name">阿荣</div>{beside}
<div class="from">来源：风尚中国</div></div></div>
<div class="article-center"><p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["author"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("伍永志", True),  # gxpopss's 【作者：伍永志】: 志 ends many given names
    ("李建志", True),
    ("黄杂志", False),  # a magazine
    ("王县志", False),  # a county's chronicle
    ("中国志", False),  # no surname first
])
def test_a_surnamed_name_ending_like_a_magazine(text: str, expected: bool) -> None:
    assert is_name(text) is expected

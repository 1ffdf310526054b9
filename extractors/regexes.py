"""Every pattern the extractors use, each with an example of what it matches.

The patterns run over the *normalized* text (extractors.cleaning): Simplified characters,
half-width digits, Latin letters and parentheses, no spaces inside Chinese runs.  Keep them linear:
no nested quantifiers, no backtracking over the whole document.
"""

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CN_NUM = "〇零一二三四五六七八九十百"

# ---------------------------------------------------------------- reading and cleaning

# Horizontal whitespace: the cleaner removes each run but one between two Latin letters or digits.
# "质量监 测与评价" → "质量监测与评价"; "STEAM 教育" → "STEAM教育"; "Word 2" keeps its space.
SPACE_RUN = re.compile(r"[ \t\u3000\xa0]+")

# A token that stands where an organization's name should be: the seed's spam site wrote
# "288563.com" for 佛山市教育局.  "288563.com关于推进…" → "288563.com"
DOMAIN_TOKEN = re.compile(r"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]{1,30}\.(?:com|cn|net|org|cc|top|vip|xyz)(?:\.cn)?")

# Characters a page carries that no reader sees: zero-width spaces, a stray BOM, carriage returns
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\r]+")
WHITESPACE = re.compile(r"\s+")
LINE_END = re.compile(r"\n")
# Containers that government sites put the article in: <div id="zoom">, <div class="TRS_Editor">
ARTICLE_HINT = re.compile(r"article|content|zoom|trs_editor|text|main|detail|zw|nr", re.I)

# Lines of site chrome that are no part of the article: "[政府OA] 无障碍版 | rss订阅"
SITE_CHROME = re.compile(
    r"无障碍|rss订阅|RSS订阅|当前位置|您现在的位置|首页\s*>|打印本页|关闭窗口|分享到|字号[:：]|"
    r"扫一扫|版权所有|网站地图|联系我们|主办单位|ICP备|访问量|\[政府OA\]|"
    r"收录于话题|阅读原文|^\s*#|^原创\s"  # a WeChat article's: "#民政工作要点 3个", "原创 辽宁民政 …"
)

# A page's number on a line of its own, left by a copy out of a PDF: "— 3 —", "- 12 -", "第3页"
PAGE_NUMBER_LINE = re.compile(
    r"[ \t\u3000]*(?:[-—–]{1,2}[ \t\u3000]*[0-9]{1,3}[ \t\u3000]*[-—–]{1,2}|第[0-9]{1,3}页(?:共[0-9]{1,3}页)?)"
    r"[ \t\u3000]*\n"
)
# What ends a line that ends its sentence (or is a heading or a title): a line of a page copied
# out of a PDF ends anywhere else, mid-word, and goes on in the next line
LINE_END_OF_SENTENCE = re.compile(r"[。！？；：!?;:…]$")
# A line with nothing on it
BLANK_LINE = re.compile(r"[ \t\u3000]*\n")

# -------------------------------------------------------------------------- structure

# Numbered headings at the start of a line, from the outermost style to the innermost: the order
# of Chinese official documents, 一、 > (一) > 1. > (1) > ① > 一是.  Group 1 is the label.
HEADING_STYLES = (
    # "一、坚持立德树人,着力提升教育教学质量"
    ("cn_dun", re.compile(rf"([{CN_NUM}]{{1,4}})、")),
    # "(三)深化课程改革。" (（三） after cleaning)
    ("cn_paren", re.compile(rf"\(([{CN_NUM}]{{1,4}})\)")),
    # "8. 提升义务教育…", "8、提升…", "13.促进…"; not "2.7万"
    ("arabic_dot", re.compile(r"([0-9]{1,3})[.、](?![0-9])")),
    # "(1)加强…"
    ("arabic_paren", re.compile(r"\(([0-9]{1,3})\)")),
    # "①加强…"
    ("circled", re.compile(r"([\u2460-\u2473])")),
    # "一是加强…;" at the start of a line
    ("cn_shi", re.compile(rf"([{CN_NUM}]{{1,3}})是")),
)

# Where a heading may start inside a line of a page that lost its line breaks: after a sentence,
# or where a heading's words run into the next heading ("加强党的建设|(一)深入学习…", "。|一、…")
INLINE_HEADING_START = re.compile(
    rf"[。；;！!？?](?=[{CN_NUM}]{{1,4}}、|\([{CN_NUM}0-9]{{1,4}}\)|[0-9]{{1,3}}[.、](?![0-9]))"
    rf"|[{CJK}](?=\([{CN_NUM}]{{1,4}}\)|[0-9]{{1,3}}[.、](?![0-9]))"  # not 统|一、: that 一、 is a list's
)

# A document's date: "发表时间:2017-03-29", "2017年3月29日", "2017.03.29"
DATE = re.compile(r"(20[0-9]{2}|19[0-9]{2})\s*[-年./]\s*([01]?[0-9])\s*[-月./]\s*([0-3]?[0-9])\s*日?")
# A plan's year in its title: "2017年工作计划", "2018年工作要点", "二〇一九年工作要点"
TITLE_YEAR = re.compile(r"(20[0-9]{2}|19[0-9]{2}|[一二][〇零九][〇零一二三四五六七八九]{2})\s*年")
# A work plan's title: "2017年工作计划", "…关于印发2019年教育工作要点的通知"
PLAN_TITLE = re.compile(r"工作(?:计划|要点|意见|安排|方案|思路)|实施(?:意见|方案)|行动(?:计划|方案)|年度计划")
# The issuer that starts a plan's title: "南京市鼓楼区教育局2018年工作计划" → 南京市鼓楼区教育局,
# "沈阳市教育局二〇一九年工作要点" → 沈阳市教育局
TITLE_ISSUER = re.compile(
    r"^(.{2,30}?(?:局|厅|委员会|管委会|委|政府|办公室|办公厅|部|街道(?:办事处)?))(?=(?:19|20)[0-9]{2}|二[〇零]|关于|印发)"
)
# A byline: "市教育局 发表时间:…", "发布机构：杭州市教育局", "来源：…"
BYLINE = re.compile(
    r"(?:发布机构|发文机关|发布单位|来源|信息来源|作者)\s*[:：]\s*(\S{2,30})|(\S{2,30})\s+(?:发表|发布)时间"
)

# --------------------------------------------------------------------------- mentions

# The character that stands for a masked one: the inside of every title is blanked with it before
# sentences are searched, so that no word inside a title is taken for one in the sentence.
BLANK = "\u25a1"  # □

# One bracket of a title, or a line end (where an unclosed bracket is dropped); the scanner pairs
# them with a stack so that a lost 》 cannot swallow the paragraph.  "《…关于实施〈国务院…〉的意见》"
TITLE_BRACKET = re.compile(r"[《》〈〉<>\n]")
# A title a page broke over two lines: "落实省教育厅《关于加强\n学校管理的意见》" — the next line closes
# it soon, opens no other title first, and starts no numbered heading
TITLE_CONTINUES = re.compile(
    r"(?![ \t]*(?:[0-9]+[.、]|\([一二三四五六七八九十0-9]+\)|[一二三四五六七八九十]+、))[^《》\n]{0,40}》"
)
MAX_TITLE_LENGTH = 120
# A title printed in a line: "关于印发《2019年教育工作要点》的通知" → 2019年教育工作要点
PRINTED_TITLE = re.compile(r"《([^《》]+)》")
# A title nested in another, with its brackets: "…关于实施〈国务院关于…的决定〉的意见" → 〈…〉
NESTED_TITLE = re.compile(r"〈[^〈〉]*〉|<[^<>]*>")
# A notice that issues the title inside it, and so is issued where that title is: "关于印发〈济南市…规范〉的通知"
# (not 转发, which passes on another body's title)
ISSUING_NOTICE = re.compile(r"(?:^|关于)印发[〈<]")
# Whitespace and title brackets, which two spellings of a title may differ by
TITLE_NOISE = re.compile(r"[\s《》〈〉<>]+")
# A year: "2016" in "规划(2016-2020年)"
YEAR = re.compile(r"(?:19|20)[0-9]{2}")

# A policy's genre: the word its title ends in.  "…实施意见" → 意见, "民办教育促进法" → 法
GENRE = (
    "法|条例|规定|办法|细则|规则|规程|准则|守则|章程|决定|决议|意见|通知|通告|公告|方案|计划|规划|纲要|"
    "标准|规范|大纲|导则|指南|指引|要点|要求|措施|制度|目录|清单|名录|指标|指导意见|实施意见|行动计划|"
    "若干意见|暂行办法|实施办法|工作方案|实施方案|发展规划|意见稿|公约|批复|函|令|政策|战略|法典|协议|备忘录|预案|基准|示范文本|"
    "重点任务|工作任务|测评体系|评价体系|指标体系|条件|工作报告|定额|协定|职责"
)
TITLE_GENRE = re.compile(rf"(?:{GENRE})$")
# A title that is a genre and nothing else once its issuer is taken off: "工作规则", "实施办法"
BARE_GENRE = re.compile(rf"(?:工作|实施|管理|暂行|议事|考核)?(?:{GENRE})")
# A title's trailing parenthetical, stripped before looking for its genre and kept in the key:
# "老年教育发展规划(2016-2020年)", "…实施细则(暂行)", "…条例(修订草案)"
TRAILING_PARENTHETICAL = re.compile(r"(?:\([^()]{1,20}\))+$")
# A trial or interim edition, which only a policy has: "…标准体系（试行）", "…实施细则（暂行）"
TRIAL_EDITION = re.compile(r"\((?:试行|暂行)\)$")
# A year range in a title, in any of its spellings: "(2016-2020 年)", "（2016—2020年）"
YEAR_RANGE = re.compile(r"(20[0-9]{2})年?\s*[-—–~至到]+\s*(20[0-9]{2})年?")

# A plan named for the year it aims at: "中国教育现代化2035", "健康四川2030"
TARGET_YEAR_END = re.compile(r"(?:20[2-9][0-9])$")
# Works in 《》 that are no policy: a noun after the closing bracket says what they are.
# "《佛山教育》杂志", "《佛山教育信息》简报", "《人民日报》", "《弟子规》一书"
NOT_POLICY_AFTER = re.compile(
    r"(?:杂志|期刊|刊物|简报|报纸|周刊|月刊|日报|专刊|专栏|栏目|节目|电视剧|纪录片|电影|歌曲|一书|丛书|"
    r"读本|教材|图书|书籍|绘本|文章|报道|专题片|公众号|微信号|APP|网站)"
)
# Titles that name a newspaper, journal or book by how they end: "人民日报", "光明日报",
# "习近平关于科技创新论述摘编"
NOT_POLICY_TITLE = re.compile(
    r"(?:(?<![通汇快简年情])报|杂志|文摘|文选|全集|选集|文集|摘编|选编|汇编|读本|论语|学习纲要|学习问答)$"
)
# The plan a notice issues, named in the notice's own title: "…关于印发大连市2021年优化营商环境工作方案的通知"
ISSUED_BY_NOTICE = re.compile(r"关于印发《?(.+?)》?的通知$")
# Between two titles that share the issuers printed before the first: "国务院《A》（国发〔2014〕25号）和《B》"
SHARED_ISSUER_GAP = re.compile(r"(?:\([^()]{1,20}\))?(?:和|及|以及|与|、)?")  # or none: 国务院《A》《B》

# Trigger words, longest first within each relation so that "制定实施" wins over "实施".
# "贯彻落实《…》" implements; "出台《…》" issues; "启动《…》修订" revises.
TRIGGERS = {
    "issues": (
        "研究制定",
        "研究制订",
        "制定实施",
        "制订实施",
        "出台实施",
        "印发实施",
        "制订出台",
        "制定出台",
        "研究出台",
        "修订出台",
        "起草",
        "制定",
        "制订",
        "出台",
        "印发",
        "发布",
        "编制",
    ),
    "revises": ("启动修订", "修订完善", "修改完善", "修订", "修改"),
    "implements": (
        "学习宣传贯彻",
        "学习宣传",
        "学习贯彻落实",
        "宣传贯彻",
        "认真贯彻落实",
        "贯彻落实",
        "推进落实",
        "全面落实",
        "深入贯彻",
        "学习贯彻",
        "认真贯彻",
        "认真学习",
        "深入实施",
        "组织实施",
        "全面实施",
        "继续实施",
        "严格执行",
        "大力执行",
        "深入学习",
        "贯彻",
        "落实",
        "执行",
        "实施",
        "按照",
        "根据",
        "依据",
        "依照",
        "对照",
        "遵照",
        "遵循",
        "遵守",
        "践行",
        "学习",
        "开展",
        "启动",
    ),
}
TRIGGER = re.compile("|".join(sorted((re.escape(w) for ws in TRIGGERS.values() for w in ws), key=len, reverse=True)))
# 新修订 is a qualifier of the title, not a revision: "落实新修订《民办教育促进法》"
QUALIFIER_BEFORE = re.compile(r"(?:新修订|新修改|新|最新|修订后的|修改后的)的?$")
# A law or regulation written without brackets, right after its trigger and a qualifier:
# "依据劳动争议调解仲裁法", "落实新修订的未成年人保护法", "依据宪法和民族区域自治法" (the list goes on
# after 和, BARE_LAW_LIST); the name holds no conjunction, and 法治, 法规, 法律 are no law's end
BARE_LAW = re.compile(
    rf"(?:新修订|新修改|修订后|修改后|新颁布|新)?的?"
    rf"((?:中华人民共和国)?(?:(?![和及与的等并或、])[{CJK}]){{1,16}}?(?:法典|法|条例)"
    rf"(?:\((?:19|20)[0-9]{{2}}年(?:修订|修正)\))?)"  # 固体废物污染环境防治法（2020年修订）
    rf"(?![治律学制定理官院庭课]|规(?!范|定)|改革|建设|体系|工作|任务)"  # 义务教育法规范办学, …法规定的 are the law
)
# Issuers printed after a title, in brackets: "《…》（省政府办公厅印发）", "（中共中央办公厅2019年印发）"
ISSUER_AFTER = re.compile(r"\(([^()]{2,40}?)(?:(?:19|20)[0-9]{2}年)?(?:联合)?(?:印发|发布|出台|颁布)\)")
# What a plan does with a law cited after a verb of its own, before the law's name: "配合做好…条例执法检查"
FILLER_VERB = re.compile(r"做好|抓好|开展|加强|推进|完成|组织")
# The end of a title and its number, where a revision or a making written after the title follows
AFTER_TITLE_END = re.compile(r"》(?:\([^()]{1,30}\))?$")
# A law's implementing regulations, named after it: "外商投资法|实施条例"
LAW_IMPLEMENTING_RULES = re.compile(r"实施条例|实施细则|实施办法")
# A law's name with 和 inside, as the next item of a list of laws: "、军人地位和权益保障法"
BARE_LAW_WITH_AND = re.compile(
    rf"((?:(?![及与的等并或、,，])[{CJK}]){{2,8}}和(?:(?![和及与的等并或、])[{CJK}]){{1,10}}?(?:法|条例))"
    rf"(?![治律学制定理官院庭课]|规(?!范|定))"
)
BARE_LAW_LIST = re.compile(r"(?:以及|、|和|及|与)")
# A title in brackets that a list goes on after: "《中华人民共和国科学技术进步法》和" (masked inside)
AFTER_TITLE_IN_LIST = re.compile(rf"《{BLANK}*》(?:以及|、|和|及|与)")
# What ends a method or a way of working, not a law: 实施办法, 情境教学法, 依法, 执法, 普法 (科普法 is one)
NOT_A_LAW_END = re.compile(
    r"(?:办|方|做|教学|学习|(?<!化)学|工作|训练|疗|(?<!预)算|书|语|兵|手|说|看|想|用|技|笔|司|立|执|守|(?<!科)普|违|合|依|非|不|变|文|章|写|读|画)法$"
)
# What a bare name must not start with: 有关条例, 相关法, 各项条例
NOT_A_LAW_START = re.compile(r"^(?:有关|相关|各项|各类|上述|此|该|本|这|其|各级|各地)")
# A draft revision named as such: drafting "…条例(修订草案)" revises the 条例, it issues nothing new
REVISION_DRAFT = re.compile(r"\((?:修订|修正|修改)(?!版)(?:草案|稿|案)?(?:[^()]*)\)$")  # not （修订版）: that is issued
# A draft, which no plan can implement: it works on making it ("推动审议《海南省…条例（草案）》")
DRAFT = re.compile(r"\([^()]{0,8}(?:草案|征求意见稿|送审稿|讨论稿)\)$")
# A revision written after the title: "启动《佛山市教育装备建设指南》修订", "对《…》进行修订"
REVISION_AFTER = re.compile(r"(?:的)?(?:进行)?(?:修订|修改)")
# Making a title, written after it: "启动《长沙市学前教育条例》立法调研", "做好《…规划》编制工作"
ISSUING_AFTER = re.compile(r"(?:的)?(?:立法|编制|起草|制定|制订)(?:调研|论证|工作)?")
# Who made a title, said between the issuer and the brackets: "国务院办公厅印发的《…》",
# "市委办公厅、市政府办公厅联合印发的《…》"
# (or without 的, where bodies are its subject: "市委办、市政府办印发《…》")
MADE_BY_BEFORE = re.compile(r"(?:联合|共同)?(?:印发|出台|制定|制订|发布|颁布|下发|公布)的?$")
# A short name declared right after a title: "《深化新时代教育评价改革总体方案》（以下简称《总体方案》）"
# (or without brackets: "（以下简称中央12号文件）", "（以下简称“意见”）"; after a document number:
# "（教基〔2017〕9号，以下简称《管理标准》）")
SHORT_NAME_DECLARED = re.compile(
    r"\((?:[^()《》,，]{1,20}[,，])?(?:以下)?简称(?:为)?(?:《([^《》]{1,30})》|“([^“”]{2,20})”|([^()《》“”,，。;；]{2,20}))\)"
)
# A document named by its number and issuer, maybe after its year: "中央一号文件", "省委一号文件",
# "2020年中央一号文件", "中央12号文件"
NUMBERED_DOCUMENT = re.compile(
    rf"((?:19|20)[0-9]{{2}}年)?(中央|中共中央|国务院|(?:自治区党|[省市区县州盟旗])委|(?:自治区|[省市区县州盟旗])政府)"
    rf"(?:[{CN_NUM}]{{1,3}}|[0-9]{{1,3}})号文件"
)
# A document number after the title: "《…》（国发〔2016〕40号）", "(教基〔2017〕3号)"
# (or an order's: "（国家医疗保障局令第4号）")
DOC_NUMBER_AFTER = re.compile(
    r"\(([^()]{1,12}?[〔\[(]?(?:19|20)[0-9]{2}[〕\])]?[0-9]{1,4}号|[^()]{2,16}?令第?[0-9一二三四五六七八九十]{1,4}号)\)"
)
# …or a national standard's number: "《养老机构服务质量基本规范》（GB/T 35796-2017）"
# (or a trade's national standard, not a province's DB: "（SL 310-2019）", "（JGJ/T 123-2012）")
STANDARD_NUMBER_AFTER = re.compile(r"\(((?:GB|(?!DB)[A-Z]{2,4})(?:/[TZ])?\s?[0-9.]+\s?[-—–]\s?(?:19|20)[0-9]{2})\)")
# A document number only a national body gives: 国发, 国办发, 中发, 中办发, a ministry's 部发 or 部令, a
# national standard's GB: "国发〔2018〕40号", "人社部发〔2016〕1号", "GB 2760—2014"
# (a ministry's number starts with its own character, where a local body's starts with its place's:
# 教督〔2017〕6号 is the Ministry of Education's, 苏教基〔2017〕 Jiangsu's)
NATIONAL_DOC_NUMBER = re.compile(
    r"^(?:GB|国发|国办发|国函|国办函|中发|中办发|厅字)|部(?:发|令|函)|^(?:国家|国务院)[^()]{0,12}令"
    r"|^(?!DB)[A-Z]{2,4}(?:/[TZ])?\s?[0-9]"
    r"|^(?:教|国|财|发改|农|建|交|民|环|工信|水|文旅|应急|商)[^〔\[(]{0,4}[〔\[(]"
)
# A title that names itself national: "食品安全国家标准 …", "中国生物多样性保护战略与行动计划"
NATIONAL_IN_TITLE = re.compile(r"国家标准|^中国(?![(（]|共产党)|^(?:(?:19|20)[0-9]{2}(?:-(?:19|20)[0-9]{2})?年)?全国")
# A place named relative to the citing document: "落实市义务教育…计划", "全省教育工作会议"
RELATIVE_PLACE = re.compile(r"(?:我|全|本)?(?:自治区|地区|林区|[市省区县州盟旗])")
# …and the two-character forms that may stand inside a phrase: "推进全市教育信息化“十三五”规划"
# (a lone 省, 市, 县 or 州 counts right before a quoted name, not as the end of a word: "紧扣市“十四五”
# 规划纲要", not 城市“…”)
RELATIVE_PLACE_WORD = re.compile(
    r"(?:我|全|本)(?:自治区|地区|林区|[市省区县州盟旗])|(?:国家|街道)(?=[\u4e00-\u9fff“])"
    r"|(?<![城都超门夜股楼])[省市县州](?=“)"
)
# What a section heading that implements something names: "二、全面贯彻落实全国教育大会精神"
# (not "一、落实立德树人根本任务")
CITED_IN_HEADING = re.compile(r"精神|法(?![治规律])|条例|会议|大会|全会|规划|纲要|意见|方案|规定|办法|”政策")
# Where a sub-clause ends: a trigger governs what follows it up to here (for meetings, strictly).
SUBCLAUSE_END = re.compile(r"[,，。;；!！?？:：\n]")
# What may not stand inside an issuer's name printed before a title
ISSUER_STOP = re.compile(r"[,，。;；:：!?\n》“”()\[\]" + BLANK + "]")
# What ends the run of words a tier-B name may start with: "…,全面启动佛山市教育信息化“十三五”规划"
PREFIX_STOP = re.compile(r"[,，。;；:：!?\n》“”、()" + BLANK + "]")
# Words that join the items of a list: "党的十八大和十八届…全会"
LIST_JOINER = re.compile(r"[和及与]")
# …and where the bodies after a list start: "旅游法、|国务院《旅行社条例》"
BODIES_AFTER_LIST = re.compile(r"[和及与、]")
# What after a meeting says its spirit is implemented: "…全会精神", "…的决策部署"
MEETING_SPIRIT_AFTER = re.compile(r"^(?:的)?(?:精神|决策部署|部署|要求|决议)")
# A meeting that approved what follows it: "…人大五次会议审议通过的《政府工作报告》"
APPROVED_BY_AFTER = re.compile(r"审议通过的")  # (not 十九届六中全会通过的《决议》: its spirit is implemented)
# A list of meetings that ends in their spirit: "和十八届三中、四中全会精神", "…全会和市委…全会部署"
LIST_WITH_SPIRIT = re.compile(r"^[和及、与].*(?:精神|决策部署|部署|要求)$")
# Where a trigger's reach ends: a clause ends at 。；！？ and at line ends.
CLAUSE_END = re.compile(r"[。；;！!？?\n]")

# ------------------------------------------------------------------- issuers and bodies

# The last word of an organization's name.  "教育部", "国家语委", "省教育厅", "佛山市人民政府",
# "中共佛山市委", "市委办公室", "全国人大常委会", "中共288563.com党组"
ORG_SUFFIX = (
    "人民代表大会常务委员会|人大常委会|常务委员会|人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|"
    "办公厅|办公室|委员会|领导小组|工作组|综合组|党组|党委|党工委|(?<!各)街道|省委|市委|区委|县委|州委|中央|国务院|政府|总局|总署|"
    "部|委|厅|局|署|院|办|会|处|中心"
)
ORG = re.compile(rf"(?:中共|中国共产党)?[{CJK}A-Za-z0-9.]{{0,40}}?(?:{ORG_SUFFIX})")
# Two or more bodies that start a title without 关于: "省教育厅、省语委语言文字课题管理办法"
COORDINATED_BODIES = re.compile(rf"((?:{ORG.pattern})(?:[、 ](?:{ORG.pattern}))+)")
# One body, named with its place, that starts a title without 关于: "太原市环境保护局行政处罚…标准"
# (a place's 布局 or 格局 is no body; the title goes on after it)
PLACED_BODY_LEAD = re.compile(
    rf"((?:(?![和与的])[{CJK}]){{2,14}}?"
    rf"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|(?<![布格大全开新当结时])局|厅)(?:党组)?)"
    rf"(?<!村民委员会)(?<!居民委员会)(?=[{CJK}“0-9]{{4}})"  # 《吉林省村民委员会选举办法》 names no issuer
)
# The bodies an issuer list leaves unnamed: "教育部等九部门", "省教育厅等6部门", "市委宣传部等单位"
UNNAMED_CO_ISSUERS = re.compile(rf"等(?:[{CN_NUM}0-9]{{1,3}}个?)?(?:部门|部委|单位|厅局)$")
# A national policy named by its level alone: "执行国家《学生体质健康标准》"
NATIONAL_BEFORE = re.compile(r"国家$")
# Between coordinated issuers: "教育部、国家语委", "中共佛山市委 佛山市人民政府"
ISSUER_SEPARATOR = re.compile(r"[、,，]| +")
# …and the words that may join two bodies, but also stand inside one name (国家发展和改革委员会,
# 呼和浩特市): they separate only where every part is a body.
ISSUER_JOINER = re.compile(r"[和及与]")
# Issuers at the start of a title end where its subject begins:
# "国务院关于鼓励社会力量兴办教育…" → "国务院"; "中共中央办公厅 国务院办公厅印发〈…〉" → both.
TITLE_ISSUER_END = re.compile(r"关于|印发|转发|批转")

# ------------------------------------------------------------------------- levels

# Central words that make a title or meeting national: "党的十九大", "中共中央…", "国家学生体质健康标准",
# "十八届六中全会"
CENTRAL = re.compile(
    r"^(?:党的|中共中央|中国共产党|中央|全国|国家|国务院)|^(?:十|二十)[一二三四五六七八九]?届|^(?:十|二十)[一二三四五六七八九]?大$"
)
# The words that name a place relative to the citing plan: province (an autonomous region's
# 自治区, and its 区 where the plan is no district's), city (州 of an autonomous prefecture, 盟 of
# Inner Mongolia, 地区 of a prefecture and its Party committee 地委), county (旗 of Inner
# Mongolia): "自治区党委", "全州", "旗教育局", "地区卫健委", "地委"
_RELATIVE = "(自治区|地区|地(?=委)|林区|省|市|区|县|州|盟|旗)"  # 林区: 神农架林区, a county under its province
# 市场, 市民 (not 市民政局), 区域, 州长, 县以上 … are no places
_NOT_A_PLACE_AFTER = "(?!场|民(?!政)|属|长|级|域|委员|帜|舰|以[上下外内])"
# A title or issuer that starts with its place relative to the citing plan: "市义务教育…计划",
# "全省教育工作会议", "自治区教育督导规定"
RELATIVE_START = re.compile(rf"^(?:我|全|本)?{_RELATIVE}{_NOT_A_PLACE_AFTER}")
# …with 全, 我 or 本, which a short place name may also start with: "全州教育工作会议" (凉山州), not 全州县
RELATIVE_PLACE_LEAD = re.compile(rf"^(?:我|全|本){_RELATIVE}{_NOT_A_PLACE_AFTER}")
# …after a year: "2017年全省教育工作会议"
RELATIVE_LEAD = re.compile(rf"^((?:19|20)[0-9]{{2}}年)?(?:我|全|本)?{_RELATIVE}{_NOT_A_PLACE_AFTER}")
# …just before a title: "制定我市《…》"
RELATIVE_BEFORE = re.compile(rf"(?:我|全|本|(?<=[行实彻照据施循])){_RELATIVE}$")  # 执行自治区《…》 too
# …inside a title: "加强全市幼儿园师资队伍建设的实施意见"
# (not the 全 of 安全, nor a 省长: "粮食安全省长责任制考核办法" names no province)
RELATIVE_INSIDE = re.compile(rf"(?:(?<!安)全|我|本){_RELATIVE}(?!长)")
# A prefecture's administrative office, named by its short name: "行署", "地区行署"
PREFECTURE_OFFICE = re.compile(r"^(?:地区)?行署(?=(办公室)?$)")
# A district's name leading a body's: "江北区委办", "渝中区教委"
DISTRICT_LEAD = re.compile(rf"[{CJK}]{{1,4}}?区(?=[{CJK}])")
# A relative issuer: "省教育厅", "市委", "中共市委", "区政府", "自治区党委"
RELATIVE_ISSUER = re.compile(rf"^(中共)?{_RELATIVE}(.*)$")
# A year or an ordinal that leads a meeting's name: "2019年全国教育工作会议", "第二次中央新疆工作座谈会"
YEAR_LEAD = re.compile(rf"^(?:(?:19|20)[0-9]{{2}}年|第[{CN_NUM}]{{1,3}}次)")
# A quoted slogan that may end in a place: "“文化佛山”三年行动计划" → 文化佛山
SLOGAN = re.compile(r"“([^“”]{3,10})”")
# Words worth keeping as topic keywords: two or more Chinese characters, or a Latin word
TOPIC_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{3,}")
# The last character of every full name in divisions.tsv (县 区 市 旗 州 省 盟, and a few others).
NAME_ENDING = re.compile(r"[省市区县州旗盟岛域国山镇]")

# -------------------------------------------------------------------------- tier B

# A quoted name followed by a policy genre, with an optional jurisdiction-led prefix added by
# the extractor: "“两免一补”政策", "“七五”普法规划", "“文化佛山”三年行动计划",
# "佛山教育“十三五”规划", "佛山市教育装备“十三五”发展规划"
QUOTED_POLICY = re.compile(
    rf"“[^“”\n]{{1,12}}”(?:(?!等)[{CJK}]){{0,10}}?(?:政策|规定|普法规划|发展规划|建设规划|规划纲要|规划|行动计划|"
    rf"(?<!培养|建设|培育|资助|扶持|引才|人才)(?<!”)计划|实施方案|纲要)"  # “对标争先”建设计划, “墩苗”计划: programmes
    rf"(?=[,，。;；、)”\s]|和|及|与|的|精神|实施|编制|修订|起草|制定|总结|验收|评估|中期|终期|确定|提出|明确|要求|部署|目标|情况|承上启下|开局|收官|起步|决胜|关键|宣传|$)"
)
# A rule named by its count in quotes: "省委“36条办法”", "“国十条”", "“24条措施”"
QUOTED_RULE = re.compile(rf"“[^“”\n]{{0,6}}?(?:[0-9]{{1,3}}|[{CN_NUM}]{{1,3}})条(?:办法|规定|措施|意见|举措|政策)?”")
# A named policy after an issuer and 关于, without brackets:
# "市政府关于进一步完善城乡义务教育经费保障机制政策"
ISSUER_ABOUT_POLICY = re.compile(
    rf"(?:中共)?(?:[{CJK}]{{0,12}}?(?:{ORG_SUFFIX}))关于[^，。；、《》“”\n]{{4,40}}?(?:{GENRE})(?![{CJK}])"
)
# The name after an issuer and 关于, up to its genre: "市政府关于进一步完善城乡义务教育经费保障机制政策"
# (its genre may be followed by what is asked of it, or a list's next item: "…的通知要求", "…的意见和…")
ABOUT_POLICY = re.compile(
    rf"关于[^,，。;；、《》“”\n{BLANK}]{{4,40}}?(?:{GENRE})(?:(?=要求|精神|部署|和|及|与)|(?![{CJK}]))"
)
# A bare name after a trigger of issuing, ending in a genre: "制定实施第三期发展学前教育行动计划"
BARE_ISSUED_POLICY = re.compile(
    rf"(?!本校|本单位|各校|各单位|各学校|前|后)(?:(?!继续|执行)[{CJK}0-9()\-]){{4,30}}?(?:行动计划|行动方案|实施方案|工作方案|实施意见|指导意见|发展规划|规划|计划|实施细则|管理办法|办法|指南)"
    rf"(?![{CJK}])"
)
# A plan in phases, named where a trigger governs it: "实施县第三期学前教育行动计划"
PHASED_PLAN = re.compile(
    rf"(?:[省市区县州盟旗])?第[{CN_NUM}]{{1,3}}期[{CJK}]{{2,20}}?(?:行动计划|提升计划|计划|规划|工程)(?![{CJK}])"
)
# Rules that are policies by name: "中央八项规定", "八项规定精神" (中央 is added by the extractor)
NAMED_RULE = re.compile(rf"[{CN_NUM}]项规定")

# Meetings whose spirit is implemented.  Each pattern starts with a character class or a literal,
# so the regex engine skips ahead instead of trying every position; the words that may lead them
# (党的, 中央, 2017年) are added by the extractor (MEETING_LEAD).
# "十八大", "十九大", "二十大" (and 党的十八大)
PARTY_CONGRESS = re.compile(r"(十[一二三四五六七八九]|二十[一二三]?)大(?![学会厦道型量力类批])")
# "十八届三中、四中、五中、六中全会" (four meetings), "十九届四中全会"
PLENUM = re.compile(rf"([{CN_NUM}]{{1,3}})届((?:[{CN_NUM}]{{1,2}}中、)*[{CN_NUM}]{{1,2}})中全会")
# A local Party congress or plenum: "第十二次党代会" (佛山市 before it is its place), "省委十二届四次全会",
# "州委九届十一次全会"
LOCAL_CONGRESS = re.compile(
    rf"第[{CN_NUM}]{{1,4}}次(?:党代会|党代表大会|党员代表大会)"
    rf"|(?P<body>自治区党委|林区党委|区党委|省委|市委|区委|县委|州委|盟委|旗委|地委)(?P<session>[{CN_NUM}]{{1,4}})届"
    rf"(?P<plenums>(?:[{CN_NUM}]{{1,4}}次、)*[{CN_NUM}]{{1,4}}次)全(?:体)?会(?:议)?"  # 市委十一届五次、六次全会: two
)
# A session of a people's congress or a CPPCC: "十三届全国人大二次会议", "市十七届人大四次会议",
# "省十三届人大三次会议", "区政协九届五次会议"
CONGRESS_SESSION = re.compile(
    rf"[{CN_NUM}]{{1,3}}届(?:全国|自治区|[省市区县州盟旗])?(?:人大|政协)[{CN_NUM}]{{1,3}}次(?:全体)?会议"
    rf"|(?:人大|政协)[{CN_NUM}]{{1,3}}届[{CN_NUM}]{{1,3}}次(?:全体)?会议"
)
# A list of scopes that puts 区 above 市 or 县, where 区 is an autonomous region: "全国、全区、全市…会议"
REGION_BEFORE_CITY = re.compile(r"全区(?:、|和|及|与)全?[市县州盟旗]")
# A joiner that starts the next item of a list of meetings, not one inside a name: "全国教育大会和全省…",
# not "全国住房和城乡建设工作会议", "全省文化和旅游工作会议"
_NEXT_ITEM = r"(?:和|及|与)(?=全|中央|党的|[省市区县州盟旗]|[十二][一二三四五六七八九十]?[届大])"
# A meeting whose name starts with its scope, which needs no place before it: "市委经济工作会议"
SCOPED_MEETING = re.compile(r"全|中央|自治区党委|[省市区县州盟旗地]委")
# A named conference: "全省推进教育现代化动员会", "全省教育工作会议" (2017年 before it), "全国教育大会",
# "全国两会" (a list "全国两会精神和中央经济工作会议" is two)
CONFERENCE = re.compile(
    rf"(?:全国|全省|全市|全自治区|全地区|全林区|全区|全县|全州|全盟|全旗|中央|省委|市委)"
    rf"(?:(?!精神|{_NEXT_ITEM}|暨)[{CJK}]|\([{CJK}]{{1,2}}\)){{0,12}}?"  # 全国司法厅(局)长会议
    rf"(?:工作会议|动员会|动员大会|推进会|座谈会|大会|会议|两会)"
)
# How a conference named for its place ends, and what may stand between the place and the end
# (the extractor checks a place stands right before): "宁波市|人力社保|工作会议", "黔东南州|科技|工作会议"
PLACED_CONFERENCE_END = re.compile(r"工作会议|工作推进会|动员大会|推进会|座谈会")
PLACED_CONFERENCE_TOPIC = re.compile(rf"(?:(?!精神|{_NEXT_ITEM}|的|全)[{CJK}]){{2,12}}")
# Conferences of several scopes sharing one name: "全国、全省、全市教育工作会议", "全国和全省教育工作会议"
# (after the first scope 全 may be left out: "全国、省、市教育工作会议")
CONFERENCE_SCOPES = re.compile(
    rf"((?:全国|全省|全市|全自治区|全地区|全区|全县|全州|全盟|全旗)(?:(?:、|和|及|与)全?(?:自治区|地区|省|市|区|县|州|盟|旗))+)"
    rf"((?:(?!精神|{_NEXT_ITEM}|暨)[{CJK}]){{0,12}}?(?:工作会议|动员会|动员大会|推进会|大会|会议))"
)
SCOPE_SEPARATOR = re.compile(r"、|和|及|与")
# What a body's name never holds: a meeting, a speech or its spirit, a law ("市委十二届八次全会和市委
# 市政府《…》", "重要讲话和中共中央、国务院《…》", "安全生产法和省委办公厅《…》": the bodies are the tail after 和)
NOT_IN_A_BODY = re.compile(r"讲话|全会|(?<!协商)会议|党代会|精神|部署|要求|(?:法|条例|规定)[和及与、]|关于|意见|通知")
# Verbs that are no trigger and may stand before a body and its title: "衔接省科技厅《…》",
# "配合州科技局起草《…》", "对标《…纲要》", "参照《…办法》" (DESIGN's implements list has no 参照);
# the title is cited, not implemented under an earlier clause's trigger
OTHER_VERB = re.compile(
    r"衔接|配合|会同|协助|协调|对接|报请|提请|争取|参与|参加|参照|对标|对表|比照|借鉴|违反|结合|推广|紧扣|推动|围绕|用好|巩固"
)
# A title taken as a guide, cited and not implemented: "以《…》为指导", "以国务院办公厅《A》和《B》为引领"
# (GUIDE_OPEN ends the text before the title, GUIDE_CLOSE starts the text after it)
GUIDE_OPEN = re.compile(rf"以(?:《{BLANK}*》(?:以及|和|、|及|与))*$")
# Spreading a law's word, which cites it: "深入宣传慈善法"
CITING_ACTIVITY = re.compile(r"宣传|宣讲|解读|普及")
# Where a guide's 以 stands: at a clause's start or after 坚持 ("，以退役军人保障法为根本遵循")
GUIDE_LEAD = re.compile(r"(?:^|(?<=[,，;；:：。.、)）\n])|(?<=坚持))以")
GUIDE_CLOSE = re.compile(
    rf"(?:\([^()]{{0,30}}\))?(?:(?:以及|和|、|及|与)《{BLANK}*》(?:\([^()]{{0,30}}\))?)*"  # （以下简称《规划》）
    rf"(?:颁布|施行|实施|出台|修订)?(?:[0-9]+周年)?为"
)
# A development zone's name inside its bodies' names: "长沙高新区管委会" (长沙 the city's short name),
# and its bodies named relative to the plan of one: "高新区党工委", "管委会"
ZONE = re.compile(r"高新区|经开区|开发区|高新技术产业开发区|经济技术开发区|保税区|综合保税区|新区|园区")
OWN_ZONE_BODY = re.compile(rf"(?:{ZONE.pattern})?(?P<body>(?:党工委|管委会|管理委员会)(?:办公室)?)")
# A sub-district's bodies, named relative to the plan of one: "街道党工委", "街道办事处"
OWN_STREET_BODY = re.compile(r"街道(?P<body>党工委|办事处|办)?")
# The plan's issuer, named by the plan itself: "我局", "本厅", "局党组", "我委党组"
# (one of 我/本 or 党组/党委 must be there: 局 alone is no name)
OWN_BODY = re.compile(r"(?P<own>我|本)?(?P<kind>局|厅|委|办|部)(?P<group>党组|党委)?")
# What makes a trigger word part of a genre's name: the 实施 of "…实施细则精神" is no trigger
GENRE_AFTER_TRIGGER = re.compile(r"细则|办法|方案|意见|条例")
# A place's five-year-plan outline, by its full name or its short one: "马尔康市国民经济和社会发展第十四个
# 五年规划和二〇三五年远景目标纲要" = "马尔康市“十四五”规划纲要" (group 1 the place, 2 or 3 the plan's number)
FIVE_YEAR_OUTLINE = re.compile(
    rf"^(.*?)(?:国民经济和社会发展第([{CN_NUM}]{{2}})个五年规划(?:和(?:2035|二〇三五)年远景目标)?纲要"
    rf"|“([{CN_NUM}]{{2}})五”规划(?:和(?:2035|二〇三五)年远景目标)?(?:纲要)?)$"  # or 贵州省“十四五”规划
)
# A body that no longer exists, named as such: "原环境保护部", "原国家卫生计生委"
FORMER_BODY = re.compile(r"^原(?=..)")
# Implementing written after the title, ending its clause: "推动《…改革方案》实施，", "确保《…》落实到位"
IMPLEMENTED_AFTER = re.compile(r"(?:贯彻)?(?:落实|实施|执行)(?:到位)?(?=[,，。;；\n]|$)")
# Aligning with a title, after it: "做好与《凉山州…纲要》的衔接"
ALIGNING_AFTER = re.compile(r"(?:的|相)?衔接")
# A plan's name used for the time it covers: "实施“十四五”规划的开局之年", "“十三五”规划收官之年"
PERIOD_AFTER = re.compile(r"的?(?:开局|收官|起步|决胜|关键|攻坚|谋篇|承上启下)(?:之年|年|之年份)|时期|期间")
# An activity about a policy, after it: "开展《…条例》进校园活动", "开展食品安全法等法律法规宣传"
ACTIVITY_AFTER = re.compile(r"[^，,。；;\n]{0,16}?(?:宣传|宣讲|培训|解读|竞赛|知识|活动|总结|验收|评估|监测|督查|检查)")
# What may stand before issuers and is no part of them: a conjunction left once a list is cut at
# its 》 ("《…》和市委市政府《…》"), an inline count ("四是市委办公厅…印发的《…》")
# A body named relative to the plan, as a list's next item starts it: "和|县委县政府《…》"
RELATIVE_BODY_START = re.compile(r"(?:自治区|[省市区县州盟旗])(?:委|政府|人大|政协)")
LEADING_CONJUNCTION = re.compile(rf"^(?:以及|和|及|与|并|[{CN_NUM}]{{1,3}}是|其[{CN_NUM}]{{1,3}}[,，、]?)")
# What may lead a meeting or rule's name: "党的十九大", "中央八项规定", "2017年全省教育工作会议",
# "第二次中央新疆工作座谈会"
MEETING_LEAD = re.compile(rf"(?:党的|中央|(?:19|20)[0-9]{{2}}年|第[{CN_NUM}]{{1,3}}次)$")

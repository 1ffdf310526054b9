"""Find every policy and meeting mention in a cleaned document, with its relation and evidence.

The stages, in order:
  titles      — 《…》 and nested 〈…〉, paired with a stack (tier A)
  named       — meetings, quoted plans, issuer+关于 names, bare names after 制定/出台 (tier B)
  repeated    — a bracketed title named again later without brackets (tier B)
and for each mention: the issuer printed before it, the trigger that governs it, its kind.
Levels, full issuer names and policy identity are the next stage's (extractors.levels).

All searching runs on `masked`: the cleaned text with the inside of every title blanked, so that
a trigger word or a meeting name inside a title is never taken for one in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors import regexes as rx
from extractors.cleaning import CleanText, normalize_title, simplify, squeeze
from extractors.jurisdictions import gazetteer, place_at
from extractors.registry import bare_law_pattern, known_policy, national_bodies, national_body_at
from extractors.structure import item_at
from ontology.records import Mention, WorkItem
from ontology.vocabulary import Kind, Relation, Tier

_RELATION_OF_TRIGGER = {w: Relation(rel) for rel, words in rx.TRIGGERS.items() for w in words}
# How far back a trigger may stand from the mention it governs.
_TRIGGER_REACH = 80
_ISSUER_REACH = 60
# How far back a place may lead a tier-B name: 双江拉祜族佤族布朗族傣族自治县 has 15 characters.
_PLACE_REACH = 24


@dataclass(frozen=True)
class Span:
    """A title in brackets, in cleaned offsets: [open, close) includes the brackets."""

    open: int
    close: int
    parent: int | None  # index of the enclosing span


def title_spans(text: str) -> list[Span]:
    """Pair 《》 and 〈〉 with a stack; an unbalanced bracket is dropped, not allowed to swallow text.
    Inside 《》, < and > stand for 〈 and 〉 (《关于印发<…>的通知》); elsewhere they are no brackets."""
    stack: list[tuple[str, int]] = []
    found: list[tuple[int, int]] = []
    for m in rx.TITLE_BRACKET.finditer(text):
        ch, pos = m.group(), m.start()
        if ch in "<>":
            if not any(opener == "《" for opener, _ in stack):
                continue
            ch = "〈" if ch == "<" else "〉"
        if ch == "\n":
            if not (stack and stack[-1][0] == "《" and rx.TITLE_CONTINUES.match(text, pos + 1)):
                stack.clear()
        elif ch in "《〈":
            stack.append((ch, pos))
        else:
            opener = "《" if ch == "》" else "〈"
            while stack and stack[-1][0] != opener:
                stack.pop()
            if stack:
                _, start = stack.pop()
                if pos - start <= rx.MAX_TITLE_LENGTH:
                    found.append((start, pos + 1))
    found.sort()
    spans: list[Span] = []
    open_spans: list[int] = []
    for start, end in found:
        while open_spans and spans[open_spans[-1]].close <= start:
            open_spans.pop()
        spans.append(Span(start, end, open_spans[-1] if open_spans else None))
        open_spans.append(len(spans) - 1)
    return spans


def mask_titles(text: str, spans: list[Span]) -> str:
    """The text with every top-level title's inside blanked (the brackets stay)."""
    pieces, last = [], 0
    for span in spans:
        if span.parent is None:
            pieces += [text[last : span.open + 1], rx.BLANK * (span.close - span.open - 2)]
            last = span.close - 1
    pieces.append(text[last:])
    return "".join(pieces)


@dataclass(frozen=True)
class Context:
    """What the stages share about one document."""

    doc: str
    clean: CleanText
    masked: str
    items: tuple[WorkItem, ...]


# ------------------------------------------------------------------ triggers, issuers


def governing_trigger(ctx: Context, start: int, *, subclause_only: bool = False) -> tuple[str, Relation | None]:
    """The nearest trigger before `start` in its sub-clause, else (for titles) in its sentence."""
    masked = ctx.masked
    window_start = max(0, start - _TRIGGER_REACH)
    window = masked[window_start:start]
    ends = [m.end() for m in rx.SUBCLAUSE_END.finditer(window)]
    subclause = ends[-1] if ends else 0
    sentence_ends = [m.end() for m in rx.CLAUSE_END.finditer(window)]
    sentence = sentence_ends[-1] if sentence_ends else 0
    verbs = list(rx.OTHER_VERB.finditer(window, subclause))
    if verbs:  # …，衔接省科技厅《…》, 落实《A》并参照《B》: what an earlier verb implements ends at this one
        subclause, subclause_only = verbs[-1].end(), True
    for reach in (subclause,) if subclause_only else (subclause, sentence):
        found = _last_trigger(window, reach)
        if found:
            return found, _RELATION_OF_TRIGGER[found]
    return "", None


def relation_given_after(
    ctx: Context, start: int, end: int, trigger: str, relation: Relation | None
) -> Relation | None:
    """What follows a title may say what the plan does with it: 开展 its 宣传 or 进校园活动, or 做好
    its 宣传解读 in a clause of its own, cites it (深入开展《…指南》 implements it); 做好与《…》的衔接
    aligns with it, and so cites it; 推动《…》实施 implements it."""
    text = ctx.masked
    if rx.ALIGNING_AFTER.match(text, end) or taken_as_guide(text, start, end):
        return Relation.CITES
    if relation in (None, Relation.CITES) and rx.IMPLEMENTED_AFTER.match(text, end):
        return Relation.IMPLEMENTS  # 推动《…改革方案》实施
    if rx.ACTIVITY_AFTER.match(text, end):
        own_clause = governing_trigger(ctx, start, subclause_only=True)[1] is not None
        if trigger == "开展" or not own_clause:
            return Relation.CITES
    return relation


def taken_as_guide(text: str, start: int, end: int) -> bool:
    """以《…》为指导, 以安全生产法为遵循: the plan is guided by it, which cites it."""
    return bool(rx.GUIDE_OPEN.search(text, max(0, start - 40), start) and rx.GUIDE_CLOSE.match(text, end))


def _is_qualifier(text: str, trigger: re.Match) -> bool:
    """新修订《…》 names the revised text; it does not revise it."""
    return (
        _RELATION_OF_TRIGGER[trigger.group()] is Relation.REVISES
        and text[trigger.start() - 1 : trigger.start()] == "新"
    )


def _last_trigger(window: str, start: int) -> str:
    matches = list(rx.TRIGGER.finditer(window, start))
    for m in reversed(matches):
        word = m.group()
        if _is_qualifier(window, m):
            continue
        if _RELATION_OF_TRIGGER[word] is not Relation.IMPLEMENTS and rx.AFTER_TITLE_END.search(window, 0, m.start()):
            continue  # 《A》修订，…《B》: the revision is A's, written after it
        if window.startswith("的", m.end()):
            continue  # 国务院印发的《…》 says who made it, not what this plan does
        if rx.GENRE_AFTER_TRIGGER.match(window, m.end()):
            continue  # the 实施 of 实施细则 is a genre's, not a trigger
        return word
    return ""


def issuer_before(ctx: Context, start: int) -> tuple[int, tuple[str, ...]]:
    """Issuers printed just before `start` (国务院《…》, 教育部、国家语委《…》) and where they begin."""
    masked = ctx.masked
    window_start = max(0, start - _ISSUER_REACH)
    window = masked[window_start:start]
    made_by = rx.MADE_BY_BEFORE.search(window)  # 国务院办公厅印发的《…》
    body_end = made_by.start() if made_by else len(window)
    cut = max((m.end() for m in rx.ISSUER_STOP.finditer(window)), default=0)
    triggers = [
        m for m in rx.TRIGGER.finditer(window, cut, body_end) if m.end() <= body_end and not _is_qualifier(window, m)
    ]
    if triggers:
        cut = triggers[-1].end()
    verbs = list(rx.OTHER_VERB.finditer(window, cut, body_end))
    if verbs:
        cut = verbs[-1].end()
    cut += len(window[cut:body_end]) - len(window[cut:body_end].lstrip("、,， "))  # …《A》、交通运输部《B》
    candidate = rx.QUALIFIER_BEFORE.sub("", window[cut:body_end])  # 省人大常委会新修订的《…》
    conjunction = rx.LEADING_CONJUNCTION.match(candidate)
    relative_body = conjunction and rx.RELATIVE_BODY_START.match(candidate, conjunction.end())
    if conjunction and (not place_at(candidate, 0) or relative_body):
        # 和平区 is a place, 和市委 a conjunction and a body, and so is 和县委县政府 (not 和县's)
        cut += conjunction.end()
        candidate = candidate[conjunction.end() :]
    if candidate.startswith("以") and parse_issuers(candidate[1:]):
        cut, candidate = cut + 1, candidate[1:]  # 以|国务院办公厅《…》为引领
    if made_by and not made_by.group().endswith("的"):
        # bodies that will make the title are its issuers where they start the clause ("，市委办、市政府办
        # 印发《…》"), not where another verb or 由 leads them (配合省人大常委会制定《…》)
        before = window[cut - 1 : cut] if cut else masked[window_start - 1 : window_start]
        if candidate.startswith("由") or (before and before not in "，,。；;：:\n"):
            return start, ()
    issuers = parse_issuers(candidate)
    # …else the bodies that end the text: 市委十二届八次全会和|市委市政府《…》
    for joiner in rx.BODIES_AFTER_LIST.finditer(candidate) if not issuers else ():
        if not place_at(candidate, joiner.start()) and (issuers := parse_issuers(candidate[joiner.end() :])):
            cut += joiner.end()
            break
    if not issuers:
        return start, ()
    return window_start + cut, issuers


def parse_issuers(text: str) -> tuple[str, ...]:
    """ "教育部、国家语委" → (教育部, 国家语委); anything that is not all organizations → ()."""
    text = rx.UNNAMED_CO_ISSUERS.sub("", text.strip(" 、"))  # 教育部等九部门 → 教育部: the bodies named
    if not text or rx.QUALIFIER_BEFORE.search(text):
        return ()
    parts = []
    for part in filter(None, rx.ISSUER_SEPARATOR.split(text)):
        joined = [p for p in rx.ISSUER_JOINER.split(part) if p]
        for piece in joined if len(joined) > 1 and all(map(_is_body, joined)) else [part]:
            parts += _split_joined_bodies(piece)
    if not parts or not all(map(_is_body, parts)):
        return ()
    return tuple(parts)


def _is_body(name: str) -> bool:
    if name in national_bodies():  # 全国妇联, 国务院联防联控机制
        return True
    if rx.NOT_IN_A_BODY.search(name):
        return False
    return len(name) >= 2 and bool(rx.ORG.fullmatch(name) or rx.DOMAIN_TOKEN.fullmatch(name))


def _split_joined_bodies(text: str) -> list[str]:
    """Two bodies written without a separator, as when a page lost the space between them:
    "中共佛山市委佛山市人民政府" → 中共佛山市委, 佛山市人民政府."""
    inside_places = {i for start, end, _ in gazetteer().find(text) for i in range(start + 1, end)}
    for end in range(2, len(text) - 1):
        if end in inside_places:
            continue  # 中共白银市会宁县委 is no 白银市会 and 宁县委
        rest = text[end:]
        next_body = (
            rest.startswith(("中共", "中国共产党"))
            or place_at(rest, 0)
            or national_body_at(rest)
            or rx.PREFECTURE_OFFICE.match(rest)  # 地委行署
            or (rest.startswith("国家") and rx.ORG.fullmatch(rest[2:] or "-"))  # …委|国家医保局
            or rest in ("管委会", "管理委员会")  # 高新区党工委|管委会
            or ((relative := rx.RELATIVE_ISSUER.match(rest)) and rx.ORG.fullmatch(relative.group(3) or "-"))
        )
        if rx.ORG.fullmatch(text[:end]) and next_body:
            return [text[:end], *_split_joined_bodies(rest)]
    return [text]


def issuers_in_title(title: str) -> tuple[str, ...]:
    """Issuers written inside a title: 《国务院关于…》, 《省教育厅、省语委语言文字课题管理办法》."""
    return title_issuers(title)[1]


def title_issuers(title: str) -> tuple[int, tuple[str, ...]]:
    """The issuers a title starts with and where the rest of it begins (0 and () if none):
    "国务院关于X" → (3, (国务院,)); "省教育厅、省语委语言文字课题管理办法" → (9, (省教育厅, 省语委))."""
    end = rx.TITLE_ISSUER_END.search(title)
    if end:
        issuers = parse_issuers(title[: end.start()])
        return (end.start(), issuers) if issuers else (0, ())
    # Without 关于, a list of two or more bodies, or one body named with its place: "佛山市教育部门…"
    # is no issuer, "太原市环境保护局行政处罚…标准" is.
    lead = rx.COORDINATED_BODIES.match(title)
    if lead:
        parts = parse_issuers(lead.group(1))
        if len(parts) >= 2:
            return lead.end(), parts
    lead = rx.PLACED_BODY_LEAD.match(title)
    placed = place_at(title, 0) or rx.RELATIVE_ISSUER.match(title)  # 区市场监管局党组…清单 too
    if lead and placed and parse_issuers(lead.group(1)):
        return lead.end(), (lead.group(1),)
    return 0, ()


def with_place_prefix(ctx: Context, start: int) -> int:
    """Extend a tier-B name to the left over the place that leads it: "全面启动佛山市教育信息化
    “十三五”规划" → 佛山市教育信息化“十三五”规划; "落实市义务教育…计划" → 市义务教育…计划."""
    window_start = max(0, start - _PLACE_REACH)
    window = ctx.masked[window_start:start]
    in_places = {i for s, e, _ in gazetteer().find(window) for i in range(s, e)}
    stops = [m.end() for m in rx.PREFIX_STOP.finditer(window)]
    stops += [m.end() for m in rx.LIST_JOINER.finditer(window) if m.start() not in in_places]  # not 呼和浩特
    cut = max(stops, default=0)
    verbs = list(rx.TRIGGER.finditer(window, cut)) + list(rx.OTHER_VERB.finditer(window, cut))
    if verbs:
        cut = max(v.end() for v in verbs)  # 对接|地区卫生健康“十四五”规划
    at_boundary = cut > 0 or window_start == 0
    if at_boundary and rx.RELATIVE_PLACE.match(window, cut):
        return window_start + cut
    for offset in range(cut, len(window)):
        if place_at(window, offset) or rx.RELATIVE_PLACE_WORD.match(ctx.masked, window_start + offset):
            return window_start + offset
    return start


# ---------------------------------------------------------------------------- mentions


def make_mention(ctx: Context, start: int, end: int, *, title: str, **fields) -> Mention:
    """A mention over cleaned [start, end), with its item and sentence from the original text."""
    a, b = ctx.clean.span(start, end)
    item = item_at(ctx.items, a)
    original = ctx.clean.original
    s_start = max(original.rfind("。", 0, a), original.rfind("\n", 0, a)) + 1
    ends = [i for i in (original.find("。", b), original.find("\n", b)) if i >= 0]
    s_end = min(ends) + 1 if ends else len(original)
    return Mention(
        doc=ctx.doc,
        item=item.label,
        item_title=item.heading,
        surface=original[a:b],
        title=title,
        start=a,
        end=b,
        sentence=original[s_start:s_end].strip(),
        **fields,
    )


def title_kind(title: str, after: str, issued: bool = False) -> Kind:
    """A work in brackets is a policy unless what follows or its own shape says otherwise; one a
    body is named as issuing (国家卫生健康委办公厅《…标准体系（试行）》) is one whatever its genre."""
    if rx.NOT_POLICY_AFTER.match(after) or rx.NOT_POLICY_TITLE.search(title):
        return Kind.NOT_POLICY
    bare = rx.TRAILING_PARENTHETICAL.sub("", re.split("——|--", title)[0])  # 《…规划纲要——以长吉图为…先导区》
    if rx.TITLE_GENRE.search(bare) or "关于" in title or rx.YEAR_RANGE.search(title):
        return Kind.DOCUMENT
    if issued or rx.TRIAL_EDITION.search(title):
        return Kind.DOCUMENT
    if rx.TARGET_YEAR_END.search(bare) or known_policy(title):
        return Kind.DOCUMENT  # 《中国教育现代化2035》: a plan named for its target year
    return Kind.NOT_POLICY


def bracketed_mentions(ctx: Context, spans: list[Span], short_names: frozenset[str] = frozenset()) -> list[Mention]:
    """Tier A: every 《…》, with the issuer printed before it; 〈…〉 inside gives a second mention.
    A declared short name (normalized, in `short_names`) shares no issuers printed before another title."""
    text = ctx.clean.text
    found = []
    by_span: dict[int, Mention] = {}
    shared: tuple[int, tuple[str, ...]] | None = None  # where the last title with issuers before it ends, and them
    nested: list[tuple[int, int]] = []  # (found index of a nested title's mention, its outer span)
    for index, span in enumerate(spans):
        inner_start, inner_end = span.open + 1, span.close - 1
        title = squeeze(ctx.clean.surface(inner_start, inner_end))
        if not title:
            continue
        after = text[span.close : span.close + 6]
        kind = title_kind(text[inner_start:inner_end], after)
        if span.parent is not None:
            outer = spans[span.parent]
            nested.append((len(found), span.parent))
            found.append(
                make_mention(
                    ctx,
                    span.open,
                    span.close,
                    title=title,
                    kind=kind,
                    relation=Relation.CITES,
                    tier=Tier.A,
                    issuers=issuers_in_title(text[inner_start:inner_end]),
                    parent=squeeze(ctx.clean.surface(outer.open + 1, outer.close - 1)),
                )
            )
            continue
        begin, issuers = issuer_before(ctx, span.open)
        if not issuers and (after_title := rx.ISSUER_AFTER.match(text, span.close)):
            issuers = parse_issuers(after_title.group(1))  # 《…》（省政府办公厅印发）
        sharing = shared and normalize_title(title) not in short_names
        if not issuers and sharing and rx.SHARED_ISSUER_GAP.fullmatch(text, shared[0], span.open):
            issuers = _shared_issuers(text, span, shared[1])
        shared = (span.close, issuers) if issuers else None
        standard = rx.STANDARD_NUMBER_AFTER.match(text, span.close)  # 《…划分与评定》（GB/T 17775—2003）
        kind = title_kind(text[inner_start:inner_end], after, issued=bool(issuers) or bool(standard))
        trigger, relation = governing_trigger(ctx, begin)
        subject = rx.MADE_BY_BEFORE.search(ctx.masked, max(0, span.open - 6), span.open) if issuers else None
        if subject and not subject.group().endswith("的"):  # 市委办、市政府办印发《…》: they will make it
            trigger, relation = subject.group(), Relation.ISSUES
        if taken_as_guide(ctx.masked, begin, span.close):
            trigger = ""  # an earlier clause's 落实 does not reach 以《…》为指导
        relation = relation_given_after(ctx, begin, span.close, trigger, relation)
        number = rx.DOC_NUMBER_AFTER.match(text, span.close) or rx.STANDARD_NUMBER_AFTER.match(text, span.close)
        # 启动《…》（…令第3号）修订: what is done to the title may follow its number
        trigger, relation = _made_after(text, number.end() if number else span.close) or (trigger, relation)
        if relation in (None, Relation.CITES, Relation.IMPLEMENTS) and rx.DRAFT.search(
            text, span.open + 1, span.close - 1
        ):
            relation = Relation.ISSUES  # 推动审议《海南省大气污染防治条例（草案）》: a draft is being made
        if relation is Relation.ISSUES and rx.REVISION_DRAFT.search(text, span.open + 1, span.close - 1):
            relation = Relation.REVISES  # 起草《贵州省生态环境保护条例(修订草案)》
        if kind is Kind.NOT_POLICY:
            relation = Relation.CITES
        found.append(
            make_mention(
                ctx,
                begin,
                span.close,
                title=title,
                kind=kind,
                relation=relation or Relation.CITES,
                trigger=trigger,
                tier=Tier.A,
                issuers=issuers or issuers_in_title(text[inner_start:inner_end]),
                doc_number=number.group(1) if number else "",
            )
        )
        by_span[index] = found[-1]
    return _issued_with_their_notice(found, nested, by_span)


def _shared_issuers(text: str, span: Span, issuers: tuple[str, ...]) -> tuple[str, ...]:
    """国务院《关于A的意见》（国发〔2014〕25号）和《关于B的意见》: both are the State Council's, unless
    the second names its own issuers, or a place that is not theirs (教育部《A》和《北京市…办法》), or
    is a national standard.  省教育厅《A》和《海南省…标准》 share: 省 may be 海南省."""
    title = text[span.open + 1 : span.close - 1]
    own_issuers = issuers_in_title(title)
    standard = rx.STANDARD_NUMBER_AFTER.match(text, span.close)
    if own_issuers or standard:
        return ()
    return issuers if _may_be_of_place(issuers[0], _place_word(title)) else ()


def _place_word(name: str) -> str:
    """The place a name starts with, as written: "海南省…" → 海南省, "全市…" → 市, "市建委" → 市; or ""."""
    length = place_at(name, 0)
    if length:
        return name[:length]
    relative = rx.RELATIVE_ISSUER.match(name.removeprefix("全"))
    return relative.group(2) if relative and rx.RELATIVE_START.match(name) else ""


def _may_be_of_place(issuer: str, place: str) -> bool:
    """Whether a title that starts with `place` may be the issuer's: no place always; else the same
    place (海南省, 海南省), or the relative word its name ends in (省 for 海南省)."""
    if not place:
        return True
    own = _place_word(issuer)
    return bool(own) and (own == place or place.endswith(own) or own.endswith(place))


def _issued_with_their_notice(found: list[Mention], nested, by_span: dict[int, Mention]) -> list[Mention]:
    """A title that a notice issues (关于印发〈…办法〉的通知) is the notice's issuers' too."""
    for at, outer in nested:
        notice = by_span.get(outer)
        inner = found[at]
        if notice and not inner.issuers and notice.issuers and rx.ISSUING_NOTICE.search(notice.title):
            found[at] = replace(inner, issuers=notice.issuers)
    return found


def meeting_mentions(ctx: Context) -> list[Mention]:
    """Meetings whose spirit the plan implements: 党的十八大, 十八届三中、四中全会, 全省教育工作会议."""
    masked = ctx.masked
    found = []

    def add(start: int, end: int, titles: list[str]) -> None:
        if rx.APPROVED_BY_AFTER.match(masked, end):
            return  # 十三届全国人大五次会议审议通过的《政府工作报告》: the report is what is implemented
        trigger, relation = governing_trigger(ctx, start, subclause_only=True)
        spirit = rx.MEETING_SPIRIT_AFTER.match(masked[end : end + 8]) or _follows_list_with_spirit(masked, end)
        if relation is not Relation.IMPLEMENTS and not spirit:
            return  # a meeting only named ("迎接党的十九大胜利召开") is no mention
        for title in titles:
            found.append(
                make_mention(
                    ctx,
                    start,
                    end,
                    title=title,
                    kind=Kind.MEETING,
                    relation=Relation.IMPLEMENTS,
                    trigger=trigger,
                    tier=Tier.B,
                )
            )

    def named(start: int, end: int) -> str:
        return squeeze(ctx.clean.surface(start, end))

    for m in rx.PARTY_CONGRESS.finditer(masked):
        if "迎" in masked[max(0, m.start() - 3) : m.start()]:
            continue  # “喜迎二十大…”: a congress to come is no spirit to implement
        if m.start() == 0 or masked[m.start() - 1] not in rx.CN_NUM:  # not the 十大 of 二十大会
            start = _with_lead(masked, m.start())
            add(start, m.end(), [named(start, m.end())])
    for m in rx.PLENUM.finditer(masked):
        start = _with_lead(masked, m.start())
        session, plenums = m.group(1), m.group(2).split("中、")
        if len(plenums) == 1:
            add(start, m.end(), [named(start, m.end())])
        else:
            party = "党的" if start < m.start() else ""
            add(start, m.end(), [f"{party}{session}届{p}中全会" for p in plenums])
    listed = []  # spans of conferences of several scopes: the last scope's own match is inside one
    for m in rx.CONFERENCE_SCOPES.finditer(masked):
        start = _with_lead(masked, m.start())
        lead = masked[start : m.start()]
        scopes = [scope if scope.startswith("全") else "全" + scope for scope in rx.SCOPE_SEPARATOR.split(m.group(1))]
        add(start, m.end(), [lead + scope + m.group(2) for scope in scopes])
        listed.append((m.start(), m.end()))
    for pattern in (rx.LOCAL_CONGRESS, rx.CONFERENCE, rx.CONGRESS_SESSION):
        for m in pattern.finditer(masked):
            if any(a <= m.start() < b for a, b in listed):
                continue
            start = _with_lead(masked, m.start())
            if start == m.start() and rx.SCOPED_MEETING.match(masked, start):
                start = _place_ending_at(masked, start + 1) or start  # 城关区委…全会 (the match is 区委…)
            elif start == m.start():
                start = with_place_prefix(ctx, start)  # 佛山市|第十二次党代会, 市|十七届人大四次会议
            plenums = m.groupdict().get("plenums") or ""
            if "、" in plenums:  # 市委十一届五次、六次全会: one meeting each
                lead = masked[start : m.start()] + m.group("body") + m.group("session") + "届"
                add(start, m.end(), [f"{lead}{plenum}全会" for plenum in plenums.split("、")])
            else:
                add(start, m.end(), [named(start, m.end())])
    for m in rx.PLACED_CONFERENCE_END.finditer(masked):
        start = _placed_conference_start(masked, m.start())
        if start is not None:
            add(start, m.end(), [named(start, m.end())])
    return found


def _placed_conference_start(text: str, end: int) -> int | None:
    """Where a conference named for its place starts, given where its 工作会议 starts: the place
    right before a topic of two to twelve characters (宁波市|人力社保|工作会议), or None."""
    for topic in range(end - 2, max(1, end - 12) - 1, -1):
        if rx.PLACED_CONFERENCE_TOPIC.fullmatch(text, topic, end):
            start = _place_ending_at(text, topic)
            if start is not None:
                return start
    return None


def _place_ending_at(text: str, end: int) -> int | None:
    """Where the division name that ends at `end` begins (城关区|委…, 宁波市|人力社保…), or None."""
    if text[end - 1 : end] not in "省市区县州盟旗":
        return None
    for start in range(max(0, end - 12), end - 2):
        # a name several places share (城关区) counts here: only where it starts matters; a
        # two-character one (和县) is too often a word's tail: 会议和县委…全会
        if place_at(text, start) == end - start or gazetteer().lookup(text[start:end]):
            return start
    return None


def _with_lead(masked: str, start: int) -> int:
    """Where a name starts once the words that lead it are added: 党的十九大, 2017年全省…会议."""
    lead = rx.MEETING_LEAD.search(masked, max(0, start - 5), start)
    return lead.start() if lead else start


def _follows_list_with_spirit(masked: str, end: int) -> bool:
    """ "党的十八大和十八届…全会精神": a list of meetings that ends in 精神 within its sub-clause."""
    rest = masked[end : end + 40]
    stop = rx.SUBCLAUSE_END.search(rest)
    rest = rest[: stop.start()] if stop else rest
    return bool(rx.LIST_WITH_SPIRIT.match(rest))


def named_mention(ctx: Context, start: int, end: int, **fields) -> Mention:
    """A tier-B policy over cleaned [start, end), titled as printed, with the trigger that governs
    it (unless the caller knows it already)."""
    if "relation" not in fields and taken_as_guide(ctx.masked, start, end):
        fields.update(trigger="", relation=Relation.CITES)
    elif "relation" not in fields:
        trigger, relation = governing_trigger(ctx, start)
        relation = relation_given_after(ctx, start, end, trigger, relation)
        fields.update(trigger=trigger, relation=relation or Relation.CITES)
    fields.setdefault("title", squeeze(ctx.clean.surface(start, end)))
    return make_mention(ctx, start, end, tier=Tier.B, **fields)


def named_policy_mentions(ctx: Context) -> list[Mention]:
    """Tier B policies: “两免一补”政策, 中央八项规定, 市政府关于…政策, 制定实施第三期…行动计划."""
    masked = ctx.masked
    found = []
    for m in rx.QUOTED_POLICY.finditer(masked):
        implemented = any(t.end() == m.start() for t in rx.TRIGGER.finditer(masked, max(0, m.start() - 6), m.start()))
        if rx.PERIOD_AFTER.match(masked, m.end()) and not implemented:
            continue  # “十三五”规划收官之年 names a time; 实施“十四五”规划的关键之年 implements it too
        made_after = _made_after(masked, m.end())  # 开展市“十四五”节水型社会建设规划编制
        fields = dict(zip(("trigger", "relation"), made_after, strict=True)) if made_after else {}
        found.append(named_mention(ctx, with_place_prefix(ctx, m.start()), m.end(), **fields))
    for m in rx.NAMED_RULE.finditer(masked):  # 中央八项规定 (no issuers printed), 省委省政府十项规定
        begin = _with_lead(masked, m.start())
        issuers = issuer_before(ctx, m.start()) if begin == m.start() else (begin, ())
        found.append(named_mention(ctx, issuers[0], m.end(), issuers=issuers[1]))
    for m in rx.QUOTED_RULE.finditer(masked):  # 省委“36条办法”: titled without the body printed before it
        begin, issuers = issuer_before(ctx, m.start())
        title = squeeze(ctx.clean.surface(m.start(), m.end()))
        found.append(named_mention(ctx, begin, m.end(), issuers=issuers, title=title))
    for m in rx.NUMBERED_DOCUMENT.finditer(masked):  # 中央一号文件: issued by the body it names
        body = masked[m.start(2) if m.group(1) else m.start() : m.end()].removesuffix("号文件")
        body = body.rstrip("0123456789" + rx.CN_NUM)
        found.append(named_mention(ctx, m.start(), m.end(), issuers=("中共中央" if body == "中央" else body,)))
    for m in re.finditer("关于", masked):
        begin, issuers = issuer_before(ctx, m.start())
        named = rx.ABOUT_POLICY.match(masked, m.start()) if issuers else None
        if named:
            found.append(named_mention(ctx, begin, named.end(), issuers=issuers))
    found += bare_law_mentions(ctx)
    for m in rx.TRIGGER.finditer(masked):
        if _RELATION_OF_TRIGGER[m.group()] is Relation.IMPLEMENTS:
            phased = rx.PHASED_PLAN.match(masked, m.end())
            if phased:
                found.append(
                    named_mention(ctx, phased.start(), phased.end(), relation=Relation.IMPLEMENTS, trigger=m.group())
                )
        if _RELATION_OF_TRIGGER[m.group()] is not Relation.ISSUES:
            continue
        named = rx.BARE_ISSUED_POLICY.match(masked, m.end())
        if named and rx.BLANK not in named.group():
            found.append(named_mention(ctx, named.start(), named.end(), relation=Relation.ISSUES, trigger=m.group()))
    return found


def bare_law_mentions(ctx: Context) -> list[Mention]:
    """Tier B laws and regulations written without brackets where a trigger governs them:
    贯彻落实义务教育法, 依据劳动争议调解仲裁法, 依据宪法和民族区域自治法.  A law of the registry
    may stand wherever a list puts it (not 职业教育法 inside a longer name); any other name must
    follow its trigger, or the law before it in a list, at once."""
    masked = ctx.masked
    spans: set[tuple[int, int]] = set()
    for m in bare_law_pattern().finditer(masked):
        start = m.start()
        before = masked[start - 1 : start]
        after_trigger = any(t.end() == start for t in rx.TRIGGER.finditer(masked, max(0, start - 6), start))
        made_after = rx.REVISION_AFTER.match(masked, m.end()) or rx.ISSUING_AFTER.match(masked, m.end())
        if not start or before in "、和及与,， “”" or after_trigger or made_after or masked.endswith("法", 0, start):
            spans.add(m.span())
    starts = [
        _after_triggers(masked, t.end())
        for t in rx.TRIGGER.finditer(masked)
        if _RELATION_OF_TRIGGER[t.group()] in (Relation.IMPLEMENTS, Relation.REVISES, Relation.ISSUES)
    ]
    # a list that goes on after a title in brackets: 贯彻《…进步法》和促进科技成果转化法
    starts += [m.end() for m in rx.AFTER_TITLE_IN_LIST.finditer(masked)]
    # a law cited, not implemented: 违反广告法, 参照…条例, 以退役军人保障法为根本遵循
    cited_starts = [m.end() for m in rx.OTHER_VERB.finditer(masked)]
    cited_starts += [m.end() for m in rx.GUIDE_LEAD.finditer(masked)]
    cited_starts += [m.end() for m in rx.CITING_ACTIVITY.finditer(masked)]
    cited_starts = [filler.end() if (filler := rx.FILLER_VERB.match(masked, at)) else at for at in cited_starts]
    cited_starts = [at for at in cited_starts if not rx.TRIGGER.match(masked, at)]  # 宣传|贯彻民法典 implements
    cited: set[tuple[int, int]] = set()
    cited_from = set(cited_starts)
    for at in starts + cited_starts:
        laws = _laws_listed_from(masked, at)
        spans.update(laws)
        if at in cited_from:
            cited.update(laws)
    found = []
    for start, end in sorted(spans):
        trigger, relation = governing_trigger(ctx, start, subclause_only=True)
        made_after = _made_after(masked, end)  # 加快教师法修订进程, 加快学前教育法起草工作
        if made_after:
            trigger, relation = made_after
        if (start, end) in cited and not made_after and not trigger:
            found.append(named_mention(ctx, start, end, relation=Relation.CITES, trigger=""))
        elif relation in (Relation.IMPLEMENTS, Relation.REVISES, Relation.ISSUES):
            relation = relation_given_after(ctx, start, end, trigger, relation)
            found.append(named_mention(ctx, start, end, relation=relation, trigger=trigger))
    return found


def _laws_listed_from(text: str, at: int) -> list[tuple[int, int]]:
    """The laws named from `at` on, one after another in a list: 宪法和民族区域自治法,
    退役军人保障法、军人地位和权益保障法 (a later item's name may hold 和)."""
    laws: list[tuple[int, int]] = []
    while law := _law_at(text, at):
        laws.append(law)
        joined = rx.BARE_LAW_LIST.match(text, law[1])
        if not joined:
            return laws
        at = joined.end()
    if laws and (inner_and := _law_with_and_at(text, at)):
        laws.append(inner_and)  # 、军人地位和权益保障法: the 和 is the name's own
    return laws


def _law_at(text: str, at: int) -> tuple[int, int] | None:
    """The span of the law or regulation named at `at`, by the grammar or by the registry (高等教育法,
    whose 等 the grammar takes for the end of a list), with the implementing regulations named
    after it (外商投资法实施条例)."""
    law = rx.BARE_LAW.match(text, at)
    span = law.span(1) if law and _is_law_name(law.group(1)) else None
    if span is None and (known := bare_law_pattern().match(text, at)):
        span = known.span()
    if span and (rules := rx.LAW_IMPLEMENTING_RULES.match(text, span[1])):
        span = (span[0], rules.end())
    return span


def _law_with_and_at(text: str, at: int) -> tuple[int, int] | None:
    """A law's name holding 和, as a list's next item: "军人地位和权益保障法" (what comes before the 和
    is no law of its own)."""
    law = rx.BARE_LAW_WITH_AND.match(text, at)
    if not law or not _is_law_name(law.group(1)):
        return None
    before_and = law.group(1).split("和")[0]
    return None if before_and.endswith(("法", "条例")) else law.span(1)


def _made_after(text: str, end: int) -> tuple[str, Relation] | None:
    """A revision or a making written after a title: 《…》修订, …法起草工作."""
    if m := rx.REVISION_AFTER.match(text, end):
        return m.group(), Relation.REVISES
    if m := rx.ISSUING_AFTER.match(text, end):
        return m.group(), Relation.ISSUES
    return None


def _after_triggers(text: str, at: int) -> int:
    """Past the trigger words that follow one another: 贯彻|实施|精神卫生法, 深入学习|宣传|宪法."""
    while trigger := rx.TRIGGER.match(text, at) or rx.CITING_ACTIVITY.match(text, at):
        at = trigger.end()
    return at


def _is_law_name(name: str) -> bool:
    """宪法, 婚姻法, 民族区域自治法, 劳动保障监察条例; not 情境教学法, 依法, 有关条例, 新条例."""
    long_enough = (
        len(name) >= 4 or name in ("宪法", "刑法", "税法") or (len(name) == 3 and name.endswith(("法", "法典")))
    )
    return long_enough and not rx.NOT_A_LAW_END.search(name) and not rx.NOT_A_LAW_START.search(name)


def repeated_title_mentions(ctx: Context, titled: list[Mention]) -> list[Mention]:
    """A policy named in brackets and later without them: 落实市义务教育…五年提升行动计划."""
    cores = {}
    for mention in titled:
        if mention.kind is not Kind.DOCUMENT or mention.tier is not Tier.A:
            continue
        core = title_core(simplify(mention.title))
        if len(core) >= 8:
            cores[core] = mention
    if not cores:
        return []
    titles = {simplify(m.title) for m in titled}
    pattern = re.compile("|".join(re.escape(c) for c in sorted(cores, key=len, reverse=True)))
    found = []
    for m in pattern.finditer(ctx.masked):
        start, end = with_place_prefix(ctx, m.start()), m.end()
        first = cores[m.group()]
        namesake = m.group() in titles or known_policy(m.group())  # 优化营商环境条例 is the State Council's
        trailing = rx.TRAILING_PARENTHETICAL.search(simplify(first.title))
        if trailing and ctx.masked.startswith(trailing.group(), end):
            end += len(trailing.group())  # …实施办法（试行）, as its bracketed title has it
        # written without its place (居家养老服务条例 after 《北京市居家养老服务条例》), it is that title
        same = dict(refers_to=first.title) if start == m.start() and not namesake else {}
        found.append(named_mention(ctx, start, end, **same))
    return found


def title_core(title: str) -> str:
    """A title without its leading place and its trailing parentheticals: what a later bare
    mention repeats.  "佛山市义务教育…行动计划(2016-2020年)" → "义务教育…行动计划"."""
    core = rx.TRAILING_PARENTHETICAL.sub("", title)
    return core[place_at(core, 0) :]


def drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Where two mentions overlap keep the longer (the earlier on a tie); mentions that share one
    span exactly (the four plenums of 十八届三中、四中、五中、六中全会) are all kept."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    seen: set[tuple[int, int, str]] = set()
    for mention in ordered:
        span = (mention.start, mention.end)
        if (*span, mention.title) in seen:
            continue  # a law the registry knows and the grammar finds too is one mention
        seen.add((*span, mention.title))
        clash = any(s < span[1] and span[0] < e and (s, e) != span for s, e in taken)
        inside_title = mention.tier is Tier.A and mention.parent
        if clash and not inside_title:
            continue
        kept.append(mention)
        taken.append(span)
    return sorted(kept, key=lambda m: (m.start, m.end, m.title))


@dataclass(frozen=True)
class ShortName:
    """A short name a plan declares for a title: （以下简称《总体方案》）, （以下简称中央12号文件）."""

    name: str
    full: str  # the full title, as printed
    bracketed: bool  # declared in 《》: it is used in 《》 too
    declared_at: tuple[int, int]  # the declaration's （…） in the original text: no mention stands there
    after: int  # cleaned offset where later uses may start


def declared_short_names(ctx: Context, spans: list[Span]) -> list[ShortName]:
    text = ctx.clean.text
    names = []
    for span in spans:
        if span.parent is not None:
            continue
        number = rx.DOC_NUMBER_AFTER.match(text, span.close) or rx.STANDARD_NUMBER_AFTER.match(text, span.close)
        declared = rx.SHORT_NAME_DECLARED.match(text, number.end() if number else span.close)
        if declared:
            name = next(group for group in declared.groups() if group)
            names.append(
                ShortName(
                    name=name,
                    full=squeeze(ctx.clean.surface(span.open + 1, span.close - 1)),
                    bracketed=declared.group(1) is not None,
                    declared_at=ctx.clean.span(declared.start(), declared.end()),
                    after=declared.end(),
                )
            )
    return names


def with_short_names(titled: list[Mention], names: list[ShortName]) -> list[Mention]:
    """A short name declared in brackets refers to the full title wherever it stands in brackets
    after the declaration, which is part of the full title's mention and no mention itself."""
    full_titles: dict[str, str] = {}
    for short in names:
        if short.bracketed:
            full_titles.setdefault(normalize_title(short.name), short.full)
    if not full_titles:
        return titled
    kind_of = {m.title: m.kind for m in titled if not m.parent}
    out = []
    for m in titled:
        full = full_titles.get(normalize_title(m.title)) if not m.parent else None
        if full and normalize_title(full) != normalize_title(m.title):
            # 《大气十条》 is what its full title is, though it ends in no genre; what its trigger
            # does to a work that is no policy (it cites it), it does to a policy
            kind = kind_of.get(full, m.kind)
            relation = m.relation
            if m.kind is Kind.NOT_POLICY and kind is not Kind.NOT_POLICY and m.trigger:
                relation = _RELATION_OF_TRIGGER.get(m.trigger, relation)
            m = replace(m, refers_to=full, kind=kind, relation=relation)
        out.append(m)
    return out


def short_name_mentions(ctx: Context, names: list[ShortName], titled: list[Mention]) -> list[Mention]:
    """Later uses of a short name declared without brackets: 贯彻落实中央12号文件关于禁塑的部署."""
    kind_of = {m.title: m.kind for m in titled if not m.parent}
    found = []
    for short in names:
        if short.bracketed:
            continue
        for m in re.finditer(re.escape(short.name), ctx.masked[short.after :]):
            start, end = short.after + m.start(), short.after + m.end()
            found.append(
                named_mention(ctx, start, end, refers_to=short.full, kind=kind_of.get(short.full, Kind.DOCUMENT))
            )
    return found


def _outside_declarations(mentions: list[Mention], names: list[ShortName]) -> list[Mention]:
    """（以下简称《意见》） names the mention just made; it makes no other."""
    return [m for m in mentions if not any(a <= m.start < b for a, b in (s.declared_at for s in names))]


def find_mentions(doc: str, clean: CleanText, items: tuple[WorkItem, ...]) -> list[Mention]:
    """All mentions of one document, in text order."""
    spans = title_spans(clean.text)
    ctx = Context(doc, clean, mask_titles(clean.text, spans), items)
    names = declared_short_names(ctx, spans)
    short_names = frozenset(normalize_title(n.name) for n in names if n.bracketed)
    titled = with_short_names(bracketed_mentions(ctx, spans, short_names), names)
    short = short_name_mentions(ctx, names, titled)  # before the others: a tie keeps what it refers to,
    repeated = repeated_title_mentions(ctx, titled)  # as a repeat of a bracketed title does
    named = meeting_mentions(ctx) + named_policy_mentions(ctx)
    return drop_overlaps(_outside_declarations(short + titled + repeated + named, names))

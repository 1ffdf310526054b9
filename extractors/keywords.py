"""Topic keywords of a work item, with jieba — kept off the citation path.

jieba splits 党的十九大 into 党/的/十九/大 and is slower than the whole citation pass, so it never
sees the citation path, and of a work item it reads only the heading: the statement before the
first 。 where a plan says what the item is about (加强学校德育工作; 加快推进学前教育普惠发展).
The rest of an item lists actions, targets and numbers; cutting it too would more than double
the cost of an extraction for words that name no topic.  Headings repeat across plans, so their
keywords are cached.  jieba loads on first use, in a tokenizer of its own (the global one stays
untouched for other users of jieba) with the project's user dictionary of policy terms
(data/reference/jieba_userdict.dict).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.regexes import TOPIC_WORD
from ontology.resources import data_path

# Words that say how a plan works, not what it is about.
_PLAN_WORDS = frozenset(
    [
        "加强",
        "推进",
        "推动",
        "开展",
        "实施",
        "落实",
        "贯彻",
        "完善",
        "建设",
        "工作",
        "提升",
        "提高",
        "促进",
        "深化",
        "继续",
        "进一步",
        "全面",
        "积极",
        "建立",
        "健全",
        "做好",
        "加快",
        "强化",
        "组织",
        "大力",
        "不断",
        "深入",
        "着力",
        "努力",
        "切实",
        "扎实",
        "认真",
        "坚持",
        "有效",
        "重点",
        "各项",
        "相关",
        "一批",
        "方面",
        "机制",
        "体系",
        "水平",
        "能力",
        "制度",
        "活动",
        "项目",
        "年度",
        "全市",
        "全省",
        "全区",
        "全县",
        "我市",
        "我省",
        "全面落实",
        "贯彻落实",
        "认真落实",
        "加快推进",
        "深入推进",
        "扎实推进",
    ]
)


@dataclass(frozen=True)
class _Vocabulary:
    tokenizer: object  # a jieba.Tokenizer of our own, with the user dictionary
    idf: dict[str, float]  # jieba's inverse document frequencies
    median_idf: float  # for a word jieba has no figure for


@cache
def _vocabulary() -> _Vocabulary:
    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(data_path("jieba_userdict.dict")))
    idf, median = jieba.analyse.TFIDF().idf_loader.get_idf()
    return _Vocabulary(tokenizer, idf, median)


@lru_cache(maxsize=4096)
def topic_keywords(text: str, top: int = 5) -> tuple[str, ...]:
    """The `top` words that say most about what a work item is about: by TF-IDF, as jieba's
    extract_tags ranks them, among the words that can name a topic.

    The text is cut without jieba's HMM: the HMM only guesses at words in no dictionary, which
    make poor topics, and skipping it is what keeps keywords cheaper than the cut they rest on.
    """
    if not text.strip():
        return ()
    vocabulary = _vocabulary()
    counts = Counter(
        word
        for word in vocabulary.tokenizer.cut(text, HMM=False)
        if len(word) >= 2 and word not in _PLAN_WORDS and TOPIC_WORD.fullmatch(word)
    )
    idf, median = vocabulary.idf, vocabulary.median_idf
    ranked = sorted(counts, key=lambda word: (-counts[word] * idf.get(word, median), word))
    return tuple(ranked[:top])

"""What a row of the indicator block is, by what its cells mean: the 总分 row, the 评分等级
row, or an unused template row holding only placeholders.

Labels are matched on their ``compact_text`` (full-width made plain, no spaces:
"总 得 分（100分）" is "总得分(100分)") by the words they are made of, not by a list
of whole labels. A total row says it sums the table's points (总分, 总得分, 评价总分,
自评得分, 得分合计, 综合评分, 合计 …); a grade row names the grade (评分等级,
绩效评价等级, 等级评定, 评价结果, 自评结论 …). A score of one topic (满意度得分, 执行率得分)
is an indicator, not the total; the sum of the indicators (指标合计, 绩效指标得分) is
neither. Under a table, a signature line (填报单位（盖章）：…, 填报人：…) and a row
explaining the table (偏差大或目标未完成原因分析, 改进措施及结果应用方案) end it."""

from __future__ import annotations

import functools
import re
from typing import Any

from jixiao.parsing import PLACEHOLDER, compact_string, is_page_mark, is_placeholder
from jixiao.read.grid import Grid, points

# Words a label may open with that say nothing of its role (项目绩效自评总分).
_DECOR = "(?:项目|绩效|部门|单位|本表|全表)*"
# What makes a score the whole table's: "总/综合 …" or "the evaluation's" (自评得分, the
# row under the 得分 column), or a word of summing (得分合计, 合计得分, 合计).
_WHOLE = "(?:总体|整体|综合|最终|总评|总|自评|评价|评审|考核|绩效评价|绩效自评)"
_SCORE = "(?:得分|评分|分值|分数|分)"
_SUM = "(?:合计|总计|总和|汇总|加总)"
# After the label: nothing, or a note, a colon or a number ("总分（满分100）", "合计：").
_END = r"(?:$|[^\u3400-\u9fff])"
_TOTAL = re.compile(f"{_DECOR}(?:{_SUM}{_SCORE}?|{_WHOLE}+{_SCORE}{_SUM}?|{_SCORE}{_SUM})"
                    f"(?:数|值)?{_END}")
# A grade: (评分|自评|评价|绩效|考核 …)等级 or 等次, 等级评定, 评级, 自评级别; or the evaluation's 结果.
_GRADE_WORDS = "(?:评分|自评|评价|评审|评定|考核|绩效|综合|总体|最终|项目)"
_GRADE_NAME = "(?:优|良|中|差|合格|不合格)"  # "等级 优" typed in one cell
_GRADE = re.compile(f"{_DECOR}(?:{_GRADE_WORDS}*(?:等级|等次|评级)|(?:自评|评价|评审|考核|综合)级别)"
                    f"(?:评定|评价)?(?:{_GRADE_NAME}[秀好等]?)?{_END}")  # 自评级别, not 项目级别
_RESULT = re.compile(f"{_DECOR}(?:自评|评价|考核|绩效评价|绩效自评)(?:结果|结论){_END}")
_CONCLUSION = re.compile(f"{_DECOR}(?:自评|评价|考核|绩效评价|绩效自评)结论")


@functools.lru_cache(maxsize=4096)
def is_total_label(text: str) -> bool:
    """Whether a row's label (its compact text) marks the table's 总分 row."""
    return _TOTAL.match(text) is not None


# A row that sums the indicators, not the table's 总分 (the 执行率's points are not in it):
# 指标合计, 三级指标合计, 指标分值合计, 绩效指标得分, 指标得分合计.
_SUMMING = "(?:合计|小计|总计|汇总|之和)"
_INDICATORS_SUM = re.compile(f"(?:绩效|三级|各项?)?指标(?:(?:分值|得分|分数){_SUMMING}?|{_SUMMING})"
                             r"(?:\(.*\))?[:：]?")


@functools.lru_cache(maxsize=1024)
def is_indicators_sum_label(text: str) -> bool:
    """Whether a row's label (its compact text) names the sum of the indicator rows."""
    return _INDICATORS_SUM.fullmatch(text) is not None


@functools.lru_cache(maxsize=4096)
def is_grade_label(text: str, *, results: bool = True) -> bool:
    """Whether a cell's compact text labels the 评分等级. ``results``: 评价结果/自评结果
    count too (not beside the total on its own row, where a 结果 may be the score's)."""
    return _GRADE.match(text) is not None or (results and _RESULT.match(text) is not None)


def is_conclusion_label(text: str) -> bool:
    """Whether a grade label is a 结论 (自评结论, 评价结论): a grade only where the cell after
    it names one, else a sentence of the unit's judgement, no grade to check."""
    return _CONCLUSION.match(text) is not None


# A conclusion's heading alone on its row (自评结论, 评价结论：, 总体评价, 结论, 三、自评结论),
# the sentence under it its text
_CONCLUSION_HEADING = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])?"
    f"{_DECOR}(?:{_GRADE_WORDS}*结论|(?:总体|综合|整体)评价|(?:自评|评价|考核|绩效评价|绩效自评)结果)"
    r"(?:\(.*\))?[:：]?")


def is_conclusion_heading(text: str) -> bool:
    """Whether a row's one text (compact) heads the conclusion written on the row under it:
    自评结论, 评价结论, 总体评价, 综合评价, 结论, 自评结果 — alone, its colon after it."""
    return _CONCLUSION_HEADING.fullmatch(text) is not None


# What a PDF conversion prints into a table between its rows: a page's number
# (``parsing.is_page_mark``), or a note (注：金额单位为万元). No row of the table.
# A page's bare number (1 to 999: a long report's page 102 too), alone in its cell or line
PAGE_NUMBER = r"[1-9]\d{0,2}"
_NOTE_LABEL = r"(?:注|备注|说明)\d*"
_NOTE = re.compile(_NOTE_LABEL + r"[:：].*")
_NOTE_ROW = re.compile(_NOTE_LABEL + r"(?::.*)?")  # 备注 | <text>, or 备注：<text> in one cell
# A section of the problems found, under the table (三、存在的问题, 主要问题：…, 存在问题及建议):
# read as a note — its items naming an indicator with a cause explain it
_PROBLEMS_ROW = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))?"
                           r"(?:(?:存在|发现)的?(?:主要)?问题|主要问题|问题及(?!时)[\u3400-\u9fff、]{1,12})"
                           r"(?::.*)?")


# A line a page break prints above a table's next rows: 续表, 续上表, 续表1, （续表）, 附件1
# （续）, 项目支出绩效自评表（续） — compact text; the one list of these words
_CONTINUED = re.compile(r".{0,20}\(续(?:上?表)?\d{0,2}\)|续上?表(?:\d{1,2}|[一二三四五六七八九十]{1,2})?")


@functools.lru_cache(maxsize=1024)
def is_continued_line(text: str) -> bool:
    """Whether a line's compact text says the table above goes on (续表, 附件1（续）)."""
    return _CONTINUED.fullmatch(text) is not None


def is_between_rows(texts: list[str]) -> bool:
    """Whether a row's texts (compact) are only a page's number or a note: a line printed
    between the rows of a table, not one of them."""
    return bool(texts) and all(is_page_mark(text) or _NOTE.fullmatch(text) for text in texts)


def nothing_between(grid: Grid, top: int, bottom: int) -> bool:
    """Whether rows ``top`` to ``bottom`` (excluded) of ``grid`` hold nothing but a page's
    number or a note between a converted PDF's rows."""
    return all(is_between_rows([grid.texts.get((row, column), "") for column in grid.rows[row]])
               for row in grid.rows if top <= row < bottom)


# The form's instructions printed under it (填表说明：总分为100分；90分（含）以上为优): the
# scale and how to fill it in, never this project's results
_INSTRUCTIONS_ROW = re.compile(r"(?:填表|填报|填写|编制)说明\d*(?::.*)?")


def is_instructions_label(text: str) -> bool:
    """Whether a row's first text (compact) is the form's instructions' label: 填表说明：…"""
    return _INSTRUCTIONS_ROW.fullmatch(text) is not None


def is_note_label(text: str) -> bool:
    """Whether a row's first text (compact) is a note's label: 备注, 说明：…, 注1：…, or a
    section of the problems found (存在的问题, 主要问题：…) — not 填表说明, the form's."""
    return _NOTE_ROW.fullmatch(text) is not None or _PROBLEMS_ROW.fullmatch(text) is not None


# The lines under a table that close it: who filled it in and signed (填报单位（盖章）：…,
# 填报人：李四, 单位负责人 | 张三, 联系电话：…, 电话 | 86661234, 日期：…), each label
# followed by a colon or a value. The one list of these words.
_FOOTER = re.compile(r"(?:填报|填表|制表|审核|复核|经办)(?:单位|部门|人|日期|时间)?"
                     r"|(?:单位|部门|财务|项目)?负责人|联系(?:电话|人|方式)|电话"
                     r"|(?:填报|报送)?日期|盖章|签字")
_FOOTER_LABEL = re.compile(f"(?:{_FOOTER.pattern})(?:\\([^)]*\\))?(?::.*)?")


@functools.lru_cache(maxsize=1024)
def is_footer_label(text: str) -> bool:
    """Whether a row's first text (compact) is a signature line's label: 填报单位(盖章):…,
    填报人:李四, 单位负责人 — the line that ends the table above it."""
    return _FOOTER_LABEL.fullmatch(text) is not None


def is_signature_row(texts: list[str], numbers: bool) -> bool:
    """Whether a row's texts (compact, left to right) are a signature line: its first a
    signature label (``is_footer_label``). ``numbers``: the row holds a number under the
    分值 — a phone typed as a number (填表人： | 张丽 | 联系电话： | 13812345678) — where an
    indicator's points would stand: then every text must be such a label or the value
    right after one, and the labels two, or one written with its colon, which no
    indicator's name is (填报时间 | 2024年12月31日前 | 5 is an indicator)."""
    if not texts or not is_footer_label(texts[0]):
        return False
    if not numbers:
        return True
    labels = [is_footer_label(text) for text in texts]
    return all(label or labels[index - 1] for index, label in enumerate(labels) if index) \
        and (sum(labels) >= 2 or any(":" in text for text, label in zip(texts, labels,
                                                                        strict=True) if label))


# A row under the table explaining it as a whole: 偏差大或目标未完成原因分析 | <text>,
# 改进措施及结果应用方案 | <text> (四川). Its label ends with what it holds.
_EXPLAINING = re.compile(r"[\u3400-\u9fff、()]{0,16}?(原因分析|原因说明|原因|改进措施|整改措施"
                         r"|应用方案|应用情况)(?:及[\u3400-\u9fff]{0,12})?(?::(?P<text>.*))?")


@functools.lru_cache(maxsize=1024)
def explaining_label(text: str) -> str | None:
    """What a row's first text (compact) under a table labels: "reason" (偏差原因分析,
    未完成原因), "measures" (改进措施, 结果应用方案), or None."""
    found = _EXPLAINING.fullmatch(text)
    if found is None:
        return None
    return "reason" if "原因" in found.group(1) else "measures"


# A row right under the money block explaining its 执行率 (执行率偏低原因：…, 资金未执行原因
# | …, 预算执行率低于90%的原因说明 | …): a label naming the money and its 原因
_RATE_NAMES = re.compile("执行|资金|支出")
_NOT_WORDS = re.compile(r"[^\u3400-\u9fff、()]")


@functools.lru_cache(maxsize=1024)
def rate_reason_label(text: str) -> bool:
    """Whether a row's first text (compact, up to its colon) labels the 执行率's reason:
    it names the money (执行, 资金, 支出) and ends with what it holds, as
    ``explaining_label``'s do (原因, 原因分析, 原因及改进措施); digits and marks in it
    (低于90%的) are passed over."""
    label = text.replace("：", ":").partition(":")[0]
    return len(label) <= 24 and "原因" in label and _RATE_NAMES.search(label) is not None \
        and explaining_label(_NOT_WORDS.sub("", label)) == "reason"


# What a form prints in its 原因 cell for the clerk (四川 2023, in any order, half- or
# full-width): 1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；
# 2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。
# — the form's, no reason; and under its table: 扣分指标须在偏差原因分析及改进措施栏说明原因,
# 未完成年度指标值的，需分析原因并提出改进措施. A clause is printed if it tells the clerk
# what to write, defines the rate, or says what a money line includes (其他资金包括：…,
# …资金是指… — not a unit's 资金包括中央补助… nor 资金是指定用途的).
_INSTRUCTION = re.compile(r"的[需须应]说明|[需须应请][\u3400-\u9fff]{0,16}?(?:说明|写明|注明|分析|填写)"
                          r"[\u3400-\u9fff]{0,6}(?:原因|理由)|\d+字以[内下]|^[(（]?请(?:填写|填报|说明)"
                          r"|=\s*[\u3400-\u9fff]{2,8}[/÷]"
                          r"|^(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）])?\s*[\u3400-\u9fff]{0,6}资金(?:包括\s*[:：]|是指(?!定))")
# The condition an instruction's clause follows (年中发生预算调整的（追加或调减），应…;
# 未完成年度指标值的，需…): printed with it.
_CONDITION = re.compile(r"的\s*(?:[(（][^()（）]*[)）]\s*)?$")
# Where a cell's text breaks into clauses: its marks, a line break, a half-width full stop
# (贷款. — not 2024.1 nor an item's 3.), after a closing bracket before words ((100字以内)因…)
# and before each numbered item (…支付1.预算…).
_BREAK = re.compile(r"[；;。，,\n]+|(?<![\d.])\.(?!\d)|(?<=[)）])(?=[\u3400-\u9fff])"
                    r"|(?<![\d.])(?=\d{1,2}[.、．](?!\d))|(?=[(（]\d{1,2}[)）])")
_NUMBER_ONLY = re.compile(r"\s*(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）])?\s*")
_EDGES = " \t\r\n；;。，,."


def without_instructions(text: str) -> str | None:
    """A reason cell's text without the form's printed instructions (each clause that
    tells the clerk what to write, defines the rate or a money line, with the condition
    it follows) as the unit wrote the rest, before or after them; None if nothing else
    is written."""
    pieces, start = [], 0
    for found in _BREAK.finditer(text):
        pieces.append((text[start:found.start()], found.group()))
        start = found.end()
    pieces.append((text[start:], ""))
    printed = [_INSTRUCTION.search(clause.strip()) is not None for clause, _ in pieces]
    if not any(printed):
        return text  # nearly every cell
    following = False  # whether the next clause with words is printed
    for index in reversed(range(len(pieces))):
        clause = pieces[index][0]
        if _NUMBER_ONLY.fullmatch(clause):
            printed[index] = True  # a number or nothing: no words of the unit's
            continue
        printed[index] = printed[index] or following and _CONDITION.search(clause) is not None
        following = printed[index]
    kept = "".join(clause + mark
                   for (clause, mark), gone in zip(pieces, printed, strict=True) if not gone)
    return kept.strip(_EDGES) or None


_NOT_APPLICABLE = re.compile(r"(?:本年度?)?(?:不适用|不涉及)|无此项")


def says_not_applicable(value: Any) -> bool:
    """Whether a cell marks its row not applicable this year (不适用, 不涉及, 无此项)."""
    return isinstance(value, str) and _NOT_APPLICABLE.fullmatch(compact_string(value)) is not None


# A row's name saying the row does not apply (不适用, 本项目不涉及生态效益): no indicator
_NAMED_NOT_APPLICABLE = re.compile(r"(?:本项目|该项目|本年度?)?(?:不适用|不涉及|无此项)[\u4e00-\u9fff]{0,10}")


def names_not_applicable(value: Any) -> bool:
    """Whether a 三级 name says its row does not apply (不适用, 本项目不涉及生态效益)."""
    return isinstance(value, str) \
        and _NAMED_NOT_APPLICABLE.fullmatch(compact_string(value)) is not None


_NOT_ADJUSTED = re.compile(r"(?:未|无|不|没有)(?:调整|变化|变动|变更)|同年初.*|同上|不变|未变|"
                           r"与年初(?:一致|相同)|同原(?:指标值?)?")


def not_adjusted(value: Any) -> bool:
    """Whether an adjusted target's cell (调整后指标值) says there was no adjustment:
    blank, a placeholder (—, /, 无), or 未调整, 同年初, 不变 …"""
    if is_placeholder(value):
        return True
    return isinstance(value, str) and _NOT_ADJUSTED.fullmatch(compact_string(value)) is not None


# A 三级 name the form's template prints on a row for the unit to fill in: a numbered
# "指标1：" / "指标 2" / "指标一", an ellipsis "……" (after NFKC "......", "⋯"), or both;
# perhaps with the unit's placeholder after it ("指标1：/", a row not applicable).
_TEMPLATE_NUMBERED = r"(?:三级)?指标\s*[0-9一二三四五六七八九十]{1,3}\s*"  # 指标1, 指标 二
_TEMPLATE_NAME = re.compile(rf"(?:{_TEMPLATE_NUMBERED}[:.、]?)?(?:\.{{2,}}|[⋯。·]{{2,}})?"
                            rf"(?:(?<=[:.、0-9一二三四五六七八九十])(?:{PLACEHOLDER.pattern}))?",
                            re.IGNORECASE)
_TEMPLATE_FIRST = frozenset("三指.…⋯。·．")


def is_template_name(value: Any) -> bool:
    """Whether a name cell holds only the template's placeholder for an indicator
    (指标1：, 指标2, ……): a row the unit left unused when nothing else on it is filled
    in — a row whose 指标值, 完成值 or 分值 is filled in keeps it as its name."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not text or text[0] not in _TEMPLATE_FIRST:
        return False  # most names
    return _template_text(text)


# The template's number before a name the unit wrote after it ("指标5:举办健康教育知识讲座").
_TEMPLATE_NUMBER = re.compile(rf"{_TEMPLATE_NUMBERED}(?:[:：、]|[.．](?![0-9]))\s*(?=\S)")


# A row the form prints for the unit to use if it applies: 经济效益（可选项）, 生态效益(选填).
_OPTIONAL = re.compile(r"[（(](?:可选项?|选填项?|选用)[)）]$")


def is_optional_label(value: Any) -> bool:
    """Whether a name is one the form prints as optional (经济效益（可选项）): a row the
    unit left unused when nothing else on it is filled in."""
    return isinstance(value, str) and _OPTIONAL.search(value.strip()) is not None


# The number before a heading or an item, the one way it is read: in words (一、 三. 十二．)
# or in digits (1、 2. (3) （4）) — 一、示范区建立 over 1、… 2、…; 三、目标完成情况.
WORD_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]")
DIGIT_NUMBER = re.compile(r"[(（]?(\d{1,2})[)）、.．]")


def without_word_number(text: str) -> str:
    """A text without the number in words it begins with (三、目标完成情况 → 目标完成情况)."""
    number = WORD_NUMBER.match(text)
    return text[number.end():] if number else text


def without_template_number(name: str | None) -> str | None:
    """A 三级 name without the template's number the unit wrote it after (指标5:举办讲座 →
    举办讲座), as a reviewer reads it; any other name as it is."""
    if name is None or not name.startswith(("指标", "三级")):
        return name
    numbered = _TEMPLATE_NUMBER.match(name)
    return name if numbered is None else name[numbered.end():]


@functools.lru_cache(maxsize=1024)
def _template_text(value: str) -> bool:
    text = compact_string(value)
    return bool(text) and _TEMPLATE_NAME.fullmatch(text) is not None


def is_placeholder_points(value: Any) -> bool:
    """A 分值/得分 cell of an unused row: a placeholder, or 0."""
    return is_placeholder(value) or points(value) == 0

"""The 总分 and the 评分等级 stated in a sentence (docs/domain.md §4): the 总分 row's one
merged cell ("自评得分98.00分　评价等级 优", "总分98分　等级优"), a 自评结论 at the
table's foot, labelled or not ("自评结论 | 经自评，该项目得分92分，评价等级为良"), or a
line above the indicators' header opening as a 总分 or 等级 label ("自评得分：92分　评价
等级：良", found by ``project``). Where the rows declare no 总分 (or 等级) — no row, or its
cell left blank —, the sentence declares it; where it states another one than the rows —
not the same total rounded as the sentence writes it (99.1 or 99 for 99.05) —, the table
contradicts itself: ``SelfEvaluation.restated``. The 自评结论's text, on the rows walked
here, is kept whatever it states (``SelfEvaluation.conclusion``): a deduction's reason may be
written there instead of its 偏差原因 (JX405).

(Over 400 lines: one job — what a sentence states of the project's result, which needs
telling whose year and whose project (a part's, another's) each clause speaks of; split,
those readings would only be asked from here.)"""

from __future__ import annotations

import itertools
import re
from typing import Any

from jixiao.model import SelfEvaluation
from jixiao.parsing import compact_text, normalize_text, points_in_words
from jixiao.read.grid import Grid, clean, note, row_column
from jixiao.read.roles import (
    explaining_label,
    is_conclusion_heading,
    is_footer_label,
    is_instructions_label,
    is_note_label,
)
from jixiao.rules import (
    FULL_MARKS,
    GRADE_NAMES,
    TOLERANCE,
    grade_name,
    rounded_alike,
    rule_set,
)

# (texts as ``normalize_text`` makes them: no spaces, ASCII punctuation but 。 and 、)
_NUMERALS = "零〇一二两三四五六七八九十百点壹贰貳叁參肆伍陆陸柒捌玖拾佰"
_NUMBER = r"(\d+(?:\.\d+)?|[" + _NUMERALS + "]+)"
# A number counting things, not points (项目分为两个子项目, 分为2个标段, 十二个)
_COUNTED = r"(?![\d." + _NUMERALS + "]*(?:个|项|类|批|部分|档))"
# The whole table's score: 总分, 总得分, 自评得分, 该项目得分, 项目自评总分, or 得分 opening a
# clause (经自评，得分98分) — not one topic's (满意度得分9分), nor the scale (总分值100)
# — or, the number followed by 分, 自评得 97 分 (子洲's report), 综合评分98.93分 and the
# parts' sum (…，合计96.44分; a part's, 产出指标合计48.5分, is ``_of_a_part``'s). A year
# may stand before its 得分 or 总分 (该项目2024年度得分89.5分, 经自评，2024年得分…): whose
# year it is, the table's or another, is the sentence's reading's (``_this_years``)
_SCORE_YEAR = r"(?:(?:19|20)\d{2}年度?(?=总|得))?"
_SAID_TOTAL = re.compile(r"(?:(?:自评|评价|评审|考核|综合|最终|项目|绩效|整体)+" + _SCORE_YEAR
                         + r"总?得?分|总得?分|(?<![^,;。:])" + _SCORE_YEAR + "得分)"
                         r"数?(?:为|是|:|共计|合计)?" + _NUMBER + _COUNTED + "分?"
                         r"|(?:(?:自评|评价|考核|评审)得|(?:综合|自评|最终|绩效|总)评分(?:为|是|:)?"
                         r"|(?:合计|总计|共计)(?:得分)?(?:为|是|:|达到?)?)"
                         + _NUMBER + "分")
# The grade: 评价等级为优, 等级优, 自评等级：良好, 评价结果为“优” — not any 结果 (实施结果良好)
_SAID_GRADE = re.compile(r"(?:等级|等次|级别|评级|(?:自评|评价|考核|评审)(?:结果|结论))(?:评定|评价)?"
                         r"(?:为|是|:|评定为|定为|属于)?[\"“「『【]?"
                         r"([^,;。:\"“”「」『』【】()、]{1,4}?)(?=$|[,;。:\"”」』】()、])")

# The grade before its word: 属于“优”等级, 评定为良好等次, 为优秀等级
_GRADE_NAMED_BEFORE = re.compile(r"(?:属于|评定为|评为|定为|为)[\"“「『【]?"
                                 r"([^,;。:\"“”「」『』【】()、为]{1,4}?)[\"”」』】]?(?:等级|等次|级别)")


# A 总分 label's own cell ("自评总分：95", "合计：98分", and without the colon "项目总得分99
# 分", 宁夏's title row): the number after the label, at the cell's end or before the grade's
# label and the grade ("自评总分：99.85分　评价等级：优", "总分：99.85  等级：优")
_LABELLED_TOTAL = re.compile(r"(?:[:：]|(?<=分))\s*(\d+(?:\.\d+)?)\s*分?(?:$|[\s,，、;；]*"
                             r"(?:自评|评价|评分|综合|绩效)?(?:等级|级别)\s*[:：]?\s*(\S+?)\s*$)")


def _labelled(text: str) -> tuple[float | None, str | None]:
    """The 总分 a label's own cell writes after the label, and the grade written after it
    (its sentence's end left off: 优。 → 优); followed by what names no grade: neither.
    ``text`` as the caller reads the cell (its compact text, or as typed)."""
    found = _LABELLED_TOTAL.search(text)
    if found is None:
        return None, None
    if found.group(2) is None:
        return float(found.group(1)), None
    if grade_name(found.group(2)) is None:
        return None, None
    return float(found.group(1)), grade_written(found.group(2))


def labelled_total(text: Any) -> float | None:
    """The 总分 a 总分 label's own cell writes after the label: "自评总分：95", "合计：98分",
    "项目总得分99分", "总分：99.85　等级：优"."""
    return _labelled(text)[0] if isinstance(text, str) else None


# The marks ending a sentence, typed after a grade in a line of text (评分等级：优。)
_SENTENCE_END = "。．.!！;；,，、"


def grade_written(text: str | None) -> str | None:
    """A 评分等级 as the unit wrote it, without the marks ending its sentence (优。 → 优),
    so a report quotes the grade, not the sentence's full stop."""
    if text is None:
        return None
    text = text.strip()
    return text.rstrip(_SENTENCE_END).rstrip() or text


def stated_results(text: Any) -> tuple[float | None, str | None]:
    """The 总分 and the 评分等级 (as written) a sentence states, each None where it states
    none: "经自评，该项目得分92分，评价等级为良" → 92 and 良. Of two totals the first is
    the score, unless it is the full 100 and a score follows (项目总分100分，自评得分98分)."""
    total, _, grade = _results(text)
    return total, grade


def _results(text: Any) -> tuple[float | None, int, str | None]:
    """``stated_results`` and the decimals its total is written with (99.1 → 1, 九十八 → 0)."""
    if not isinstance(text, str) or ("分" not in text and "等" not in text
                                     and "级" not in text and "结" not in text):
        return None, 0, None
    plain = _without_parts(_changed_to(normalize_text(text)))
    totals = [(number, _decimals(said), _of_the_whole(plain, match))
              for match in _SAID_TOTAL.finditer(plain)
              if (number := _number(said := match.group(1) or match.group(2))) is not None
              and not _of_a_part(plain, match)]
    if len(totals) > 1 and 0 < sum(whole for *_, whole in totals) < len(totals):
        totals = [said for said in totals if said[2]]  # the one said of the whole project
    if len(totals) > 1 and abs(totals[0][0] - FULL_MARKS) <= TOLERANCE:
        totals = totals[1:]
    grade = next((match.group(1) for pattern in (_SAID_GRADE, _GRADE_NAMED_BEFORE)
                  for match in pattern.finditer(plain) if grade_name(match.group(1))), None)
    total, decimals, _ = totals[0] if totals else (None, 0, False)
    return total, decimals, grade


# A score of another thing than the table's project — a part of it (其中培训项目2024年度得分
# 86.5分, 培训子项目得分…, 分项目) or another project named (本表参照的省级示范项目得分95分,
# 同批次的…项目, 附件2中的设备购置项目得分…): from the word on, up to a clause on the whole
# project (…，项目综合得分99.02分; …，该项目…) or the sentence's end. 参照/同批次/附件 only
# before a project whose score or name ends there (对照项目绩效目标: the table's goals).
_PART = re.compile(r"其中|子项目?|分项目|(?:参照|对照|比照|同批次?|同类|附件\d*)[^,;。]*?项目"
                   r"(?=(?:19|20)\d{2}年|总?得分|总分|自评|综合|评分|[,;。:]|$|—)")
_SENTENCE_MARK = re.compile("([。;!?])")
_PROJECT = "项目"
_CLAUSE_MARK = re.compile("[,:;。]")
# Before a score, what says it is the whole project's (经, 本项目, 该项目2024年度, 项目综合得分,
# 综合得分, 总分, 年度自评得分, 单位自评得分; not 设备购置项目得分, a project named)
_WHOLE_LEAD = re.compile(r"(?:而|但|同时|综上所述|综上|总体上?|整体上?|经|通过|最终)*"
                         r"(?:综合|自评|评价|评审|考核)*"
                         r"(?:(?:本|我)?单位|(?:本|该|此|全|整个)?(?:项目)?(?:整体|总体)?)"
                         r"(?:(?:19|20)\d{2}年度?|本?年度|本年|今年|当年)?的?")
# A clause opening on the whole project (该项目…, 本项目评价等级为优)
_WHOLE_SUBJECT = re.compile(r"(?:而|但|同时|综上所述|综上|总体上?|整体上?)?(?:本|该|此|全|整个)项目")


def _of_the_whole(plain: str, said: re.Match[str]) -> bool:
    """Whether a total ``_SAID_TOTAL`` found in ``plain`` is said of the whole project: its
    clause opens on it (该项目2024年度得分…, 经自评得分…, 项目综合得分…)."""
    lead = _CLAUSE_MARK.split(plain[:said.start()])[-1]
    return _WHOLE_LEAD.fullmatch(lead) is not None


# A part of the table scored apart: the money's execution (执行率, 预算执行), a 一级 or
# 二级 indicator named (产出指标, 满意度, 成本…; not 指标 alone: 绩效指标, 各项指标 are all
# of them) — named before a score, or stating its figure in the clause before a bare 得分
# (执行率95%，得分9.5分)
_TOPIC = re.compile("满意度|产出|效益|成本|数量|质量|时效|执行率|预算执行")
# What the score is given against, not of (对照绩效指标自评得分95分): no part
_AGAINST = re.compile("(?:对照|对标|依据|根据|按照|参照|依照)")
# A clause stating a part's figure, ending on it (执行率95%, 满意度92.5%, 执行178.6万元 —
# the money spent, its 其中：执行率… left off by ``_without_parts``)
_PART_FIGURE = re.compile(f"(?:{_TOPIC.pattern}|执行|支出)" r".*\d(?:\.\d+)?(?:%|万?元|分|人次?|个|项)?$")
# The 一级 whose 分值 bounds a part's score (数量, 成本… are 产出's): by the word naming it
_PART_LEVEL1 = (("满意度", "满意度指标"), ("效益", "效益指标"), ("产出|成本|数量|质量|时效", "产出指标"),
                ("执行|支出", "预算执行率"))
# A sum, not a score (合计94.5分, 总计, 共计), and what makes it all the parts' (各项指标得分
# 合计, 以上各指标合计, 全部指标合计)
_SUM = re.compile("合计|总计|共计")
_ALL_PARTS = re.compile("各|以上|全部|所有")


def _of_a_part(plain: str, said: re.Match[str]) -> bool:
    """Whether a total ``_SAID_TOTAL`` found in ``plain`` is a part's score, not the
    table's: a part named before it in its clause (满意度评价得分9.44分, 产出指标合计48.5分;
    not 对照绩效指标自评得分, the indicators looked to, nor 各项指标得分合计, all of them); a
    合计 opening its clause right after the one part its sentence names (满意度指标10分，合计
    得分9分); or a bare 得分 opening its clause right after a clause stating a part's figure
    (执行率95%，得分9.5分 — 执行率得分9.5分 is no total either) where it can be that part's
    score: no more than its 一级's 分值 (``_part_weight``), or the whole's total follows in
    the sentence (执行率95%，得分98分 is the total 98)."""
    clauses = _CLAUSE_MARK.split(plain[:said.start()])
    lead = clauses[-1]
    summed = _SUM.match(said.group()) is not None or _SUM.search(lead) is not None
    if summed and _ALL_PARTS.search(lead):
        return False
    if _TOPIC.search(lead) and not _AGAINST.match(lead):
        return True
    if lead or len(clauses) < 2:
        return False
    if _SUM.match(said.group()):
        sentence = _CLAUSE_MARK.split(re.split("[;。]", plain[:said.start()])[-1])[:-1]
        return bool(sentence) and _TOPIC.search(sentence[-1]) is not None \
            and len(set(_TOPIC.findall(",".join(sentence)))) == 1
    if not said.group().startswith("得") or _PART_FIGURE.search(clauses[-2]) is None:
        return False
    number = _number(said.group(1) or said.group(2))
    rest = re.split("[;。]", plain[said.end():])[0]
    return number is not None and number <= _part_weight(clauses[-2]) + TOLERANCE \
        or _SAID_TOTAL.search(rest) is not None


def _part_weight(clause: str) -> float:
    """The most a part's score can be: the default 分值 (rules' ``default_weights``) of the
    一级 its figure's clause names (执行率 10, 满意度 10, 产出 50, 效益 30), the largest where
    it names several; the full marks where the rules give none."""
    weights = rule_set().default_weights
    return max((weights.get(level1, FULL_MARKS) for word, level1 in _PART_LEVEL1
                if re.search(word, clause)), default=FULL_MARKS)


def _whole_clause(clause: str) -> bool:
    """Whether a clause speaks of the whole project: opens on it (该项目…) or states its
    total (``_of_the_whole``)."""
    said = _SAID_TOTAL.search(clause)
    return _WHOLE_SUBJECT.match(clause) is not None \
        or said is not None and _of_the_whole(clause, said)


def _grade_alone(clause: str) -> bool:
    return _SAID_TOTAL.search(clause) is None \
        and any(grade_name(found) for found in _SAID_GRADE.findall(clause))


def _without_parts(plain: str) -> str:
    """A normalized text without what it states of a part of the project or of another one
    (``_PART``): 本项目包括两个子项目，其中培训项目2024年度得分86.5分，设备购置项目…得分92分，
    项目综合得分99.02分，评价等级为优 → …项目综合得分99.02分，评价等级为优. A part stating
    its score or naming a project (其中培训项目…, 子项目) runs on to a clause on the whole
    project, a grade after its score its own (其中：培训项目得分86.5分，等级为良); a 其中
    stating neither is its clause alone (其中财政拨款31.56万元，年度自评得分85分: the
    project's), or the clause after it where it stands alone (其中，培训项目得分86.5分); a 其中
    on the project itself (其中本项目自评得分96分) is none."""
    if _PART.search(plain) is None:
        return plain
    pieces = _SENTENCE_MARK.split(plain)
    for at in range(0, len(pieces), 2):
        kept, part, scored, opened = [], False, False, False
        for clause in pieces[at].split(","):
            if opened:  # the clause a 其中 alone opens: the part's, as after it in its clause
                opened, scored = False, _SAID_TOTAL.search(clause) is not None
                if not _whole_clause(clause):
                    part = scored or _PROJECT in clause
                    continue
            if part and (_whole_clause(clause) or not scored and _grade_alone(clause)):
                part = False  # …，项目综合得分99.02分; 其中子项目已完成，等级为优
            if part:
                scored = scored or _SAID_TOTAL.search(clause) is not None
                continue
            found = _PART.search(clause)
            if found is not None:
                rest = clause[found.end():].lstrip(":")
                if found.group() == "其中" and rest and _whole_clause(rest):
                    kept.append(clause[:found.start()] + rest)  # 其中本项目自评得分96分
                    continue
                scored = _SAID_TOTAL.search(clause, found.start()) is not None
                opened = found.group() == "其中" and not rest
                part = scored or found.group() != "其中" or _PROJECT in rest
                clause = clause[:found.start()]
                if not clause:
                    continue
            kept.append(clause)
        pieces[at] = ",".join(kept)
    return "".join(pieces)


# This year's score told by its change on another year's (自评得分较上年提高4.8分，为96分;
# 由上年的92分提高至99.8分; 较2023年下降1.5分，达到93.5分): up to the figure it went to
_CHANGED_TO = re.compile(r"(?:(?:较|比|同比)(?:上年|去年|上一年|(?:19|20)\d{2}年度?)"
                         r"(?:的?\d+(?:\.\d+)?分)?"
                         r"|(?:由|从)(?:上年|去年|上一年|(?:19|20)\d{2}年度?)?的?\d+(?:\.\d+)?分?)"
                         r"(?:提高|提升|增加|增长|上升|下降|降低|减少)了?(?:\d+(?:\.\d+)?分)?,?"
                         r"(?:为|到|至|达到|达)(?=\d)")


def _changed_to(plain: str) -> str:
    """A normalized text with a score's change on another year's left out, the figure it
    went to kept: 自评得分较上年提高4.8分,为96分 → 自评得分96分, 自评得分由92分提高到96分 →
    自评得分96分 — neither the change nor last year's figure is this year's score."""
    return _CHANGED_TO.sub("", plain)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return points_in_words(text)  # 九十八, 玖拾捌


def _decimals(text: str) -> int:
    """The decimals a number is written with: 99.05 → 2, 九十八点五 → 1, 99 → 0."""
    return len(re.split("[.点]", text, maxsplit=1)[1]) if re.search("[.点]", text) else 0


def stated_cell(grid: Grid, row: int) -> int | None:
    """The column of a row's sentence stating the 总分 or the 评分等级: the row's one text,
    or its text after a label (自评结论 | …, 备注 | …); None for any other row — an
    indicator's, a signature line, a note stating no results, a row explaining the table
    (偏差原因分析 | …)."""
    cells = grid.rows.get(row, [])
    if not 1 <= len(cells) <= 2 \
            or not all(isinstance(grid.values.get((row, column)), str) for column in cells):
        return None
    first = grid.texts[(row, cells[0])]
    if is_footer_label(first) or explaining_label(first) is not None:
        return None
    return next((column for column in reversed(cells)
                 if _said_in(grid, row, column) != (None, 0, None)), None)


def _said_in(grid: Grid, row: int, column: int, year: int | None = None
             ) -> tuple[float | None, int, str | None]:
    """``_results`` of a row's cell; of a note's (备注：本项目自评得分99.8分，等级为优) as of a
    report's paragraph, sentence by sentence (``_report_results``), and so of the form's
    instructions (填表说明：…): a note may state the scale (备注：总分100分，90分以上为优) or
    another year's score (of a table of ``year``), nothing of this table's; and so of any
    cell naming another year (自评结论 | 2023年自评得分95分…；2024年…)."""
    text = grid.values.get((row, column))
    label = grid.texts[(row, grid.rows[row][0])]
    if not is_note_label(label) and not is_instructions_label(label) \
            and not _on_another_year(text, year):
        return _results(text)
    if not isinstance(text, str):
        return None, 0, None
    total, decimals, grade = _report_results(text, year)
    if grade is None and total is not None and abs(total - FULL_MARKS) <= TOLERANCE:
        return None, 0, None  # the scale (总分100分), no grade
    return total, decimals, grade


def read_statements(grid: Grid, first: int, last: int, stop: int,
                    table: SelfEvaluation) -> int:
    """The sentences stating the 总分 or the 评分等级 on the rows ``first`` to ``last`` (the
    总分 and 等级 rows, read) and on the rows right under them, up to ``stop`` (a 自评结论,
    its label beside it or alone on the row above, ``_under_heading``): each declares what
    the rows did not, or is a restatement. The last row read."""
    used = {_cell(table, key) for key in ("total", "grade")}
    row, blank = first, 0
    while row < stop:
        if row > last and not grid.rows.get(row):
            blank += 1
            if blank > 1:
                break
            row += 1
            continue
        _keep_conclusion(grid, row, stop, table)
        column = stated_cell(grid, row)
        said = [] if column is None else [(row, column)]
        if column is None and row > last:
            said = _under_heading(grid, row, stop)  # 自评结论 | then its rows: the label's
            if not said:
                break
        for row, column in said:
            if (row, column) not in used:
                read_stated(grid, row, column, table)
        if row > last:
            last, blank = row, 0
        row += 1
    return last


def _under_heading(grid: Grid, row: int, stop: int) -> list[tuple[int, int]]:
    """Where a conclusion's heading alone on ``row`` (自评结论, 评价结论, 总体评价, 结论,
    merged across the table or not) has its sentences stating the results: the cells of
    the rows it heads that state any (``stated_cell``), in order — its text rows under it,
    one blank row between at most, up to ``stop``, a row of the table or of more than two
    cells, another heading, a note, a row explaining the table or the signature lines
    (填报人：…, 单位负责人, 日期). None (empty) where the row is no such heading or its rows state
    no result. In a document only inside its table: a heading among the report's
    paragraphs is the report's (``read_report_text``)."""
    said = []
    for below in _heading_rows(grid, row, stop):
        column = stated_cell(grid, below)
        if column is not None:
            said.append((below, column))
    return said


def _heading_rows(grid: Grid, row: int, stop: int) -> list[int]:
    """The text rows a conclusion's heading alone on ``row`` heads (``_under_heading``), in
    order; none where the row is no such heading."""
    cells = grid.rows.get(row, [])
    if len(cells) != 1 or not is_conclusion_heading(grid.texts.get((row, cells[0]), "")):
        return []
    inside = _inside_table(grid, row)
    if grid.tables and inside is None:
        return []
    rows, blank = [], 0
    for below in range(row + 1, min(stop, inside[1] + 1) if inside else stop):
        if not grid.rows.get(below):
            blank += 1
            if blank > 1:
                break
            continue
        if not _heads_text_row(grid, below):
            break
        blank = 0
        rows.append(below)
    return rows


def _inside_table(grid: Grid, row: int) -> tuple[int, int] | None:
    """The first and last rows of the document's table ``row`` is in, or None."""
    return next(((found.first, found.last) for found in grid.tables
                 if found.first <= row <= found.last), None)


def _keep_conclusion(grid: Grid, row: int, stop: int, table: SelfEvaluation) -> None:
    """A 自评结论 (评价结论, 总体评价, 结论) at the table's foot on ``row``, whatever it
    states, into ``table.conclusion`` — each text with its cell, once: the text after its
    label in the label's cell (自评结论：…), the texts after its label (自评结论 | …), or
    the text rows its heading alone heads (自评结论 / …). A deduction explained there is
    JX405's warning. In a document only inside its table: its paragraphs are the report's
    (``read_report_text``)."""
    cells = [column for column in grid.rows.get(row, [])
             if isinstance(grid.values.get((row, column)), str)]
    if not cells or grid.tables and _inside_table(grid, row) is None:
        return
    label, colon, after = grid.texts.get((row, cells[0]), "").partition(":")
    if not is_conclusion_heading(label):
        return
    found: list[tuple[int, int, str]] = []
    typed = str(grid.values[(row, cells[0])])
    if colon and after:  # 自评结论：<text> in one cell
        found.append((row, cells[0], re.split("[:：]", typed, maxsplit=1)[-1]))
    found.extend((row, column, str(grid.values[(row, column)])) for column in cells[1:])
    if not found:  # the heading alone: its text rows
        found = [(below, column, str(grid.values[(below, column)]))
                 for below in _heading_rows(grid, row, stop) for column in grid.rows[below]]
    for at, column, text in found:
        kept = (text.strip(), grid.source(at, column))
        if kept[0] and kept not in table.conclusion:
            table.conclusion.append(kept)


def _heads_text_row(grid: Grid, row: int) -> bool:
    """Whether a row is a conclusion's text under its heading: one or two texts, the first
    no heading, note, label explaining the table nor signature line."""
    cells = grid.rows[row]
    if not 1 <= len(cells) <= 2 \
            or not all(isinstance(grid.values.get((row, column)), str) for column in cells):
        return False
    first = grid.texts[(row, cells[0])]
    return not (is_conclusion_heading(first) or is_footer_label(first) or is_note_label(first)
                or is_instructions_label(first) or explaining_label(first) is not None)


# Words of a sentence about another year's results (上年自评得分95分), not this table's
_ANOTHER_YEAR = re.compile("上年|去年|上一年|以前年度|往年|前年")
# A clause comparing this year's result with another's (较上年提高3.6分, 比上年增加2分,
# 与上年相比): about this year, but stating no result of its own
_COMPARED = re.compile("(?:较|比|同比|与)(?:上年|去年|上一年)")
# A year named by its number (2022年自评得分, 2023年度), not a date's (2025年3月)
YEAR_NAMED = re.compile(r"((?:19|20)\d{2})年(?!\d{1,2}月)")


# A report sentence saying something else than this project's result: the grading scale
# (综合评分90分（含）以上为优秀等级，80（含）-90分为良好), a rate (满意度评价得分为95%), one
# indicator's or 一级's score (产出指标考核得分45分, 满意度指标评价得9.5分: ``_of_a_part``)
_SENTENCE = re.compile("[。；;！!？?\n]")
_SCALE = re.compile(r"\d(?:\.\d+)?分?(?:\(含\)|（含）)?(?:及?以上|及?以下|[-~～至到])")
_PERCENT_SAID = re.compile(r"(?:得分|评分)(?:为|是|:)?\d+(?:\.\d+)?%")


def _report_results(text: str, year: int | None = None, project: str | None = None
                    ) -> tuple[float | None, int, str | None]:
    """``_results`` of a report paragraph, sentence by sentence: the first total and the
    first grade said of the project — a sentence on another year (上年自评得分95分; of a
    table of ``year``, 2022年自评得分95分), on the department's whole or another project
    than ``project`` (``_this_projects``), the scale, a rate or one indicator's score says
    nothing of it."""
    total: float | None = None
    decimals, grade = 0, None
    for sentence in _SENTENCE.split(text):
        said = _changed_to(normalize_text(sentence))  # (…较上年提高4.8分，为96分)
        clauses = [clause for clause in _this_years(_this_projects(said.split(","), project),
                                                    year)
                   if not _COMPARED.search(clause)]  # 较上年提高3.6分: this year's, compared
        # up to a clause on another year
        plain = ",".join(itertools.takewhile(lambda clause: not _ANOTHER_YEAR.search(clause),
                                             clauses))  # (上年…，等级为良)
        if not plain or _SCALE.search(plain) \
                or _PERCENT_SAID.search(plain) \
                or sum(word in plain for word in GRADE_NAMES) > 1 and "等级" in plain \
                and ("分为" in plain or "、" in plain):
            continue
        said_total, said_decimals, said_grade = _results(plain)
        if said_total is not None and total is None:
            total, decimals = said_total, said_decimals
        if said_grade is not None and grade is None:
            grade = said_grade
    return total, decimals, grade


# Whose result a clause states where it names no project: a department's or unit's whole
# (部门整体支出自评得分92分, 单位整体, 整体支出), not one project's
_WHOLE = re.compile("(?:部门|单位|机关)整体|整体支出")
# Words pointing at the project a report is on (本项目, 该项目, 此项目, 其项目) before 项目
_POINTED = frozenset("本该此这其")
# What a project's name ends in before its 项目 (就业见习补贴资金项目): left off its core
_NAME_ENDS = ("资金", "经费", "专项")
# A name's core: its last characters (医疗救助 of 城乡居民医疗救助项目) — a report shortens
# a name at its head, seldom at its end; fewer than two is no name (年度项目支出, 各项目)
_CORE = 4
_NOT_A_NAME = re.compile("年度|支出|重点|财政|预算|民生|部门|各|个|全部|所有|部分|其他|下属|以下|以上"
                         # nor what is done to or by a project: a preposition or a verb
                         # before it (对照项目绩效目标, 根据项目实施情况, 严格按照项目管理
                         # 办法, 经对项目…进行自评, 完善项目管理制度)
                         "|对照|参照|比照|根据|按照|依照|依据|遵照|遵循|通过|经过|围绕|结合|针对"
                         "|关于|对于|实施|开展|加强|做好|完善|推进|落实|强化|加快|推动|确保|严格"
                         "|[对就在按据将把从为于与向给以经由]$")


def _this_projects(clauses: list[str], project: str | None) -> list[str]:
    """The clauses of a sentence (texts as ``normalize_text`` makes them) on the table's
    project (``project``, its name; None: not known): a clause's subject is the last it
    names — the department's or unit's whole (部门整体支出), another project by its name
    (城乡居民医疗救助项目, not 医疗救助 of the table's 城乡医疗救助资金), or this one (本项目,
    该项目, its name) — and the clauses after it state its results up to one naming
    another (部门整体自评得分92分，评价等级为优: neither is this project's). A clause naming
    none at the sentence's head is this project's."""
    name = compact_text(project)
    kept, ours = [], True
    for clause in clauses:
        named = _subject(clause, name)
        if named is not None:
            ours = named
        if ours:
            kept.append(clause)
    return kept


def _subject(clause: str, name: str) -> bool | None:
    """Whether the last subject a clause names is the table's project (``name``, compact;
    "", not known: only 本项目 and the department's whole tell); None where it names none.
    Another project is a subject only with its result in the clause (城乡居民医疗救助项目
    自评得分92分), named alone in it (城乡居民医疗救助项目，…) or its evaluation opened after
    it (城乡居民医疗救助项目经自评，…): in any other clause a name
    before 项目 may be words about this one (项目实施情况良好)."""
    found: list[tuple[int, bool]] = [(match.end(), False) for match in _WHOLE.finditer(clause)]
    own = _core(name)
    if own:
        at = clause.rfind(own)
        if at >= 0:
            found.append((at + len(own), True))
    at = clause.find(_PROJECT)
    with_result = None
    while at >= 0:
        if at and clause[at - 1] in _POINTED:
            found.append((at, True))
        elif own and (core := _core(clause[:at])) and not _NOT_A_NAME.search(core):
            if core in name:
                found.append((at, True))
            else:
                if with_result is None:
                    with_result = _states_result(clause)
                if with_result or at + len(_PROJECT) == len(clause) \
                        or _EVALUATED.match(clause, at + len(_PROJECT)):
                    found.append((at, False))
        at = clause.find(_PROJECT, at + 1)
    return max(found)[1] if found else None


# What opens an evaluation right after a project's name (…项目经自评，得分72分): the result in
# the clauses after it is that project's.
_EVALUATED = re.compile(r"(?:经|通过|的?(?:绩效)?(?:自评|评价))")


def _states_result(clause: str) -> bool:
    """Whether a clause states a total or a grade."""
    return _SAID_TOTAL.search(clause) is not None \
        or any(grade_name(found) for pattern in (_SAID_GRADE, _GRADE_NAMED_BEFORE)
               for found in pattern.findall(clause))


def _core(name: str) -> str:
    """The last characters of a project's name (``_CORE``), its 项目 (资金, 经费) left off,
    Han characters only: "" for fewer than two."""
    name = compact_text(name)
    for end in (_PROJECT, *_NAME_ENDS):
        name = name.removesuffix(end)
    tail = len(name)
    while tail and "\u3400" <= name[tail - 1] <= "\u9fff" and len(name) - tail < _CORE:
        tail -= 1
    core = name[tail:]
    return core if len(core) >= 2 else ""


def _on_another_year(text: Any, year: int | None) -> bool:
    """Whether a text names another year than ``year`` (the table's): 上年, or by its
    number (2022年; not a date, 2025年3月)."""
    if not isinstance(text, str):
        return False
    plain = normalize_text(text)
    return _ANOTHER_YEAR.search(plain) is not None or year is not None \
        and any(int(found) != year for found in YEAR_NAMED.findall(plain))


def _this_years(clauses: list[str], year: int | None) -> list[str]:
    """The clauses of a sentence not on another year than ``year`` (the table's; None:
    not known, all): a clause naming a year by its number before the result it states
    (2022年自评得分95分, 2022年度得分…) is on that year, and so are the clauses after it up
    to one naming another (，等级为优); a year in a clause stating no result (按照2025年…
    通知要求, 于2021年立项, 根据2022年度绩效目标) is not the year of what follows."""
    if year is None:
        return clauses
    kept, on = [], year
    for clause in clauses:
        named = _years_of_results(clause) or _year_leading(clause)
        if named:
            on = year if year in named else min(named)
        elif _THIS_YEAR_LEADS.match(clause):
            on = year  # 本年度自评得分98.85分 after 2023's
        if on == year:
            kept.append(clause)
    return kept


def _year_leading(clause: str) -> set[int]:
    """The year of a clause stating no result that leads the results after it: the year
    alone (2023年度，该项目自评得分94分; 在2023年，…), after a short subject (本项目2023年度，
    经自评得分95分) or an adverbial of an evaluation that
    year (在2023年度财政重点绩效评价中，… 根据2023年度项目绩效评价报告，… 依据2023年度
    绩效评价结果，…) — not a basis the result is given against (根据2023年度绩效评价工作
    方案, 根据2022年度绩效目标)."""
    found = _YEAR_ALONE.fullmatch(clause) or _EVALUATION_OF_YEAR.fullmatch(clause)
    return set() if found is None else {int(found.group(1))}


# A clause that is a year alone (2023年度, 在2023年, 2023年度内), or after a short subject
# (本项目2023年度, 该项目在2023年, 我单位2023年度): the subject of the clauses after it
_YEAR_ALONE = re.compile(r"(?:(?:本|该|此|我)(?:项目|单位|部门|局|委|办|院|中心|站|所|校)|项目)?"
                         r"(?:在|于)?((?:19|20)\d{2})年度?(?:内|中|里)?")
# A clause naming an evaluation of a year, before the results it gave: 在2023年度财政重点
# 绩效评价中, 根据2023年度项目绩效评价报告, 依据2023年度绩效评价结果, 2023年度考核中
_EVALUATION_OF_YEAR = re.compile(
    r"(?:在|根据|依据|按照|参照|依照|据|从)?[^,]{0,8}?((?:19|20)\d{2})年度?(?!\d{1,2}月)[^,]{0,20}?"
    r"(?:(?:评价|考核|自评|评审|评估)(?:工作)?(?:中|时|里)?|(?:评价|考核|评审|评估)"
    r"(?:结果|报告|结论)(?:中|显示|表明)?)")
# A clause on this year's results, after a clause on another year's (本年度自评得分98.85分,
# 今年自评得分…)
_THIS_YEAR_LEADS = re.compile("(?:而|但)?(?:本年度?|今年度?)")
# Words a result is said after (自评得分, 得分, 评价等级, 评分): a year before one, in a
# clause stating a result after it, is the result's year
_RESULT_WORD = re.compile("自评|得分|评分|评价|等级|等次")
# A basis the result is given against, its year right after the word (对照2023年批复的绩效
# 目标, 依据2023年签订的合同, 按照2025年…通知要求): the year is the document's
_BASIS = re.compile("(?:对照|依据|根据|按照|参照|依照|对标)$")
_DOCUMENT = re.compile("目标|通知|合同|协议|批复|文件|方案|计划|任务书|要求|办法|规定|标准|意见")


def _years_of_results(clause: str) -> set[int]:
    """The years a clause names by their number before the result it states (2023年自评
    得分95.6分 → 2023; 按照2025年绩效自评工作通知要求 → none: no result; 对照2023年批复的
    绩效目标自评得分95分 → none: the year of the goals the result is given against)."""
    named = set()
    for found in YEAR_NAMED.finditer(clause):
        said = [word.start() for word in _RESULT_WORD.finditer(clause, found.end())
                if _results(clause[word.start():]) != (None, 0, None)]
        if said and not (_BASIS.search(clause, 0, found.start())
                         and _DOCUMENT.search(clause, found.end(), said[-1])):
            named.add(int(found.group(1)))
    return named


def read_report_text(grid: Grid, table: SelfEvaluation) -> None:
    """A 自评报告's paragraphs — the document's lines outside its tables, its one 自评表 read
    from ``grid`` —, into ``table.report_text``; and each sentence there stating the
    project's 总分 or 评分等级 (经自评，本项目自评得分96分，等级为“优”; under a heading after
    the table, or before it): declared where the table has none, else a restatement
    (``restate``: JX506). Not the scale alone (指标体系总分100分), nor another year's score."""
    inside = [(found.first, found.last) for found in grid.tables]
    _read_paragraphs(grid, [(row, 1) for row in sorted(grid.rows) if grid.rows[row] == [1]
                            and not any(first <= row <= last for first, last in inside)], table)


def read_sheet_text(grid: Grid, table: SelfEvaluation) -> None:
    """A report on the table's project on a sheet of its own (``report_sheets``: 绩效自评报告,
    自评结论 beside the one 自评表): each text cell a paragraph, as ``read_report_text``
    reads a document's."""
    _read_paragraphs(grid, [(row, column) for row in sorted(grid.rows)
                            for column in grid.rows[row]], table)


def _read_paragraphs(grid: Grid, cells: list[tuple[int, int]], table: SelfEvaluation) -> None:
    """``read_report_text`` of the paragraphs at ``cells`` of ``grid``."""
    used = {_cell(table, key) for key in ("total", "grade", "restated_total", "restated_grade")}
    for row, column in cells:
        text = grid.values.get((row, column))
        if not isinstance(text, str) or not text.strip():
            continue
        table.report_text.append((text, grid.source(row, column)))
        if (grid.name, row, column) in used:
            continue
        total, decimals, grade = _report_results(text, table.project.year,
                                                  table.project.name)
        if grade is None and total is not None and abs(total - FULL_MARKS) <= TOLERANCE:
            continue  # the scale (总分100分), no grade: nothing of this project's said
        place = note(table, grid, row, column)
        if total is not None:
            restate(table, "total", total, place, decimals)
        if grade is not None:
            restate(table, "grade", grade, place)


def read_stated(grid: Grid, row: int, column: int, table: SelfEvaluation) -> None:
    """The 总分 and the 评分等级 a cell's sentence states, into the table: each the declared
    one where the table has none, else a restatement where it differs (``restate``)."""
    total, decimals, grade = _said_in(grid, row, column, table.project.year)
    place = note(table, grid, row, column)
    if total is not None:
        restate(table, "total", total, place, decimals)
    if grade is not None:
        restate(table, "grade", grade, place)


def read_labelled(grid: Grid, row: int, column: int, table: SelfEvaluation) -> bool:
    """The 总分 a 总分 label's own cell writes ("总分：98.5分", "自评总分：99.85分　评价等级：
    优", "总分98分　等级优"), its row's 得分 cell empty: the declared total; the grade it
    names too, as a sentence's (``restate``: declared, or restating a 评分等级 row's). Whether
    the cell writes a total (without one, no grade is read from it)."""
    value = grid.values.get((row, column))
    total, grade = (None, None) if not isinstance(value, str) \
        else _labelled(normalize_text(value))
    if total is None:  # 合计：98 read by its label, whatever its words; else as a sentence
        total, grade = stated_results(value)
    if total is None:
        return False
    table.total_declared = total
    table.sources["total"] = note(table, grid, row, column)
    if grade is not None:
        restate(table, "grade", grade, table.sources["total"])
    return True


def _cell(table: SelfEvaluation, key: str) -> tuple[str, int, int] | None:
    """The sheet, row and column of the cell read for ``key``; None where none is."""
    place = dict.get(table.sources, key)
    if place is None:
        return None
    return (place[0].name, place[1], place[2]) if type(place) is tuple \
        else (place.sheet, *row_column(place.cell))


def restate(table: SelfEvaluation, key: str, value: float | str, place: Any,
           decimals: int = 0) -> None:
    """A total or grade a sentence states: the declared one where the table has none (no
    cell for it, or its cell left blank: the 自评结论 under an empty 总分 cell states what
    the unit declares), else a restatement where it differs — a total written with
    ``decimals`` not where it is the declared one rounded to them (``rounded_alike``)."""
    declared = table.total_declared if key == "total" else table.grade_declared
    if declared is None:
        if key not in table.sources or _left_blank(table, key):
            if key == "total":
                table.total_declared = value  # type: ignore[assignment]
            else:
                table.grade_declared = value  # type: ignore[assignment]
            table.sources[key] = place
        return
    same = rounded_alike(declared, value, decimals) if key == "total" \
        else grade_name(declared) == grade_name(value)  # type: ignore[arg-type]
    if not same and key not in table.restated:
        table.restated[key] = value
        table.sources[f"restated_{key}"] = place


def _left_blank(table: SelfEvaluation, key: str) -> bool:
    """Whether the cell read for the table's 总分 (or 评分等级) is empty — not a formula,
    whose result not yet computed is the template's declaration, not a blank."""
    info = table.cell(table.sources[key])
    return info is not None and info.formula is None and clean(info.value) is None

"""The project's facts above a table, or on a cover sheet: 项目名称, 主管部门, 实施单位, the
year, 年度总体目标 (预期目标 / 实际完成情况), and the rule set a 评分规则 cell states.

(Over 400 lines: the facts above a table come in many forms — labels beside their values,
the goal under its headings or named in one row, the year in titles and names, the
project's name in a title's (a 第三方 index system's too) or its sheet's — and are read in one pass over the same rows.)"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.levels import is_level1_only
from jixiao.model import Project, SelfEvaluation, Source
from jixiao.parsing import compact_text
from jixiao.read.grid import Grid, Place, note
from jixiao.read.headers import Found, fund_role
from jixiao.read.money import heads_money_score
from jixiao.read.roles import is_grade_label, is_total_label, without_word_number
from jixiao.read.statements import read_stated, stated_results
from jixiao.read.totals import labels_head_grade, read_head_grade, read_head_total
from jixiao.rules import rule_name, rule_set
from jixiao.xlsx.refs import split_ref

_PROJECT_LABELS = (
    ("name", ("项目名称", "专项名称", "自评项目名称", "项目(专项)名称", "专项(项目)名称", "专项资金名称",
              "转移支付(项目)名称", "转移支付名称", "转移支付项目名称")),
    # 中央主管部门 and 地方主管部门 on a transfer payment's form: the 地方 one (_FALLBACK_LABELS)
    ("department", ("主管部门", "预算部门", "主管单位", "中央主管部门", "地方主管部门",
                    "县级主管部门", "部门(单位)名称", "部门名称",  # 县级: 湖南 县级专项资金
                    "项目主管单位", "项目主管部门")),  # 湖北 市县 (随州, 广水)
    # 实施(主管)单位 (河北): the unit that carries the project out, its own 主管
    ("unit", ("实施单位", "实施(主管)单位", "项目实施单位", "自评项目单位", "项目单位", "执行单位", "项目执行单位",
              "承担单位", "项目承担单位", "资金使用单位", "填报单位", "单位名称")),
)
_ANY_LABEL = tuple(label for _, labels in _PROJECT_LABELS for label in labels)
_NAME_LABELS = dict(_PROJECT_LABELS)["name"]
# Labels that name a fact only where no other label of it is given: 单位名称 / 填报单位 is
# the unit that filled the form in, the 实施单位 only where the form names none (区商务局
# 2020: 单位名称:区商务局 above the table, 项目实施单位 | 投资促进中心 in it).
# 中央主管部门 (the ministry, on a transfer payment's 区域 form) yields to 地方主管部门:
# the local department submits the table and the reviewer groups by it. On a 部门整体
# form 部门(单位)名称 names the body evaluated, which reports to the 主管部门 a row of its
# own may name (部门（单位）名称 | 某县农业农村局, then 主管部门 | 某县人民政府).
_FALLBACK_LABELS = {"unit": ("填报单位", "单位名称"),
                    "department": ("中央主管部门", "部门(单位)名称", "部门名称")}
# A 部门整体支出绩效自评表 evaluates a body, not a project: the body its 部门 (部门名称,
# 部门(单位)名称) or 单位名称 names is what the table is about where no 项目名称 (nor a title
# naming a project) gives a name (金寨县 2023: 部门 | 金寨县茶谷和美丽乡村建设服务中心).
_NAME_FROM = (("department", ("部门名称", "部门(单位)名称")), ("unit", ("单位名称",)))
# 部门 alone is a label only as a whole cell (部门 | X, 部门：X): as a prefix it begins titles
# (部门整体支出绩效自评表) and texts (部门预算…), so it is none of ``_ANY_LABEL``.
_BARE_DEPARTMENT = "部门"
_YEAR = re.compile(r"((?:19|20)\d{2})年度|^((?:19|20)\d{2})年.*(?:自评|绩效)"
                   # 评价年度：2024年 (label and value in one cell or two)
                   r"|年度[:：]?\s*((?:19|20)\d{2})(?!\d)"
                   # 某县财政局2023年项目支出绩效自评表
                   r"|((?:19|20)\d{2})年(?:项目|部门|专项|财政).{0,20}(?:自评|绩效)"
                   # 银川市本级部门项目支出绩效自评表（2021年）: the year in brackets after it
                   r"|(?:自评|绩效).{0,12}[(（]((?:19|20)\d{2})年[)）]"
                   # （2024年）, 2024年 alone on the line under the title
                   r"|^[(（]?((?:19|20)\d{2})年度?[)）]?$")
# （二〇二四年度）: the year in Chinese numerals, alone on its line
_WORD_YEAR = re.compile(r"^[(（]?[〇零一二三四五六七八九]{4}年度?[)）]?$")
_WORD_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def is_name_label(text: str) -> bool:
    """Whether a cell's compact text is a label of the project's name (项目名称, 专项名称 …)."""
    return text in _NAME_LABELS


def _label_pattern(label: str) -> str:
    return re.escape(label).replace(r"\(", "[(（]").replace(r"\)", "[)）]")


# A label with its colon amid a cell's text: one cell may hold several, "项目名称：P    主管部门：X
# 实施单位：Y", each value up to the next. Without its colon a label's word is part of the
# value (项目名称：预算单位财务管理系统), and so is one in brackets (…项目（项目单位：Y）); a note
# may stand before the colon (主管部门（盖章）：).
_INLINE_LABEL = re.compile("(?<![(（])({})(?:[(（][^()（）]{{0,8}}[)）])?[ \t\u3000]*[:：]".format(
    "|".join(_label_pattern(label) for label in sorted(_ANY_LABEL, key=len, reverse=True))))


def _inline_values(key: str, label: str, text: str) -> list[tuple[str, str, str]]:
    """(key, label, value) of the label ``label`` (of ``key``) whose colon ``text``
    follows, its value cut at the next label, then of each further label in the text."""
    marks = list(_INLINE_LABEL.finditer(text))
    ends = [mark.start() for mark in marks] + [len(text)]
    values = [(key, label, text[:ends[0]].strip())]
    for mark, end in zip(marks, ends[1:], strict=True):
        named = mark.group(1).replace("（", "(").replace("）", ")")
        other = next(key for key, labels in _PROJECT_LABELS if named in labels)
        values.append((other, named, text[mark.end():end].strip()))
    return values


_STAMP = re.compile(r"\s*[(（]\s*(?:盖章|公章|签章|章)\s*[)）]\s*$")


class _Facts:
    """The project's facts as its labels give them: the first label of each fact wins, but
    a fallback label's value (``_FALLBACK_LABELS``) yields to a label of its own, and a
    value a document's text gives outside its tables (a report's cover: 自评项目名称：…)
    yields to the table's own."""

    def __init__(self) -> None:
        self.project = Project()
        self.places: dict[str, Place] = {}
        self.labels: dict[str, str] = {}  # key → the label its value was read under
        self._fallback: set[str] = set()  # facts read from a fallback label
        self._outside: set[str] = set()  # facts read from a document's text between tables
        self.outside = False  # the row read now is such text
        # key → (label, value, place) of a fallback label's value another label replaced
        self.yielded: dict[str, tuple[str, str, Place]] = {}

    def is_open(self, key: str, label: str) -> bool:
        """Whether a value under ``label`` (a text starting with a label of ``key``) is
        still to be read."""
        if getattr(self.project, key) is None:
            return True
        own = not label.startswith(_FALLBACK_LABELS.get(key, ()))
        if key in self._outside and not self.outside and own:
            return True
        return key in self._fallback and own

    def read(self, key: str, label: str, value: str, place: Place) -> None:
        # a name wrapped by hand (2024年职业技能\n培训补贴项目), a unit's （盖章） after it
        value = _STAMP.sub("", re.sub(r"\s*[\r\n]+\s*", "", value)).strip() or value
        if key in self._fallback and getattr(self.project, key) is not None:
            self.yielded[key] = (self.labels[key], getattr(self.project, key), self.places[key])
        setattr(self.project, key, value)
        self.places[key] = place
        self.labels[key] = label
        if label.startswith(_FALLBACK_LABELS.get(key, ())):
            self._fallback.add(key)
        else:
            self._fallback.discard(key)
        if self.outside:
            self._outside.add(key)
        else:
            self._outside.discard(key)


@dataclass
class _ProjectFound:
    project: Project
    places: dict[str, Place]  # key → where it was read (a Source when the table reads it)
    total: tuple[int, int] | None = None  # the cell of a 自评总分 label among the rows
    grade: tuple[int, int] | None = None  # … and of a 评分等级 label
    # … and of a sentence stating both (自评得分：92分　评价等级：良, a row of its own)
    stated: tuple[int, int] | None = None
    form: str = "project"  # what the title or labels say the form is (SelfEvaluation's)
    titled: bool = False  # the name is the title's reading (no label gave one)


# the first characters of a 总分 or 等级 label's compact text among the project's rows
_HEAD_RESULT_WORDS = ("自评", "总", "综合", "评价", "评分", "评定", "绩效", "考核", "等级", "等次",
                      "得分", "项目总", "项目绩效", "项目自评", "项目得分")


def _scan_project(grid: Grid, top: int, bottom: int) -> _ProjectFound:
    facts = _Facts()
    project, sources = facts.project, facts.places  # key → place
    values, texts = grid.values, grid.texts
    total = grade = stated = None
    total_label, scored = "", None
    whole_department = transfer = False
    tables = grid.tables
    for row in range(top, bottom):
        columns = grid.rows.get(row)
        if not columns:
            continue
        facts.outside = bool(tables) and not any(found.first <= row <= found.last
                                                 for found in tables)
        for column in columns:
            text = texts.get((row, column), "")
            if text.startswith(_BARE_DEPARTMENT) and text.split(":", 1)[0] == _BARE_DEPARTMENT:
                _read_bare_department(grid, row, column, facts)
                continue
            if not text.startswith(_ANY_LABEL):
                if "整体" in text and len(text) <= 60 and _WHOLE_DEPARTMENT_TITLE.search(text):
                    whole_department = True
                elif "区域" in text and len(text) <= 60 and _TRANSFER_TITLE.search(text):
                    transfer = True
                if not text.startswith(_HEAD_RESULT_WORDS) \
                        or not isinstance(values.get((row, column)), str):
                    continue
                label = compact_text(text)
                if stated is None and _states_results(label, values[(row, column)]):
                    stated = (row, column)  # 自评得分：92分　评价等级：良
                elif len(text) <= 16:  # 自评总分(分) | 97.93
                    if is_total_label(label) and "分值" not in label and "满分" not in label \
                            and (total is None or _full_mark(total_label) and not _full_mark(label)) \
                            and not heads_money_score(grid, row, column):  # 执行率 | 自评得分
                        total, total_label = (row, column), label  # (the scale's 100: not read)
                    elif _PROJECT_SCORE.fullmatch(label):  # 项目得分: the score beside a 总分
                        scored = scored or (row, column)
                    elif grade is None and labels_head_grade(grid, row, column):
                        grade = (row, column)
                continue  # most cells: no label at all
            if text.startswith(_TRANSFER_LABEL):
                transfer = True
            for key, labels in _PROJECT_LABELS:
                if not text.startswith(labels) or not facts.is_open(key, text):
                    continue
                inline = re.split("[:：]", str(grid.raw(row, column)), maxsplit=1)
                if len(inline) == 2 and inline[1].strip():  # "项目名称：某某项目"
                    for other, label, value in _inline_values(key, text, inline[1]):
                        if value and facts.is_open(other, label):
                            facts.read(other, label, value, (grid, row, column))
                    break
                found = grid.right_of(row, column, limit=6)
                if found is not None and not texts[(row, found[1])].startswith(_ANY_LABEL) \
                        and not _list_head(grid, row, column, found[1]):
                    facts.read(key, text, str(found[0]).strip(), (grid, row, found[1]))
                break
        if project.goal_expected is None and project.goal_actual is None:
            _scan_goal(grid, row, columns, project, sources)
        if project.year is None:
            line = "".join(texts[(row, c)] for c in columns
                           if isinstance(values.get((row, c)), (str, int, float)))
            if _WORD_YEAR.match(line):
                line = line.translate(_WORD_DIGITS)
            line = _TITLE_NUMBER.sub("", line, count=1)  # 附件2：2023年…评分表: the year first
            match = _YEAR.search(line)
            if match:
                project.year = int(next(group for group in match.groups() if group))
                sources["year"] = (grid, row, columns[0])
    titled = False
    if project.name is None:
        _name_from_title(grid, top, bottom, project, sources)
        titled = project.name is not None
    if project.name is None:
        _name_from_body(facts)
    if scored is not None and _full_mark(total_label):
        total = scored  # 项目总分 | 100 | 项目得分 | 99.5: the 总分 is the full mark
    form = "department" if whole_department else "transfer" if transfer else "project"
    return _ProjectFound(project, sources, total, grade, stated, form, titled)


# A bare 总分 label (总分, 总 分, 项目总分): beside a 自评得分 or 项目得分 label in the block
# above the table (总分 | 100 | 自评得分 | 99.5) it labels the full mark, not the total.
_PROJECT_SCORE = re.compile(r"项目(?:自评)?得分(?:\(分\))?[:：]?")
_FULL_MARK = re.compile(r"(?:项目)?总分值?(?:\(分\))?[:：]?")


def _full_mark(label: str) -> bool:
    """Whether a head label (its compact text) is a bare 总分 that gives way to a score's."""
    return _FULL_MARK.fullmatch(label) is not None


def _states_results(label: str, value: str) -> bool:
    """Whether a cell above the table, opening as a 总分 or 等级 label, is a sentence stating
    both ("自评得分：92分　评价等级：良", "总分98分　等级优"): not a label before its value's
    cell (自评总分 | 97.93), nor one value after its colon (自评总分：95)."""
    return (is_total_label(label) or is_grade_label(label, results=False)) \
        and None not in stated_results(value)


# A list's numbering column (序号 | 项目名称 | …): the row it heads is a list's header
_SERIAL_HEADS = frozenset(("序号", "编号"))


def _list_head(grid: Grid, row: int, label: int, column: int) -> bool:
    """Whether the label at ``label`` heads a column of a list of projects rather than
    standing beside its value at ``column``: 序号 heads a column left of it (序号 | 项目名称
    | 产出指标 | … | 总分, a 汇总 of the department's projects), the cell right of it is a
    heading of the form (a 一级 name alone, 总分, 评分等级), or two money headings stand side
    by side (项目名称 | 全年预算数 | 全年执行数); one name that holds such a word (低执行率项目,
    得分系统建设项目) is a name."""
    texts = grid.texts
    if any(compact_text(texts.get((row, left), "")) in _SERIAL_HEADS
           for left in grid.rows.get(row, ()) if left < label):
        return True
    value = compact_text(texts[(row, column)])
    if is_level1_only(value) or is_total_label(value) or is_grade_label(value, results=False):
        return True
    if fund_role(texts[(row, column)]) in (None, "ignore"):
        return False
    following = grid.right_of(row, column, limit=3)
    return following is not None and fund_role(texts[(row, following[1])]) not in (None, "ignore")


def _read_bare_department(grid: Grid, row: int, column: int, facts: _Facts) -> None:
    """部门 | X or 部门：X (a 部门整体 table's body): the department, where none is read yet."""
    if not facts.is_open("department", _BARE_DEPARTMENT):
        return
    inline = re.split("[:：]", str(grid.raw(row, column)), maxsplit=1)
    if len(inline) == 2 and inline[1].strip():
        facts.read("department", _BARE_DEPARTMENT, inline[1].strip(), (grid, row, column))
        return
    found = grid.right_of(row, column, limit=6)
    if found is not None and isinstance(found[0], str) and found[0].strip() \
            and not grid.texts[(row, found[1])].startswith(_ANY_LABEL):
        facts.read("department", _BARE_DEPARTMENT, found[0].strip(), (grid, row, found[1]))


def _name_from_body(facts: _Facts) -> None:
    """The name of a table about a body (部门整体): the value its 部门/单位名称 label gave."""
    for key, labels in _NAME_FROM:
        value, label = getattr(facts.project, key), facts.labels.get(key, "")
        place = facts.places.get(key)
        if key in facts.yielded and facts.yielded[key][0].startswith(labels):
            label, value, place = facts.yielded[key]  # 部门名称 gave way to 主管部门
        if value and (label.startswith(labels) or label == _BARE_DEPARTMENT):
            facts.project.name = value
            facts.places["name"] = place
            return


# A title that names its project: "2023年度某县农村公路养护项目支出绩效自评表".
# A 第三方评价 index system's title names its project the same way: 博湖县医保信息化建设经费
# 项目绩效评价指标体系及评分表, …项目绩效评价指标体系, …项目评分表; and a 评分附件表's:
# …项目绩效自评评分表, …项目绩效评价评分附件表, …绩效评价得分表, …绩效评价结果表. The form's
# whole phrase after the name is one rule — the kind of evaluation (``_EVALUATION_KINDS``),
# (支出)(绩效), then 自评(价), 评价 or 评估 (a review's 评价（复核）), then 指标体系(及评分(表)),
# (指标)评分(附件)表, 得分表 or 结果表 — or the plain 自评(价)表.
# 评分 without 表 ends it only after 指标体系 or 评价 (…指标体系及评分, …绩效评价评分): a
# bare …评分 (专家评分, 综合评分) is a label, not a title.
# The kind of evaluation named between the project and 绩效评价 (…项目财政重点绩效评价指标体系
# 及评分表, …项目第三方绩效评价评分表, …项目事前绩效评估评分表) is the form's words, not the
# project's (rt32 r8: the name kept 财政重点, 第三方, 事前, the 财政 of 财政支出); alone, no name
_EVALUATION_KINDS = ("财政重点", "财政支出", "重点", "第三方", "事前")
_EVALUATION_KIND = f"(?:{'|'.join(_EVALUATION_KINDS)})?"
_EVALUATED = r"(?:自评价?|评价|评估)(?:\((?:复核|复评)\))?"
_TITLE = re.compile(r"(?:(?:19|20)\d{2}年度?)?(?P<name>.+?)" + _EVALUATION_KIND
                    + r"(?:支出)?(?:绩效)?"
                    rf"(?:(?:{_EVALUATED})?(?:指标体系(?:及?评分表?)?|(?:指标)?评分(?:附件|附)?表)"
                    rf"|{_EVALUATED}(?:指标)?(?:评分(?:附件|附)?表?|(?:得分|结果)(?:附件|附)?表)"
                    r"|自评价?表)"
                    r"(?:\((?:19|20)\d{2}年度?\))?$")
# A report's title on its cover naming the project the same way (博湖县医保信息化建设经费项目
# 支出绩效评价报告, …项目绩效自评报告), often over two lines (…经费项目支出 / 绩效评价报告)
_REPORT_TITLE = re.compile(r"(?:(?:19|20)\d{2}年度?)?(?P<name>.+?)" + _EVALUATION_KIND
                           + rf"(?:支出)?(?:绩效)?{_EVALUATED}(?:工作)?报告"
                           r"(?:\((?:19|20)\d{2}年度?\))?$")
# The kind of money a title may name in place of a project (2023年度重点项目绩效评价报告,
# 财政支出绩效评价报告): no project's name, alone or after a year or a body (XX局)
_GENERIC_NAMES = ("重点项目", "项目支出", "项目", "专项资金", "专项", "财政支出", "财政",
                  "部门整体", "部门")
_NO_NAME = (*_GENERIC_NAMES, *_EVALUATION_KINDS, "绩效", "年度")
# A title naming a 部门整体 form: 部门整体支出绩效自评表, 2023年度部门(单位)整体支出绩效自评表,
# 部门整体支出绩效评价得分表 (湖南) — the form of a body, not of a project
_WHOLE_DEPARTMENT_TITLE = re.compile(r"(?:部门|单位)\)?整体.{0,12}表(?:\(.{0,12}\))?$")
# A 转移支付 form evaluating a region's use of the money: titled 区域绩效自评表 (中央对地方
# 转移支付区域绩效自评表, …区域绩效目标自评表(2023年度)), or naming its 转移支付 by that
# label (转移支付(项目)名称, as the 区域 form and its forerunner, the 专项转移支付绩效目标
# 自评表, do — a project's form says 项目名称)
_TRANSFER_TITLE = re.compile(r"区域绩效(?:目标)?自评(?:价)?表(?:\((?:19|20)\d{2}年度?\))?$")
_TRANSFER_LABEL = "转移支付"
# What a title says of the form, not of a project: XX局2023年项目, 部门整体, …完成情况,
# 博湖县财政局2023年度重点项目 (the body's line over the report's title), XX局重点项目
_GENERIC = "|".join(_GENERIC_NAMES)
_NO_NAME_END = re.compile(rf"(?:(?:19|20)\d{{2}}年度?(?:{_GENERIC})?|(?:局|委|办|政府)(?:{_GENERIC})"
                          r"|整体|完成情况)$")
# An attachment's number before a title (附件1：…评分表, 附表2-1 …自评表): not the project's;
# a year right after 附件 (附件 2023年度…自评表) is the title's own
_TITLE_NUMBER = re.compile(r"^(?:(?:附件|附表|表)\s*(?!(?:19|20)\d{2}年)\d+(?:[-.．_]\d+)*"
                           r"[\s.．、:：_\-－—]*|(?:附件|附表)\s*(?=(?:19|20)\d{2}年))")


def _name_from_title(grid: Grid, top: int, bottom: int, project: Project,
                     sources: dict[str, Place]) -> None:
    """The project's name from the table's title, where no 项目名称 cell gives it, else
    from a report's title on its cover above it (``_report_name``); a table's title that
    names no project (项目支出绩效自评表, 附件1：项目支出绩效评价指标体系及评分) gives
    none but the cover's."""
    cover: tuple[str, Place] | None = None
    line_above = ""  # the text of the last line of one cell: a cover's title's first line
    for row in range(top, bottom):
        columns = grid.rows.get(row, ())
        for column in columns:
            text = grid.texts.get((row, column), "")
            if cover is None and text.endswith("报告") and len(text) <= 60:
                found = _report_name(text, line_above)
                cover = (found, (grid, row, column)) if found else None
            if not text.endswith(("表", ")", "体系", "评分")) or len(text) > 60:
                continue
            match = _TITLE.match(_TITLE_NUMBER.sub("", text, count=1))
            if match is None:
                continue
            name = _title_name(match)
            if name:
                project.name = name
                sources["name"] = (grid, row, column)
            elif cover is not None:
                project.name, sources["name"] = cover
            return  # the title: a name or none (but the cover's)
        line_above = grid.texts.get((row, columns[0]), "") if len(columns) == 1 else ""
    if cover is not None:
        project.name, sources["name"] = cover


def _report_name(text: str, line_above: str) -> str | None:
    """The project a report's title names (…项目支出绩效评价报告, ``_REPORT_TITLE``), or
    with the line above it where the title is split over two (…经费项目支出 / 绩效评价报告)."""
    if _SENTENCE_MARKS.search(text) or _TASK.search(text):
        return None  # 请于3月底前按时报送绩效自评报告: a task to do, no cover's title
    joined = line_above + text if len(line_above + text) <= 60 \
        and not _SENTENCE_MARKS.search(line_above) else ""
    for title in (text, joined):
        match = _REPORT_TITLE.match(_TITLE_NUMBER.sub("", title, count=1))
        name = _title_name(match) if match is not None else None
        if name or not joined:
            return name
    return None


_SENTENCE_MARKS = re.compile("[,，。;；:：!！?？]")  # a sentence's line, no title's
# Words of a task about a report (请于…报送, 按时提交, 是否按时报送, 撰写): no cover names it so
_TASK = re.compile("报送|提交|上报|撰写|按时|是否|请于|请按|请在|应于|须于")


def title_names_project(text: str) -> bool:
    """Whether a compact text is a title naming a project (农村生活污水治理项目支出绩效自评表),
    not only the form (某县水利局2024年度项目支出绩效自评表, 项目支出绩效自评表)."""
    return title_name(text) is not None


def title_name(text: str) -> str | None:
    """The project a compact text's title names (农村生活污水治理项目支出绩效自评表 →
    农村生活污水治理项目), None where it is no title or names only the form."""
    match = _TITLE.match(_TITLE_NUMBER.sub("", text, count=1))
    return None if match is None else _title_name(match)


def _title_name(match: re.Match[str]) -> str | None:
    """The project a title's ``_TITLE`` match names, None if it names only the form."""
    name = match.group("name").strip("()（）:：")
    if len(name) >= 2 and name not in _NO_NAME and not _NO_NAME_END.search(name) \
            and _says_something(name):
        return name
    return None


# 目标完成情况: 河北's 三、目标完成情况 | 年度预期目标 | 具体完成情况 | 总体完成率(%)
_GOAL_LABEL = ("年度总体目标", "总体目标", "年度目标", "年度绩效目标", "目标完成情况")
_GOAL_WORD = "目标"  # in every label: a cell without it is passed over first
_GOAL_COLUMNS = (("goal_expected", ("预期目标", "年初设定目标", "年度预期目标")),
                 ("goal_actual", ("实际完成情况", "全年实际完成情况", "年度实际完成情况",
                                  "具体完成情况")))


def _scan_goal(grid: Grid, row: int, columns: list[int], project: Project,
               sources: dict[str, Place], labels: tuple[str, ...] = _GOAL_LABEL,
               headed: bool = False) -> None:
    """年度总体目标: the texts under 预期目标 / 实际完成情况 (the standard form), or the one
    text beside the label where a layout has no such headings (not where ``headed``)."""
    texts = grid.texts
    label = next((c for c in columns
                  if _GOAL_WORD in (text := texts.get((row, c), "")) and len(text) <= 12
                  and without_word_number(text).startswith(labels)), None)
    if label is None:
        return
    found = False
    for header_row in (row, row + 1):
        for column in grid.rows.get(header_row) or ():
            if column <= label:
                continue
            text = texts.get((header_row, column), "")
            for key, labels in _GOAL_COLUMNS:
                if getattr(project, key) is None and text in labels:
                    below = header_row + 1
                    while grid.same_merge((header_row, column), (below, column)):
                        below += 1
                    value = grid.raw(below, column)
                    found = True
                    if value is not None and str(value).strip():
                        setattr(project, key, str(value).strip())
                        sources[key] = (grid, below, column)
        if found or headed:
            return
    if _goal_texts_labelled(grid, row, label, project, sources):
        return
    beside = grid.right_of(row, label, limit=8)
    if beside is not None and isinstance(beside[0], str):
        project.goal_expected = beside[0].strip()
        sources["goal_expected"] = (grid, row, beside[1])


_GOAL_PREFIX = re.compile(r"\s*(" + "|".join(word for _, words in _GOAL_COLUMNS for word in words)
                          + r")\s*[:：]\s*(.+)", re.DOTALL)


def _goal_texts_labelled(grid: Grid, row: int, label: int, project: Project,
                         sources: dict[str, Place]) -> bool:
    """The goal in one row, each text naming what it is (年度总体目标 | 预期目标：… |
    实际完成情况：…): each under its name, the name left off. Whether any was."""
    found = False
    for column in grid.rows.get(row) or ():
        value = grid.raw(row, column)
        if column <= label or column > label + 8 or not isinstance(value, str) \
                or grid.same_merge((row, label), (row, column)):
            continue
        named = _GOAL_PREFIX.fullmatch(value)
        if named is None:
            continue
        key = next(key for key, words in _GOAL_COLUMNS if named.group(1) in words)
        if getattr(project, key) is None:
            setattr(project, key, named.group(2).strip())
            sources[key] = (grid, row, column)
            found = True
    return found


# The year in a sheet's or a file's name: 2023年度 first, else 2023年 not followed by a
# month (2024年3月报送 is when it was sent, not the year evaluated).
_NAME_YEARS = (re.compile(r"((?:19|20)\d{2})\s*年度"), re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)"))


# The year a project's name names (2021年随州市…项目, 随州市2021年度…), or starts with before
# a dash (2021-随州市…): a plausible year only, so neither 2030亩 nor a code's XM2021-35 is
# one, nor a month's 2024年3月 inside it; a name of two years (2020-2022年三年行动) names
# no one year evaluated.
_PROJECT_NAME_YEARS = re.compile(r"(?<!\d)(20[1-3]\d)年(?!\d{1,2}月)|^(20[1-3]\d)(?=[-—–_~～至])")
_PLAUSIBLE_YEARS = range(2010, 2036)


def year_from_project_name(name: str | None) -> int | None:
    """The 年度 a project's name gives (``_PROJECT_NAME_YEARS``), where it gives one."""
    found = {int(year or start) for year, start in _PROJECT_NAME_YEARS.findall(compact_text(name))}
    found &= set(_PLAUSIBLE_YEARS)
    return found.pop() if len(found) == 1 else None


def year_from_names(*names: str) -> int | None:
    """The 年度 a sheet's or file's name gives, the first name that gives one; None."""
    for name in names:
        for pattern in _NAME_YEARS:
            match = pattern.search(name)
            if match:
                return int(match.group(1))
    return None


# A sheet's name that names its project (a 部门's workbook of one sheet per project, the
# table without 项目名称). A sheet's name is free text — 填报, 第二稿, 医保局-自评 — so it is
# taken only where it reads like a project's name: without numbering (1., 表2-1, 附件3),
# a draft's or a copy's marks ((修改), (终稿), 第二稿, -v2, (2)) and the form's title words, it
# holds a project's word (``_PROJECT_WORDS``) and still says something besides it and the
# form's own words. Sheet1, 自评表, 项目支出绩效自评表, 表1, 附件2, 2024年度 name none; nor
# does a body (人社局, 就业服务中心: a sheet per 实施单位), nor the table's 主管部门 or 实施单位.
_SHEET_NUMBERING = re.compile(r"^(?:附件|附表|表|sheet)?\s*\d+(?:[-.．_]\d+)*(?![\d年])[\s.．、:：_\-－—]*"
                              r"|^[(（][\d一二三四五六七八九十]+[)）]\s*", re.IGNORECASE)
_VERSION = (r"(?:修改|修订|调整)(?:稿|版|后)|修改|修订|终稿|定稿|初稿|草稿|送审稿|最终稿|最终版?"
            r"|第[一二三四五六七八九十\d]+稿|[vV]\d+(?:\.\d+)?|副本|备份")
_DRAFT_MARK = re.compile(rf"[\s\-_—－]*(?:[(（](?:{_VERSION}|新|旧|\d+)[)）]|{_VERSION})$"
                         rf"|^(?:[(（](?:{_VERSION})[)）]|(?:{_VERSION})[\s\-_—－:：]+)")
_PROJECT_WORDS = re.compile(r"项目|专项|经费|资金|工程|补助|补贴|奖补|救助|建设|计划|工作|行动|服务|"
                            r"改造|维护|维修|养护|购置|培训|提升|费$")
_SHEET_FORM_WORDS = re.compile(r"(?:19|20)\d{2}年度?|项目支出|项目|支出|绩效|自评价?|评价|评分|附件|"
                               r"附表|工作表|表|年度|专项|资金|汇总|封面|目录|说明|部门|单位|整体|上年|"
                               r"去年|备份|副本|复制|样表|模板|新建|最终|定稿|修改|[^\u4e00-\u9fff]")
_BODY_END = re.compile(r"(?:局|委|委员会|办|办公室|中心|院|所|站|队|厅|处|科|馆|学校|医院|政府|街道|"
                       r"办事处|镇|乡)$")


def _says_something(name: str) -> bool:
    """Whether a name says more than the form's own words (项目支出, 绩效自评, 2024年度)."""
    return len(_SHEET_FORM_WORDS.sub("", name)) >= 2


def name_from_sheet(sheet: str, project: Project) -> str | None:
    """The project's name a sheet's name gives, for a table that has no 项目名称 nor a
    title naming it: only a name that reads like a project's (``_PROJECT_WORDS``); None
    for a name of the form, of a draft (填报, 第二稿) or of a body (医保局-自评)."""
    name = _SHEET_NUMBERING.sub("", sheet.strip(), count=1).strip()
    name = _without_draft_marks(name)
    titled = _TITLE.match(name)
    if titled is not None:  # 职业技能培训补助项目自评表: the title's name
        name = _without_draft_marks(titled.group("name").strip("()（）:：- "))
    bodies = {compact_text(project.department), compact_text(project.unit)} - {""}
    if not _PROJECT_WORDS.search(name) or not _says_something(_PROJECT_WORDS.sub("", name)) \
            or _BODY_END.search(name) or compact_text(name) in bodies:
        return None
    return name


def draft_order(sheet: str) -> int:
    """Which draft a sheet's name says its table is: -1 an early one (（初稿）, 草稿,
    第一稿, （旧）), 1 a later one (（修改稿）, 修订版, 终稿, 定稿, 最终版, 第二稿, -v2,
    （新）), 0 neither (no mark, or a copy's “(2)”) — of the marks ``_DRAFT_MARK`` takes
    off its ends."""
    marks = []
    name = sheet.strip()
    while (found := _DRAFT_MARK.search(name)) is not None and found.group():
        marks.append(found.group())
        name = (name[:found.start()] + name[found.end():]).strip()
    text = "".join(marks)
    if _LATER_DRAFT.search(text):
        return 1
    return -1 if _EARLY_DRAFT.search(text) else 0


_EARLY_DRAFT = re.compile(r"初稿|草稿|第[一1]稿|[vV]1(?!\d)|旧")
_LATER_DRAFT = re.compile(r"修改|修订|调整|终稿|定稿|最终|第(?:[二三四五六七八九十]|[2-9]|\d{2,})稿"
                          r"|[vV](?:[2-9]|\d{2,})|新")


def _without_draft_marks(name: str) -> str:
    """``name`` without a draft's or a copy's marks (``_DRAFT_MARK``), however many."""
    while (shorter := _DRAFT_MARK.sub("", name, count=1).strip()) != name:
        name = shorter
    return name


def read_goal_among_rows(grid: Grid, top: int, bottom: int, table: SelfEvaluation) -> None:
    """年度总体目标 | 预期目标 | 实际完成情况 printed among or under the indicator rows (rows
    ``top`` to ``bottom``, excluded), where no goal stands above the header: its texts.
    Only under those headings — a 年度绩效目标 there may head the indicators (湖北)."""
    project = table.project
    if project.goal_expected is not None or project.goal_actual is not None:
        return
    sources: dict[str, Place] = {}
    for row in range(top, bottom):
        columns = grid.rows.get(row)
        if columns and "总体目标" in grid.texts.get((row, columns[0]), ""):
            _scan_goal(grid, row, columns, project, sources, ("年度总体目标", "总体目标"),
                       headed=True)
            if sources:
                break
    for key, place in sources.items():
        table.sources[f"project_{key}"] = place
        table.cells.note(place)  # type: ignore[attr-defined]


def read_project(grid: Grid, top: int, bottom: int, table: SelfEvaluation,
                 columns: dict[str, int] | None = None) -> bool:
    """The project's facts above the table (rows ``top`` to ``bottom``, excluded): whether
    its name is only its title's reading (``_name_from_title``), no label's. ``columns``:
    the header's under them, where a 总分 row is printed above it."""
    found = _scanned(grid, top, bottom)
    table.project = found.project
    table.form = found.form
    for key, place in found.places.items():
        table.sources[f"project_{key}"] = place
        table.cells.note(place)  # type: ignore[attr-defined]
    take_results(grid, found, table, columns)
    return found.titled


def take_results(grid: Grid, found: _ProjectFound, table: SelfEvaluation,
                 columns: dict[str, int] | None = None) -> None:
    """The 总分 and 评分等级 written among the project's rows (``found``, read in ``grid``):
    above the table (重庆, 湖北 forms), or on the money sheet of a table split across sheets
    — each declared there, or restated (another: JX506)."""
    if found.total is not None:
        read_head_total(grid, *found.total, table, columns)
    if found.grade is not None:
        read_head_grade(grid, *found.grade, table)
    if found.stated is not None:
        read_stated(grid, *found.stated, table)


def year_above(grid: Grid, top: int, bottom: int) -> int | None:
    """The 年度 the rows ``top`` to ``bottom`` (excluded) above a table name (（2024年度）,
    评价年度：2024), as ``read_project`` reads it: known before the table's rows are read,
    so a 自评结论 under them naming another year (2023年自评得分90分) is known for it."""
    global _last_scan
    found = _scan_project(grid, top, bottom)
    _last_scan = (grid, top, bottom, found)
    return found.project.year


# The scan ``year_above`` made, taken by ``read_project`` over the same rows (the table's
# head is read twice per table, once before and once after its rows): the grids are not
# changed by reading, so its facts are those a second scan finds. Taken once, so no two
# tables share a Project; the grid is held, so its identity is never another's.
_last_scan: tuple[Grid, int, int, _ProjectFound] | None = None
REUSE_SCAN = True  # False: every reading scans anew (the reference path, for the tests)


def _scanned(grid: Grid, top: int, bottom: int) -> _ProjectFound:
    """``_scan_project(grid, top, bottom)``, the scan ``year_above`` made of them if any."""
    global _last_scan
    last, _last_scan = _last_scan, None
    if REUSE_SCAN and last is not None and last[0] is grid and last[1] == top \
            and last[2] == bottom:
        return last[3]
    return _scan_project(grid, top, bottom)


def project_outside(grids: list[Grid], found: list[Found],
                    paired: frozenset[str] = frozenset()) -> _ProjectFound | None:
    """Project labels in a sheet without a table (a cover sheet), if any — not on the
    ``paired`` sheets, each the money sheet of one table split across sheets."""
    with_tables = {item.grid.name for item in found} | paired
    for grid in grids:
        if grid.name in with_tables:
            continue
        project = project_on(grid)
        if project.project.name or project.project.department:
            return project
    return None


def project_on(grid: Grid) -> _ProjectFound:
    """The project facts, 总分 and 等级 a sheet without a table states, in all its rows."""
    return _scan_project(grid, 1, grid.max_row + 1)


def take_outside(table: SelfEvaluation, outside: _ProjectFound, titled: bool) -> None:
    """The facts a sheet without a table states (``project_outside``: a 资金情况 or cover
    sheet), each where the table states none; and its 项目名称 over a name the table has
    only from its title, where ``titled`` (the workbook's one table, its name the title's
    reading): a name written as a name is the project's, a title's is what is left of the
    form's words (…项目绩效自评评分表), and the 主管部门 and 实施单位 beside it are taken."""
    named = outside.project.name is not None and not outside.titled
    for key in ("name", "department", "unit", "year"):
        if key == "name" and titled and named:
            table.project.name = outside.project.name
            table.sources["project_name"] = outside.places["name"]
        elif getattr(table.project, key) is None:
            setattr(table.project, key, getattr(outside.project, key))
            if key in outside.places:
                table.sources.setdefault(f"project_{key}", outside.places[key])


_RULES_LABELS = ("评分规则", "计分规则", "计分方法", "评分方法", "评分办法", "计分办法", "评分标准",
                 "计分标准")
# A title naming its rule set: （比例法评分）, a 四川省 自评 form (…自评表, 自评评分表,
# 自评情况表, 自评结果表), 成都市…自评表（四川省规则）
_RULES_TITLE = re.compile(r"比例法|^四川省.{0,40}自评|四川省.{0,20}(?:规则|办法)")
# A line saying how this table is scored (注：本表各指标按比例法评分; （本表采用比例法评分）
# under the title; 说明：本表按四川省…自评办法评分): 本表 and 评分/计分 in one short line
_RULES_STATEMENT = re.compile(r"本表.{0,40}(?:评分|计分)")


def rules_from_workbook(grids: list[Grid]) -> tuple[str, Source] | None:
    """The rule set a workbook states — in a cell labelled 评分规则 (计分方法, 评分办法,
    评分标准 …), beside it or after its colon (评分规则：比例法), else in a line saying how
    本表 is scored (注：本表各指标按比例法评分), else in a title (…自评表（比例法评分）,
    四川省…自评评分表) — and where. The first found in that order wins: a 四川省 title names
    the province the form comes from, a line under it how this table is in fact scored.
    Which rule set the words name is ``rule_name``'s: 按比例计分 alone names none (the
    财政部 rule scores so too), a negated or unticked 比例法 neither."""
    for grid in grids:
        for (row, column), text in grid.texts.items():
            if not text.startswith(_RULES_LABELS) or not isinstance(grid.values[(row, column)], str):
                continue
            _, colon, after = text.replace("：", ":").partition(":")
            name = rule_name(after) if colon and after else None
            if name:
                return name, grid.source(row, column)
            found = grid.right_of(row, column, limit=3)
            if found is None:
                continue
            name = rule_name(str(found[0]))
            if name:
                return name, grid.source(row, found[1])
    for grid in grids:
        for (row, column), text in grid.texts.items():
            if len(text) <= 60 and _RULES_STATEMENT.search(text) \
                    and (name := rule_name(text)) is not None:
                return name, grid.source(row, column)
    for grid in grids:
        for (row, column), text in grid.texts.items():
            if row <= 3 and len(text) <= 60 and "自评" in text and _RULES_TITLE.search(text) \
                    and (name := rule_name(text)) is not None:
                return name, grid.source(row, column)
    return None


def template_rules_cell(grids: list[Grid], place: tuple[str, str], table: SelfEvaluation,
                        elsewhere: frozenset[tuple[str, str]] = frozenset()) -> None:
    """The template's 评分规则 cell the formulas of the table's sheet use (``place``: its
    sheet's own JX_Rules, as Excel and LibreOffice give a copied sheet, else the
    workbook's): a rule set it names is the table's, whatever another sheet states; a
    blank is the default — also where the workbook's statement is another sheet's 评分规则
    cell (``elsewhere``), which is that sheet's; words naming no rule set (浙江, 省标准),
    where nothing else in the workbook states one, are noted as the table's ``rules``
    source — the table is scored by the default rules, and JX505 says so."""
    sheet, cell = place
    grid = next((grid for grid in grids if grid.name == sheet), None)
    if grid is None:
        return
    row, column = split_ref(cell)
    text = grid.texts.get((row, column), "")
    named = rule_name(text) if text else None
    if named is not None:
        table.rules, table.sources["rules"] = rule_set(named), note(table, grid, row, column)
        return
    stated = table.sources.get("rules")
    if stated is not None and (stated.sheet, stated.cell) in elsewhere:
        table.rules = rule_set(None)
        del table.sources["rules"]
    if text and "rules" not in table.sources:
        table.sources["rules"] = note(table, grid, row, column)


# 评价年度：2024年 (自评年度, 年度: …) under the table, beside the signatures: a labelled year
# only (填报日期：2025年3月10日 is the day it was filled in, the year after)
_YEAR_BELOW = re.compile(r"年度\s*[:：]\s*((?:19|20)\d{2})(?!\d)")


def year_below(grid: Grid, last: int, rows: int = 4) -> int | None:
    """The 年度 a label states in the few rows under a table's last row ``last``."""
    for row in range(last + 1, last + 1 + rows):
        columns = grid.rows.get(row)
        if not columns:
            continue
        line = "".join(grid.texts.get((row, column), "") for column in columns)
        match = _YEAR_BELOW.search(line)
        if match:
            return int(match.group(1))
    return None

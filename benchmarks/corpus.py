"""A corpus of distinct, realistic 自评表 workbooks for the batch benchmark.

    from corpus import ensure_corpus
    files = ensure_corpus(2000)          # cached under the temp dir, by generator version

Every workbook holds one table of 4–9 indicators, built from a seed and its own
index (``random.Random(f"{seed}:{index}")``), so file ``i`` is the same whatever the
size of the corpus and a larger corpus extends a smaller one. Project names,
departments, units, indicator names, targets, actuals, weights and money vary from
file to file; about one file in seven carries a mistake a reviewer would find (a
wrong 得分, weights not adding up, a wrong 总分 or 等级, a blank 完成值, a wrong
执行率). The layouts, by ``LAYOUTS`` (one cycle of 20 files): the standard table as
published (13), the form of ``jixiao new`` filled by a clerk (2), 四川 (3) and a
评分附件表 beside a 资金情况 sheet (2).

Declared scores are what jixiao's own rules give (``jixiao.rules``), so a file
without a mistake is a file a careful clerk filled in. Content is "distinct" in the
values of its cells (``content_hash``), not only in its bytes.

(Over 400 lines: a fifth of it is vocabulary, the rest one builder per layout.)

The cache (``default_directory``): ``$JIXIAO_BENCH_CACHE`` or the temp dir, then
``jixiao-bench-cache/corpus-v<version>-<generator key>-seed<seed>/``, files
``单位NNN/自评表NNNNN.xlsx`` (100 to a folder), each written atomically; missing
files are made in worker processes, present ones never again.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

GENERATOR_VERSION = 1  # bump when the corpus should change for another reason than the sources
DEFAULT_SEED = 2024
PER_FOLDER = 100

# One cycle of 20 files: S standard, T template (jixiao new, filled), Q 四川, A 附件表.
LAYOUTS = {"S": "standard", "T": "template", "Q": "sichuan", "A": "attachment"}
CYCLE = "SSQSTSSASSQSSSTSASQS"
MISTAKE_SHARE = 1 / 7

# ------------------------------------------------------------------ vocabulary

PLACES = ("东城区", "西城区", "朝阳区", "海淀区", "丰台区", "徐汇区", "长宁区", "静安区", "普陀区",
          "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区", "浦东新区", "金山区", "松江区", "青浦区",
          "奉贤区", "崇明区", "武侯区", "锦江区", "青羊区", "金牛区", "成华区", "双流区", "郫都区",
          "温江区", "新都区", "龙泉驿区", "子洲县", "米脂县", "绥德县", "清涧县", "吴堡县", "佳县",
          "神木市", "府谷县", "横山区", "靖边县", "定边县", "榆阳区", "江宁区", "鼓楼区", "玄武区",
          "秦淮区", "建邺区", "栖霞区", "雨花台区", "浦口区", "六合区", "溧水区", "高淳区")
AGENCIES = (("卫生健康委员会", "人民医院"), ("教育局", "第一中学"), ("农业农村局", "农业技术推广中心"),
            ("民政局", "社会福利院"), ("医疗保障局", "医疗保险事务中心"), ("文化和旅游局", "图书馆"),
            ("生态环境局", "环境监测站"), ("交通运输局", "公路养护中心"), ("水务局", "水利工程管理所"),
            ("住房和城乡建设局", "市政设施管理中心"), ("人力资源和社会保障局", "就业服务中心"),
            ("市场监督管理局", "质量技术监督检验所"), ("应急管理局", "应急救援指挥中心"),
            ("退役军人事务局", "退役军人服务中心"), ("体育局", "全民健身中心"), ("司法局", "公共法律服务中心"),
            ("林业局", "林业工作站"), ("科学技术局", "科技创新服务中心"), ("商务局", "电子商务服务中心"),
            ("统计局", "社情民意调查中心"))
TOPICS = ("基层医疗设备购置", "校舍维修改造", "高标准农田建设", "养老服务补贴", "医保信息系统运维",
          "公共文化服务提升", "大气污染防治", "农村公路养护", "小型水库除险加固", "老旧小区改造",
          "职业技能培训补贴", "食品安全抽检", "森林防火能力建设", "退役军人帮扶援助", "全民健身设施更新",
          "法律援助服务", "林业有害生物防治", "科技创新券补助", "电子商务进农村", "统计调查经费",
          "家庭医生签约服务", "学生营养改善计划", "农机购置补贴", "困难群众救助", "信息安全等级保护",
          "非遗保护传承", "河道综合整治", "城乡客运一体化", "农村饮水安全巩固", "智慧社区建设")
SUFFIXES = ("项目", "专项", "工程", "补助项目", "专项资金", "（一期）", "（二期）", "能力提升项目")
THINGS = ("设备", "校舍", "农田", "道路", "管网", "站点", "场馆", "系统", "档案", "样品", "设施", "培训班",
          "宣传活动", "服务点", "监测点位", "示范点", "图书", "救助对象", "签约家庭", "补贴对象")
VERBS = ("购置", "维修", "建设", "改造", "检测", "覆盖", "培训", "发放", "更新", "巡查", "验收", "整治")
PEOPLE = ("群众", "服务对象", "患者", "学生家长", "参训人员", "受助对象", "农户", "居民", "游客", "企业")
UNITS = ("台", "套", "个", "处", "所", "亩", "公里", "人次", "户", "份", "场", "次", "批", "件")
EFFECTS = ("基层诊疗能力", "办学条件", "粮食综合生产能力", "群众生活质量", "公共服务水平",
           "空气质量优良天数比例", "道路通行能力", "防汛抗旱能力", "居住环境", "就业质量",
           "食品安全保障水平", "森林资源安全", "社会治理水平", "产业带动能力", "信息化水平")
QUAL_TARGETS = ("明显提升", "有效改善", "稳步提升", "显著", "逐步提高", "持续改善", "长效", "健全", "有效")
ACHIEVED = ("达成", "达成指标", "达成目标", "已达成")
QUALITY_WORDS = ("合格", "达标", "规范", "符合要求")
REASONS = ("设备到货延期，下年度加快采购进度", "受天气影响工期顺延，已督促施工单位加快进度",
           "部分对象未按时申报，下年度加强宣传", "资金拨付滞后，已完善拨付流程", "项目调整，已报批")

# The default weight of each 一级指标 (预算执行率 has the other 10); 四川 has no 执行率 weight.
SHARES = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
SICHUAN_SHARES = {"产出指标": 60, "效益指标": 30, "满意度指标": 10}

# 二级指标 → 一级指标, in the order of the standard form (jixiao.layout.GROUPS).
LEVELS = (("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
          ("产出指标", "成本指标"), ("效益指标", "经济效益指标"), ("效益指标", "社会效益指标"),
          ("效益指标", "生态效益指标"), ("效益指标", "可持续影响指标"),
          ("满意度指标", "服务对象满意度指标"))


# ------------------------------------------------------------------ one table

class Measure:
    """One indicator's target and actual, independent of the layout.

    Quantitative: ``op`` (≥ ≤ ＝), ``goal``, ``done``, ``unit``; qualitative:
    ``target`` and ``actual`` texts.
    """

    def __init__(self, op=None, goal=None, done=None, unit="", target=None, actual=None):
        self.op, self.goal, self.done, self.unit = op, goal, done, unit
        self.target_text, self.actual_text = target, actual

    @property
    def quantitative(self) -> bool:
        return self.op is not None

    def target(self) -> str:
        if not self.quantitative:
            return self.target_text
        sign = {"≥": "≥", "≤": "≤", "＝": ""}[self.op]
        return f"{sign}{_number(self.goal)}{self.unit}"

    def actual(self) -> str:
        return _number(self.done) + self.unit if self.quantitative else self.actual_text


def _number(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def _measure(rng: random.Random, level2: str, year: int) -> tuple[str, Measure]:
    """(三级指标, its measure) for a 二级指标: a mix of numbers and words, mostly met."""
    met = rng.random() < 0.85
    thing, verb = rng.choice(THINGS), rng.choice(VERBS)
    if level2 == "数量指标":
        unit = rng.choice(UNITS)
        goal = rng.choice((rng.randint(2, 60), rng.randint(60, 2000), rng.randint(1, 12) * 50))
        done = goal + rng.randint(0, max(1, goal // 10)) if met else \
            max(0, goal - rng.randint(1, max(1, goal // 4)))
        return f"{verb}{thing}数量", Measure("≥" if rng.random() < 0.7 else "＝", goal, done, unit)
    if level2 == "质量指标":
        if rng.random() < 0.6:
            goal = rng.choice((90, 95, 98, 100, 85))
            done = rng.choice((goal, min(100, goal + rng.randint(0, 5)))) if met else \
                goal - rng.randint(1, 10)
            return f"{thing}{verb}合格率", Measure("≥", goal, done, "%")
        return f"{thing}{verb}质量", Measure(target=rng.choice(QUALITY_WORDS),
                                             actual=rng.choice(ACHIEVED) if met else "部分达成")
    if level2 == "时效指标":
        if rng.random() < 0.5:
            goal = rng.randint(3, 30)
            done = goal - rng.randint(0, 2) if met else goal + rng.randint(1, 5)
            return f"{thing}{verb}完成时间", Measure("≤", goal, max(1, done), "个工作日")
        return (f"{thing}{verb}完成时限",
                Measure(target=f"{year}年{rng.randint(6, 12)}月{rng.randint(1, 28)}日前",
                        actual=rng.choice(ACHIEVED) if met else "未达成"))
    if level2 == "成本指标":
        if rng.random() < 0.6:
            goal = round(rng.uniform(5, 800), rng.choice((0, 1, 2)))
            done = round(goal * rng.uniform(0.85, 1.0), 2) if met else \
                round(goal * rng.uniform(1.01, 1.3), 2)
            return f"{thing}{verb}成本", Measure("≤", goal, done, "万元")
        goal = rng.randint(50, 5000)
        done = goal - rng.randint(0, goal // 10) if met else goal + rng.randint(1, goal // 5 + 1)
        return f"单位{thing}{verb}费用", Measure("≤", goal, done, "元/" + rng.choice(UNITS))
    if level2 in ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"):
        effect = rng.choice(EFFECTS)
        if rng.random() < 0.35:
            goal = rng.choice((5, 10, 15, 20, 30, 50, 75, 80))
            done = goal + rng.randint(0, goal // 5) if met else goal - rng.randint(1, goal // 2)
            return f"{effect}提高比例", Measure("≥", goal, done, "%")
        return effect, Measure(target=rng.choice(QUAL_TARGETS),
                               actual=rng.choice(ACHIEVED) if met else "部分达成")
    # 服务对象满意度指标
    goal = rng.choice((80, 85, 90, 95))
    done = goal + rng.randint(0, 100 - goal) if met else goal - rng.randint(1, 10)
    return f"{rng.choice(PEOPLE)}满意度", Measure("≥", goal, done, "%")


def _weights(rng: random.Random, count: int, total: int) -> list[int]:
    """``count`` positive weights adding up to ``total``, multiples of 5 mostly."""
    if count == 1:
        return [total]
    step = 5 if total // 5 >= 2 * count and rng.random() < 0.75 else 1
    units = total // step
    cuts = sorted(rng.sample(range(1, units), count - 1))
    weights = [(b - a) * step for a, b in zip([0, *cuts], [*cuts, units], strict=True)]
    weights[-1] += total - sum(weights)
    return weights


class Table:
    """What one workbook says, before it is laid out."""

    def __init__(self, seed: int, index: int) -> None:
        rng = self.rng = random.Random(f"{seed}:{index}")
        self.layout = LAYOUTS[CYCLE[index % len(CYCLE)]]
        self.year = rng.choice((2022, 2023, 2024, 2024, 2025))
        place = rng.choice(PLACES)
        department, unit = rng.choice(AGENCIES)
        self.name = f"{place}{rng.choice(TOPICS)}{rng.choice(SUFFIXES)}"
        self.department = f"{place}{department}"
        self.unit = f"{place}{unit}" if rng.random() < 0.8 else self.department
        # 4–9 indicators as read; the 附件表 lists 预算执行率 as one of them.
        count = rng.randint(3, 8) if self.layout == "attachment" else rng.randint(4, 9)
        if self.layout == "template":  # the form has 3–4 rows per 二级指标: 2 at most here
            levels = [LEVELS[0], LEVELS[5], LEVELS[8]] + rng.sample(LEVELS, count - 3)
        else:
            levels = [LEVELS[0], LEVELS[5], LEVELS[8]] + \
                [rng.choice(LEVELS) for _ in range(count - 3)]
        levels.sort(key=LEVELS.index)
        names = set()
        self.rows = []
        for level1, level2 in levels:
            name, measure = _measure(rng, level2, self.year)
            while name in names:
                name, measure = _measure(rng, level2, self.year)
            names.add(name)
            self.rows.append([level1, level2, name, measure])
        self.weights = []
        shares = SICHUAN_SHARES if self.layout == "sichuan" else SHARES
        for level1, share in shares.items():
            group = sum(1 for row in self.rows if row[0] == level1)
            self.weights += _weights(rng, group, share)
        self.budget = round(rng.uniform(3, 3000), 2)
        self.initial = self.budget if rng.random() < 0.6 else round(self.budget * rng.uniform(0.7, 1), 2)
        spent = 1 if rng.random() < 0.3 else rng.uniform(0.9, 1) if rng.random() < 0.93 \
            else rng.uniform(0.6, 0.9)
        self.executed = round(self.budget * spent, 2)
        self.mistake = rng.choice(("score", "weights", "total", "grade", "blank", "rate")) \
            if rng.random() < MISTAKE_SHARE else None
        self._score()

    def _score(self) -> None:
        from jixiao import rules
        self.rate = round(rules.execution_rate(self.budget, self.executed), 2)
        self.fund_score = rules.execution_score(self.rate, 10.0)
        self.scores, self.judged = [], []
        for (_, level2, _, measure), weight in zip(self.rows, self.weights, strict=True):
            score = rules.indicator_score(measure.target(), measure.actual(), weight,
                                          default_op="<=" if level2 == "成本指标" else "=")
            judged = None
            if score.value is None and score.band:
                judged = rules.round2((score.band[0] + score.band[1]) / 2)
                score = rules.indicator_score(measure.target(), measure.actual(), weight,
                                              judged=judged)
            self.scores.append(score.value)
            self.judged.append(judged)
        self.total = rules.total_score([self.fund_score, *self.scores])
        self.grade = rules.grade(self.total) if self.total is not None else None
        rng, mistake = self.rng, self.mistake
        if mistake == "score":
            at = rng.randrange(len(self.scores))
            self.scores[at] = self.weights[at] if self.scores[at] != self.weights[at] else \
                rules.round2(self.weights[at] * 0.9)
        elif mistake == "weights":
            self.weights[rng.randrange(len(self.weights))] += rng.choice((5, 2, 3))
        elif mistake == "total" and self.total is not None:
            self.total = rules.round2(self.total + rng.choice((1, -1, 2.5, 10)))
        elif mistake == "grade":
            self.grade = {"优": "良", "良": "优", "中": "良", "差": "中"}.get(self.grade, "优")
        elif mistake == "blank":
            measure = self.rows[rng.randrange(len(self.rows))][3]
            measure.done = measure.actual_text = None
        elif mistake == "rate":
            self.rate = rules.round2(self.rate + rng.choice((1.5, -3, 10)))

    @staticmethod
    def actual(measure: Measure) -> str | None:
        return None if measure.quantitative and measure.done is None else measure.actual()


# ------------------------------------------------------------------ layouts

def _standard(table: Table, path: Path) -> None:
    import workbooks as W

    rng = table.rng
    book = W.Book()
    sheet = book.sheet(rng.choice(("自评表", "自评表", "Sheet1", "项目支出绩效自评表")))
    sheet.title("项目支出绩效自评表", f"（{table.year} 年度）")
    sheet.project(table.name, table.department, table.unit)
    budget, executed, initial = table.budget, table.executed, table.initial
    percent = rng.random() < 0.5
    rate = W.Percent(table.rate / 100) if percent else table.rate
    if rng.random() < 0.8:
        other = round(rng.uniform(0, budget * 0.2), 2) if rng.random() < 0.3 else 0
        money = [("年度资金总额", initial, budget, executed, 10, rate, table.fund_score),
                 ("其中：当年财政拨款", round(initial - other, 2), round(budget - other, 2),
                  round(executed - other, 2), "—", None, "—"),
                 ("上年结转资金", 0, 0, 0, "—", None, "—"),
                 ("其他资金", other, other, other, "—", None, "—")]
        sheet.money(money, header=W.MONEY)
    else:
        money = [("年度资金总额", budget, executed, 10, rate, table.fund_score),
                 ("其中：财政拨款", budget, executed, "—", None, "—")]
        sheet.money(money, header=W.MONEY_NO_BUDGET)
    short = any(score is not None and score < weight
                for score, weight in zip(table.scores, table.weights, strict=True))
    with_reason = short or rng.random() < 0.7  # a table without the column has no deduction
    rows = []
    for (level1, level2, name, measure), weight, score in zip(
            table.rows, table.weights, table.scores, strict=True):
        reason = rng.choice(REASONS) if with_reason and score is not None and score < weight \
            else None
        rows.append((level1, level2, name, measure.target(), table.actual(measure), weight,
                     score, *([reason] if with_reason else [])))
    sheet.indicators(rows, header=W.STANDARD if with_reason else W.NO_REASON)
    sheet.total(100, table.total)
    sheet.grade(table.grade)
    book.save(path)


def _template(table: Table, path: Path) -> None:
    from jixiao.model import FundLine, Funds, Indicator, Project, SelfEvaluation
    from jixiao.template.build import build_template

    indicators = [Indicator(level1, level2, name, measure.target(), table.actual(measure),
                            float(weight), judged=judged,
                            reason=table.rng.choice(REASONS) if score is not None and score < weight
                            else None)
                  for (level1, level2, name, measure), weight, judged, score
                  in zip(table.rows, table.weights, table.judged, table.scores, strict=True)]
    evaluation = SelfEvaluation(
        project=Project(table.name, table.department, table.unit, table.year),
        funds=Funds(total=FundLine("年度资金总额", table.initial, table.budget, table.executed),
                    parts=[FundLine("当年财政拨款", table.initial, table.budget, table.executed)],
                    weight=10.0),
        indicators=indicators)
    from jixiao.recalc.workbook import recalc_file

    blank = path.with_name(f".{path.name}.form.xlsx")
    build_template(blank, table=evaluation)  # then recalculated, as the clerk's Excel would
    try:
        recalc_file(blank, path)
    finally:
        blank.unlink(missing_ok=True)


def _sichuan(table: Table, path: Path) -> None:
    import workbooks as W

    rng = table.rng
    rows = []
    for (level1, level2, name, measure), weight, score in zip(
            table.rows, table.weights, table.scores, strict=True):
        reason = rng.choice(REASONS) if score is not None and score < weight else None
        if measure.quantitative:
            rows.append((level1, level2, name, measure.op, measure.goal, measure.unit, weight,
                         measure.done, reason))
        else:
            rows.append((level1, level2, name, "定性", measure.target_text, None, weight,
                         measure.actual_text, reason))
    W.sichuan(path, f"{_number(table.rate)}%", rng.choice(REASONS) if table.rate < 90 else None,
              rows, project=(table.name, table.department, table.unit),
              money=(table.budget, table.executed),
              name=rng.choice(("四川", "自评表", "绩效目标自评表")))


def _attachment(table: Table, path: Path) -> None:
    import workbooks as W

    rng = table.rng
    book = W.Book()
    money = book.sheet("资金情况")
    money.project(table.name, table.department)
    money.money([("年度资金总额", table.budget, table.executed, W.Percent(table.rate / 100))],
                header=("全年预算数", "全年执行数", "执行率"), label="资金")
    sheet = book.sheet(rng.choice(("评分附件表", "附件表", "附件2 评分表")))
    rows = [("预算执行率", "预算执行率", 10, "100%", f"{_number(table.rate)}%", table.fund_score,
             rng.choice(REASONS) if table.rate < 100 else None)]
    for (level1, _, name, measure), weight, score in zip(
            table.rows, table.weights, table.scores, strict=True):
        reason = rng.choice(REASONS) if score is not None and score < weight else None
        rows.append((level1, name, weight, measure.target(), table.actual(measure), score, reason))
    sheet.indicators(rows, header=W.ATTACHMENT, lead=None)
    sheet.total(100, table.total, label="合计")
    book.save(path)


BUILDERS = {"standard": _standard, "template": _template, "sichuan": _sichuan,
            "attachment": _attachment}


def build(path: str | Path, index: int, seed: int = DEFAULT_SEED) -> Path:
    """Write workbook ``index`` of the corpus of ``seed`` to ``path`` (atomically)."""
    path = Path(path)
    table = Table(seed, index)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp.xlsx")
    BUILDERS[table.layout](table, temporary)
    os.replace(temporary, path)
    return path


def layout_of(index: int) -> str:
    return LAYOUTS[CYCLE[index % len(CYCLE)]]


def relative_path(index: int) -> str:
    return f"单位{index // PER_FOLDER:03d}/自评表{index:05d}.xlsx"


# ------------------------------------------------------------------ the cached corpus

def generator_key() -> str:
    """Changes with this generator (its source, its version, openpyxl's version).

    Not with jixiao's code: the corpus is made with jixiao's template and rules, but a
    cached corpus stays as it is when they change, so that a before and an after are
    measured on the same files. Bump ``GENERATOR_VERSION`` (or delete the directory)
    to make it again with today's template.
    """
    import openpyxl

    digest = hashlib.sha256(f"{GENERATOR_VERSION} {openpyxl.__version__}".encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:12]


def default_directory(seed: int = DEFAULT_SEED) -> Path:
    base = Path(os.environ.get("JIXIAO_BENCH_CACHE") or Path(tempfile.gettempdir()) /
                "jixiao-bench-cache")
    return base / f"corpus-v{GENERATOR_VERSION}-{generator_key()}-seed{seed}"


def _build_range(job: tuple[str, int, int, int]) -> int:
    directory, seed, start, stop = job
    made = 0
    for index in range(start, stop):
        path = Path(directory) / relative_path(index)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            build(path, index, seed)
            made += 1
    return made


def ensure_corpus(count: int, directory: str | Path | None = None, seed: int = DEFAULT_SEED,
                  workers: int = 2) -> list[Path]:
    """Files 0…count-1 of the corpus, generated where missing (in ``workers`` processes)."""
    directory = Path(directory or default_directory(seed))
    directory.mkdir(parents=True, exist_ok=True)
    missing = [index for index in range(count) if not (directory / relative_path(index)).exists()]
    if missing:
        step = 50
        jobs = [(str(directory), seed, start, min(start + step, count))
                for start in range(missing[0], count, step)]
        if workers > 1 and len(missing) > step:
            with ProcessPoolExecutor(workers) as pool:
                list(pool.map(_build_range, jobs))
        else:
            for job in jobs:
                _build_range(job)
    return [directory / relative_path(index) for index in range(count)]


def content_hash(path: str | Path) -> str:
    """The values of every cell of every sheet (not the bytes: those carry a timestamp)."""
    from python_calamine import CalamineWorkbook

    digest = hashlib.sha256()
    book = CalamineWorkbook.from_path(str(path))
    try:
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            digest.update(json.dumps([name, rows], ensure_ascii=False, default=str).encode())
    finally:
        book.close()
    return digest.hexdigest()


def assert_distinct(paths: list[Path]) -> None:
    """Raise unless no two files share their content."""
    seen: dict[str, Path] = {}
    for path in paths:
        key = content_hash(path)
        if key in seen:
            raise AssertionError(f"{path} has the same content as {seen[key]}")
        seen[key] = path

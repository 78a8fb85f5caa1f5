"""The documentation of the checks, generated from their docstrings.

``rules_markdown()`` is docs/rules.md (a test keeps the committed file
current: regenerate it with ``jixiao rules --markdown > docs/rules.md``);
``rules_text()`` is what ``jixiao rules`` prints.
"""

from __future__ import annotations

from jixiao.checks.base import REGISTRY, SEVERITY_NAMES
from jixiao.rules import SCORING_NOTES


def rules_text(verbose: bool = False) -> str:
    lines = []
    for code in sorted(REGISTRY):
        item = REGISTRY[code]
        lines.append(f"{code}  {SEVERITY_NAMES[item.severity]}  {item.name}：{item.summary}")
        if verbose:
            body = item.doc.partition("\n")[2].strip()
            lines.extend(f"    {line}" if line else "" for line in body.splitlines())
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def rules_markdown() -> str:
    lines = [
        "# 校验规则（jixiao check）",
        "",
        "本文件由 `jixiao rules --markdown` 根据各检查函数的文档字符串生成，请勿手工修改。",
        "代码稳定不变；JSON 输出（见 [json-schema.md](json-schema.md)）以代码为准。",
        "",
        "| 代码 | 级别 | 名称 | 发现什么 |",
        "|---|---|---|---|",
    ]
    for code in sorted(REGISTRY):
        item = REGISTRY[code]
        lines.append(f"| [{code}](#{code.lower()}) | {SEVERITY_NAMES[item.severity]} | "
                     f"{item.name} | {item.summary} |")
    lines += ["", "## 评分约定", "", SCORING_NOTES.rstrip()]
    for code in sorted(REGISTRY):
        item = REGISTRY[code]
        lines += ["", f"## {code}", "",
                  f"**{item.name}** · 级别：{SEVERITY_NAMES[item.severity]}（`{item.severity}`）",
                  "", item.doc]
    return "\n".join(lines) + "\n"

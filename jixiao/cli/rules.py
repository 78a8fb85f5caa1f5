"""``jixiao rules``: the check codes, with their documentation."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("codes", nargs="*", metavar="代码",
                        help="只显示这些代码的完整说明，如 JX404")
    parser.add_argument("--markdown", action="store_true",
                        help="输出 docs/rules.md 的内容（由各检查的说明生成）")


def run(args: argparse.Namespace) -> int:
    from jixiao.checks import REGISTRY, rules_markdown, rules_text
    from jixiao.errors import JixiaoError

    if args.markdown:
        print(rules_markdown(), end="")
        return 0
    if not args.codes:
        print(rules_text(), end="")
        print("\n完整说明：jixiao rules 代码（如 jixiao rules JX404）")
        return 0
    wanted = [code.upper() for code in args.codes]
    unknown = [code for code in wanted if code not in REGISTRY]
    if unknown:
        raise JixiaoError(f"没有代码 {'、'.join(unknown)}；全部代码见 jixiao rules")
    for code in wanted:
        print(rules_text_for(code))
    return 0


def rules_text_for(code: str) -> str:
    from jixiao.checks import REGISTRY, SEVERITY_NAMES

    item = REGISTRY[code]
    return f"{code}  {SEVERITY_NAMES[item.severity]}  {item.name}\n\n{item.doc}\n"

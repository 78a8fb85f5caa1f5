"""JX9xx — what a workbook carries besides its table: links out of it."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.checks.base import Finding, check, finding
from jixiao.model import Evaluation, SelfEvaluation, Source

_KINDS = {
    "link": "外部链接：引用了其他文件“{target}”",
    "dde": "DDE 公式：{target}",
    "dde-link": "DDE 链接：{target}",
    "ole": "OLE 链接：{target}",
    "connection": "外部数据连接：“{target}”",
}
_WHY = {
    "link": "这些数据来自别的文件，提交的表中看到的只是上次保存时的值，jixiao 不会打开该文件",
    "dde": "Excel 打开时可能提示“启动应用程序”，请选“否”；jixiao 只把它当作文字，从不执行",
    "dde-link": "Excel 打开时可能提示“启动应用程序”，请选“否”；jixiao 只把它当作文字，从不执行",
    "ole": "jixiao 不会打开或更新它",
    "connection": "刷新时会从外部读取数据；jixiao 不会刷新",
}


@check("JX901", "info", "外部链接或 DDE")
def external_content(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """提交的工作簿含有外部链接、DDE 公式、OLE 链接或外部数据连接。

    jixiao 只把它们当作文字读取，从不打开、更新或执行；这里列出来，提醒审核人。

    **为什么**：引用其他文件的数字在别人的电脑上无法核对，提交的表应自成一体；
    DDE 公式（如 `=cmd|' /C calc'!A0`）在 Excel 中打开时会请求启动外部程序，
    是常见的恶意文件手法，不应出现在自评表里。

    **错误示例**：得分单元格写 `=[预算明细.xlsx]Sheet1!H9`；某个单元格写 `=cmd|' /C calc'!A0`。

    **正确示例**：把引用的数据“粘贴为数值”后再提交；删除 DDE 公式。
    """
    for item in table.external:
        where = Source(item.sheet, item.cell) if item.sheet and item.cell else None
        kind = "dde-link" if item.kind == "dde" and not item.target.startswith("=") else item.kind
        text = _KINDS.get(kind, "{target}").format(target=item.target or "（未写明）")
        yield finding("JX901", where, f"{text}。{_WHY.get(kind, '')}")

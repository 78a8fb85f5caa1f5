"""``jixiao addin``: install or remove the Excel add-in ``jixiao.xlam`` (tab 绩效自评).

    jixiao addin install [--dir 文件夹] [--python 目标电脑的 python.exe]
    jixiao addin uninstall [--dir 文件夹]
    jixiao addin path [--dir 文件夹]      (where it is, and the Python written into it)

The interpreter written into the add-in is the one running this command, i.e. the
one that has jixiao; ``--python`` names another PC's instead (with ``--dir``: prepare
the add-in here, carry it there). Where the add-in goes and how it is written is
``jixiao.addin_setup``; this module reads the arguments, asks xlwings what only it
knows (a running Excel's startup folder, its AppleScript on macOS) and prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jixiao.addin_setup import (
    Layout,
    addin_settings,
    check_dll_location,
    check_xlwings_version,
    default_layout,
    install,
    installed_settings,
    interpreter_settings,
    interpreter_text,
    platform_name,
    uninstall,
    xlwings_dll_dirs,
)
from jixiao.errors import NoExcel


def _running_excel_startup_path() -> str | None:
    """XLSTART as a running Excel reports it (what ``xlwings addin install`` uses)."""
    if platform_name() == "other":
        return None
    try:
        import xlwings as xw

        return str(xw.apps.active.startup_path) if xw.apps else None
    except Exception:  # no Excel running, or no COM/AppleScript access
        return None


def resolve_layout(directory: str | None) -> Layout:
    if directory:
        folder = Path(directory).expanduser().resolve()
        return Layout(folder, None)
    layout = default_layout(startup_path=_running_excel_startup_path())
    if layout is None:
        raise NoExcel("此系统上没有桌面版 Excel，加载项只能安装到 Windows 或 macOS 的 Excel 中。"
                      "可以用“jixiao addin install --dir 文件夹 --python 目标电脑上的 python.exe 路径”"
                      "准备好加载项，再复制到装有 Excel 的电脑上。")
    return layout


def _xlwings_applescript() -> Path:
    """The AppleScript through which macOS runs Python for xlwings' RunPython."""
    import xlwings

    return Path(xlwings.__file__).parent / f"xlwings-{xlwings.__version__}.applescript"


# ------------------------------------------------------------ command line

def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("install", "uninstall", "path"), metavar="操作",
                        help="install 安装；uninstall 卸载；path 显示安装位置及加载项中写入的 Python")
    parser.add_argument("--dir", metavar="文件夹",
                        help="使用此文件夹，而不是 Excel 的启动文件夹 XLSTART"
                             "（例如为另一台电脑准备加载项）")
    parser.add_argument("--python", metavar="python.exe",
                        help="install：写入加载项的 Python 解释器完整路径（目标电脑上的），"
                             "默认为运行本命令的 Python")


def run(args: argparse.Namespace) -> int:
    layout = resolve_layout(args.dir)
    if args.action == "path":
        return _show(layout)
    if args.action == "uninstall":
        removed = uninstall(layout)
        for path in removed:
            print(f"已删除：{path}")
        if not removed:
            print("未找到已安装的 jixiao 加载项，无需卸载。")
        print("请重新启动 Excel。")
        return 0
    if args.python:
        keys = interpreter_settings(args.python, this_machine=False)
    elif platform_name() == "other":
        raise NoExcel("此系统上没有 Excel：请用 --python 给出目标电脑上 python.exe 的完整路径，"
                      "例如 --python \"C:\\Users\\张三\\AppData\\Local\\Programs\\Python\\"
                      "Python311\\python.exe\"")
    else:
        check_xlwings_version()
        if platform_name() == "win":
            check_dll_location(Path(sys.executable).resolve(), xlwings_dll_dirs())
        keys = interpreter_settings(sys.executable)
    written, removed = install(layout, addin_settings(keys), _xlwings_applescript)
    for path in written:
        print(f"已安装：{path}")
    for path in removed:
        print(f"已删除旧版文件：{path}")
    python = next(iter(keys.values())) or f"conda 环境 {keys.get('CONDA ENV')}"
    print(f"加载项使用的 Python：{python}")
    print(_next_steps(layout, args.dir is not None, args.python is not None))
    return 0


def _show(layout: Layout) -> int:
    """What the add-in in ``layout`` says (not this machine's Python: ``--dir`` may
    hold one prepared for another PC); exit code 1 when there is none."""
    settings = installed_settings(layout)
    if settings is None:
        print(f"此处没有 jixiao 加载项：找不到“{layout.addin}”。"
              "安装请运行 jixiao addin install")
        return 1
    print(f"加载项：{layout.addin}")
    python = interpreter_text(settings)
    print(f"加载项使用的 Python：{python}" if python else
          "加载项中没有写入 Python 解释器（未经 jixiao addin install 配置），"
          "请重新运行 jixiao addin install")
    return 0


def _next_steps(layout: Layout, custom_dir: bool, other_pc: bool) -> str:
    steps = ["下一步："]
    if other_pc:
        steps.append("  · 目标电脑上须已用同一 Python 安装 jixiao（pip install jixiao 的 .whl 安装文件），"
                     "其中的 xlwings 版本由 jixiao 固定。")
    if custom_dir:
        steps.append(f"  · 把“{layout.addin}”复制到目标电脑 Excel 的启动文件夹 "
                     "%APPDATA%\\Microsoft\\Excel\\XLSTART；或在 Excel 中选择 文件 → 选项 → 加载项 → "
                     "管理“Excel 加载项”→ 转到 → 浏览，选中它。")
    steps += [
        "  1. 完全退出 Excel 后重新打开，功能区会出现“绩效自评”选项卡（一键重算、校验、帮助）。",
        "  2. 如果看不到选项卡或提示宏已禁用：文件 → 选项 → 信任中心 → 信任中心设置 → 受信任位置，"
        "把加载项所在的文件夹添加为受信任位置。",
    ]
    return "\n".join(steps)

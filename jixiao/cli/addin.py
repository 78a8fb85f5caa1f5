"""``jixiao addin``: install or remove the Excel add-in ``jixiao.xlam`` (tab 绩效自评).

    jixiao addin install [--dir 文件夹] [--python 目标电脑的 python.exe]
    jixiao addin uninstall [--dir 文件夹]
    jixiao addin path [--dir 文件夹]

``install`` writes a copy of the shipped add-in whose ``jixiao.conf`` sheet
also names the interpreter (xlwings' VBA reads its settings from that sheet
of the add-in first), into Excel's startup folder: the running Excel's
``startup_path`` if there is one (as ``xlwings addin install`` does), else
the standard per-user XLSTART. Nothing else is written (on macOS also
xlwings' AppleScript, which RunPython needs there), and no administrator
rights are needed. The interpreter is the one running this command, i.e. the
one that has jixiao; ``--python`` names another PC's instead (with ``--dir``:
prepare the add-in here, carry it there).

Before writing, the installed xlwings must be the version whose VBA the
add-in carries, and on Windows its DLL must sit where that VBA looks for it
(next to python.exe or one folder up) — which a per-user ``pip install
--user`` fallback breaks; both get a Chinese message saying what to do.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from types import ModuleType

from jixiao.errors import JixiaoError, NoExcel, OutputError
from jixiao.fileio import os_error_text

MAC_STARTUP = ("Library/Group Containers/UBF8T346G9.Office/User Content.localized/"
               "Startup.localized/Excel")
MAC_SCRIPTS = "Library/Application Scripts/com.microsoft.Excel"
# left behind by jixiao before 0.2: two add-ins built on xlwings' "myaddin" quickstart
LEGACY_ADDINS = ("jixiao_recalc.xlam", "jixiao_check.xlam")
LEGACY_STUBS = ("jixiao_recalc.py", "jixiao_check.py")
VENV_STEPS = ('  python -m venv "%USERPROFILE%\\jixiao-env"\n'
              '  "%USERPROFILE%\\jixiao-env\\Scripts\\python.exe" -m pip install '
              'jixiao-0.1.0-py3-none-any.whl\n'
              '  "%USERPROFILE%\\jixiao-env\\Scripts\\python.exe" -m jixiao addin install')


@dataclass(frozen=True)
class Layout:
    addin_dir: Path                  # where jixiao.xlam goes
    legacy_stub_dir: Path | None     # ~/.myaddin of the old add-ins, cleaned up

    @property
    def addin(self) -> Path:
        return self.addin_dir / addin_package().ADDIN_FILE


def platform_name(platform: str | None = None) -> str:
    platform = platform or sys.platform
    if platform.startswith("win"):
        return "win"
    if platform == "darwin":
        return "mac"
    return "other"


def default_layout(platform: str | None = None, home: Path | None = None,
                   environ: dict[str, str] | None = None,
                   startup_path: str | None = None) -> Layout | None:
    """Where ``install`` puts the add-in on this system; None without desktop Excel."""
    kind = platform_name(platform)
    home = home or Path.home()
    environ = dict(os.environ) if environ is None else environ
    if kind == "win":
        profile = Path(environ.get("USERPROFILE") or home)
        appdata = Path(environ.get("APPDATA") or profile / "AppData" / "Roaming")
        startup = Path(startup_path) if startup_path else appdata / "Microsoft/Excel/XLSTART"
        return Layout(startup, profile / ".myaddin")
    if kind == "mac":
        startup = Path(startup_path) if startup_path else home / MAC_STARTUP
        return Layout(startup, home / ".myaddin")
    return None


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


# ------------------------------------------------------------ the add-in package

def addin_package() -> ModuleType:
    """``jixiao_addin`` — installed, or ``addin/`` of a source checkout."""
    import importlib
    import importlib.util

    try:
        return importlib.import_module("jixiao_addin")
    except ModuleNotFoundError:
        pass
    source = Path(__file__).resolve().parents[2] / "addin"
    spec = importlib.util.spec_from_file_location(
        "jixiao_addin", source / "__init__.py", submodule_search_locations=[str(source)])
    if spec is None or spec.loader is None or not (source / "__init__.py").is_file():
        raise JixiaoError("找不到 Excel 加载项文件（jixiao_addin），请重新安装 jixiao（pip install 单位信息科提供的 jixiao 安装文件 .whl）")
    module = importlib.util.module_from_spec(spec)
    sys.modules["jixiao_addin"] = module
    spec.loader.exec_module(module)
    return module


def shipped_addin() -> Path:
    module = addin_package()
    path = Path(module.__file__ or "").resolve().parent / module.ADDIN_FILE
    if not path.is_file():
        raise JixiaoError(f"找不到随 jixiao 发布的加载项“{path}”，请重新安装 jixiao（pip install 单位信息科提供的 jixiao 安装文件 .whl）")
    return path


def _package() -> ModuleType:
    """``jixiao_addin.package``: the parts of the add-in (stdlib only)."""
    import importlib

    addin_package()
    return importlib.import_module("jixiao_addin.package")


# ------------------------------------------------------------ settings and checks

def is_windows_path(path: str) -> bool:
    pure = PureWindowsPath(path)
    return bool(pure.drive) and pure.is_absolute()


def interpreter_settings(interpreter: str, platform: str | None = None,
                         environ: dict[str, str] | None = None,
                         this_machine: bool = True) -> dict[str, str]:
    """The interpreter keys for the add-in's ``jixiao.conf`` sheet.

    ``this_machine``: ``interpreter`` runs here, so the platform and a conda
    environment are this machine's; else the path's form says Windows or macOS.
    """
    environ = dict(os.environ) if environ is None else environ
    if this_machine:
        kind = platform_name(platform)
        conda_env, conda_exe = environ.get("CONDA_DEFAULT_ENV"), environ.get("CONDA_EXE")
        if kind == "win" and conda_env and conda_exe:
            # like ``xlwings config create``: the VBA activates the env, so that
            # numpy/pandas find their DLLs; a bare interpreter path would bypass that
            return {"INTERPRETER_WIN": "", "CONDA PATH": str(Path(conda_exe).parent.parent),
                    "CONDA ENV": conda_env}
        return {"INTERPRETER_MAC" if kind == "mac" else "INTERPRETER_WIN": interpreter}
    if is_windows_path(interpreter):
        if not PureWindowsPath(interpreter).name.lower().endswith(".exe"):
            raise JixiaoError(f"“{interpreter}”不是 python.exe 的路径（例如 "
                              "C:\\Users\\张三\\AppData\\Local\\Programs\\Python\\Python311\\python.exe）")
        return {"INTERPRETER_WIN": interpreter}
    if interpreter.startswith("/"):
        return {"INTERPRETER_MAC": interpreter}
    raise JixiaoError(f"“{interpreter}”不是完整路径：--python 需要目标电脑上 python.exe 的完整路径，"
                      "例如 C:\\Users\\张三\\AppData\\Local\\Programs\\Python\\Python311\\python.exe")


def addin_settings(interpreter_keys: dict[str, str]) -> dict[str, str]:
    return {**_package().SHARED_SETTINGS, **interpreter_keys}


def check_xlwings_version(installed: str | None = None) -> None:
    """The add-in's VBA calls xlwings' DLL of exactly its own version."""
    wanted = addin_package().XLWINGS_VERSION
    if installed is None:
        try:
            from importlib.metadata import version

            installed = version("xlwings")
        except Exception:
            installed = "未安装"
    if installed != wanted:
        raise JixiaoError(f"本机的 xlwings 版本是 {installed}，jixiao 加载项需要 xlwings {wanted}。"
                          f"请运行：\"{sys.executable}\" -m pip install xlwings=={wanted} ，"
                          "再重新运行 jixiao addin install")


def xlwings_dll_dirs() -> list[Path]:
    """The folders holding the installed xlwings' DLLs (Windows wheels only)."""
    from importlib.metadata import distribution

    try:
        dist = distribution("xlwings")
    except Exception:
        return []
    return sorted({Path(str(dist.locate_file(f))).resolve().parent for f in dist.files or ()
                   if f.name.lower().startswith("xlwings") and f.name.lower().endswith(".dll")})


def check_dll_location(interpreter: Path, dll_dirs: list[Path]) -> None:
    """xlwings' VBA loads its DLL from python.exe's folder or the one above
    (a venv); a ``pip install --user`` puts it in ``%APPDATA%\\Python`` instead."""
    searched = [interpreter.parent, interpreter.parent.parent]
    if any(folder in searched for folder in dll_dirs):
        return
    where = "、".join(f"“{folder}”" for folder in dll_dirs) or "（未找到）"
    raise JixiaoError(
        f"xlwings 的 DLL 在 {where}，但 Excel 只会在 Python 所在的文件夹“{searched[0]}”"
        f"及其上一级“{searched[1]}”中查找它（没有管理员权限时 pip 会改为按用户安装，就会这样）。"
        f"请在命令提示符中依次运行下面三行（不需要管理员权限），改用自己的虚拟环境：\n{VENV_STEPS}")


# ------------------------------------------------------------ actions

def _write(target: Path, data: bytes) -> None:
    from jixiao.fileio import atomic_output

    with atomic_output(target) as temporary:
        temporary.write_bytes(data)


def _install_runpython_mac() -> Path:
    """``xlwings runpython install``: macOS runs Python through this AppleScript."""
    import xlwings

    script = Path(xlwings.__file__).parent / f"xlwings-{xlwings.__version__}.applescript"
    target_dir = Path.home() / MAC_SCRIPTS
    target_dir.mkdir(parents=True, exist_ok=True)
    _write(target_dir / script.name, script.read_bytes())
    return target_dir / script.name


def legacy_files(layout: Layout) -> list[Path]:
    files = [layout.addin_dir / name for name in LEGACY_ADDINS]
    if layout.legacy_stub_dir is not None:
        files += [layout.legacy_stub_dir / name for name in LEGACY_STUBS]
    return [path for path in files if path.is_file()]


def _remove(paths: list[Path]) -> list[Path]:
    for path in paths:
        try:
            path.unlink()
        except OSError as error:
            raise OutputError(f"无法删除“{path}”：{os_error_text(error)}。"
                              "如果 Excel 正在运行，请先退出 Excel 再试") from None
    return paths


def install(layout: Layout, settings: dict[str, str]) -> tuple[list[Path], list[Path]]:
    """Write the configured add-in; (files written, old files removed)."""
    try:
        data = _package().with_settings(shipped_addin().read_bytes(), settings)
        layout.addin_dir.mkdir(parents=True, exist_ok=True)
        _write(layout.addin, data)
        written = [layout.addin]
        if platform_name() == "mac" and layout.legacy_stub_dir is not None:
            written.append(_install_runpython_mac())
    except OutputError as error:
        raise OutputError(f"{error}。如果 Excel 正在运行，请先退出 Excel 再试") from None
    except OSError as error:
        raise OutputError(f"安装失败：{os_error_text(error)}（{error.filename or ''}）。"
                          "如果 Excel 正在运行，请先退出 Excel 再试") from None
    return written, _remove(legacy_files(layout))


def uninstall(layout: Layout) -> list[Path]:
    return _remove([path for path in [layout.addin] if path.is_file()] + legacy_files(layout))


# ------------------------------------------------------------ command line

def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("install", "uninstall", "path"), metavar="操作",
                        help="install 安装；uninstall 卸载；path 显示安装位置")
    parser.add_argument("--dir", metavar="文件夹",
                        help="使用此文件夹，而不是 Excel 的启动文件夹 XLSTART"
                             "（例如为另一台电脑准备加载项）")
    parser.add_argument("--python", metavar="python.exe",
                        help="install：写入加载项的 Python 解释器完整路径（目标电脑上的），"
                             "默认为运行本命令的 Python")


def run(args: argparse.Namespace) -> int:
    layout = resolve_layout(args.dir)
    if args.action == "path":
        print(f"加载项：{layout.addin}")
        print(f"Python：{args.python or sys.executable}")
        return 0
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
    written, removed = install(layout, addin_settings(keys))
    for path in written:
        print(f"已安装：{path}")
    for path in removed:
        print(f"已删除旧版文件：{path}")
    python = next(iter(keys.values())) or f"conda 环境 {keys.get('CONDA ENV')}"
    print(f"加载项使用的 Python：{python}")
    print(_next_steps(layout, args.dir is not None, args.python is not None))
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


__all__ = ["Layout", "install", "interpreter_settings", "uninstall"]

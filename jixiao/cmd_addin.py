"""``jixiao addin``: install, remove or rebuild the Excel add-in (tab 绩效自评).

    jixiao addin install [--dir 文件夹]    add-ins into XLSTART, stubs, user config
    jixiao addin uninstall [--dir 文件夹]  remove what install copied
    jixiao addin build [--out 文件夹]      regenerate the two .xlam files
    jixiao addin path [--dir 文件夹]       show where install puts things

Where things go (``Layout``):

- the add-ins ``jixiao_recalc.xlam`` and ``jixiao_check.xlam`` into Excel's
  startup folder, found like ``xlwings addin install`` does (the running
  Excel's ``startup_path``, else the standard per-user folder);
- the stub modules ``jixiao_recalc.py`` and ``jixiao_check.py`` — which the
  ribbon callback imports — into ``~/.myaddin``, put on the add-in's
  PYTHONPATH through the config. Not into XLSTART: Excel opens every file it
  finds there at start-up;
- the settings into the add-ins' user config, which their VBA reads
  (``%USERPROFILE%\\.myaddin\\myaddin.conf`` on Windows,
  ``~/Library/Containers/com.microsoft.Excel/Data/myaddin.conf`` on macOS),
  in xlwings' ``"KEY","value"`` format; other keys in that file are kept.

``--dir`` puts add-ins and stubs into one given folder instead (the add-in's
own folder is on its PYTHONPATH too); without Excel (Linux) the config then
goes into that folder as well. The .xlam files are built from the installed
xlwings' ribbon add-in, so their VBA matches the installed xlwings DLL.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from .errors import JixiaoError, OutputError
from .fileio import os_error_text

ADDIN_STEMS = ("jixiao_recalc", "jixiao_check")
PROJECT_NAME = "myaddin"  # fixed in the VBA of xlwings' ribbon add-in
CONFIG_NAME = f"{PROJECT_NAME}.conf"
UDF_MODULE = "jixiao_udfs"
MAC_STARTUP = ("Library/Group Containers/UBF8T346G9.Office/User Content.localized/"
               "Startup.localized/Excel")
MAC_CONTAINER = "Library/Containers/com.microsoft.Excel/Data"
MAC_SCRIPTS = "Library/Application Scripts/com.microsoft.Excel"


class NoExcel(JixiaoError):
    """This operating system has no desktop Excel to install into."""


@dataclass(frozen=True)
class Layout:
    addin_dir: Path    # the .xlam files
    module_dir: Path   # the stub modules the ribbon callback imports
    config_file: Path  # the add-ins' user config, read by their VBA


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
    """Where ``install`` puts things on this system; None without desktop Excel."""
    kind = platform_name(platform)
    home = home or Path.home()
    environ = dict(os.environ) if environ is None else environ
    if kind == "win":
        profile = Path(environ.get("USERPROFILE") or home)
        appdata = Path(environ.get("APPDATA") or profile / "AppData" / "Roaming")
        startup = Path(startup_path) if startup_path else appdata / "Microsoft/Excel/XLSTART"
        return Layout(startup, profile / f".{PROJECT_NAME}",
                      profile / f".{PROJECT_NAME}" / CONFIG_NAME)
    if kind == "mac":
        startup = Path(startup_path) if startup_path else home / MAC_STARTUP
        return Layout(startup, home / f".{PROJECT_NAME}", home / MAC_CONTAINER / CONFIG_NAME)
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
        system = default_layout(startup_path=str(folder))
        return Layout(folder, folder, system.config_file if system else folder / CONFIG_NAME)
    layout = default_layout(startup_path=_running_excel_startup_path())
    if layout is None:
        raise NoExcel("此系统上没有桌面版 Excel，加载项只能安装到 Windows 或 macOS 的 Excel 中。"
                      "可以用“jixiao addin install --dir 文件夹”把文件放到指定文件夹，"
                      "再复制到装有 Excel 的电脑上。")
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
    source = Path(__file__).resolve().parent.parent / "addin"
    spec = importlib.util.spec_from_file_location(
        "jixiao_addin", source / "__init__.py", submodule_search_locations=[str(source)])
    if spec is None or spec.loader is None or not (source / "__init__.py").is_file():
        raise JixiaoError("找不到 Excel 加载项文件（jixiao_addin），请重新安装：pip install jixiao")
    module = importlib.util.module_from_spec(spec)
    sys.modules["jixiao_addin"] = module
    spec.loader.exec_module(module)
    return module


def package_dir() -> Path:
    return Path(addin_package().__file__ or "").resolve().parent


def _build_module() -> ModuleType:
    import importlib

    addin_package()
    return importlib.import_module("jixiao_addin.build")


# ------------------------------------------------------------ configuration

def config_settings(module_dir: Path, platform: str | None = None,
                    interpreter: str | None = None,
                    environ: dict[str, str] | None = None) -> dict[str, str]:
    """The keys ``install`` writes into the user config."""
    environ = dict(os.environ) if environ is None else environ
    kind = platform_name(platform)
    settings: dict[str, str] = {}
    conda_env, conda_exe = environ.get("CONDA_DEFAULT_ENV"), environ.get("CONDA_EXE")
    if kind == "win" and conda_env and conda_exe:
        # like ``xlwings config create``: let the VBA activate the conda env, so that
        # numpy/pandas find their DLLs; an interpreter path would bypass the activation
        settings["INTERPRETER_WIN"] = ""
        settings["CONDA PATH"] = str(Path(conda_exe).parent.parent)
        settings["CONDA ENV"] = conda_env
    else:
        key = "INTERPRETER_MAC" if kind == "mac" else "INTERPRETER_WIN"
        settings[key] = interpreter or sys.executable
    settings["UDF MODULES"] = UDF_MODULE
    settings["PYTHONPATH"] = str(module_dir)
    return settings


def _config_key(line: str) -> str:
    return line.split(",", 1)[0].strip().strip('"').upper()


def _config_value(line: str) -> str:
    parts = line.rstrip("\r\n").split(",", 1)
    return parts[1].strip().strip('"') if len(parts) == 2 else ""


def merged_config(existing: str, settings: dict[str, str]) -> str:
    """``existing`` config text with ``settings`` set; other keys and PYTHONPATH entries kept."""
    ours = {key.upper() for key in settings}
    kept, paths = [], []
    for line in existing.splitlines():
        if not line.strip():
            continue
        key = _config_key(line)
        if key == "PYTHONPATH" and "PYTHONPATH" in ours:
            paths = [p for p in _config_value(line).split(";") if p]
        elif key not in ours:
            kept.append(line)
    lines = list(kept)
    for key, value in settings.items():
        if key.upper() == "PYTHONPATH":
            value = ";".join([value, *(p for p in paths if p != value)])
        if '"' in value:
            raise OutputError(f"配置值不能含有英文双引号：{value}")
        lines.append(f'"{key}","{value}"')
    return "".join(line + "\n" for line in lines)


def _config_encoding() -> str:
    # VBA's ``Input #`` reads the ANSI code page on Windows (GBK on Chinese Windows).
    return "mbcs" if platform_name() == "win" else "utf-8"


def write_config(path: Path, settings: dict[str, str]) -> None:
    from .fileio import atomic_output

    encoding = _config_encoding()
    existing = ""
    if path.is_file():
        existing = path.read_bytes().decode(encoding, errors="replace")
    text = merged_config(existing, settings)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        raise OutputError(f"无法写入配置“{path}”：路径中含有系统代码页无法表示的字符，"
                          "请把 Python 安装到只含英文字符的路径") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(path) as temporary:
        temporary.write_bytes(data)


# ------------------------------------------------------------ actions

def _copy(source: Path, target: Path) -> None:
    from .fileio import atomic_output

    with atomic_output(target) as temporary:
        shutil.copyfile(source, temporary)


def _place_addins(addin_dir: Path) -> list[Path]:
    """Build the .xlam files from the installed xlwings; else copy the shipped ones."""
    build = _build_module()
    try:
        return build.build_addins(addin_dir)
    except build.TemplateError as error:
        shipped = [package_dir() / f"{stem}.xlam" for stem in ADDIN_STEMS]
        if not all(path.is_file() for path in shipped):
            raise JixiaoError(str(error)) from None
        print(f"注意：{error}；改为复制随 jixiao 发布的加载项（需要 xlwings 0.37.8）")
        targets = [addin_dir / path.name for path in shipped]
        for source, target in zip(shipped, targets, strict=True):
            _copy(source, target)
        return targets


def _install_runpython_mac() -> None:
    """``xlwings runpython install``: macOS runs Python through this AppleScript."""
    import xlwings

    script = Path(xlwings.__file__).parent / f"xlwings-{xlwings.__version__}.applescript"
    target_dir = Path.home() / MAC_SCRIPTS
    target_dir.mkdir(parents=True, exist_ok=True)
    _copy(script, target_dir / script.name)


def install(layout: Layout) -> list[Path]:
    try:
        for folder in (layout.addin_dir, layout.module_dir):
            folder.mkdir(parents=True, exist_ok=True)
        written = _place_addins(layout.addin_dir)
        for stem in ADDIN_STEMS:
            target = layout.module_dir / f"{stem}.py"
            _copy(package_dir() / f"{stem}.py", target)
            written.append(target)
        write_config(layout.config_file, config_settings(layout.module_dir))
        if platform_name() == "mac":
            _install_runpython_mac()
    except OutputError as error:
        raise OutputError(f"{error}。如果 Excel 正在运行，请先退出 Excel 再试") from None
    except OSError as error:
        raise OutputError(f"安装失败：{os_error_text(error)}（{error.filename or ''}）。"
                          "如果 Excel 正在运行，请先退出 Excel 再试") from None
    return written


def installed_files(layout: Layout) -> list[Path]:
    return ([layout.addin_dir / f"{stem}.xlam" for stem in ADDIN_STEMS]
            + [layout.module_dir / f"{stem}.py" for stem in ADDIN_STEMS])


def uninstall(layout: Layout) -> list[Path]:
    removed = []
    for path in installed_files(layout):
        if path.is_file():
            try:
                path.unlink()
            except OSError as error:
                raise OutputError(f"无法删除“{path}”：{os_error_text(error)}。"
                                  "如果 Excel 正在运行，请先退出 Excel 再试") from None
            removed.append(path)
    return removed


def default_build_dir() -> Path:
    folder = package_dir()
    return folder if os.access(folder, os.W_OK) else Path.cwd()


# ------------------------------------------------------------ command line

def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("install", "uninstall", "build", "path"),
                        metavar="操作",
                        help="install 安装；uninstall 卸载；build 重新生成 .xlam；path 显示安装位置")
    parser.add_argument("--dir", metavar="文件夹",
                        help="install/uninstall/path：使用此文件夹，而不是 Excel 的启动文件夹 XLSTART")
    parser.add_argument("--out", metavar="文件夹",
                        help="build：输出文件夹（默认为加载项源文件夹，不可写时为当前文件夹）")


def run(args: argparse.Namespace) -> int:
    if args.action == "build":
        out = Path(args.out) if args.out else default_build_dir()
        if not out.is_dir():
            raise OutputError(f"输出文件夹“{out}”不存在")
        build = _build_module()
        try:
            paths = build.build_addins(out)
        except build.TemplateError as error:
            raise JixiaoError(str(error)) from None
        for path in paths:
            print(f"已生成：{path}")
        return 0
    layout = resolve_layout(args.dir)
    if args.action == "path":
        print(f"加载项（.xlam）：{layout.addin_dir}")
        print(f"Python 入口模块：{layout.module_dir}")
        print(f"配置文件：{layout.config_file}")
        return 0
    if args.action == "uninstall":
        removed = uninstall(layout)
        for path in removed:
            print(f"已删除：{path}")
        if not removed:
            print("未找到已安装的 jixiao 加载项，无需卸载。")
        print(f"配置文件“{layout.config_file}”保留未动，如不再需要可手动删除。")
        print("请重新启动 Excel。")
        return 0
    for path in install(layout):
        print(f"已安装：{path}")
    print(f"已写入配置：{layout.config_file}（Python：{sys.executable}；函数模块：{UDF_MODULE}）")
    print(_next_steps(layout, args.dir is not None))
    return 0


def _next_steps(layout: Layout, custom_dir: bool) -> str:
    steps = ["下一步："]
    if custom_dir:
        steps.append(f"  · 文件已放在“{layout.addin_dir}”。在 Excel 中选择 文件 → 选项 → 加载项 → "
                     "管理“Excel 加载项”→ 转到 → 浏览，选中其中的两个 .xlam；"
                     "或把它们复制到 Excel 的启动文件夹 XLSTART。")
    steps += [
        "  1. 完全退出 Excel 后重新打开，功能区会出现“绩效自评”选项卡（一键重算、校验）。",
        "  2. 如果看不到选项卡或提示宏已禁用：文件 → 选项 → 信任中心 → 信任中心设置，"
        "启用宏，或把加载项所在文件夹添加为受信任位置。",
        "  3. 要在单元格中使用 JX_ 函数（仅 Windows）：在信任中心勾选“信任对 VBA 工程对象模型的访问”，"
        "然后按 Alt+F8，输入 jixiao_recalc.xlam!ImportPythonUDFsToAddin 并运行，"
        "再在 VBA 编辑器（Alt+F11）中保存该加载项。详见 jixiao 源码中的 addin/README.md。",
    ]
    return "\n".join(steps)

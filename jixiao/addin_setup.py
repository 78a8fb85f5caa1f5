"""Installing the Excel add-in ``jixiao.xlam``: where Excel's startup folder is, writing a
configured copy there, removing it and the add-ins of jixiao before 0.2.

``install`` writes a copy of the shipped add-in whose ``jixiao.conf`` sheet
also names the interpreter (xlwings' VBA reads its settings from that sheet
of the add-in first), into Excel's startup folder: the running Excel's
``startup_path`` if there is one (as ``xlwings addin install`` does), else
the standard per-user XLSTART. Nothing else is written (on macOS also
xlwings' AppleScript, which RunPython needs there), and no administrator
rights are needed.

Before writing, the installed xlwings must be the version whose VBA the
add-in carries, and on Windows its DLL must sit where that VBA looks for it
(next to python.exe or one folder up) — which a per-user ``pip install
--user`` fallback breaks; both get a Chinese message saying what to do.

The add-in's files come from the ``jixiao_addin`` package (``addin/``), found at run
time; xlwings itself (a running Excel, its AppleScript) is asked by the command,
``jixiao.cli.addin``, so this module needs the standard library only.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from types import ModuleType

from jixiao.errors import JixiaoError, OutputError
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


# ------------------------------------------------------------ where it goes

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



# ------------------------------------------------------------ the add-in package

def addin_package() -> ModuleType:
    """``jixiao_addin`` — installed, or ``addin/`` of a source checkout."""
    import importlib
    import importlib.util

    try:
        return importlib.import_module("jixiao_addin")
    except ModuleNotFoundError:
        pass
    source = Path(__file__).resolve().parents[1] / "addin"
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


def _install_runpython_mac(script: Path) -> Path:
    """``xlwings runpython install``: macOS runs Python through this AppleScript."""
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


def install(layout: Layout, settings: dict[str, str],
            applescript: Callable[[], Path] | None = None) -> tuple[list[Path], list[Path]]:
    """Write the configured add-in; (files written, old files removed).

    ``applescript`` finds xlwings' RunPython AppleScript, which macOS needs beside the
    add-in in Excel's own startup folder (not with ``--dir``)."""
    try:
        data = _package().with_settings(shipped_addin().read_bytes(), settings)
        layout.addin_dir.mkdir(parents=True, exist_ok=True)
        _write(layout.addin, data)
        written = [layout.addin]
        if platform_name() == "mac" and layout.legacy_stub_dir is not None \
                and applescript is not None:
            written.append(_install_runpython_mac(applescript()))
    except OutputError as error:
        raise OutputError(f"{error}。如果 Excel 正在运行，请先退出 Excel 再试") from None
    except OSError as error:
        raise OutputError(f"安装失败：{os_error_text(error)}（{error.filename or ''}）。"
                          "如果 Excel 正在运行，请先退出 Excel 再试") from None
    return written, _remove(legacy_files(layout))


def installed_settings(layout: Layout) -> dict[str, str] | None:
    """The ``jixiao.conf`` settings of the add-in in ``layout``; None when there is none."""
    import zipfile

    if not layout.addin.is_file():
        return None
    try:
        return _package().read_settings(layout.addin.read_bytes())
    except OSError as error:
        raise JixiaoError(f"无法读取加载项“{layout.addin}”：{os_error_text(error)}") from None
    except (zipfile.BadZipFile, KeyError, SyntaxError):  # SyntaxError: ElementTree.ParseError
        raise JixiaoError(f"“{layout.addin}”不是 jixiao 安装的加载项（无法读出其中的设置），"
                          "请重新运行 jixiao addin install") from None


def interpreter_text(settings: dict[str, str]) -> str | None:
    """The interpreter the settings name, in Chinese; None when they name none."""
    if settings.get("CONDA ENV"):
        where = f"（conda 位于“{settings['CONDA PATH']}”）" if settings.get("CONDA PATH") else ""
        return f"conda 环境 {settings['CONDA ENV']}{where}"
    for key, system in (("INTERPRETER_WIN", "Windows"), ("INTERPRETER_MAC", "macOS")):
        if settings.get(key):
            return f"{settings[key]}（{system}）"
    return None


def uninstall(layout: Layout) -> list[Path]:
    return _remove([path for path in [layout.addin] if path.is_file()] + legacy_files(layout))


__all__ = ["Layout", "install", "installed_settings", "interpreter_settings", "interpreter_text",
           "uninstall"]

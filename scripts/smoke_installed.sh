#!/usr/bin/env bash
# What a user gets: build the wheel, install it (not editable) into a fresh venv, and use
# every command from a folder outside the checkout. Any command that does not exit as
# documented fails the run. Usage: scripts/smoke_installed.sh [WHEEL]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-smoke-XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ $# -ge 1 ]; then
  wheel="$1"
else
  # from a copy: a stale build/ folder in the checkout would hide a missing file
  python3 - "$repo" "$work/source" <<'PY'
import shutil, sys
shutil.copytree(sys.argv[1], sys.argv[2], ignore=shutil.ignore_patterns(
    ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
    ".hypothesis", ".ruff_cache"))
PY
  python3 -m pip wheel -q --no-deps -w "$work/dist" "$work/source"
  wheel="$(ls "$work"/dist/jixiao-*.whl)"
fi
echo "smoke: installing $(basename "$wheel") into a fresh venv"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$wheel"
export PATH="$work/venv/bin:$PATH"
cd "$work"  # outside the checkout: nothing can come from the source tree

step() {  # step EXPECTED_EXIT_CODE COMMAND...
  local expected="$1"; shift
  echo "smoke: \$ $* (expect exit $expected)"
  set +e; "$@" > "$work/out.txt" 2>&1; local code=$?; set -e
  sed -n '1,12s/^/    /p' "$work/out.txt"  # no pipe: head closing it early is SIGPIPE under pipefail
  if [ "$code" -ne "$expected" ]; then
    echo "smoke: FAILED: '$*' exited $code, expected $expected"; cat "$work/out.txt"; exit 1
  fi
}

step 0 python -c "import jixiao, sys; assert '$repo' not in jixiao.__file__, jixiao.__file__; print(jixiao.__file__)"
step 0 jixiao --version
step 0 jixiao demo
step 0 jixiao new 空白模板.xlsx --year 2025
step 0 jixiao check jixiao-demo.xlsx
step 0 jixiao check jixiao-demo.xlsx --json
step 0 jixiao rules
step 0 jixiao recalc jixiao-demo.xlsx -o 重算.xlsx
step 0 jixiao convert jixiao-demo.xlsx -o 转换.xlsx
step 2 jixiao check 不存在.xlsx
mkdir -p 收件/甲单位
cp jixiao-demo.xlsx 收件/甲单位/a.xlsx
step 0 jixiao demo --sample putuo-2 -o 收件/b.xlsx
# putuo-2 as published has one error (JX305): the batch exits 1, as documented
step 1 jixiao batch 收件 -o 汇总.xlsx --json 结果.jsonl
test -s 汇总.xlsx && test -s 结果.jsonl
# every module the wheel ships imports from the installed copy
step 0 python - <<'PY'
import importlib
from importlib.metadata import distribution

names = sorted({str(f)[:-3].replace("/", ".").removesuffix(".__init__")
                for f in distribution("jixiao").files
                if str(f).endswith(".py") and not str(f).endswith("__main__.py")})
for name in names:
    module = importlib.import_module(name)
    assert "site-packages" in (module.__file__ or ""), (name, module.__file__)
print(f"imported {len(names)} modules from the installed wheel")
PY
echo "smoke: the installed wheel works outside the checkout"

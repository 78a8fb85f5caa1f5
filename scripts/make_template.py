"""Regenerate the committed blank template ``workbook_templates/自评表.xlsx``.

    python scripts/make_template.py

The output is byte-reproducible (fixed document dates and zip times), so a
re-run changes the file only when ``jixiao/template/`` changed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "workbook_templates" / "自评表.xlsx"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from jixiao.template.build import build_template

    build_template(TEMPLATE)
    print(f"已生成 {TEMPLATE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

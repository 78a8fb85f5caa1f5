"""Entry point of the 一键重算 button (jixiao_recalc.xlam).

The add-in's ribbon callback runs ``import jixiao_recalc; jixiao_recalc.main()``:
the module must be named like the add-in file. ``jixiao addin install`` copies
this file onto the add-in's PYTHONPATH; the work is done in ``jixiao_addin``.
"""


def main() -> None:
    from jixiao_addin import recalc

    recalc()

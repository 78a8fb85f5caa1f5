"""Entry point of the 校验 button (jixiao_check.xlam).

The add-in's ribbon callback runs ``import jixiao_check; jixiao_check.main()``:
the module must be named like the add-in file. ``jixiao addin install`` copies
this file onto the add-in's PYTHONPATH; the work is done in ``jixiao_addin``.
"""


def main() -> None:
    from jixiao_addin import check

    check()

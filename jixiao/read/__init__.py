"""Reading: a workbook's cells become tables (``jixiao.model.SelfEvaluation`` with its cell
facts), in this order — ``workbook`` (the entry: file → sheets) → ``grid`` (one sheet's cells
and merges) → ``headers`` (where each table starts, its columns, its layout) →
``indicators`` (with ``totals``: its 总分 and 等级 rows), ``project``, ``money`` (what the
table says)."""

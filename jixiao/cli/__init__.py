"""The ``jixiao`` command line: one thin module per command (``jixiao.cli.<command>``)."""

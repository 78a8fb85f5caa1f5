"""``python -m jixiao`` is the ``jixiao`` command."""

import sys

from jixiao.cli.main import main

sys.exit(main())

"""``python -m jixiao`` is the ``jixiao`` command."""

import sys

from .cli import main

sys.exit(main())

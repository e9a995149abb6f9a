"""``python -m app`` does the same as the ``paivystys`` command."""

import sys

from app.main import main

sys.exit(main())

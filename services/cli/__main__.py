"""`python -m services.cli` is the `docpipe` command."""
import sys

from services.cli import main

sys.exit(main())

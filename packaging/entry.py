"""PyInstaller entry point: the frozen `seller-inbox` executable runs `app.cli.main`."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())

import sys

from kvmgui.cli import main

sys.exit(main())

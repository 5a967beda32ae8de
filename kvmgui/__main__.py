import sys

from kvmgui.cli.main import main

sys.exit(main())

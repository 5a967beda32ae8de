"""Command line: the GUI by default; headless subcommands reuse the same layers."""

import argparse
import sys

from kvmgui import __version__, log


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kvmgui", description="Desktop manager for libvirt/KVM.")
    parser.add_argument("--connect", metavar="URI", action="append",
                        help="open this libvirt URI (repeatable); default: saved connections, "
                             "else the demo host and qemu:///system when a local daemon runs")
    parser.add_argument("--demo", action="store_true", help="open the bundled demo host")
    parser.add_argument("--log-level", default="warning",
                        choices=["debug", "info", "warning", "error"])
    parser.add_argument("--screenshot", metavar="FILE",
                        help="render the main window to FILE (PNG) once inventories are loaded, "
                             "then exit")
    parser.add_argument("--select", metavar="NAME", help="select the object named NAME first")
    parser.add_argument("--version", action="version", version=f"kvmgui {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = gui_parser().parse_args(argv)
    log.configure(args.log_level)
    from kvmgui import app  # Qt is imported only when the GUI really starts

    return app.run(args)


if __name__ == "__main__":
    sys.exit(main())

"""Command line: the GUI by default; headless subcommands reuse the same layers.

    kvmgui [--connect URI ...] [--demo] [--screenshot FILE] [--select NAME]
    kvmgui --connect URI --select NAME --console [graphics|serial] --screenshot FILE
    kvmgui topology --connect URI --format json|dot|svg [--output FILE]
    kvmgui stats --connect URI [--domain NAME ...] --interval S --count N --format csv|json
"""

import argparse
import importlib
import sys

from kvmgui import __version__
from kvmgui.core import log
from kvmgui.core.uris import without_password

# Subcommand name -> module with `add_arguments(parser)` and `run(args) -> int`.
SUBCOMMANDS = {
    "topology": "kvmgui.cli.topology",
    "stats": "kvmgui.cli.stats",
}


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kvmgui", description="Desktop manager for libvirt/KVM.",
        epilog="Headless subcommands: " + ", ".join(SUBCOMMANDS) + " (kvmgui SUBCOMMAND --help).")
    parser.add_argument("--connect", metavar="URI", action="append",
                        help="open this libvirt URI (repeatable); default: saved connections, "
                             "else the demo host and qemu:///system when a local daemon runs")
    parser.add_argument("--demo", action="store_true", help="open the bundled demo host")
    parser.add_argument("--lang", metavar="LOCALE",
                        help="user interface language, e.g. zh_CN (default: the system locale)")
    parser.add_argument("--theme", choices=["system", "light", "dark"], default="system",
                        help="colours: follow the system (default), or a light or dark Fusion "
                             "look (handy for screenshots)")
    add_log_level(parser)
    parser.add_argument("--screenshot", metavar="FILE",
                        help="render the main window to FILE (PNG) once inventories are loaded, "
                             "then exit")
    parser.add_argument("--select", metavar="NAME",
                        help="select the object (or connection URI) named NAME first")
    parser.add_argument("--tab", choices=["summary", "performance", "host-cpu", "topology",
                                          "leases", "snapshots", "pinning", "hardware"],
                        help="show this details tab of the selected object (snapshots, "
                             "pinning, hardware: the selected domain's VM window on that page)")
    parser.add_argument("--console", nargs="?", const="graphics", choices=["graphics", "serial"],
                        help="open the selected domain's VM window on this console (default: "
                             "graphics); with --screenshot, save that window once the console "
                             "shows the guest")
    parser.add_argument("--edit", action="store_true",
                        help="with --screenshot: open the editor of the selected object and "
                             "render the editor instead of the main window")
    parser.add_argument("--screenshot-delay-ms", type=int, default=300, metavar="MS",
                        help="with --screenshot: wait this long after loading (charts fill up)")
    parser.add_argument("--version", action="version", version=f"kvmgui {__version__}")
    return parser


def add_log_level(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--log-level", default="warning",
                        choices=["debug", "info", "warning", "error"])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        module = importlib.import_module(SUBCOMMANDS[argv[0]])
        parser = argparse.ArgumentParser(prog=f"kvmgui {argv[0]}")
        add_log_level(parser)
        module.add_arguments(parser)
        args = parser.parse_args(argv[1:])
        log.configure(args.log_level)
        args.connect = _without_password(args.connect)
        return int(module.run(args))
    args = gui_parser().parse_args(argv)
    log.configure(args.log_level)
    args.connect = [_without_password(uri) for uri in args.connect or []]
    # Start opening the connections first: libvirt works on them while the GUI loads.
    from kvmgui.ui.startup import startup
    from kvmgui.virt import early_open

    start = startup(args.connect or [], args.demo)
    early_open.begin(start.open)
    from kvmgui.ui import app  # the widgets are imported only when the GUI really starts

    return app.run(args, start)


if __name__ == "__main__":
    sys.exit(main())


def _without_password(uri: str) -> str:
    """kvmgui keeps, shows and logs no password: one given in a URI is dropped, with a word why."""
    clean, had_password = without_password(uri)
    if had_password:
        print(f"kvmgui: the password was removed from {clean}: kvmgui stores and logs none; "
              "use an SSH key or agent (libvirt asks for anything else)", file=sys.stderr)
    return clean

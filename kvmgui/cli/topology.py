"""`kvmgui topology`: the network topology of one host as JSON, Graphviz DOT or SVG.

    kvmgui topology --connect URI --format json|dot|svg [--output FILE] [--dark]

The same model as the Topology page (kvmgui.topology); the JSON format is described in
kvmgui/topology/export.py. Exit codes: 0 written, 1 reading or writing failed, 2 bad arguments
or the connection could not be opened.
"""

from __future__ import annotations

import argparse
import json
import sys

from kvmgui.topology import to_dot, to_json, to_svg
from kvmgui.topology.model import TopologyGraph
from kvmgui.virt.errors import HostError
from kvmgui.virt.headless import close_quietly, open_host, read_topology_graph

FORMATS = ("json", "dot", "svg")
EXIT_FAILED = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "Write the layer-2 network topology of a libvirt host."
    parser.add_argument("--connect", metavar="URI", required=True,
                        help="libvirt URI, e.g. qemu:///system or test:///default")
    parser.add_argument("--format", choices=FORMATS, default="json",
                        help="json (documented data), dot (Graphviz) or svg (a picture)")
    parser.add_argument("--output", metavar="FILE",
                        help="write to FILE instead of standard output")
    parser.add_argument("--dark", action="store_true", help="svg: dark background")


def render(graph: TopologyGraph, output_format: str, *, dark: bool = False) -> str:
    if output_format == "json":
        return json.dumps(to_json(graph), indent=2) + "\n"
    if output_format == "dot":
        return to_dot(graph)
    return to_svg(graph, dark=dark)


def run(args: argparse.Namespace) -> int:
    try:
        # Read-only is enough to read XML, and works for users without write access.
        conn = open_host(args.connect, read_only=True)
    except HostError as err:
        _fail(str(err))
        return EXIT_USAGE
    try:
        graph = read_topology_graph(conn, args.connect)
    except HostError as err:
        _fail(str(err))
        return EXIT_FAILED
    finally:
        close_quietly(conn)
    text = render(graph, args.format, dark=args.dark)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as output:
            output.write(text)
    except OSError as err:
        _fail(f"cannot write {args.output}: {err.strerror or err}")
        return EXIT_FAILED
    return 0


def _fail(message: str) -> None:
    print(f"kvmgui topology: {message}", file=sys.stderr)

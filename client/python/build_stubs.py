#!/usr/bin/python3
"""Generates the Python gRPC stubs of the Attaché API into a directory.

Run by the build (client/python/CMakeLists.txt) into the build tree; run it
by hand into src/ before building a wheel:

    /usr/bin/python3 client/python/build_stubs.py --out client/python/src

The output holds the packages attache.v1 (the API) and grpc_health.v1 (the
standard health-checking protocol).
"""

import argparse
import os
import pathlib
import sys

from grpc_tools import protoc

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROTO_ROOTS = (ROOT / "proto",)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=pathlib.Path,
                        help="directory to write the stub packages into")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    protos = sorted(str(path.relative_to(root))
                    for root in PROTO_ROOTS
                    for path in root.rglob("*.proto"))
    well_known = pathlib.Path(protoc.__file__).parent / "_proto"
    command = ["grpc_tools.protoc", f"-I{well_known}"]
    command += [f"-I{root}" for root in PROTO_ROOTS]
    command += [f"--python_out={args.out}", f"--grpc_python_out={args.out}"]
    if protoc.main(command + protos) != 0:
        print("build_stubs.py: protoc failed", file=sys.stderr)
        return 1
    # Generated modules import each other as attache.v1.x, so every directory
    # on the way must be a package.
    for directory, _, _ in os.walk(args.out):
        path = pathlib.Path(directory)
        if path != args.out and not path.name.startswith("__"):
            (path / "__init__.py").touch()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared by the interop scripts: Python stubs generated from protos/ at run time, and small helpers.

Run with Debian's /usr/bin/python3 (python3-grpcio, python3-grpc-tools). The stubs go to
$INTEROP_GEN_DIR, else tests/interop/gen/ (gitignored); `interop_common.py --generate DIR` makes them.
"""
import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROTO_ROOT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "protos")
# health, reflection and google.rpc ship in the C# packages (Grpc.HealthCheck, Grpc.Reflection, Grpc.StatusProto),
# so protos/ no longer holds them; the Python stubs are generated from copies kept here, for the scripts only.
LOCAL_PROTO_ROOT = os.path.join(HERE, "protos")
PROTO_FILES = [
    "grpc/testing/empty.proto",
    "grpc/testing/messages.proto",
    "grpc/testing/test.proto",
    "grpc/health/v1/health.proto",
    "grpc/reflection/v1/reflection.proto",
    "grpc/reflection/v1alpha/reflection.proto",
    "google/rpc/status.proto",
    "google/rpc/error_details.proto",
]
CHANNEL_OPTIONS = [("grpc.enable_http_proxy", 0)]
CALL_ID_HEADER = "x-interop-call-id"
RICH_ERROR_HEADER = "x-interop-rich-error-field"
MIB4 = 4 * 1024 * 1024


def generate(target):
    """Generates the stubs into target (atomically, so concurrent runs don't see half a tree)."""
    from grpc_tools import protoc

    parent = os.path.dirname(os.path.abspath(target))
    os.makedirs(parent, exist_ok=True)
    work = tempfile.mkdtemp(prefix=".gen-", dir=parent)
    well_known = os.path.join(os.path.dirname(protoc.__file__), "_proto")  # google/protobuf/*.proto
    args = ["protoc", "-I" + PROTO_ROOT, "-I" + LOCAL_PROTO_ROOT, "-I" + well_known, "--python_out=" + work, "--grpc_python_out=" + work] + PROTO_FILES
    if protoc.main(args) != 0:
        shutil.rmtree(work, ignore_errors=True)
        raise SystemExit("protoc failed for " + " ".join(PROTO_FILES))
    open(os.path.join(work, ".complete"), "w").close()
    try:
        os.rename(work, target)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)  # another run finished first
        if not os.path.exists(os.path.join(target, ".complete")):
            raise


def load_stubs():
    """Makes the generated modules importable: grpc.testing, grpc.health.v1, grpc.reflection.*, google.rpc."""
    gen = os.environ.get("INTEROP_GEN_DIR") or os.path.join(HERE, "gen")
    if not os.path.exists(os.path.join(gen, ".complete")):
        generate(gen)
    sys.path.insert(0, gen)
    import grpc

    # Their proto packages start with "grpc.", which is the installed grpcio package: extend its path.
    grpc.__path__.append(os.path.join(gen, "grpc"))


def emit(**fields):
    """One JSON object per line on stdout (the C# tests parse these)."""
    print(json.dumps(fields, sort_keys=True), flush=True)


def run_cases(cases, option, key, failures, describe_target=False):
    """Parses --server_host, --server_port and --<option> (comma-separated names, or all), runs each
    named case as case(stub, channel, result) against grpc.testing.TestService, emits one JSON line per
    case (its name under `key`) and exits 1 if any failed. failures: the exception types that mean a case failed."""
    import argparse

    import grpc
    from grpc.testing import test_pb2_grpc

    parser = argparse.ArgumentParser()
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    parser.add_argument("--" + option, default="all", help=f"comma-separated {key} names, or all")
    args = parser.parse_args()
    by_name = {case.__name__: case for case in cases}
    selected = getattr(args, option)
    names = list(by_name) if selected == "all" else selected.split(",")
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise SystemExit(f"unknown {key}(s): " + ", ".join(unknown))

    failed = 0
    with grpc.insecure_channel(f"{args.server_host}:{args.server_port}", options=CHANNEL_OPTIONS) as channel:
        stub = test_pb2_grpc.TestServiceStub(channel)
        for name in names:
            result = {key: name}
            if describe_target:
                result.update(host=args.server_host, port=args.server_port)
            try:
                by_name[name](stub, channel, result)
                result["ok"] = True
            except (grpc.RpcError, *failures) as error:
                result.update(ok=False, error=str(error).splitlines()[0] if str(error) else repr(error))
                failed += 1
            emit(**result)
    sys.exit(1 if failed else 0)


def status_code(number):
    import grpc

    return next(code for code in grpc.StatusCode if code.value[0] == number)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "--generate":
        raise SystemExit("usage: interop_common.py --generate DIR")
    if not os.path.exists(os.path.join(sys.argv[2], ".complete")):
        generate(sys.argv[2])

"""gRPC health check with the reference implementation (Debian python3-grpcio), for the container test.
(Not named grpc_health*.py: grpcio aliases the module grpc.health to any importable "grpc_health".)

    /usr/bin/python3 health_check.py PROTO_ROOT HOST:PORT [SERVICE...]

Generates the grpc.health.v1 stubs from PROTO_ROOT/grpc/health/v1/health.proto into a temporary
directory with grpc_tools.protoc, calls Check for "" (the server) and each SERVICE, and prints one JSON
line per call: {"service": ..., "status": "SERVING"} or {"service": ..., "error": "<grpc status code>"}.
Exit status 0 when every call answered SERVING.
"""
import json
import os
import shutil
import sys
import tempfile


def main():
    proto_root, target, services = sys.argv[1], sys.argv[2], [""] + sys.argv[3:]
    from grpc_tools import protoc

    gen = tempfile.mkdtemp(prefix="health-stubs-")
    try:
        well_known = os.path.join(os.path.dirname(protoc.__file__), "_proto")
        args = ["protoc", "-I" + proto_root, "-I" + well_known, "--python_out=" + gen, "--grpc_python_out=" + gen,
                "grpc/health/v1/health.proto"]
        if protoc.main(args) != 0:
            raise SystemExit("protoc failed for grpc/health/v1/health.proto")
        sys.path.insert(0, gen)
        import grpc

        # The generated package starts with "grpc.", which is the installed grpcio package: extend its path.
        grpc.__path__.append(os.path.join(gen, "grpc"))
        from grpc.health.v1 import health_pb2, health_pb2_grpc

        ok = True
        with grpc.insecure_channel(target, options=[("grpc.enable_http_proxy", 0)]) as channel:
            stub = health_pb2_grpc.HealthStub(channel)
            for service in services:
                try:
                    reply = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=10)
                    status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
                    print(json.dumps({"service": service, "status": status}), flush=True)
                    ok = ok and status == "SERVING"
                except grpc.RpcError as error:
                    print(json.dumps({"service": service, "error": error.code().name, "details": error.details()}), flush=True)
                    ok = False
        return 0 if ok else 1
    finally:
        shutil.rmtree(gen, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

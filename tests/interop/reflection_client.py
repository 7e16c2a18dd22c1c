"""grpcurl-style checks with python3-grpcio: discover a server through reflection, then call it.

  /usr/bin/python3 reflection_client.py --server_port=N

For grpc.reflection.v1 and v1alpha: list the services, fetch the descriptor files of
grpc.health.v1.Health and grpc.testing.TestService (with imports), build message classes from
those bytes alone (as grpcurl does) and call Health/Check and TestService/UnaryCall with them.
Prints one JSON line per reflection version; exits 1 on failure.
"""
import argparse
import sys

import interop_common as common

common.load_stubs()
import grpc  # noqa: E402
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory  # noqa: E402
from grpc.reflection.v1 import reflection_pb2 as v1, reflection_pb2_grpc as v1_grpc  # noqa: E402
from grpc.reflection.v1alpha import reflection_pb2 as v1alpha, reflection_pb2_grpc as v1alpha_grpc  # noqa: E402
from interop_client import TIMEOUT, Failure, check  # noqa: E402

VERSIONS = {"v1": (v1, v1_grpc), "v1alpha": (v1alpha, v1alpha_grpc)}


def reflect(channel, version, requests):
    messages, stubs = VERSIONS[version]
    stub = stubs.ServerReflectionStub(channel)
    return list(stub.ServerReflectionInfo(iter([messages.ServerReflectionRequest(**r) for r in requests]), timeout=TIMEOUT))


def load_files(pool, response):
    """Adds returned FileDescriptorProtos to a pool, imports first (the server may send them in any order)."""
    files = [descriptor_pb2.FileDescriptorProto.FromString(raw) for raw in response.file_descriptor_response.file_descriptor_proto]
    pending = {f.name: f for f in files}
    while pending:
        ready = [f for f in pending.values() if all(_known(pool, d) for d in f.dependency)]
        check(ready, f"unresolvable imports among {sorted(pending)}")
        for f in ready:
            if not _known(pool, f.name):
                pool.Add(f)
            del pending[f.name]
    return [f.name for f in files]


def _known(pool, name):
    try:
        pool.FindFileByName(name)
        return True
    except KeyError:
        return False


def dynamic_call(channel, pool, method_path, fields):
    service_name, method_name = method_path.strip("/").split("/")
    method = pool.FindServiceByName(service_name).FindMethodByName(method_name)
    factory = message_factory.MessageFactory(pool)
    request_class, response_class = factory.GetPrototype(method.input_type), factory.GetPrototype(method.output_type)
    call = channel.unary_unary(method_path, request_serializer=request_class.SerializeToString,
                               response_deserializer=response_class.FromString)
    return call(request_class(**fields), timeout=TIMEOUT)


def run(channel, version, result):
    listed, health_file, test_file, by_name, missing = reflect(channel, version, [
        {"list_services": ""},
        {"file_containing_symbol": "grpc.health.v1.Health"},
        {"file_containing_symbol": "grpc.testing.TestService.UnaryCall"},
        {"file_by_filename": "grpc/testing/messages.proto"},
        {"file_containing_symbol": "no.such.Service"},
    ])
    result["services"] = sorted(s.name for s in listed.list_services_response.service)
    check(missing.WhichOneof("message_response") == "error_response", "unknown symbol answered without an error")
    result["unknown_symbol_error"] = missing.error_response.error_code
    check(by_name.WhichOneof("message_response") == "file_descriptor_response", "file_by_filename failed")

    pool = descriptor_pool.DescriptorPool()
    result["health_files"] = load_files(pool, health_file)
    result["test_files"] = load_files(pool, test_file)
    health = dynamic_call(channel, pool, "/grpc.health.v1.Health/Check", {"service": ""})
    status_enum = health.DESCRIPTOR.fields_by_name["status"].enum_type
    result["health"] = status_enum.values_by_number[health.status].name
    service_health = dynamic_call(channel, pool, "/grpc.health.v1.Health/Check", {"service": "grpc.testing.TestService"})
    result["test_service_health"] = status_enum.values_by_number[service_health.status].name
    response = dynamic_call(channel, pool, "/grpc.testing.TestService/UnaryCall", {"response_size": 42})
    result["unary_payload"] = len(response.payload.body)


def watch_health(channel, result):
    """Health/Watch (server streaming) with the generated stubs: the first message is the current status."""
    from grpc.health.v1 import health_pb2, health_pb2_grpc

    updates = health_pb2_grpc.HealthStub(channel).Watch(health_pb2.HealthCheckRequest(service="grpc.testing.TestService"), timeout=TIMEOUT)
    first = next(updates)
    updates.cancel()
    result["watch_first"] = health_pb2.HealthCheckResponse.ServingStatus.Name(first.status)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", type=int, required=True)
    args = parser.parse_args()
    failed = 0
    with grpc.insecure_channel(f"{args.server_host}:{args.server_port}", options=common.CHANNEL_OPTIONS) as channel:
        for version in VERSIONS:
            result = {"version": version}
            try:
                run(channel, version, result)
                watch_health(channel, result)
                result["ok"] = True
            except (Failure, grpc.RpcError, KeyError, ValueError) as error:
                result.update(ok=False, error=f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
                failed += 1
            common.emit(**result)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

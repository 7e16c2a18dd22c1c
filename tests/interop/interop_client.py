"""grpc interop test client (doc/interop-test-descriptions.md in grpc/grpc) on python3-grpcio.

  /usr/bin/python3 interop_client.py --server_host=127.0.0.1 --server_port=N [--test_case=a,b|all]

Prints one JSON line per case ({"case": ..., "ok": ...}); exits 1 if any case failed.
Where Python cannot do what a case describes, the deviation is noted on the case.
"""
import queue
import uuid

import interop_common as common

common.load_stubs()
import grpc  # noqa: E402
from grpc.testing import empty_pb2, messages_pb2, test_pb2_grpc  # noqa: E402

TIMEOUT = 30  # seconds: a stuck call fails its case instead of hanging the suite


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def expect_code(call, code, what):
    try:
        call()
    except grpc.RpcError as error:
        check(error.code() == code, f"{what}: expected {code.name}, got {error.code().name} ({error.details()!r})")
        return error
    raise Failure(f"{what}: expected {code.name}, but the call succeeded")


def zeros(size):
    return messages_pb2.Payload(body=b"\0" * size)


def check_payload(payload, size, what="response"):
    check(len(payload.body) == size, f"{what} payload is {len(payload.body)} bytes, expected {size}")
    check(payload.body.count(0) == size, f"{what} payload is not all zeros")


class Pipe:
    """A request iterator fed while the call runs (for ping-pong and cancellation)."""

    _END = object()

    def __init__(self):
        self._queue = queue.Queue()

    def __iter__(self):
        return self

    def __next__(self):
        item = self._queue.get()
        if item is self._END:
            raise StopIteration()
        return item

    def add(self, request):
        self._queue.put(request)

    def close(self):
        self._queue.put(self._END)


def large_request(**extra):
    return messages_pb2.SimpleRequest(response_size=314159, payload=zeros(271828), **extra)


def empty_unary(stub, _channel, _result):
    response = stub.EmptyCall(empty_pb2.Empty(), timeout=TIMEOUT)
    check(isinstance(response, empty_pb2.Empty), "response is not Empty")


def large_unary(stub, _channel, _result):
    check_payload(stub.UnaryCall(large_request(), timeout=TIMEOUT).payload, 314159)


def client_compressed_unary(stub, _channel, _result):
    expect = lambda value: messages_pb2.BoolValue(value=value)  # noqa: E731
    expect_code(lambda: stub.UnaryCall(large_request(expect_compressed=expect(True)), timeout=TIMEOUT),
                grpc.StatusCode.INVALID_ARGUMENT, "uncompressed probe")
    response = stub.UnaryCall(large_request(expect_compressed=expect(True)), compression=grpc.Compression.Gzip, timeout=TIMEOUT)
    check_payload(response.payload, 314159, "compressed call's")
    response = stub.UnaryCall(large_request(expect_compressed=expect(False)), timeout=TIMEOUT)
    check_payload(response.payload, 314159, "uncompressed call's")


def server_compressed_unary(stub, _channel, _result):
    # grpcio does not expose the per-message compressed flag; the C# tests check it on the wire.
    for compressed in (True, False):
        request = large_request(response_compressed=messages_pb2.BoolValue(value=compressed))
        check_payload(stub.UnaryCall(request, timeout=TIMEOUT).payload, 314159)


def client_streaming(stub, _channel, _result):
    requests = [messages_pb2.StreamingInputCallRequest(payload=zeros(n)) for n in (27182, 8, 1828, 45904)]
    response = stub.StreamingInputCall(iter(requests), timeout=TIMEOUT)
    check(response.aggregated_payload_size == 74922, f"aggregated_payload_size {response.aggregated_payload_size}")


def client_compressed_streaming(stub, _channel, _result):
    expect = lambda value: messages_pb2.BoolValue(value=value)  # noqa: E731
    probe = messages_pb2.StreamingInputCallRequest(expect_compressed=expect(True), payload=zeros(27182))
    expect_code(lambda: stub.StreamingInputCall(iter([probe]), timeout=TIMEOUT), grpc.StatusCode.INVALID_ARGUMENT, "uncompressed probe")
    # Deviation: grpcio cannot leave one message of a compressed call uncompressed, so the second
    # message is sent compressed too (expect_compressed=true); the total is the same 73086.
    requests = [messages_pb2.StreamingInputCallRequest(expect_compressed=expect(True), payload=zeros(n)) for n in (27182, 45904)]
    response = stub.StreamingInputCall(iter(requests), compression=grpc.Compression.Gzip, timeout=TIMEOUT)
    check(response.aggregated_payload_size == 73086, f"aggregated_payload_size {response.aggregated_payload_size}")


def server_streaming(stub, _channel, _result):
    sizes = (31415, 9, 2653, 58979)
    request = messages_pb2.StreamingOutputCallRequest(response_parameters=[messages_pb2.ResponseParameters(size=n) for n in sizes])
    responses = list(stub.StreamingOutputCall(request, timeout=TIMEOUT))
    check(len(responses) == 4, f"{len(responses)} responses")
    for response, size in zip(responses, sizes):
        check_payload(response.payload, size)


def server_compressed_streaming(stub, _channel, _result):
    parameters = [messages_pb2.ResponseParameters(size=31415, compressed=messages_pb2.BoolValue(value=True)),
                  messages_pb2.ResponseParameters(size=92653, compressed=messages_pb2.BoolValue(value=False))]
    responses = list(stub.StreamingOutputCall(messages_pb2.StreamingOutputCallRequest(response_parameters=parameters), timeout=TIMEOUT))
    check(len(responses) == 2, f"{len(responses)} responses")
    check_payload(responses[0].payload, 31415)
    check_payload(responses[1].payload, 92653)


def ping_pong(stub, _channel, result):
    pipe = Pipe()
    call_id = new_call_id(result)
    responses = stub.FullDuplexCall(pipe, timeout=TIMEOUT, metadata=[(common.CALL_ID_HEADER, call_id)])
    for response_size, payload_size in ((31415, 27182), (9, 8), (2653, 1828), (58979, 45904)):
        pipe.add(messages_pb2.StreamingOutputCallRequest(
            response_parameters=[messages_pb2.ResponseParameters(size=response_size)], payload=zeros(payload_size)))
        check_payload(next(responses).payload, response_size)
    pipe.close()
    check(next(responses, None) is None, "more than four responses")
    check(responses.code() == grpc.StatusCode.OK, f"status {responses.code()}")


def empty_stream(stub, _channel, _result):
    responses = list(stub.FullDuplexCall(iter([]), timeout=TIMEOUT))
    check(responses == [], f"{len(responses)} responses")


def cancel_after_begin(stub, _channel, _result):
    future = stub.StreamingInputCall.future(Pipe(), timeout=TIMEOUT)
    future.cancel()
    check(future.cancelled(), "the call was not cancelled")
    check(future.code() == grpc.StatusCode.CANCELLED, f"status {future.code()}")


def cancel_after_first_response(stub, _channel, result):
    pipe = Pipe()
    responses = stub.FullDuplexCall(pipe, timeout=TIMEOUT, metadata=[(common.CALL_ID_HEADER, new_call_id(result))])
    pipe.add(messages_pb2.StreamingOutputCallRequest(
        response_parameters=[messages_pb2.ResponseParameters(size=31415)], payload=zeros(27182)))
    check_payload(next(responses).payload, 31415)
    responses.cancel()
    check(responses.code() == grpc.StatusCode.CANCELLED, f"status {responses.code()}")


def timeout_on_sleeping_server(stub, _channel, _result):
    # Not tagged: with 1 ms the call may end before it reaches the server (platform_checks' deadline is tagged).
    pipe = Pipe()
    responses = stub.FullDuplexCall(pipe, timeout=0.001)
    pipe.add(messages_pb2.StreamingOutputCallRequest(payload=zeros(27182)))
    expect_code(lambda: next(responses), grpc.StatusCode.DEADLINE_EXCEEDED, "sleeping call")
    pipe.close()


def custom_metadata(stub, _channel, _result):
    initial = ("x-grpc-test-echo-initial", "test_initial_metadata_value")
    trailing = ("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab")

    def check_metadata(call, what):
        check(initial in list(call.initial_metadata()), f"{what}: initial metadata {call.initial_metadata()}")
        check(trailing in list(call.trailing_metadata()), f"{what}: trailing metadata {call.trailing_metadata()}")

    response, call = stub.UnaryCall.with_call(large_request(), metadata=[initial, trailing], timeout=TIMEOUT)
    check_payload(response.payload, 314159)
    check_metadata(call, "UnaryCall")

    request = messages_pb2.StreamingOutputCallRequest(response_parameters=[messages_pb2.ResponseParameters(size=314159)], payload=zeros(271828))
    responses = stub.FullDuplexCall(iter([request]), metadata=[initial, trailing], timeout=TIMEOUT)
    check_payload(next(responses).payload, 314159)
    check(next(responses, None) is None, "more than one response")
    check_metadata(responses, "FullDuplexCall")


def echo_status(stub, code, message):
    status = messages_pb2.EchoStatus(code=code, message=message)
    error = expect_code(lambda: stub.UnaryCall(messages_pb2.SimpleRequest(response_status=status), timeout=TIMEOUT),
                        common.status_code(code), "UnaryCall")
    check(error.details() == message, f"UnaryCall message {error.details()!r}")
    responses = stub.FullDuplexCall(iter([messages_pb2.StreamingOutputCallRequest(response_status=status)]), timeout=TIMEOUT)
    error = expect_code(lambda: list(responses), common.status_code(code), "FullDuplexCall")
    check(error.details() == message, f"FullDuplexCall message {error.details()!r}")


def status_code_and_message(stub, _channel, _result):
    echo_status(stub, 2, "test status message")


def special_status_message(stub, _channel, _result):
    echo_status(stub, 2, "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n")


def unimplemented_method(stub, _channel, _result):
    expect_code(lambda: stub.UnimplementedCall(empty_pb2.Empty(), timeout=TIMEOUT), grpc.StatusCode.UNIMPLEMENTED, "UnimplementedCall")


def unimplemented_service(_stub, channel, _result):
    stub = test_pb2_grpc.UnimplementedServiceStub(channel)
    expect_code(lambda: stub.UnimplementedCall(empty_pb2.Empty(), timeout=TIMEOUT), grpc.StatusCode.UNIMPLEMENTED, "UnimplementedService")


def new_call_id(result):
    """Tags a call so a test can ask the server how its handler saw the call end."""
    result["call_id"] = result["case"] + "-" + uuid.uuid4().hex
    return result["call_id"]


CASES = [empty_unary, large_unary, client_compressed_unary, server_compressed_unary, client_streaming,
         client_compressed_streaming, server_streaming, server_compressed_streaming, ping_pong, empty_stream,
         cancel_after_begin, cancel_after_first_response, timeout_on_sleeping_server, custom_metadata,
         status_code_and_message, special_status_message, unimplemented_method, unimplemented_service]


def main():
    common.run_cases(CASES, "test_case", "case", (Failure,))


if __name__ == "__main__":
    main()

"""grpc interop test server (doc/interop-test-descriptions.md in grpc/grpc) on python3-grpcio.

  /usr/bin/python3 interop_server.py --port=N     (0 picks a free port)

Prints "listening on N" once ready. Serves grpc.testing.TestService and grpc.health.v1.Health/Check
(hand-written: Debian has no grpcio-health-checking). Also follows this repo's test conventions:
x-interop-call-id makes the server print {"event": "cancelled"|"completed", "call_id": ...} when that
call ends; x-interop-rich-error-field makes UnaryCall fail with INVALID_ARGUMENT + google.rpc.BadRequest.
Not supported: expect_compressed (grpcio does not expose whether a request message was compressed).
"""
import argparse
import os
import sys
import threading
import time
from concurrent import futures

import interop_common as common

common.load_stubs()
import grpc  # noqa: E402
from google.protobuf import any_pb2  # noqa: E402
from google.rpc import error_details_pb2, status_pb2  # noqa: E402
from grpc.health.v1 import health_pb2, health_pb2_grpc  # noqa: E402
from grpc.testing import empty_pb2, messages_pb2, test_pb2_grpc  # noqa: E402

ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"


def zeros(size):
    return messages_pb2.Payload(body=b"\0" * size)


class Call:
    """Per-call helpers: echo metadata, echo status, and the call-id report."""

    def __init__(self, context):
        self.context = context
        self.metadata = dict(context.invocation_metadata())
        self.trailers = []
        if ECHO_TRAILING in self.metadata:
            self.trailers.append((ECHO_TRAILING, self.metadata[ECHO_TRAILING]))
            context.set_trailing_metadata(self.trailers)
        if ECHO_INITIAL in self.metadata:
            context.send_initial_metadata([(ECHO_INITIAL, self.metadata[ECHO_INITIAL])])
        call_id = self.metadata.get(common.CALL_ID_HEADER)
        if call_id:
            context.add_callback(lambda: common.emit(event=self.outcome(), call_id=call_id))

    def outcome(self):
        # On RST_STREAM grpcio's request iterator may end as if half-closed; the authoritative signal is
        # the close-on-server event's cancelled flag, which grpcio records in the call state before it
        # runs termination callbacks (there is no public accessor for it).
        return "cancelled" if getattr(self.context, "_state").client == "cancelled" else "completed"

    def abort_if_requested(self, status):
        if status.code != 0:
            self.context.abort(common.status_code(status.code), status.message)

    def compress(self, compressed):
        if compressed.value:
            self.context.set_compression(grpc.Compression.Gzip)


class TestService(test_pb2_grpc.TestServiceServicer):
    def EmptyCall(self, request, context):
        return empty_pb2.Empty()

    def UnaryCall(self, request, context):
        call = Call(context)
        call.compress(request.response_compressed)
        field = call.metadata.get(common.RICH_ERROR_HEADER)
        if field:
            violation = error_details_pb2.BadRequest.FieldViolation(field=field, description=request.response_status.message)
            detail = any_pb2.Any()
            detail.Pack(error_details_pb2.BadRequest(field_violations=[violation]))
            message = f"{field}: {request.response_status.message}"
            status = status_pb2.Status(code=grpc.StatusCode.INVALID_ARGUMENT.value[0], message=message, details=[detail])
            context.set_trailing_metadata(call.trailers + [("grpc-status-details-bin", status.SerializeToString())])
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, message)
        call.abort_if_requested(request.response_status)
        return messages_pb2.SimpleResponse(payload=zeros(request.response_size))

    def CacheableUnaryCall(self, request, context):
        return self.UnaryCall(request, context)

    def StreamingOutputCall(self, request, context):
        call = Call(context)
        yield from self._respond(call, request)
        call.abort_if_requested(request.response_status)

    def StreamingInputCall(self, request_iterator, context):
        call = Call(context)
        total = sum(len(request.payload.body) for request in request_iterator)
        return messages_pb2.StreamingInputCallResponse(aggregated_payload_size=total)

    def FullDuplexCall(self, request_iterator, context):
        call = Call(context)
        for request in request_iterator:
            call.abort_if_requested(request.response_status)
            yield from self._respond(call, request)

    def HalfDuplexCall(self, request_iterator, context):
        call = Call(context)
        for request in list(request_iterator):
            call.abort_if_requested(request.response_status)
            yield from self._respond(call, request)

    @staticmethod
    def _respond(call, request):
        if any(p.compressed.value for p in request.response_parameters):
            call.context.set_compression(grpc.Compression.Gzip)
        for parameters in request.response_parameters:
            if parameters.interval_us:
                time.sleep(parameters.interval_us / 1e6)
            if not parameters.compressed.value:
                call.context.disable_next_message_compression()
            yield messages_pb2.StreamingOutputCallResponse(payload=zeros(parameters.size))


class Health(health_pb2_grpc.HealthServicer):
    SERVING = {"", "grpc.testing.TestService"}

    def Check(self, request, context):
        if request.service not in self.SERVING:
            context.abort(grpc.StatusCode.NOT_FOUND, f"unknown service {request.service!r}")
        return health_pb2.HealthCheckResponse(status=health_pb2.HealthCheckResponse.SERVING)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--exit_with_parent", action="store_true", help="exit when stdin closes (the test host died)")
    args = parser.parse_args()
    # Enough workers that every concurrent call of the tests (and the streams they leave open) gets one.
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=256), maximum_concurrent_rpcs=None)
    test_pb2_grpc.add_TestServiceServicer_to_server(TestService(), server)
    health_pb2_grpc.add_HealthServicer_to_server(Health(), server)
    port = server.add_insecure_port(f"127.0.0.1:{args.port}")
    server.start()
    print(f"listening on {port}", flush=True)
    if args.exit_with_parent:
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    try:
        server.wait_for_termination()
    except KeyboardInterrupt:
        server.stop(0)


if __name__ == "__main__":
    main()

using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Json;

/// <summary>Why the facade refused a request before making any call, in the form the client will see.</summary>
internal sealed record JsonRejection(StatusCode Code, string Message, int HttpStatus, IReadOnlyList<FieldProblem> Problems)
{
    /// <summary>INVALID_ARGUMENT naming the field at fault (proto field names, as services name them).</summary>
    public static JsonRejection BadField(string field, string description) =>
        new(StatusCode.InvalidArgument, $"{field}: {description}", StatusCodes.Status400BadRequest, [new FieldProblem(field, description)]);

    public static JsonRejection Status(StatusCode code, string message, int httpStatus) => new(code, message, httpStatus, []);

    /// <summary>The field problems as a google.rpc.BadRequest detail, as a service would send them.</summary>
    public IEnumerable<Any> Details
    {
        get
        {
            if (Problems.Count == 0)
            {
                return [];
            }

            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(Problems.Select(p => new BadRequest.Types.FieldViolation { Field = p.Field, Description = p.Description }));
            return [Any.Pack(badRequest)];
        }
    }
}

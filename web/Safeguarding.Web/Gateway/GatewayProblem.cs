using Grpc.Core;

namespace Safeguarding.Web.Gateway;

/// <summary>A gateway refusal as a person reads it: what happened and what to do next. Never the raw status text of a
/// failure the person cannot act on.</summary>
public sealed record GatewayProblem(string Title, string Message, int HttpStatus)
{
    public static readonly GatewayProblem NotFound = new("Page not found",
        "There is nothing here for your organisation. Check the address, or go back to your measures.", StatusCodes.Status404NotFound);

    public static GatewayProblem From(RpcException ex) => ex.StatusCode switch
    {
        StatusCode.PermissionDenied => new("You do not have access to this",
            "Your role does not allow this. Ask your organisation's platform administrator for the role you need.", StatusCodes.Status403Forbidden),
        StatusCode.NotFound => NotFound,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition => new("There is a problem",
            ex.Status.Detail, StatusCodes.Status400BadRequest),
        StatusCode.ResourceExhausted => new("Too many requests",
            "You have asked for a lot in a short time. Wait a minute, then try again.", StatusCodes.Status429TooManyRequests),
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => new("Sorry, the platform is not answering",
            "Try again in a few minutes. If it keeps happening, tell your platform team.", StatusCodes.Status503ServiceUnavailable),
        _ => new("Sorry, something went wrong",
            "Try again. If it keeps happening, tell your platform team the time it happened.", StatusCodes.Status500InternalServerError),
    };
}

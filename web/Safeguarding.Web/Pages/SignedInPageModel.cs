using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Web.Gateway;
using Safeguarding.Web.Session;

namespace Safeguarding.Web.Pages;

/// <summary>A page for a signed-in person: anyone else is sent to sign in and brought back here afterwards.</summary>
public abstract class SignedInPageModel(WebSessions sessions, GatewayCalls gateway) : PageModel
{
    protected GatewayCalls Gateway { get; } = gateway;

    protected WebSessions Sessions { get; } = sessions;

    /// <summary>Who is signed in (set before any handler runs).</summary>
    public SignedInUser Person { get; private set; } = null!;

    /// <summary>What went wrong asking the platform, said so a person knows what to do next; null when nothing did.</summary>
    public GatewayProblem? Problem { get; protected set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Sessions.Read(Request) is not { } person)
        {
            context.Result = SignInAgain();
            return;
        }

        Person = person;
        ViewData["User"] = person;
        await next();
    }

    /// <summary>Runs a gateway call; a refusal becomes <see cref="Problem"/> (or a sign-in, when the session has ended).</summary>
    protected async Task<IActionResult?> AskAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.Unauthenticated)
        {
            Sessions.Clear(HttpContext);
            return SignInAgain();
        }
        catch (RpcException ex)
        {
            Problem = GatewayProblem.From(ex);
            Response.StatusCode = Problem.HttpStatus;
            return null;
        }
    }

    private RedirectResult SignInAgain() =>
        Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString));
}

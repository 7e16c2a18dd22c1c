using Grpc.Core;
using Safeguarding.Platform.Grpc;
using Safeguarding.Reporting.Narrative;
using Safeguarding.Reporting.V1;

namespace Safeguarding.Reporting.Actions;

/// <summary>Who may write an action: the rule every RPC that creates or changes a register action applies.</summary>
internal static class ActionWriteAccess
{
    /// <summary>
    /// The owner must be the target; the partnership it is held for must be the target too or the owner's own
    /// partnership (its profile's parent), so an organisation cannot put actions into another's register.
    /// </summary>
    public static async Task RequireWritableAsync(RegisterAction? action, ServerCallContext context, ProfileStore profiles)
    {
        if (action is null)
        {
            return;
        }

        var target = TargetOrganisation.From(context);
        target.Require("action.organisation_code", action.OrganisationCode);
        if (action.PartnershipCode.Length == 0 || target.Is(action.PartnershipCode))
        {
            return;
        }

        var profile = (await profiles.FindAllAsync([action.OrganisationCode], context.CancellationToken)).GetValueOrDefault(action.OrganisationCode);
        if (!string.Equals(profile?.ParentCode, action.PartnershipCode, StringComparison.Ordinal))
        {
            throw TargetOrganisation.NotTarget("action.partnership_code");
        }
    }
}

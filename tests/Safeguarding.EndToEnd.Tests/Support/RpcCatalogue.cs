using System.Reflection;
using Google.Protobuf.Reflection;
using Safeguarding.Measures.V1;

namespace Safeguarding.EndToEnd.Tests.Support;

/// <summary>Whether an RPC only reads or may change stored data, by the verb its name starts with.</summary>
public enum RpcKind
{
    Read,
    Write,
}

/// <summary>
/// Every RPC of every safeguarding.* service in the contracts (read from the proto descriptors, so a new RPC or a
/// new service is found without touching a test), classified as a read or a write by the verb its name starts
/// with. A verb on neither list classifies nothing: the tests that use this fail until someone decides.
/// </summary>
public static class RpcCatalogue
{
    // Export reads (an organisation's own records, audited), it changes nothing.
    private static readonly string[] ReadVerbs = ["Get", "List", "Search", "Aggregate", "Compute", "Compare", "Export"];

    private static readonly string[] WriteVerbs =
        ["Create", "Update", "Delete", "Set", "Define", "Revise", "Retire", "Record", "Correct", "Import", "Adopt", "Add", "Generate", "Submit", "Approve", "Publish", "Rebuild",
         "Save", "Start", "Moderate", "Finalise", "Close", "Notify", "Open", "Initiate", "Pause", "Resume", "Meet", "Issue", "Review", "Upload",
         "Accept", "Reopen", "Waive", "Validate", "Resolve", "Propose", "Edit", "Drop", "Share"];

    /// <summary>Every RPC of the platform's own services (packages safeguarding.*), in a stable order.</summary>
    public static IReadOnlyList<MethodDescriptor> All() =>
    [
        .. typeof(MeasuresServiceReflection).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .Where(f => f.Package.StartsWith("safeguarding.", StringComparison.Ordinal))
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .OrderBy(m => Key(m), StringComparer.Ordinal),
    ];

    /// <summary>"package.Service/Method".</summary>
    public static string Key(MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return $"{method.Service.FullName}/{method.Name}";
    }

    /// <summary>The RPC's kind, or null when its name starts with no known verb.</summary>
    public static RpcKind? Classify(string methodName)
    {
        static bool StartsWithVerb(string name, string verb) =>
            name.StartsWith(verb, StringComparison.Ordinal) && (name.Length == verb.Length || char.IsUpper(name[verb.Length]));

        return ReadVerbs.Any(v => StartsWithVerb(methodName, v)) ? RpcKind.Read
            : WriteVerbs.Any(v => StartsWithVerb(methodName, v)) ? RpcKind.Write
            : null;
    }
}

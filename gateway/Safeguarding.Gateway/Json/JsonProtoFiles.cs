using System.Reflection;
using Google.Protobuf.Reflection;
using Safeguarding.Measures.V1;

namespace Safeguarding.Gateway.Json;

/// <summary>A proto file offered over JSON beyond the platform's own (e.g. a test service); see <see cref="JsonFacadeExtensions.AddJsonFacadeProtos"/>.</summary>
internal sealed record JsonFacadeProtoFile(FileDescriptor File);

/// <summary>
/// The proto files the JSON facade knows: every generated file of the contracts project and the google.rpc error
/// details (Google.Api.CommonProtos, which Grpc.StatusProto brings), found by their *Reflection classes so a new service's
/// protos are offered without a change here, plus any registered <see cref="JsonFacadeProtoFile"/>.
/// </summary>
internal sealed class JsonProtoFiles
{
    public JsonProtoFiles(IEnumerable<JsonFacadeProtoFile> extra)
    {
        var byName = new Dictionary<string, FileDescriptor>(StringComparer.Ordinal);
        foreach (var file in Discover(typeof(MeasuresServiceReflection).Assembly)
                     .Concat(Discover(typeof(Google.Rpc.Status).Assembly))
                     .Concat(extra.Select(e => e.File)))
        {
            byName.TryAdd(file.Name, file);
        }

        All = [.. byName.Values];
    }

    public IReadOnlyList<FileDescriptor> All { get; }

    // protoc's C# output: a static class per file with a static FileDescriptor Descriptor property.
    private static IEnumerable<FileDescriptor> Discover(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!);
}

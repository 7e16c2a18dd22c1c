using Safeguarding.Measures.V1;
using Safeguarding.Platform.Persistence;
using Safeguarding.Platform.Testing;

namespace Safeguarding.Measures.Tests.Functional;

/// <summary>
/// The measures service with a partnership of three agencies under London (E12000007), for returns: the tree the
/// approval steps follow. Its own organisations, so the other fixtures' counts of London's organisations stay as they are.
/// </summary>
public abstract class ReturnsFixture : ServiceFixture
{
    public const string Region = "E12000007";
    public const string Partnership = "RT-LSCP";
    public const string Csc = "RT-CSC";
    public const string Health = "RT-HEALTH";
    public const string Police = "RT-POLICE";
    public const string London = "london-common";

    public ReturnsService.ReturnsServiceClient Returns { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = Organisations(
        (Partnership, "partnership", Region), (Csc, "agency", Partnership), (Health, "agency", Partnership), (Police, "agency", Partnership));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Returns = new ReturnsService.ReturnsServiceClient(Channel);
    }

    private static Dictionary<string, string?> Organisations(params (string Code, string Kind, string Parent)[] organisations)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < organisations.Length; i++)
        {
            // Index 0 is the common fixture's successor council.
            var prefix = $"Organisations:{i + 1}:";
            settings[prefix + "Code"] = organisations[i].Code;
            settings[prefix + "Name"] = "Returns test " + organisations[i].Code;
            settings[prefix + "Kind"] = organisations[i].Kind;
            settings[prefix + "Parent"] = organisations[i].Parent;
        }

        return settings;
    }
}

public sealed class SqliteReturnsFixture : ReturnsFixture
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.Create();

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override ValueTask DropDatabaseAsync() => _database.DisposeAsync();
}

public sealed class PostgresReturnsFixture : ReturnsFixture
{
    private PostgresTestDatabase? _database;

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        return _database.ConnectionString;
    }

    protected override ValueTask DropDatabaseAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}

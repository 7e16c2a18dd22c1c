using Microsoft.Data.Sqlite;
using Safeguarding.Gateway.Audit;
using Safeguarding.Gateway.Auth;
using Safeguarding.Gateway.Tests.Support;
using Safeguarding.GatewayTest.V1;
using Grpc.Core;
using Safeguarding.Platform.Grpc;

namespace Safeguarding.Gateway.Tests.Audit;

/// <summary>Row-level reads, writes and exports are recorded (who, what, when) before they happen, in a table that only grows.</summary>
public sealed class AuditTests(ForwardingFixture fixture) : IClassFixture<ForwardingFixture>
{
    [Fact]
    public async Task Reads_exports_and_denied_attempts_are_recorded_with_who_what_and_when()
    {
        var user = "auditee-" + Guid.NewGuid().ToString("N");
        var token = TestTokens.For(user, "camden-csc", Roles.Analyst);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await fixture.Gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token));
        using (var chat = fixture.Gateway.Channel.DuplexStreamingCall(GatewayHost.Chat, GatewayHost.As(token)))
        {
            await chat.RequestStream.CompleteAsync();
            await foreach (var _ in chat.ResponseStream.ReadAllAsync())
            {
            }
        }

        await Assert.ThrowsAsync<RpcException>(async () => await fixture.Gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token, target: "camden-police")));

        var rows = Read(fixture.Gateway.AuditDatabase, Pseudonym(user));
        Assert.Equal(
            [
                ("camden-csc", "read", "/safeguarding.gatewaytest.v1.EchoService/Echo", "camden-csc", "allowed"),
                ("camden-csc", "export", "/safeguarding.gatewaytest.v1.EchoService/Chat", "camden-csc", "allowed"),
                ("camden-csc", "read", "/safeguarding.gatewaytest.v1.EchoService/Echo", "camden-police", "denied"),
            ],
            rows.Select(r => (r.UserOrganisation, r.Action, r.Rpc, r.Target, r.Outcome)));
        Assert.All(rows, r => Assert.InRange(r.At, before, DateTimeOffset.UtcNow.AddSeconds(1)));
    }

    [Fact]
    public async Task A_subject_carrying_a_name_and_an_nhs_number_leaves_no_trace_in_the_audit_table_and_keeps_one_pseudonym()
    {
        var subject = "Jane Smith 9434765919";
        var token = TestTokens.For(subject, "camden-csc", Roles.Analyst);
        var plain = "auditee-" + Guid.NewGuid().ToString("N")[..8];

        await fixture.Gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token));
        await fixture.Gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token));
        await Assert.ThrowsAsync<RpcException>(async () => await fixture.Gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token, target: "camden-police")));
        await fixture.Gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(TestTokens.For(plain, "camden-csc", Roles.Analyst)));

        // Nothing of the subject anywhere in the table, nor in the database's files on disk.
        var table = Dump(fixture.Gateway.AuditDatabase);
        foreach (var trace in new[] { "Jane", "Smith", "9434765919" })
        {
            Assert.DoesNotContain(trace, table, StringComparison.OrdinalIgnoreCase);
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(fixture.Gateway.AuditDatabase)!, "audit.db*"))
            {
                Assert.DoesNotContain(trace, System.Text.Encoding.UTF8.GetString(ReadShared(file)), StringComparison.OrdinalIgnoreCase);
            }
        }

        // One stable pseudonym for the subject's three records; a plain id is pseudonymised too, never stored.
        var pseudonym = Pseudonym(subject);
        Assert.Matches("^pseudo:[0-9a-f]{24}$", pseudonym);
        Assert.Equal(["allowed", "allowed", "denied"], Read(fixture.Gateway.AuditDatabase, pseudonym).Select(r => r.Outcome));
        Assert.Single(Read(fixture.Gateway.AuditDatabase, Pseudonym(plain)));
        Assert.DoesNotContain(plain, table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_table_refuses_updates_and_deletes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.db");
        try
        {
            using (var sink = new SqliteAuditSink(path))
            {
                await sink.RecordAsync(new AuditRecord(DateTimeOffset.UtcNow, "u1", "camden", AuditAction.Read, "/x/Y", "camden", ["m1"], AuditOutcome.Allowed), CancellationToken.None);
            }

            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE audit_log SET user_id = 'someone-else'";
            Assert.Throws<SqliteException>(() => update.ExecuteNonQuery());
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM audit_log";
            Assert.Throws<SqliteException>(() => delete.ExecuteNonQuery());
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT resource_ids FROM audit_log WHERE user_id = 'u1'";
            Assert.Equal("m1", count.ExecuteScalar());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task When_the_audit_trail_cannot_record_the_call_is_refused()
    {
        await using var gateway = await GatewayHost.StartAsync(
            TestRegistry.Document(new Dictionary<string, Uri> { ["camden-shared"] = fixture.Camden.Address, ["islington"] = fixture.Islington.Address, ["islington-csc"] = fixture.IslingtonCsc.Address }),
            builder => builder.Services.AddSingleton<IAuditSink, BrokenSink>());
        var token = TestTokens.For("user-1", "camden-csc", Roles.Analyst);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Channel.UnaryCall(GatewayHost.Echo, new EchoRequest(), GatewayHost.As(token)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    private static List<(DateTimeOffset At, string UserOrganisation, string Action, string Rpc, string Target, string Outcome)> Read(string database, string user)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, user_organisation, action, rpc, target_organisation, outcome FROM audit_log WHERE user_id = $user ORDER BY id";
        command.Parameters.AddWithValue("$user", user);
        using var reader = command.ExecuteReader();
        var rows = new List<(DateTimeOffset, string, string, string, string, string)>();
        while (reader.Read())
        {
            rows.Add((DateTimeOffset.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return rows;
    }

    [Fact]
    public void A_production_gateway_needs_a_subject_key_of_its_own()
    {
        var production = new AuthOptions { Authority = "https://login.example.org/realms/safeguarding" };

        var missing = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => AuditSubjects.Create(new AuditOptions(), production));
        Assert.Contains("Gateway:Audit:SubjectKey", missing.Message, StringComparison.Ordinal);
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => AuditSubjects.Create(new AuditOptions { SubjectKey = "too short" }, production));

        var keyed = AuditSubjects.Create(new AuditOptions { SubjectKey = new string('k', 32) }, production);
        var other = AuditSubjects.Create(new AuditOptions { SubjectKey = new string('q', 32) }, production);
        Assert.NotEqual(keyed.Pseudonym("Jane Smith 9434765919"), other.Pseudonym("Jane Smith 9434765919"));
        Assert.Equal(keyed.Pseudonym("Jane Smith 9434765919"), AuditSubjects.Create(new AuditOptions { SubjectKey = new string('k', 32) }, production).Pseudonym("Jane Smith 9434765919"));
    }

    private string Pseudonym(string subject) => fixture.Gateway.Services.GetRequiredService<SubjectPseudonyms>().Pseudonym(subject);

    /// <summary>Every column of every row, as text.</summary>
    private static string Dump(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM audit_log";
        using var reader = command.ExecuteReader();
        var text = new System.Text.StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.GetValue(i)).Append('|');
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class BrokenSink : IAuditSink
    {
        public ValueTask RecordAsync(AuditRecord record, CancellationToken cancellationToken) => throw new IOException("disk full");
    }
}

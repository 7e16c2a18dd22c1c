using Safeguarding.Platform.Persistence.Schema;
using Safeguarding.Platform.Persistence.Tests.Upgrade;

namespace Safeguarding.Platform.Persistence.Tests;

public sealed class SchemaMigrationSetTests
{
    [Fact]
    public void Embedded_scripts_load_in_version_order_for_both_providers()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            var migrations = DemoDbContext.Migrations.For(provider);
            Assert.Equal([1, 2], migrations.Select(m => m.Version));
            Assert.Equal(["measures", "unit_and_polarity"], migrations.Select(m => m.Name));
            Assert.All(migrations, m => Assert.Equal(64, m.Checksum.Length));
        }

        Assert.Equal(2, DemoDbContext.Migrations.LatestVersion);
        Assert.Equal([1], DemoDbContext.Migrations.UpTo(1).For(DatabaseProvider.Postgres).Select(m => m.Version));
        Assert.Contains("CREATE TABLE platform_outbox", PlatformSchema.Migrations.For(DatabaseProvider.Postgres)[0].Script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_without_scripts_is_an_error()
    {
        var error = Assert.Throws<SchemaMigrationException>(() =>
            SchemaMigrationSet.FromEmbeddedResources(typeof(SchemaMigrationSetTests).Assembly, "none", "No.Such.Prefix"));
        Assert.Contains("no migration scripts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_connection_string_is_reported()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder().UsePlatformDatabase(new PersistenceOptions { Provider = DatabaseProvider.Postgres }));
        Assert.Contains("Persistence:ConnectionString", error.Message, StringComparison.Ordinal);
    }
}

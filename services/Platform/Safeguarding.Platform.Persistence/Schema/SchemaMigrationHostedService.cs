using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Safeguarding.Platform.Persistence.Schema;

/// <summary>Brings the schema up to date before the rest of the host starts; a failure stops startup.</summary>
internal sealed class SchemaMigrationHostedService<TContext>(IServiceProvider services) : IHostedService
    where TContext : DbContext
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateDatabaseAsync<TContext>(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

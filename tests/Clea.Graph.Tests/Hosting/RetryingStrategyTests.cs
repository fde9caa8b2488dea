using Clea.Data;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Clea.Graph.Tests.Hosting;

/// <summary>
/// Issue 15: PostgreSQL reads run under a retrying execution strategy (<see cref="ReadRetryingExecutionStrategy"/>).
/// A retrying strategy refuses user-initiated transactions outside its own <c>ExecuteAsync</c>: OpenIddict's stores
/// open serializable transactions to delete and prune, so they are exercised here on both providers.
/// </summary>
public sealed class RetryingStrategyTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_configured_strategy_retries_reads_on_PostgreSQL_only(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider, demo: false);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        // SQLite: no connection to lose; a busy database is waited on by Microsoft.Data.Sqlite itself.
        Assert.Equal(provider == DatabaseProvider.Postgres, strategy.RetriesOnFailure);
        if (provider == DatabaseProvider.Postgres) Assert.IsType<ReadRetryingExecutionStrategy>(strategy);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OpenIddict_deletes_and_prunes_under_the_strategy(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider, demo: false);
        string? authorizationId;
        await using (var scope = api.Services.CreateAsyncScope())
            authorizationId = await CreateEntriesAsync(scope.ServiceProvider);

        // A fresh scope, as each request has: revocation (bulk update), pruning (bulk delete) and deletion (a
        // serializable transaction inside the strategy) all go through.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            Assert.True(await tokens.RevokeByAuthorizationIdAsync(authorizationId!) >= 1);
            Assert.True(await tokens.PruneAsync(DateTimeOffset.UtcNow.AddDays(-1)) >= 1);
            await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(DateTimeOffset.UtcNow.AddDays(-1));
            await applications.DeleteAsync((await applications.FindByClientIdAsync("retry-test"))!);
            Assert.Null(await applications.FindByClientIdAsync("retry-test"));
        }
    }

    private static async Task<string?> CreateEntriesAsync(IServiceProvider services)
    {
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        var authorizations = services.GetRequiredService<IOpenIddictAuthorizationManager>();
        var tokens = services.GetRequiredService<IOpenIddictTokenManager>();

        var application = await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = "retry-test", ClientType = OpenIddictConstants.ClientTypes.Public,
        });
        var applicationId = await applications.GetIdAsync(application);
        var authorization = await authorizations.CreateAsync(new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = applicationId, Subject = "someone", Status = OpenIddictConstants.Statuses.Revoked,
            Type = OpenIddictConstants.AuthorizationTypes.Permanent, CreationDate = DateTimeOffset.UtcNow.AddDays(-30),
        });
        var authorizationId = await authorizations.GetIdAsync(authorization);
        await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            ApplicationId = applicationId, AuthorizationId = authorizationId, Subject = "someone",
            Status = OpenIddictConstants.Statuses.Redeemed, Type = OpenIddictConstants.TokenTypeHints.RefreshToken,
            CreationDate = DateTimeOffset.UtcNow.AddDays(-30), ExpirationDate = DateTimeOffset.UtcNow.AddDays(-20),
        });
        await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            ApplicationId = applicationId, AuthorizationId = authorizationId, Subject = "someone",
            Status = OpenIddictConstants.Statuses.Valid, Type = OpenIddictConstants.TokenTypeHints.RefreshToken,
            CreationDate = DateTimeOffset.UtcNow, ExpirationDate = DateTimeOffset.UtcNow.AddDays(10),
        });
        return authorizationId;
    }
}

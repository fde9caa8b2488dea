using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Clea.Auth.Server;

/// <summary>
/// Deletes expired, redeemed or revoked tokens and authorizations left without tokens, every
/// <see cref="CleaIdentityOptions.PruneInterval"/> (OpenIddict.Quartz does the same elsewhere; it is not used here).
/// Entries younger than the refresh-token lifetime are kept, so reuse of a rotated refresh token is still detected.
/// </summary>
internal sealed partial class TokenPruning(IServiceScopeFactory scopes, IOptions<CleaIdentityOptions> options, TimeProvider time,
    ILogger<TokenPruning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await PruneOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task PruneOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var threshold = time.GetUtcNow() - options.Value.RefreshTokenLifetime;
            var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
            var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
            LogPruned(logger, tokens, authorizations);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed pass (database briefly away) is retried at the next tick; it must not stop the host.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity: pruned {Tokens} token(s) and {Authorizations} authorization(s).")]
    private static partial void LogPruned(ILogger logger, long tokens, long authorizations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity: pruning tokens failed; retried at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Clea.Graph.Identity;
using GraphQL;

namespace Clea.Graph.Http;

/// <summary>Configuration section <c>RateLimits</c>: requests per minute per caller.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Per client IP address, for callers without a token.</summary>
    public int AnonymousPerMinute { get; set; } = 120;
    /// <summary>Per signed-in person (organism, Instance, auditor, administrator).</summary>
    public int UserPerMinute { get; set; } = 600;
    /// <summary>Per integrator client: CPF/EDOF platforms verify in volume.</summary>
    public int IntegratorPerMinute { get; set; } = 3_000;
    /// <summary>
    /// <c>verifyCertificate</c> per caller (subject, or IP address when anonymous), on top of the above: low enough that
    /// guessing a number and a name is hopeless, high enough for an employer checking a few CVs.
    /// </summary>
    public int CertificateVerificationPerMinute { get; set; } = 10;
}

/// <summary>
/// The dedicated, stricter limit of the <c>verifyCertificate</c> field (a guessing target): a fixed one-minute window per
/// caller, refused with <c>RATE_LIMITED</c> on the field itself.
/// </summary>
public sealed class CertificateVerificationThrottle(RateLimitOptions limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.CertificateVerificationPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public void Acquire(ClaimsPrincipal? user, string? ip)
    {
        var (key, _) = RateLimits.Partition(user ?? new ClaimsPrincipal(), ip, limits);
        using var lease = _limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
            throw new ExecutionError($"At most {limits.CertificateVerificationPerMinute} certificate verifications per minute per caller: retry in a minute.")
            {
                Code = RateLimits.RateLimited,
            };
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// A fixed one-minute window per caller: integrators (by client) get the highest allowance, people (by subject) the next,
/// anonymous callers (by IP address) the lowest. A refused request gets 429, a Retry-After header and a GraphQL error
/// body with code <c>RATE_LIMITED</c>. Runs after authentication so the caller is known.
/// </summary>
public static class RateLimits
{
    public const string RateLimited = "RATE_LIMITED";

    public static IServiceCollection AddCleaRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(new CertificateVerificationThrottle(limits));
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var (key, perMinute) = Partition(http.User, http.Connection.RemoteIpAddress?.ToString(), limits);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                http.Response.ContentType = GraphQLHttpEndpoint.JsonMediaType + "; charset=utf-8";
                var result = new ExecutionResult
                {
                    Errors = [new ExecutionError("Too many requests for this caller in the current minute: retry after the Retry-After delay.") { Code = RateLimited }],
                };
                await http.RequestServices.GetRequiredService<IGraphQLSerializer>().WriteAsync(http.Response.Body, result, cancellationToken);
            };
        });
    }

    internal static (string Key, int PerMinute) Partition(ClaimsPrincipal user, string? ip, RateLimitOptions limits)
    {
        // Before GraphQL runs there is no request caller yet: the caller implementation reads the token's identity for us.
        if (ClaimsCaller.RateLimitIdentity(user) is { } identity)
            return identity.Integrator
                ? ("client:" + identity.Subject, limits.IntegratorPerMinute)
                : ("user:" + identity.Subject, limits.UserPerMinute);
        return ("ip:" + (ip ?? "unknown"), limits.AnonymousPerMinute);
    }
}

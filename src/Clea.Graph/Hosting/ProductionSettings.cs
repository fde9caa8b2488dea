using Clea.Auth.Server;

namespace Clea.Graph.Hosting;

/// <summary>
/// Outside Development the host refuses to start while a setting it cannot guess is missing, and names them all at once
/// (so an operator fixes the unit file in one go rather than one restart per setting). docs/operations.md lists them.
/// </summary>
public static class ProductionSettings
{
    /// <summary>The missing settings, as configuration keys (environment variables use <c>__</c> for <c>:</c>).</summary>
    public static IReadOnlyList<string> Missing(IConfiguration configuration)
    {
        var missing = new List<string>();
        // The SQLite file beside the binaries is a development convenience: a production node names its database.
        if (string.IsNullOrWhiteSpace(configuration["Database:ConnectionString"])) missing.Add("Database:ConnectionString");
        var identity = configuration.GetSection(CleaIdentityOptions.Section).Get<CleaIdentityOptions>() ?? new CleaIdentityOptions();
        missing.AddRange(IdentityKeys.MissingProductionSettings(identity));
        // Notifications are legal acts: a production node must know how to send them (or be told not to).
        if (configuration.GetValue("Mail:Enabled", false) && string.IsNullOrWhiteSpace(configuration["Mail:PickupDirectory"]))
        {
            if (string.IsNullOrWhiteSpace(configuration["Mail:From"])) missing.Add("Mail:From");
            if (string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"])) missing.Add("Mail:Smtp:Host");
        }
        return missing;
    }

    public static void EnsureComplete(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment()) return;
        var missing = Missing(configuration);
        if (missing.Count == 0) return;
        throw new InvalidOperationException(
            $"CleaGraph cannot start outside Development ({environment.EnvironmentName}) with missing setting(s): {string.Join(", ", missing)}. " +
            $"Set them as environment variables ({string.Join(", ", missing.Select(k => k.Replace(":", "__", StringComparison.Ordinal)))}) " +
            "or in appsettings.Production.json; see docs/operations.md.");
    }
}

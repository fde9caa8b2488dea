namespace Clea.Graph.Hosting;

/// <summary>
/// The host's clock. With <c>Clock:Today</c> set (e.g. "2029-06-01"; Development and demos only) it answers that date,
/// the time of day running on from the real clock, so a demo can show expiry, renewal or invoicing without waiting
/// years. Elsewhere the setting is refused at start-up; without it the system clock is used.
/// </summary>
public sealed class ConfiguredClock(TimeSpan offset) : TimeProvider
{
    public const string Key = "Clock:Today";

    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public static TimeProvider From(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text)) return System;
        if (!environment.IsDevelopment())
            throw new InvalidOperationException($"{Key} moves the legal clock: it is for Development and demos only, not for the {environment.EnvironmentName} environment.");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", out var today))
            throw new InvalidOperationException($"{Key} must be a date like 2029-06-01; '{text}' is not one.");
        var now = System.GetUtcNow();
        return new ConfiguredClock(today.ToDateTime(TimeOnly.MinValue) - now.UtcDateTime.Date);
    }
}

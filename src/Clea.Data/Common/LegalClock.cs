namespace Clea.Data.Common;

/// <summary>
/// Legal dates (decisions, validity, deadlines) are French calendar dates: "today" is the date in Paris,
/// read from the injected <see cref="TimeProvider"/> so tests and the demo can move time.
/// </summary>
public static class LegalClock
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(this TimeProvider time)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Paris).DateTime);
}

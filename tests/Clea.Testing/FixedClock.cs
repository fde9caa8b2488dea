namespace Clea.Testing;

/// <summary>A clock tests can read and move; "today" in tests is a known date, never the machine's.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>10:00 UTC on 24 November 2026, a Tuesday: 11:00 in Paris, same legal date.</summary>
    public static readonly DateTimeOffset Default = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now = now;

    public FixedClock() : this(Default)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now += by;
}

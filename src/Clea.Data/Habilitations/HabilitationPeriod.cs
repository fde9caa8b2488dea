namespace Clea.Data.Habilitations;

/// <summary>What an habilitation was during one period of its history.</summary>
public enum HabilitationPeriodStatus
{
    /// <summary>Filed, not decided (or not notified) yet.</summary>
    Pending,
    /// <summary>In force during the initial 3-year period.</summary>
    Active,
    /// <summary>In force during the automatic 3-year renewal.</summary>
    Renewed,
    /// <summary>Suspended by the Instance: all activity stops; the period is not extended.</summary>
    Suspended,
    Withdrawn,
    Expired,
    Renounced,
    Refused,
}

/// <summary>
/// One dated period of an habilitation's history; <see cref="Until"/> is its last day, null when open-ended;
/// <see cref="CorrectedOn"/> is the day of the latest correction that changed the answer for one of its days.
/// </summary>
public sealed record HabilitationPeriod(HabilitationPeriodStatus Status, DateOnly From, DateOnly? Until, DateOnly? CorrectedOn = null)
{
    public bool Covers(DateOnly date) => From <= date && (Until is null || date <= Until);
}

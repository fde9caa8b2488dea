namespace Clea.Data.Habilitations;

/// <summary>A dated suspension. It never extends the validity period; an open one has no end date yet.</summary>
public sealed class Suspension
{
    public int Id { get; private set; }
    public DateOnly From { get; private set; }
    /// <summary>Last day of suspension (inclusive); null while it lasts.</summary>
    public DateOnly? Until { get; private set; }

    private Suspension() { }

    internal Suspension(DateOnly from) => From = from;

    public bool Covers(DateOnly date) => From <= date && (Until is null || Until >= date);

    internal void Lift(DateOnly lastDay) => Until = lastDay;

    internal void Reopen() => Until = null;

    /// <summary>A correction of the first day (see <see cref="Habilitation.Correct"/>).</summary>
    internal void MoveStart(DateOnly from) => From = from;
}

using Clea.Data.Calendar;
using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Registry;

namespace Clea.Data.Situations;

/// <summary>The changes of situation an habilitated organism must declare (convention §III.7).</summary>
public enum SituationChangeKind
{
    Name,
    LegalStatus,
    Managers,
    HeadOfficeAddress,
    Merger,
    Split,
    ActivityTransfer,
    Cessation,
    /// <summary>Liquidation, receivership (redressement) or safeguard proceedings.</summary>
    Receivership,
    DeclarationNumber,
    QualiopiLoss,
}

/// <summary>
/// A change of situation declared by the organism, with the day it happened and the day it was declared. It must be
/// declared within 30 days (<see cref="Deadlines.ChangeOfSituationDeclaration"/>): a later one is kept and flagged late.
/// A loss of Qualiopi ends EDOF eligibility from the day it happened.
/// </summary>
public sealed class SituationChange : EventSource
{
    public const int DescriptionMaxLength = 2000;

    public int Id { get; private set; }
    public int OrganismId { get; private set; }
    public Organism Organism { get; private set; } = null!;
    public SituationChangeKind Kind { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public DateOnly DeclaredOn { get; private set; }
    public string? Description { get; private set; }
    /// <summary>Declared after the last allowed day (<see cref="DeclarationDueOn"/>).</summary>
    public bool Late { get; private set; }

    /// <summary>The last day the change could be declared in time.</summary>
    public DateOnly DeclarationDueOn => Deadlines.ChangeOfSituationDeclaration.After(OccurredOn);

    private SituationChange() { }

    private SituationChange(Organism organism, SituationChangeKind kind, DateOnly occurredOn, DateOnly declaredOn, string? description)
    {
        Organism = organism;
        OrganismId = organism.Id;
        Kind = kind;
        OccurredOn = occurredOn;
        DeclaredOn = declaredOn;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Late = declaredOn > DeclarationDueOn;
    }

    /// <summary>The organism declares, on <paramref name="declaredOn"/> (today), a change that happened on <paramref name="occurredOn"/>.</summary>
    public static SituationChange Declare(Organism organism, SituationChangeKind kind, DateOnly occurredOn, DateOnly declaredOn, string? description)
    {
        if (occurredOn > declaredOn)
            throw new DomainRuleException(SituationErrors.ChangeInFuture,
                $"A change of situation is declared once it happened; {occurredOn:yyyy-MM-dd} is after today ({declaredOn:yyyy-MM-dd}).");
        if (description?.Length > DescriptionMaxLength)
            throw new DomainRuleException(SituationErrors.DescriptionTooLong, $"A description holds at most {DescriptionMaxLength} characters.");
        var change = new SituationChange(organism, kind, occurredOn, declaredOn, description);
        if (kind == SituationChangeKind.QualiopiLoss) organism.LoseQualiopi(occurredOn);
        var lateness = change.Late ? $" Declared late: due by {change.DeclarationDueOn:yyyy-MM-dd}." : "";
        change.Raise(new LifecycleEvent(LifecycleEventKind.ChangeDeclared, occurredOn, organism,
            $"{kind} on {occurredOn:yyyy-MM-dd}, declared {declaredOn:yyyy-MM-dd}.{lateness} {change.Description}".TrimEnd(),
            reference: kind.ToString()));
        return change;
    }
}

/// <summary>Stable error codes of changes of situation (documented in the README).</summary>
public static class SituationErrors
{
    public const string ChangeInFuture = "CHANGE_IN_FUTURE";
    public const string DescriptionTooLong = "DESCRIPTION_TOO_LONG";
}

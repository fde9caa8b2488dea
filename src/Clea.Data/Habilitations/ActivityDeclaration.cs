using Clea.Data.Common;

namespace Clea.Data.Habilitations;

/// <summary>Activity figures of a period (the form's "bilan d'activité"): files registered, evaluations, people certified.</summary>
public sealed record ActivityFigures(int Registered, int PriorEvaluations, int FinalEvaluations, int Certified)
{
    public const int Max = 1_000_000;

    /// <summary>Any evaluation or certificate is a use of the habilitation (the condition of its automatic renewal).</summary>
    public bool CountsAsUse => PriorEvaluations + FinalEvaluations + Certified > 0;

    internal void Validate()
    {
        int[] all = [Registered, PriorEvaluations, FinalEvaluations, Certified];
        if (all.Any(n => n is < 0 or > Max))
            throw new DomainRuleException(HabilitationErrors.InvalidActivityFigures, $"Activity figures are counts between 0 and {Max:N0}.");
        if (Certified > FinalEvaluations + PriorEvaluations)
            throw new DomainRuleException(HabilitationErrors.InvalidActivityFigures,
                $"Nobody is certified without an evaluation: {Certified} certified for {PriorEvaluations} prior and {FinalEvaluations} final evaluations.");
    }

    public override string ToString()
        => $"{Registered} registered, {PriorEvaluations} prior evaluations, {FinalEvaluations} final evaluations, {Certified} certified";
}

/// <summary>Activity figures declared by the organism under one habilitation, for one period.</summary>
public sealed class ActivityDeclaration
{
    public int Id { get; private set; }
    public int HabilitationId { get; private set; }
    public DateOnly DeclaredOn { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public int Registered { get; private set; }
    public int PriorEvaluations { get; private set; }
    public int FinalEvaluations { get; private set; }
    public int Certified { get; private set; }

    private ActivityDeclaration() { }

    internal ActivityDeclaration(DateOnly declaredOn, DateOnly periodFrom, DateOnly periodTo, ActivityFigures figures)
    {
        DeclaredOn = declaredOn;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        (Registered, PriorEvaluations, FinalEvaluations, Certified) = figures;
    }
}

using Clea.Data.Applications;
using Clea.Data.Habilitations;
using GraphQL.Types;

namespace Clea.Graph.Applications;

public sealed class ApplicationKindEnum : EnumerationGraphType<ApplicationKind>
{
    public ApplicationKindEnum() => Name = "ApplicationKind";
}

public sealed class ApplicationTypeEnum : EnumerationGraphType<ApplicationType>
{
    public ApplicationTypeEnum()
    {
        Name = "ApplicationType";
        Description = "A first application, or the re-application of an organism after 6 years of habilitation.";
    }
}

public sealed class ApplicationStatusEnum : EnumerationGraphType<ApplicationStatus>
{
    public ApplicationStatusEnum() => Name = "ApplicationStatus";
}

public sealed class CriterionEnum : EnumerationGraphType<Criterion>
{
    public CriterionEnum()
    {
        Name = "Criterion";
        Description = "The 4 cumulative criteria of convention §II, and a CPNE's contextualisation criteria.";
    }
}

public sealed class CoverageEnum : EnumerationGraphType<Coverage>
{
    public CoverageEnum() => Name = "Coverage";
}

public sealed class AppealOutcomeEnum : EnumerationGraphType<AppealOutcome>
{
    public AppealOutcomeEnum() => Name = "AppealOutcome";
}

public sealed class DecisionOutcomeEnum : EnumerationGraphType<DecisionOutcome>
{
    public DecisionOutcomeEnum() => Name = "DecisionOutcome";
}

using Clea.Data.Applications;
using Clea.Graph.Common;
using GraphQL.Types;
using ApplicationFile = Clea.Data.Applications.Application;

namespace Clea.Graph.Applications;

public sealed class InformationRequestType : ObjectGraphType<InformationRequest>
{
    public InformationRequestType()
    {
        Name = "InformationRequest";
        Field<NonNullGraphType<IsoDateGraphType>>("requestedOn").Resolve(ctx => ctx.Source.RequestedOn);
        Field(r => r.Items).Description("What is missing.");
        Field<IsoDateGraphType>("answeredOn").Resolve(ctx => ctx.Source.AnsweredOn);
        Field(r => r.Answer, nullable: true);
    }
}

public sealed class CriterionVerdictType : ObjectGraphType<CriterionVerdict>
{
    public CriterionVerdictType()
    {
        Name = "CriterionVerdict";
        Field<NonNullGraphType<CriterionEnum>>("criterion").Resolve(ctx => ctx.Source.Criterion);
        Field(v => v.Label, nullable: true).Description("The name of a contextualisation criterion.");
        Field(v => v.Met);
        Field(v => v.Comment);
    }
}

public sealed class OpinionType : ObjectGraphType<Opinion>
{
    public OpinionType()
    {
        Name = "Opinion";
        Description = "The reasoned opinion, settled at the latest 5 working days before its meeting.";
        Field<NonNullGraphType<IsoDateGraphType>>("givenOn").Resolve(ctx => ctx.Source.GivenOn);
        Field<NonNullGraphType<IsoDateGraphType>>("meetingOn").Resolve(ctx => ctx.Source.MeetingOn);
        Field(o => o.Favourable).Description("True when every criterion is met.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionVerdictType>>>>("verdicts").Resolve(ctx => ctx.Source.Verdicts);
        Field(o => o.Comment, nullable: true);
    }
}

public sealed class DecisionType : ObjectGraphType<Decision>
{
    public DecisionType()
    {
        Name = "ApplicationDecision";
        Description = "The Instance's decision on the file (decisions are public; the registry shows them on the habilitations).";
        Field<NonNullGraphType<IsoDateGraphType>>("meetingOn").Resolve(ctx => ctx.Source.MeetingOn);
        Field<NonNullGraphType<IsoDateGraphType>>("notifiedOn").Resolve(ctx => ctx.Source.NotifiedOn);
        Field<NonNullGraphType<DecisionOutcomeEnum>>("outcome").Description("PARTLY_ACCEPTED: a network file whose candidates were decided differently (see candidates.decision).")
            .Resolve(ctx => ctx.Source.Outcome);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionVerdictType>>>>("reasons").Description("A refusal's reasons per criterion (when every candidate shares them; otherwise see candidates.decision).")
            .Resolve(ctx => ctx.Source.Reasons);
        Field(d => d.Comment, nullable: true);
        Field(d => d.Warning, nullable: true).Description("Set when the notification came later than 20 working days after the meeting.");
        Field<IsoDateGraphType>("appealUntil").Description("A refusal: last day to file an appeal (30 working days after notification).")
            .Resolve(ctx => ctx.Source.AppealUntil);
    }
}

public sealed class CandidateDecisionType : ObjectGraphType<CandidateDecision>
{
    public CandidateDecisionType()
    {
        Name = "CandidateDecision";
        Description = "One candidate's part of the decision on its file (each candidate is habilitated individually).";
        Field<NonNullGraphType<DecisionOutcomeEnum>>("outcome").Resolve(ctx => ctx.Source.Outcome);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionVerdictType>>>>("reasons").Description("A refusal's reasons per criterion.")
            .Resolve(ctx => ctx.Source.Reasons);
        Field<IsoDateGraphType>("appealUntil").Description("A refusal: last day to file an appeal.").Resolve(ctx => ctx.Source.AppealUntil);
    }
}

public sealed class AppealType : ObjectGraphType<Appeal>
{
    public AppealType()
    {
        Name = "Appeal";
        Description = "An appeal against a refusal: acknowledged within 10 and examined within 25 working days, decided at a meeting after its filing (normally the next).";
        Field<NonNullGraphType<IsoDateGraphType>>("filedOn").Resolve(ctx => ctx.Source.FiledOn);
        Field(a => a.Grounds);
        Field<NonNullGraphType<IsoDateGraphType>>("acknowledgementDue").Resolve(ctx => ctx.Source.AcknowledgementDue);
        Field<IsoDateGraphType>("acknowledgedOn").Resolve(ctx => ctx.Source.AcknowledgedOn);
        Field<NonNullGraphType<BooleanGraphType>>("acknowledgementOverdue").Description("Acknowledged (or still not, today) after its due date.")
            .Resolve(ctx => ctx.Source.AcknowledgementOverdue(ctx.Today()));
        Field<NonNullGraphType<IsoDateGraphType>>("examinationDue").Resolve(ctx => ctx.Source.ExaminationDue);
        Field<NonNullGraphType<BooleanGraphType>>("examinationOverdue").Description("Decided (or still not, today) after its due date.")
            .Resolve(ctx => ctx.Source.ExaminationOverdue(ctx.Today()));
        Field<NonNullGraphType<AppealOutcomeEnum>>("outcome").Resolve(ctx => ctx.Source.Outcome);
        Field<BooleanGraphType>("decidedAtNextMeeting").Description("Once decided: false when a later meeting than the first after filing decided it (allowed, flagged).")
            .Resolve(ctx => ctx.Source.DecidedAtNextMeeting);
        Field<IsoDateGraphType>("decidedOn").Resolve(ctx => ctx.Source.DecidedOn);
        Field<IsoDateGraphType>("notifiedOn").Resolve(ctx => ctx.Source.NotifiedOn);
        Field(a => a.Reason, nullable: true);
    }
}

/// <summary>What <c>decide</c> answers: the file, and a warning when the notification came late.</summary>
public sealed record DecidePayload(ApplicationFile Application, string? Warning);

public sealed class DecidePayloadType : ObjectGraphType<DecidePayload>
{
    public DecidePayloadType()
    {
        Name = "DecidePayload";
        Field<NonNullGraphType<ApplicationGraphType>>("application").Resolve(ctx => ctx.Source.Application);
        Field(p => p.Warning, nullable: true).Description("Set when the notification is later than 20 working days after the meeting (kept on the decision).");
    }
}

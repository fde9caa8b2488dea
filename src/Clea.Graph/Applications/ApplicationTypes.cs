using Clea.Data.Referentials;
using Clea.Auth.Policies;
using Clea.Data.Applications;
using Clea.Data.Habilitations;
using Clea.Graph.Common;
using Clea.Graph.Habilitations;
using Clea.Graph.Instances;
using Clea.Graph.Privacy;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.Types;
using ApplicationFile = Clea.Data.Applications.Application;

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

/// <summary>A campaign: open campaigns are public information.</summary>
public sealed class CampaignType : ObjectGraphType<Campaign>
{
    public CampaignType()
    {
        Name = "Campaign";
        Description = "An application campaign of an Instance for one certification: applications are accepted while it is open.";
        Field(c => c.Code);
        Field(c => c.Name);
        Field(c => c.Certification, type: typeof(NonNullGraphType<CertificationCodeEnum>));
        Field<NonNullGraphType<InstanceType>>("instance")
            .ResolveAsync(async ctx => (await ctx.RequestServices!.GetRequiredService<ReferenceData>().GetAsync()).InstancesById[ctx.Source.InstanceId]);
        Field<NonNullGraphType<IsoDateGraphType>>("opensOn").Resolve(ctx => ctx.Source.OpensOn);
        Field<NonNullGraphType<IsoDateGraphType>>("closesOn").Resolve(ctx => ctx.Source.ClosesOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IsoDateGraphType>>>>("meetingDates")
            .Description("The Instance's decision meetings for this campaign.").Resolve(ctx => ctx.Source.MeetingDates);
        Field<NonNullGraphType<BooleanGraphType>>("open").Description("Whether applications are accepted on the given date (default today).")
            .Argument<IsoDateGraphType>("on").Resolve(ctx => ctx.Source.IsOpenOn(ctx.GetArgument<DateOnly?>("on") ?? ctx.Today()));
    }
}

public sealed class SiteSnapshotType : ObjectGraphType<SiteSnapshot>
{
    public SiteSnapshotType()
    {
        Name = "ApplicationSite";
        Description = "A site as listed in the file.";
        Field(s => s.Siret);
        Field(s => s.Name);
        Field(s => s.Street, nullable: true);
        Field(s => s.PostalCode);
        Field(s => s.City);
        Field(s => s.Department).Description("INSEE code of the département.");
    }
}

public sealed class TurnoverSnapshotType : ObjectGraphType<TurnoverSnapshot>
{
    public TurnoverSnapshotType()
    {
        Name = "ApplicationTurnover";
        Field(t => t.Year);
        Field(t => t.AmountEuros);
    }
}

public sealed class ContactSnapshotType : ObjectGraphType<ContactSnapshot>
{
    public ContactSnapshotType()
    {
        Name = "ApplicationContact";
        Field(c => c.Name);
        Field(c => c.Email);
        Field(c => c.Phone, nullable: true);
    }
}

public sealed class CandidateSnapshotType : ObjectGraphType<CandidateSnapshot>
{
    public CandidateSnapshotType()
    {
        Name = "ApplicationCandidateIdentity";
        Description = "A candidate organism's identity sheet, as filed.";
        Field(c => c.Siren);
        Field(c => c.Name);
        Field(c => c.NafCode, nullable: true);
        Field(c => c.DeclarationNumber, nullable: true);
        Field(c => c.Qualiopi);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TurnoverSnapshotType>>>>("turnover").Resolve(ctx => ctx.Source.Turnover);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SiteSnapshotType>>>>("sites").Resolve(ctx => ctx.Source.Sites);
    }
}

public sealed class IntervenantSnapshotType : ObjectGraphType<IntervenantSnapshot>
{
    public IntervenantSnapshotType()
    {
        Name = "ApplicationIntervenant";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Description = "An intervenant as declared in the file (personal data).";
        Field(i => i.FirstName);
        Field(i => i.LastName);
        Field(i => i.Evaluator);
        Field(i => i.Trainer);
        Field(i => i.RemoteEvaluation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("qualifications").Resolve(ctx => ctx.Source.Qualifications);
    }
}

public sealed class AdministrativePartType : ObjectGraphType<(ApplicationFile File, AdministrativePart Part)>
{
    public AdministrativePartType()
    {
        Name = "AdministrativePart";
        Description = "The administrative part of a file: identity sheets, contacts, coverage, sites, intervenants.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CandidateSnapshotType>>>>("candidates").Resolve(ctx => ctx.Source.Part.Candidates);
        Field<ContactSnapshotType>("mainContact").Resolve(ctx => ctx.Source.Part.MainContact);
        Field<ContactSnapshotType>("billingContact").Resolve(ctx => ctx.Source.Part.BillingContact);
        Field<NonNullGraphType<CoverageEnum>>("coverage").Resolve(ctx => ctx.Source.Part.Coverage);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("regions").Description("INSEE codes of the regions served.")
            .Resolve(ctx => ctx.Source.Part.Regions);
        Field<StringGraphType>("groupementName").Resolve(ctx => ctx.Source.Part.GroupementName);
        Field<StringGraphType>("mandateReference").Description("A network's mandate letter.").Resolve(ctx => ctx.Source.Part.MandateReference);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntervenantSnapshotType>>>>("intervenants")
            .Description("The evaluators and trainers of the file (personal data: every read is logged).")
            .Resolve(ctx =>
            {
                var log = ctx.RequestServices!.GetRequiredService<PersonalDataAccessLog>();
                log.Record(ctx.Source.File.FiledByOrganismId, "Application.intervenants", ctx.Source.Part.Intervenants.Count);
                return ctx.Source.Part.Intervenants;
            });
    }
}

public sealed class ModalityChoiceType : ObjectGraphType<ModalityChoice>
{
    public ModalityChoiceType()
    {
        Name = "EvaluationModalityChoice";
        Field(m => m.SubCompetence).Description("Code of the sub-competence (sub-domain) of the référentiel.");
        Field(m => m.Modality).Description("QCM, reconstituted situation, case study, interview…");
    }
}

public sealed class ActivityFiguresType : ObjectGraphType<Clea.Data.Habilitations.ActivityFigures>
{
    public ActivityFiguresType()
    {
        Name = "ActivityFigures";
        Description = "A renewal's activity of the past period.";
        Field("filesRegistered", a => a.Registered);
        Field(a => a.PriorEvaluations);
        Field(a => a.FinalEvaluations);
        Field("peopleCertified", a => a.Certified);
    }
}

public sealed class TechnicalPartType : ObjectGraphType<TechnicalPart>
{
    public TechnicalPartType()
    {
        Name = "TechnicalPart";
        Description = "The technical part of a file: evaluation modality per sub-competence, remote evaluation, training, quality.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModalityChoiceType>>>>("modalities").Resolve(ctx => ctx.Source.Modalities);
        Field(t => t.EvaluationProcess, nullable: true);
        Field(t => t.RemoteEvaluation, nullable: true).Description("Remote-evaluation arrangements, when offered.");
        Field(t => t.Training, nullable: true).Description("Training engineering.");
        Field(t => t.Quality, nullable: true).Description("Quality-assurance approach.");
        Field<ActivityFiguresType>("activity").Resolve(ctx => ctx.Source.Activity);
    }
}

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
        Field<NonNullGraphType<DecisionOutcomeEnum>>("outcome").Resolve(ctx => ctx.Source.Outcome);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriterionVerdictType>>>>("reasons").Description("A refusal's reasons per criterion.")
            .Resolve(ctx => ctx.Source.Reasons);
        Field(d => d.Comment, nullable: true);
        Field(d => d.Warning, nullable: true).Description("Set when the notification came later than 20 working days after the meeting.");
        Field<IsoDateGraphType>("appealUntil").Description("A refusal: last day to file an appeal (30 working days after notification).")
            .Resolve(ctx => ctx.Source.AppealUntil);
    }
}

public sealed class AppealType : ObjectGraphType<Appeal>
{
    public AppealType()
    {
        Name = "Appeal";
        Description = "An appeal against a refusal: acknowledged within 10 and examined within 25 working days, decided at the next meeting.";
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
        Field<IsoDateGraphType>("decidedOn").Resolve(ctx => ctx.Source.DecidedOn);
        Field<IsoDateGraphType>("notifiedOn").Resolve(ctx => ctx.Source.NotifiedOn);
        Field(a => a.Reason, nullable: true);
    }
}

public sealed class ApplicationCandidateType : ObjectGraphType<ApplicationCandidate>
{
    public ApplicationCandidateType()
    {
        Name = "ApplicationCandidate";
        Description = "A candidate organism of the file and its habilitation (pending until decided).";
        Field<NonNullGraphType<OrganismType>>("organism")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<OrganismByIdLoader>().Load(ctx.Source.OrganismId));
        Field<NonNullGraphType<HabilitationType>>("habilitation")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<HabilitationByIdLoader>().Load(ctx.Source.HabilitationId));
    }
}

/// <summary>An application file, for the organism that filed it or applies in it, its Instance's staff and administrators.</summary>
public sealed class ApplicationGraphType : ObjectGraphType<ApplicationFile>
{
    public ApplicationGraphType()
    {
        Name = "Application";
        this.AuthorizeWithPolicy(CleaPolicies.ApplicationReader);
        Description = "An application for habilitation: its parts, instruction, decision and appeal.";
        this.ImplementNode(NodeIds.Application, a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(a => a.ReceiptNumber).Description("The receipt (récépissé) number sent on filing.");
        Field<NonNullGraphType<IsoDateGraphType>>("filedOn").Resolve(ctx => ctx.Source.FiledOn);
        Field<NonNullGraphType<CampaignType>>("campaign").Resolve(ctx => ctx.Source.Campaign);
        Field(a => a.Certification, type: typeof(NonNullGraphType<CertificationCodeEnum>));
        Field(a => a.Kind, type: typeof(NonNullGraphType<ApplicationKindEnum>));
        Field(a => a.Type, type: typeof(NonNullGraphType<ApplicationTypeEnum>));
        Field(a => a.Scope, type: typeof(NonNullGraphType<HabilitationScopeEnum>)).Description("The requested scope.");
        Field(a => a.Status, type: typeof(NonNullGraphType<ApplicationStatusEnum>));
        Field<NonNullGraphType<OrganismType>>("filedBy").Description("The organism whose staff filed (a network's mandataire).")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<OrganismByIdLoader>().Load(ctx.Source.FiledByOrganismId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationCandidateType>>>>("candidates").Resolve(ctx => ctx.Source.Candidates);
        Field<NonNullGraphType<AdministrativePartType>>("administrative").Resolve(ctx => (ctx.Source, ctx.Source.Administrative));
        Field<NonNullGraphType<TechnicalPartType>>("technical").Resolve(ctx => ctx.Source.Technical);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("completenessIssues")
            .Description("What the file lacks to be complete, by the completeness rules (empty when complete).")
            .ResolveAsync(async ctx => ctx.Source.CompletenessIssues(await ctx.Service<IReferenceCatalog>().SubCompetencesAsync(ctx.Source.Certification, ctx.CancellationToken)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InformationRequestType>>>>("informationRequests")
            .Resolve(ctx => ctx.Source.InformationRequests.OrderBy(r => r.Id));
        Field<OpinionType>("opinion").Resolve(ctx => ctx.Source.Opinion);
        Field<IsoDateGraphType>("hearingOn").Resolve(ctx => ctx.Source.HearingOn);
        Field<IsoDateGraphType>("convocationSentOn").Resolve(ctx => ctx.Source.ConvocationSentOn);
        Field<DecisionType>("decision").Resolve(ctx => ctx.Source.Decision);
        Field<AppealType>("appeal").Resolve(ctx => ctx.Source.Appeal);
    }
}

public sealed class ApplicationConnectionType() : ConnectionGraphType<ApplicationGraphType, ApplicationEdgeType, ApplicationFile>("Application");

public sealed class ApplicationEdgeType() : EdgeGraphType<ApplicationGraphType, ApplicationFile>("Application");

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

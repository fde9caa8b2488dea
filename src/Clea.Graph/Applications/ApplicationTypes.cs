using Clea.Auth.Policies;
using Clea.Data.Instances;
using Clea.Data.Applications;
using Clea.Data.Referentials;
using Clea.Graph.Common;
using Clea.Graph.Habilitations;
using Clea.Graph.Instances;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.Types;
using ApplicationFile = Clea.Data.Applications.Application;

namespace Clea.Graph.Applications;

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
            .Resolve(ReferenceData.Resolver<Campaign, Instance>((reference, c) => reference.InstancesById[c.InstanceId]));
        Field<NonNullGraphType<IsoDateGraphType>>("opensOn").Resolve(ctx => ctx.Source.OpensOn);
        Field<NonNullGraphType<IsoDateGraphType>>("closesOn").Resolve(ctx => ctx.Source.ClosesOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IsoDateGraphType>>>>("meetingDates")
            .Description("The Instance's decision meetings for this campaign.").Resolve(ctx => ctx.Source.MeetingDates);
        Field<NonNullGraphType<BooleanGraphType>>("open").Description("Whether applications are accepted on the given date (default today).")
            .Argument<IsoDateGraphType>("on").Resolve(ctx => ctx.Source.IsOpenOn(ctx.GetArgument<DateOnly?>("on") ?? ctx.Today()));
    }
}

public sealed class ApplicationCandidateType : ObjectGraphType<ApplicationCandidate>
{
    public ApplicationCandidateType()
    {
        Name = "ApplicationCandidate";
        Description = "A candidate organism of the file and its habilitation (pending until decided).";
        Field<NonNullGraphType<OrganismType>>("organism")
            .Resolve(ctx => ctx.Service<OrganismByIdLoader>().Load(ctx.Source.OrganismId));
        Field<NonNullGraphType<HabilitationType>>("habilitation")
            .Resolve(ctx => ctx.Service<HabilitationByIdLoader>().Load(ctx.Source.HabilitationId));
        Field<CandidateDecisionType>("decision").Description("This candidate's outcome and reasons, once the file is decided.")
            .Resolve(ctx => ctx.Source.Decision);
        Field<AppealType>("appeal").Description("This candidate's appeal against its refusal.").Resolve(ctx => ctx.Source.Appeal);
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
            .Resolve(ctx => ctx.Service<OrganismByIdLoader>().Load(ctx.Source.FiledByOrganismId));
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
        Field<AppealType>("appeal").Description("The appeal of an individual file (a network file's candidates appeal one by one: see candidates.appeal).")
            .Resolve(ctx => ctx.Source.Appeal);
    }
}

public sealed class CampaignConnectionType() : ConnectionGraphType<CampaignType, CampaignEdgeType, Campaign>("Campaign");

public sealed class CampaignEdgeType() : EdgeGraphType<CampaignType, Campaign>("Campaign");

public sealed class ApplicationConnectionType() : ConnectionGraphType<ApplicationGraphType, ApplicationEdgeType, ApplicationFile>("Application");

public sealed class ApplicationEdgeType() : EdgeGraphType<ApplicationGraphType, ApplicationFile>("Application");

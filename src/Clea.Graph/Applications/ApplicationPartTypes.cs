using Clea.Auth.Policies;
using Clea.Data.Applications;
using Clea.Graph.Common;
using Clea.Graph.Privacy;
using GraphQL;
using GraphQL.Types;
using ApplicationFile = Clea.Data.Applications.Application;

namespace Clea.Graph.Applications;

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
                var log = ctx.Service<PersonalDataAccessLog>();
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

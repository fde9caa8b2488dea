using System.Globalization;
using Clea.Auth.Policies;
using Clea.Data.Evaluations;
using Clea.Graph.Common;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Evaluations;

public sealed class FundingSchemeEnum : EnumerationGraphType<FundingScheme>
{
    public FundingSchemeEnum()
    {
        Name = "FundingScheme";
        Description = "How the candidate's path is funded (CPF: compte personnel de formation).";
    }
}

public sealed class EvaluationKindEnum : EnumerationGraphType<EvaluationKind>
{
    public EvaluationKindEnum() => Name = "EvaluationKind";
}

public sealed class EvaluationModalityEnum : EnumerationGraphType<EvaluationModality>
{
    public EvaluationModalityEnum()
    {
        Name = "EvaluationModality";
        Description = "On site, remote synchronous, or remote asynchronous/automated (remote needs the safeguards of annexe 3).";
    }
}

public sealed class EvaluationOutcomeEnum : EnumerationGraphType<EvaluationOutcome>
{
    public EvaluationOutcomeEnum() => Name = "EvaluationOutcome";
}

public sealed class CertificateDeliveryEnum : EnumerationGraphType<CertificateDelivery>
{
    public CertificateDeliveryEnum()
    {
        Name = "CertificateDelivery";
        Description = "The candidate's choice: a paper certificate or a PDF.";
    }
}

public sealed class JuryMemberQualityEnum : EnumerationGraphType<JuryMemberQuality>
{
    public JuryMemberQualityEnum()
    {
        Name = "JuryMemberQuality";
        Description = "The quality in which a member sits on the jury (a CléA Socle jury is joint: employers and employee representatives).";
    }
}

public sealed class CertificateIssuerKindEnum : EnumerationGraphType<CertificateIssuerKind>
{
    public CertificateIssuerKindEnum()
    {
        Name = "CertificateIssuerKind";
        Description = "Who issues, signs and sends a certificate: the organism (Numérique, Management) or the regional Transitions Pro (Socle).";
    }
}

public sealed class CandidateAppealKindEnum : EnumerationGraphType<CandidateAppealKind>
{
    public CandidateAppealKindEnum() => Name = "CandidateAppealKind";
}

/// <summary>A registered candidate and the whole path (personal data: the organism's staff and its auditors only).</summary>
public sealed class CandidateType : ObjectGraphType<Candidate>
{
    public CandidateType()
    {
        Name = "Candidate";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Description = "A candidate of an organism (personal data: the organism's staff and the auditors of its open audits; reads are logged).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeIds.Encode(NodeIds.Candidate, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("reference").Description("The file's stable random reference.")
            .Resolve(ctx => ctx.Source.Reference.ToString("D", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<CertificationCodeEnum>>("certification").Resolve(ctx => ctx.Source.Certification);
        Field<NonNullGraphType<IsoDateGraphType>>("registeredOn").Resolve(ctx => ctx.Source.RegisteredOn);
        Field<NonNullGraphType<SiteType>>("site")
            .Resolve(ctx => ctx.Service<SiteByIdLoader>().Load(ctx.Source.SiteId));
        Field<NonNullGraphType<FundingSchemeEnum>>("funding").Resolve(ctx => ctx.Source.Funding);
        Field(c => c.FirstName, nullable: true).Description("Null once the personal data is erased.");
        Field(c => c.LastName, nullable: true).Description("Null once the personal data is erased.");
        Field<IsoDateGraphType>("birthDate").Resolve(ctx => ctx.Source.BirthDate);
        Field(c => c.Email, nullable: true);
        Field(c => c.Phone, nullable: true);
        Field(c => c.Accommodations, nullable: true).Description("Disability accommodations (never a change of content or level).");
        Field<IsoDateGraphType>("personalDataErasedOn").Resolve(ctx => ctx.Source.PersonalDataErasedOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvaluationType>>>>("evaluations")
            .Resolve(ctx => ctx.Source.Evaluations.OrderBy(e => e.HeldOn).ThenBy(e => e.Kind).ToList());
        Field<TrainingPathType>("trainingPath").Resolve(ctx => ctx.Source.TrainingPath);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JuryDecisionType>>>>("juryDecisions")
            .Resolve(ctx => ctx.Source.JuryDecisions.OrderBy(d => d.DecidedOn).ToList());
        Field<CertificateType>("certificate").Resolve(ctx => ctx.Source.Certificate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CandidateAppealType>>>>("appeals").Resolve(ctx => ctx.Source.Appeals);
        Field<NonNullGraphType<ResultsMatrixType>>("resultsMatrix")
            .Description("Every domain and sub-competence of the référentiel, and the evaluation that validated it (the mandatory results matrix).")
            .Resolve(ReferenceData.Resolver<Candidate, object>((reference, candidate)
                => ResultsMatrix.Of(candidate, reference.Certifications.Single(c => c.Code == candidate.Certification))));
    }
}

public sealed class EvaluationType : ObjectGraphType<Evaluation>
{
    public EvaluationType()
    {
        Name = "Evaluation";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeIds.Encode(NodeIds.Evaluation, ctx.Source.Id));
        Field<NonNullGraphType<EvaluationKindEnum>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IsoDateGraphType>>("heldOn").Resolve(ctx => ctx.Source.HeldOn);
        Field<NonNullGraphType<EvaluationModalityEnum>>("modality").Resolve(ctx => ctx.Source.Modality);
        Field<NonNullGraphType<IdGraphType>>("evaluatorId").Resolve(ctx => NodeIds.Encode(NodeIds.Intervenant, ctx.Source.EvaluatorId));
        Field(e => e.IdentityChecked);
        Field(e => e.AttendanceSigned);
        Field(e => e.FeasibilityChecked).Description("Remote: the prior feasibility phase took place.");
        Field(e => e.ReinforcedSupport).Description("Remote: reinforced support was provided.");
        Field(e => e.SynchronousPhases).Description("Remote: synchronous phases (identity, rules) took place.");
        Field(e => e.ReferentialVersion);
        Field(e => e.ReferentialContext, nullable: true);
        Field<NonNullGraphType<EvaluationOutcomeEnum>>("outcome").Resolve(ctx => ctx.Source.Outcome);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvaluationResultType>>>>("results").Resolve(ctx => ctx.Source.Results);
    }
}

public sealed class EvaluationResultType : ObjectGraphType<EvaluationResult>
{
    public EvaluationResultType()
    {
        Name = "EvaluationResult";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Field<NonNullGraphType<StringGraphType>>("subCompetence").ResolveAsync(async ctx =>
            (object?)(await ResultsMatrix.SubDomainAsync(ctx, ctx.Source.SubDomainId)).Code);
        Field(r => r.Acquired);
        Field<NonNullGraphType<IdGraphType>>("evaluatorId").Resolve(ctx => NodeIds.Encode(NodeIds.Intervenant, ctx.Source.EvaluatorId));
    }
}

public sealed class TrainingPathType : ObjectGraphType<TrainingPath>
{
    public TrainingPathType()
    {
        Name = "TrainingPath";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Field<NonNullGraphType<IsoDateGraphType>>("startedOn").Resolve(ctx => ctx.Source.StartedOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("trainerIds")
            .Resolve(ctx => ctx.Source.Trainers.Select(t => NodeIds.Encode(NodeIds.Intervenant, t.IntervenantId)).ToList());
    }
}

public sealed class JuryDecisionType : ObjectGraphType<JuryDecision>
{
    public JuryDecisionType()
    {
        Name = "JuryDecision";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Field<NonNullGraphType<IsoDateGraphType>>("decidedOn").Description("The date of the results.").Resolve(ctx => ctx.Source.DecidedOn);
        Field(d => d.Validated);
        Field(d => d.MinutesReference, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JuryMemberType>>>>("members").Description("Who sat on the jury.")
            .Resolve(ctx => ctx.Source.Members);
    }
}

public sealed class JuryMemberType : ObjectGraphType<JuryMember>
{
    public JuryMemberType()
    {
        Name = "JuryMember";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Field(m => m.Name);
        Field<NonNullGraphType<JuryMemberQualityEnum>>("quality").Resolve(ctx => ctx.Source.Quality);
        Field<IdGraphType>("intervenantId").Description("The organism's intervenant this member is, if any.")
            .Resolve(ctx => ctx.Source.IntervenantId is { } id ? NodeIds.Encode(NodeIds.Intervenant, id) : null);
        Field(m => m.LinkedToOrganism).Description("True when the member is linked to the organism.");
    }
}

/// <summary>Who issued a certificate, as the certificate states it.</summary>
public sealed record CertificateIssuer(CertificateIssuerKind Kind, string Name, string? RegionCode);

public sealed class CertificateIssuerType : ObjectGraphType<CertificateIssuer>
{
    public CertificateIssuerType()
    {
        Name = "CertificateIssuer";
        Description = "Who issues, signs and sends the certificate.";
        this.AllowAnonymous();
        Field<NonNullGraphType<CertificateIssuerKindEnum>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(i => i.Name).Description("The issuer's name as on the certificate (e.g. Transitions Pro Auvergne-Rhône-Alpes).");
        Field(i => i.RegionCode, nullable: true).Description("A Transitions Pro's region (INSEE code).");
    }
}

public sealed class CertificateType : ObjectGraphType<Certificate>
{
    public CertificateType()
    {
        Name = "Certificate";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Field(c => c.Number).Description("Random, with a check character; verifiable with verifyCertificate.");
        Field<NonNullGraphType<CertificationCodeEnum>>("certification").Resolve(ctx => ctx.Source.Certification);
        Field<NonNullGraphType<IsoDateGraphType>>("issuedOn").Resolve(ctx => ctx.Source.IssuedOn);
        Field<NonNullGraphType<CertificateDeliveryEnum>>("delivery").Resolve(ctx => ctx.Source.Delivery);
        Field<NonNullGraphType<CertificateIssuerType>>("issuer").Description("The organism, or for CléA Socle the Transitions Pro of the candidate's region.")
            .Resolve(ctx => new CertificateIssuer(ctx.Source.IssuerKind, ctx.Source.IssuerName, ctx.Source.IssuerRegionCode));
    }
}

public sealed class CandidateAppealType : ObjectGraphType<CandidateAppeal>
{
    public CandidateAppealType()
    {
        Name = "CandidateAppeal";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Field<NonNullGraphType<CandidateAppealKindEnum>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IsoDateGraphType>>("filedOn").Resolve(ctx => ctx.Source.FiledOn);
        Field(a => a.Reason, nullable: true);
    }
}

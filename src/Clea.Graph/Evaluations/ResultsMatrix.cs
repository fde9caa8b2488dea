using Clea.Auth.Policies;
using Clea.Data.Evaluations;
using Clea.Data.Referentials;
using Clea.Graph.Common;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Evaluations;

/// <summary>
/// The results matrix the organism gives every candidate (annexe 3): each domain and sub-competence of the référentiel,
/// whether it is validated, and by which evaluation.
/// </summary>
public sealed record ResultsMatrix(CertificationCode Certification, string ReferentialVersion, bool Complete, IReadOnlyList<ResultsMatrix.DomainRow> Domains)
{
    public sealed record DomainRow(string Code, string Title, bool Validated, IReadOnlyList<SubRow> SubCompetences);

    public sealed record SubRow(string Code, string? Title, bool Acquired, Evaluation? ValidatedBy);

    public static ResultsMatrix Of(Candidate candidate, Certification referential)
    {
        var acquired = candidate.AcquiredSubDomains();
        var domains = referential.Domains.Select(d =>
        {
            var subs = d.SubDomains.Select(s => new SubRow(s.Code, s.Title, acquired.ContainsKey(s.Id),
                acquired.TryGetValue(s.Id, out var by) ? by.Evaluation : null)).ToList();
            return new DomainRow(d.Code, d.Title, subs.All(s => s.Acquired), subs);
        }).ToList();
        return new ResultsMatrix(candidate.Certification, referential.ReferentialVersion, domains.All(d => d.Validated), domains);
    }

    /// <summary>A sub-competence of any référentiel, from the in-memory reference data (no SQL).</summary>
    internal static async Task<SubDomain> SubDomainAsync(IResolveFieldContext ctx, int id)
    {
        var reference = await ctx.Service<ReferenceData>().GetAsync();
        return reference.Certifications.SelectMany(c => c.Domains).SelectMany(d => d.SubDomains).Single(s => s.Id == id);
    }
}

public sealed class ResultsMatrixType : ObjectGraphType<ResultsMatrix>
{
    public ResultsMatrixType()
    {
        Name = "ResultsMatrix";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Field(m => m.ReferentialVersion);
        Field(m => m.Complete).Description("Every domain is validated: the jury may validate the certification.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResultsMatrixDomainType>>>>("domains").Resolve(ctx => ctx.Source.Domains);
    }
}

public sealed class ResultsMatrixDomainType : ObjectGraphType<ResultsMatrix.DomainRow>
{
    public ResultsMatrixDomainType()
    {
        Name = "ResultsMatrixDomain";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Field(d => d.Code);
        Field(d => d.Title);
        Field(d => d.Validated);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResultsMatrixSubCompetenceType>>>>("subCompetences").Resolve(ctx => ctx.Source.SubCompetences);
    }
}

public sealed class ResultsMatrixSubCompetenceType : ObjectGraphType<ResultsMatrix.SubRow>
{
    public ResultsMatrixSubCompetenceType()
    {
        Name = "ResultsMatrixSubCompetence";
        this.AuthorizeWithPolicy(CleaPolicies.CandidateData);
        Field(s => s.Code);
        Field(s => s.Title, nullable: true);
        Field(s => s.Acquired);
        Field<EvaluationType>("validatedBy").Description("The evaluation that validated it; null while not acquired.").Resolve(ctx => ctx.Source.ValidatedBy);
    }
}

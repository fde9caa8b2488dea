using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Auth.Users;
using Clea.Data;
using Clea.Data.Evaluations;
using Clea.Data.Fees;
using Clea.Data.Intervenants;
using Clea.Data.Registry;
using Clea.Data.Users;
using Clea.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Evaluations;

/// <summary>Helpers of the evaluation scenarios: declared intervenants, registered candidates, direct database set-up.</summary>
internal static class EvaluationWorld
{
    /// <summary>CléA Numérique's sub-competences (référentiel order).</summary>
    public static readonly string[] Numerique = ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"];

    public const string CandidateFields = """
        id reference certification registeredOn firstName lastName funding personalDataErasedOn
        evaluations { kind heldOn outcome modality results { subCompetence acquired } }
        trainingPath { startedOn trainerIds }
        juryDecisions { decidedOn validated }
        certificate { number issuedOn delivery certification }
        appeals { kind filedOn }
        resultsMatrix { complete domains { code validated subCompetences { code acquired validatedBy { kind heldOn } } } }
        """;

    public const string Register = $"mutation($input: RegisterCandidateInput!) {{ registerCandidate(input: $input) {{ {CandidateFields} }} }}";
    public const string Prior = $"mutation($id: ID!, $input: EvaluationInput!) {{ recordPriorEvaluation(candidateId: $id, input: $input) {{ {CandidateFields} }} }}";
    public const string Final = $"mutation($id: ID!, $input: EvaluationInput!) {{ recordFinalEvaluation(candidateId: $id, input: $input) {{ {CandidateFields} }} }}";
    public const string Training = $"mutation($id: ID!, $trainers: [ID!]!, $on: Date) {{ recordTrainingPath(candidateId: $id, trainerIds: $trainers, startedOn: $on) {{ {CandidateFields} }} }}";
    /// <summary>The jury's decision; its members default to one organism member (fine for Numérique; Socle needs a joint jury).</summary>
    public const string Jury = $"mutation($id: ID!, $validated: Boolean!, $on: Date, $members: [JuryMemberInput!]! = [{{ name: \"Claire Petit\", quality: OTHER, linkedToOrganism: true }}]) {{ recordJuryDecision(candidateId: $id, validated: $validated, decidedOn: $on, delivery: PAPER, members: $members) {{ {CandidateFields} juryDecisions {{ members {{ name quality intervenantId linkedToOrganism }} }} certificate {{ issuer {{ kind name regionCode }} }} }} }}";

    /// <summary>A joint CléA Socle jury, not linked to the organism.</summary>
    public static readonly object[] JointJury =
        [new { name = "Marc Durand", quality = "EMPLOYER_REPRESENTATIVE" }, new { name = "Sofia Benali", quality = "EMPLOYEE_REPRESENTATIVE" }];
    public const string Appeal = $"mutation($id: ID!, $on: Date) {{ fileCandidateAppeal(candidateId: $id, kind: CONTEST_RESULTS, filedOn: $on, reason: \"Domaine 3\") {{ {CandidateFields} }} }}";
    public const string ReadCandidate = $"query($id: ID!) {{ candidate(id: $id) {{ {CandidateFields} }} }}";
    public const string Verify = "query($n: String!, $name: String!) { verifyCertificate(number: $n, lastName: $name) { authentic certification issuedOn organismSiren organismName issuer { kind name regionCode } } }";

    public static async Task<string> DeclareAsync(CleaApi api, string token, string lastName, bool evaluator, bool trainer, bool remote = false)
    {
        var response = await api.PostAsAsync(token, "mutation($input: DeclareIntervenantInput!) { declareIntervenant(input: $input) { id } }",
            new { input = new { firstName = "Claude", lastName, evaluator, trainer, remoteEvaluation = remote } });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("declareIntervenant").GetProperty("id").GetString()!;
    }

    public static object Candidate(string siret, string certification = "CLEA_NUMERIQUE", string? registeredOn = null, string lastName = "Dupont")
        => new { siret, certification, registeredOn, firstName = "Léa", lastName, birthDate = "1990-04-12", email = "lea.dupont@example.fr", funding = "CPF", accommodations = "Tiers temps" };

    public static object Evaluation(string evaluatorId, IEnumerable<(string Code, bool Acquired)> results, string? heldOn = null, string modality = "ON_SITE", object? remote = null)
        => new
        {
            heldOn, modality, evaluatorId, identityChecked = true, attendanceSigned = true, remote,
            results = results.Select(r => new { subCompetence = r.Code, acquired = r.Acquired }).ToArray(),
        };

    public static IEnumerable<(string, bool)> AllBut(string[] codes, params string[] notAcquired) => codes.Select(c => (c, !notAcquired.Contains(c)));

    public static JsonElement Field(GraphQLResponse response, string name)
    {
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty(name);
    }

    public static async Task<string> HeadOfficeAsync(CleaApi api, string siren)
        => (await api.QueryAsync("query($s: String!) { organism(siren: $s) { sites { siret } } }", new { s = siren }))
            .GetProperty("organism").GetProperty("sites")[0].GetProperty("siret").GetString()!;

    /// <summary>A staff account of any organism, and its token.</summary>
    public static async Task<string> StaffOfAsync(CleaApi api, string siren)
    {
        var email = $"staff-{siren}@test.clea";
        using (var scope = api.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, "Staff", DemoAccounts.Password, UserRole.OrganismStaff, organismSiren: siren);
        return await api.TokenForAsync(email);
    }

    public static async Task<T> WithDbAsync<T>(CleaApi api, Func<CleaDbContext, Task<T>> work)
    {
        using var scope = api.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<CleaDbContext>());
    }

    /// <summary>
    /// Seeds, through the domain, a certified candidate of <paramref name="siren"/> registered while its habilitation was in
    /// force (admissible at the prior evaluation, validated by the jury the same day); returns the certificate number.
    /// </summary>
    public static Task<string> SeedCertifiedCandidateAsync(CleaApi api, string siren, string lastName)
        => WithDbAsync(api, async db =>
        {
            var organism = await db.Organisms.Include(o => o.Sites).SingleAsync(o => o.Siren == Siren.Parse(siren));
            var habilitations = await db.Habilitations.Include(h => h.Suspensions).Where(h => h.OrganismId == organism.Id).ToListAsync();
            var habilitation = habilitations.Single();
            var day = habilitation.ValidFrom!.Value.AddDays(10);
            var evaluator = Intervenant.Declare(organism, "Eva", "Luatrice", evaluator: true, trainer: false, [], remoteEvaluation: false, habilitation.ValidFrom.Value);
            db.Intervenants.Add(evaluator);
            await db.SaveChangesAsync();
            var referential = await db.Certifications.AsNoTracking().Include(c => c.Domains).ThenInclude(d => d.SubDomains)
                .SingleAsync(c => c.Code == habilitation.Certification);
            var fees = new FeeSchedule(await db.FeeTariffs.AsNoTracking().ToListAsync());
            var candidate = Clea.Data.Evaluations.Candidate.Register(organism, organism.Sites.First(), habilitation.Certification, day,
                new CandidateIdentity("Léa", lastName, new DateOnly(1990, 4, 12), null, null, FundingScheme.Cpf), habilitations);
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            var input = new EvaluationInput(day, EvaluationModality.OnSite, evaluator.Id, true, true,
                [.. referential.Domains.SelectMany(d => d.SubDomains).Select(s => new ResultInput(s.Code, true))]);
            var (_, priorFee) = candidate.RecordPriorEvaluation(input, referential, habilitations, [evaluator], organism, fees);
            if (priorFee is not null) db.FeeLines.Add(priorFee);
            var (_, certificate, fee) = candidate.RecordJuryDecision(day, true, CertificateDelivery.Pdf, null, referential, habilitations, organism, fees,
                new JuryComposition([new JuryMemberInput("Claire Petit", JuryMemberQuality.Other)], [evaluator],
                    await db.Departments.Where(d => d.Code == organism.Sites.First().Address.DepartmentCode).Select(d => d.Region).SingleOrDefaultAsync()));
            db.FeeLines.Add(fee!);
            await db.SaveChangesAsync();
            return certificate!.Number;
        });
}

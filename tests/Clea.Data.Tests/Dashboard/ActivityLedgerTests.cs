using Clea.Data.Dashboard;
using Clea.Data.Evaluations;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Data.Tests.Seeding;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Tests.Dashboard;

/// <summary>
/// The dashboard ledgers (<see cref="ActivityDay"/>, <see cref="CertificateDelay"/>, <see cref="CertificatePriorMonth"/>)
/// stay equal to the facts they count when facts are recorded (a registration, a prior and a final evaluation, a jury's
/// certificate and its fee), corrected (an evaluation's date, a certificate withdrawn, another's issue date moved to the
/// next month, fee lines invoiced) and erased (candidates' personal data): after each save the dashboard equals a
/// brute-force count over periods with whole and partial months, and the ledgers equal ones rebuilt from scratch. Both
/// providers.
/// </summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class ActivityLedgerTests(SeededDatabases databases)
{
    private static readonly DateOnly Today = SeededDatabases.Today;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Recording_correcting_and_erasing_facts_keeps_the_dashboard_equal_to_a_brute_force_count(DatabaseProvider provider)
    {
        var template = await databases.For(provider);
        // The shared seeded database keeps idle pooled sessions; PostgreSQL copies a template only when none is connected.
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var database = await TestDatabase.CloneAsync(template);
        int organismId;
        await using (var db = database.NewContext())
        {
            organismId = (await db.Organisms.SingleAsync(o => o.Siren == Siren.Parse(DemoFixtures.RichDashboard))).Id;
            await AssertLedgerEqualsFactsAsync(db, organismId, "the seeded demo");
        }

        // Recording: a registration, its prior evaluation (all acquired) and the jury's certificate, each saved on its own.
        await using (var db = database.NewContext())
        {
            var organism = await db.Organisms.Include(o => o.Sites).SingleAsync(o => o.Id == organismId);
            var habilitations = await db.Habilitations.Include(h => h.Suspensions).Where(h => h.OrganismId == organismId).ToListAsync();
            var habilitation = habilitations.First(h => h.StatusOn(Today.AddDays(-10)) == HabilitationStatus.Active);
            var site = organism.Sites.First(s => s.IsOpenOn(Today.AddDays(-10)));
            var candidate = Candidate.Register(organism, site, habilitation.Certification, Today.AddDays(-10),
                new CandidateIdentity("Lou", "Ledger", new DateOnly(1990, 3, 4), null, null, FundingScheme.Cpf, null), habilitations);
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();

            var referential = await db.Certifications.Include(c => c.Domains).ThenInclude(d => d.SubDomains).SingleAsync(c => c.Code == candidate.Certification);
            var intervenants = await db.Intervenants.AsNoTracking().Where(i => i.OrganismId == organismId).ToListAsync();
            var evaluator = intervenants.First(i => i.Evaluator && i.IsActiveOn(Today.AddDays(-10)));
            var fees = await Billing.ScheduleAsync(db);
            var results = referential.Domains.SelectMany(d => d.SubDomains).Select(s => new ResultInput(s.Code, true)).ToList();
            var (_, priorFee) = candidate.RecordPriorEvaluation(new EvaluationInput(Today.AddDays(-5), EvaluationModality.OnSite, evaluator.Id, true, true, results),
                referential, habilitations, intervenants, organism, fees);
            if (priorFee is not null) db.FeeLines.Add(priorFee);
            await db.SaveChangesAsync();

            // A joint jury independent of the organism and the site's region: valid whatever the certification (Socle's is the strictest).
            var jury = new JuryComposition([new JuryMemberInput("Marc Durand", JuryMemberQuality.EmployerRepresentative),
                new JuryMemberInput("Sofia Benali", JuryMemberQuality.EmployeeRepresentative)], intervenants,
                await db.Departments.Where(d => d.Code == site.Address.DepartmentCode).Select(d => d.Region).SingleAsync());
            var (_, certificate, certificateFee) = candidate.RecordJuryDecision(Today.AddDays(-2), true, CertificateDelivery.Pdf, "PV-ledger", referential,
                habilitations, organism, fees, jury);
            Assert.NotNull(certificate);
            Assert.Equal(Today.AddDays(-5), certificate.PriorEvaluatedOn);
            db.FeeLines.Add(certificateFee!);
            await db.SaveChangesAsync();

            // A final evaluation of a candidate in training, on what is still open.
            var files = new CandidateFiles(db, null!);
            var trained = (await files.WithPath().Where(c => c.OrganismId == organismId && c.TrainingPath != null && c.Certificate == null).ToListAsync())
                .First(c => c.Certification == habilitation.Certification && c.DomainsNotValidated(referential).Count > 0
                    && c.Evaluations.Max(e => e.HeldOn) < Today.AddDays(-1) && c.PriorEvaluation!.HeldOn > Today.AddYears(-4));
            var finalEvaluator = intervenants.First(i => i.Evaluator && i.IsActiveOn(Today) && trained.TrainingPath!.Trainers.All(t => t.IntervenantId != i.Id));
            var open = referential.Domains.SelectMany(d => d.SubDomains).Where(s => !trained.AcquiredSubDomains().ContainsKey(s.Id))
                .Select(s => new ResultInput(s.Code, true)).ToList();
            trained.RecordFinalEvaluation(new EvaluationInput(Today, EvaluationModality.OnSite, finalEvaluator.Id, true, true, open), referential, habilitations, intervenants);
            await db.SaveChangesAsync();
            await AssertLedgerEqualsFactsAsync(db, organismId, "after recording");
        }

        // Correcting: an evaluation moved to another month, a certificate withdrawn, the last ended quarter invoiced.
        await using (var db = database.NewContext())
        {
            var evaluation = await db.Evaluations.Where(e => db.Candidates.Any(c => c.Id == e.CandidateId && c.OrganismId == organismId)
                && e.Kind == EvaluationKind.Final && e.HeldOn < Today.AddDays(-200)).OrderBy(e => e.Id).FirstAsync();
            db.Entry(evaluation).Property(e => e.HeldOn).CurrentValue = evaluation.HeldOn.AddDays(45);
            var withdrawn = await db.Certificates.Where(x => x.OrganismId == organismId).OrderBy(x => x.Id).FirstAsync();
            db.Certificates.Remove(withdrawn);
            // A certificate's issue date corrected into the next month: it leaves its month's rows for the next month's.
            var corrected = await db.Certificates.Where(x => x.OrganismId == organismId && x.IssuedOn < Today.AddDays(-100)).OrderByDescending(x => x.Id).FirstAsync();
            db.Entry(corrected).Property(x => x.IssuedOn).CurrentValue = corrected.IssuedOn.AddDays(31);
            await db.SaveChangesAsync();

            // The latest ended quarter that still has lines to invoice (the demo invoiced some already).
            var invoiced = 0;
            for (var (year, quarter, back) = (Today.Year, (Today.Month - 1) / 3 + 1, 0); invoiced == 0 && back < 12; back++)
            {
                (year, quarter) = Invoice.PreviousQuarter(Invoice.QuarterStart(year, quarter));
                invoiced = (await Billing.IssueQuarterAsync(db, year, quarter, Today)).Sum(i => i.Lines.Count);
            }
            await db.SaveChangesAsync();
            Assert.True(invoiced > 0, "no fee line left to invoice");
            await AssertLedgerEqualsFactsAsync(db, organismId, "after correcting");
        }

        // Erasing: the personal data of the organism's candidates (the facts stay, and so do the figures).
        await using (var db = database.NewContext())
        {
            foreach (var candidate in await db.Candidates.Where(c => c.OrganismId == organismId && c.PersonalDataErasedOn == null).Take(50).ToListAsync())
                candidate.ErasePersonalData(Today);
            await db.SaveChangesAsync();
            await AssertLedgerEqualsFactsAsync(db, organismId, "after erasing");
        }
    }

    /// <summary>The dashboard equals a brute-force count for the organism (periods with whole and partial months, each certification and site), and the ledgers equal a rebuild.</summary>
    private static async Task AssertLedgerEqualsFactsAsync(CleaDbContext db, int organismId, string when)
    {
        var candidates = await db.Candidates.AsNoTracking().Where(c => c.OrganismId == organismId)
            .Include(c => c.Evaluations).Include(c => c.Certificate).AsSplitQuery().ToListAsync();
        var fees = await db.FeeLines.AsNoTracking().Where(l => l.OrganismId == organismId).ToListAsync();
        var period = ActivityPeriod.Create(Today.AddYears(-9), Today);
        var month = new DateOnly(Today.Year, Today.Month, 1);
        var filters = new List<ActivityFilter>
        {
            new(period), new(ActivityPeriod.Create(Today.AddDays(-400), Today.AddDays(-3))),
            new(ActivityPeriod.Create(month.AddMonths(-8).AddDays(13), month.AddMonths(-1).AddDays(-1))),
            new(ActivityPeriod.Create(month.AddMonths(-2), Today)), new(ActivityPeriod.Create(month.AddMonths(-1), month.AddDays(-1))),
        };
        filters.AddRange(candidates.Select(c => c.Certification).Distinct().Order().Select(code => new ActivityFilter(period, code)));
        filters.AddRange(candidates.Select(c => c.SiteId).Distinct().Order().Select(site => new ActivityFilter(period, SiteId: site)));
        foreach (var filter in filters)
            OrganismActivityTests.AssertSame(OrganismActivityTests.Expected(organismId, filter, candidates, fees),
                await OrganismActivityQuery.ComputeAsync(db, organismId, filter));

        var ledger = await Rows(db);
        var rebuilt = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(ActivityDay.RebuildSql);
            await db.Database.ExecuteSqlRawAsync(CertificateLedger.RebuildSql(db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite));
            var rows = await Rows(db);
            await transaction.RollbackAsync();
            return rows;
        });
        Assert.True(rebuilt.Count > 0, when);
        Assert.Equal(string.Join('\n', rebuilt), string.Join('\n', ledger));
    }

    /// <summary>The ledgers' rows that count something, in a stable order.</summary>
    private static async Task<List<string>> Rows(CleaDbContext db)
        => (await db.ActivityDays.AsNoTracking().ToListAsync())
            .Where(d => d.Registrations != 0 || d.PriorEvaluations != 0 || d.FinalEvaluations != 0 || d.Certified != 0 || d.FeesNotInvoicedCents != 0)
            .Select(d => $"day {d.OrganismId} {d.Day:yyyy-MM-dd} {d.Certification} {d.SiteId}: {d.Registrations} {d.PriorEvaluations} {d.FinalEvaluations} {d.Certified} {d.FeesNotInvoicedCents}")
            .Concat((await db.CertificateDelays.AsNoTracking().ToListAsync()).Where(d => d.Certified != 0)
                .Select(d => $"delay {d.OrganismId} {d.IssuedMonth:yyyy-MM-dd} {d.Certification} {d.SiteId} {d.Days}: {d.Certified}"))
            .Concat((await db.CertificatePriorMonths.AsNoTracking().ToListAsync()).Where(p => p.Certified != 0)
                .Select(p => $"prior {p.OrganismId} {p.IssuedMonth:yyyy-MM-dd} {p.Certification} {p.SiteId} {p.PriorMonth:yyyy-MM-dd}: {p.Certified}"))
            .Order(StringComparer.Ordinal).ToList();
}

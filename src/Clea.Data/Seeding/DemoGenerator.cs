using System.Globalization;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Seeding;

/// <summary>
/// Builds demo organisms through the domain methods only (Register, AddSite, File, Accept, Suspend…), so the demo
/// cannot hold a state the rules would refuse. Every random draw goes through one <see cref="Random"/> in a fixed
/// order: keep it that way (no hash-ordered iteration) or the same seed stops giving the same data.
/// </summary>
internal sealed class DemoGenerator
{
    private static readonly string[] NameTemplates =
    [
        "Formation Plus {0}", "GRETA {0}", "AFPA {0}", "Compétences & Emploi {0}", "Savoirs Clés {0}",
        "École de la 2e Chance {0}", "Institut Régional de Formation — {0}", "Atelier Numérique {0}", "Cap Métiers {0}",
        "Élan Formation {0}", "Réussite & Compétences {0}", "Centre d'Études Professionnelles {0}", "Les Clés du Savoir {0}",
        "Avenir Qualifications {0}", "Passerelles Emploi {0}", "Maison de la Formation {0}", "Trajectoires Formation {0}",
        "CFA Interprofessionnel {0}", "Horizon Management {0}", "Numérique Pour Tous {0}", "Préformation Insertion {0}",
        "Espace Compétences Clés {0}",
    ];

    private static readonly string[] NafCodes = ["85.59A", "85.59A", "85.59A", "85.59B", "85.32Z"];

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly Instance _certifPro;
    private readonly Instance[] _cpnes;
    private readonly DemoDepartment[] _departments;
    private readonly Dictionary<string, DemoDepartment[]> _departmentsByRegion;
    private readonly HashSet<string> _sirens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public DemoGenerator(int seed, DateOnly today, IReadOnlyList<Instance> instances, IReadOnlyList<DemoDepartment> departments)
    {
        _random = new Random(seed);
        _today = today;
        _certifPro = instances.Single(i => i.Kind == InstanceKind.CertifPro);
        _cpnes = [.. instances.Where(i => i.Kind == InstanceKind.Cpne).OrderBy(i => i.Code, StringComparer.Ordinal)];
        // Database order differs between providers ("2A" vs "21"): sort here so both generate the same data.
        _departments = [.. departments.Where(d => DemoPlaces.Towns.ContainsKey(d.Code)).OrderBy(d => d.Code, StringComparer.Ordinal)];
        _departmentsByRegion = _departments.GroupBy(d => d.RegionCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public List<Organism> Generate(int count)
    {
        var organisms = Fixtures();
        // Every département gets a head office first (so every region has an open site), in a shuffled order.
        var homes = _departments.ToArray();
        _random.Shuffle(homes);
        for (var i = 0; organisms.Count < count; i++)
            organisms.Add(NextOrganism(i < homes.Length ? homes[i] : homes[_random.Next(homes.Length)]));
        return organisms;
    }

    private Organism NextOrganism(DemoDepartment home)
    {
        var town = Pick(DemoPlaces.Towns[home.Code]);
        var organism = Organism.Register(NextSiren(), UniqueName(town.City), qualiopi: _random.NextDouble() < 0.78,
            Pick(NafCodes), DeclarationNumber(home), isDemo: true);
        organism.AddSite(Siret.Compose(organism.Siren, 1), $"{organism.Name} (siège)", NextAddress(home.Code, town),
            Ago(3200, 9000), headOffice: true);

        var sites = 1 + Weighted([40, 25, 12, 8, 6, 5, 4]);
        for (var n = 2; n <= sites; n++)
        {
            var department = _random.NextDouble() < 0.65 ? Pick(_departmentsByRegion[home.RegionCode]) : Pick(_departments);
            var place = Pick(DemoPlaces.Towns[department.Code]);
            var openedOn = Ago(20, 2400);
            var site = organism.AddSite(Siret.Compose(organism.Siren, n), $"{organism.Name} — {place.City}",
                NextAddress(department.Code, place), openedOn);
            if (_random.NextDouble() < 0.08)
                site.Close(openedOn.AddDays(_random.Next(1, _today.DayNumber - openedOn.DayNumber + 1)));
        }

        CertificationCode[] certifications = [CertificationCode.CleaSocle, CertificationCode.CleaNumerique, CertificationCode.CleaManagement];
        _random.Shuffle(certifications);
        var habilitations = 1 + Weighted([60, 30, 10]);
        Habilitation? first = null;
        foreach (var certification in certifications.Take(habilitations))
        {
            var habilitation = Build(organism, certification, DrawStatus());
            first ??= habilitation;
        }
        // Some organisms re-applied after an earlier habilitation of the same certification expired.
        if (_random.NextDouble() < 0.07)
        {
            Accepted(organism, first!.Certification, PickInstance(), first.Scope,
                first.FiledOn.AddDays(-_random.Next(30, 400)).AddYears(-Habilitation.ValidityYears));
        }
        return organism;
    }

    /// <summary>An habilitation whose status on <see cref="_today"/> is <paramref name="target"/>.</summary>
    private Habilitation Build(Organism organism, CertificationCode certification, DemoStatus target)
    {
        var instance = PickInstance();
        var scope = DrawScope(certification);
        switch (target)
        {
            case DemoStatus.Active:
            {
                var h = Accepted(organism, certification, instance, scope, Ago(0, 1050));
                var inForce = _today.DayNumber - h.ValidFrom!.Value.DayNumber;
                if (inForce > 60 && _random.NextDouble() < 0.15)
                {
                    // A past, lifted suspension: active again today, and never renewed automatically.
                    var from = h.ValidFrom.Value.AddDays(_random.Next(1, inForce - 40));
                    h.Suspend(from);
                    h.LiftSuspension(from.AddDays(_random.Next(7, 35)));
                }
                else if (_random.NextDouble() < 0.5)
                {
                    h.RecordUse(h.ValidFrom.Value.AddDays(_random.Next(0, inForce + 1)));
                }
                return h;
            }
            case DemoStatus.Renewed:
            {
                var h = Accepted(organism, certification, instance, scope, Ago(1100, 2150));
                h.RecordUse(h.ValidFrom!.Value.AddDays(_random.Next(10, 1000)));
                h.RenewAutomatically();
                return h;
            }
            case DemoStatus.Suspended:
            {
                var h = Accepted(organism, certification, instance, scope, Ago(30, 1050));
                h.Suspend(h.ValidFrom!.Value.AddDays(_random.Next(1, _today.DayNumber - h.ValidFrom.Value.DayNumber + 1)));
                return h;
            }
            case DemoStatus.Withdrawn:
            {
                var h = Accepted(organism, certification, instance, scope, Ago(120, 1050));
                var effectiveOn = h.ValidFrom!.Value.AddDays(_random.Next(60, _today.DayNumber - h.ValidFrom.Value.DayNumber + 1));
                if (_random.NextDouble() < 0.6) h.Suspend(effectiveOn.AddDays(-_random.Next(20, 60)));
                h.Withdraw(effectiveOn, WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification);
                return h;
            }
            case DemoStatus.Expired when _random.NextDouble() < 0.6:
                // Never used: no automatic renewal, expired after 3 years.
                return Accepted(organism, certification, instance, scope, Ago(1100, 2000));
            case DemoStatus.Expired:
            {
                // Renewed once, then expired after 6 years.
                var h = Accepted(organism, certification, instance, scope, Ago(2200, 2900));
                h.RecordUse(h.ValidFrom!.Value.AddDays(_random.Next(10, 1000)));
                h.RenewAutomatically();
                return h;
            }
            case DemoStatus.Renounced:
            {
                var h = Accepted(organism, certification, instance, scope, Ago(200, 1050));
                var latestNotice = _today.AddMonths(-Habilitation.RenunciationNoticeMonths);
                h.Renounce(h.ValidFrom!.Value.AddDays(_random.Next(0, latestNotice.DayNumber - h.ValidFrom.Value.DayNumber + 1)));
                return h;
            }
            case DemoStatus.Refused:
            {
                var filedOn = Ago(90, 1800);
                var h = organism.File(new Habilitation(organism, certification, instance, scope, filedOn));
                h.Refuse(Min(filedOn.AddDays(_random.Next(40, 150)), _today));
                return h;
            }
            case DemoStatus.Pending:
            {
                var filedOn = Ago(0, 150);
                var h = organism.File(new Habilitation(organism, certification, instance, scope, filedOn));
                // Decided but not notified yet: still pending until the notification date.
                if (_random.NextDouble() < 0.25)
                    h.Accept(Min(filedOn.AddDays(_random.Next(20, 60)), _today), _today.AddDays(_random.Next(1, 20)));
                return h;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, null);
        }
    }

    private Habilitation Accepted(Organism organism, CertificationCode certification, Instance instance, HabilitationScope scope, DateOnly notifiedOn)
    {
        var filedOn = notifiedOn.AddDays(-_random.Next(60, 200));
        var h = organism.File(new Habilitation(organism, certification, instance, scope, filedOn));
        h.Accept(notifiedOn.AddDays(-_random.Next(5, 28)), notifiedOn);
        return h;
    }

    private List<Organism> Fixtures()
    {
        var cpne = _cpnes.FirstOrDefault(i => i.Code == "CPNE_METALLURGIE") ?? _cpnes.FirstOrDefault() ?? _certifPro;
        var longAgo = _today.AddDays(-3000);
        var fixtures = new List<Organism>();

        Habilitation Fixture(string siren, string name, string department, int town, Func<Organism, Habilitation> habilitation, bool qualiopi = true)
        {
            var place = DemoPlaces.Towns[department][town];
            // Declaration numbers of fixtures: 11 digits derived from the SIREN, stable and readable.
            var organism = Organism.Register(Siren.Parse(siren), name, qualiopi, "85.59A", "84" + siren, isDemo: true);
            organism.AddSite(Siret.Compose(organism.Siren, 1), $"{name} (siège)",
                Address.Create("1 rue de la République", place.PostalCode, place.City, department), longAgo, headOffice: true);
            _sirens.Add(siren);
            _names.Add(name);
            fixtures.Add(organism);
            return habilitation(organism);
        }

        Habilitation Accept(Organism o, DateOnly notifiedOn, Instance? instance = null)
        {
            var h = o.File(new Habilitation(o, CertificationCode.CleaNumerique, instance ?? _certifPro, HabilitationScope.TrainAndEvaluate, notifiedOn.AddDays(-120)));
            h.Accept(notifiedOn.AddDays(-14), notifiedOn);
            return h;
        }

        Fixture(DemoFixtures.ActiveQualiopi, "Formation Plus Lyon", "69", 0, o => Accept(o, _today.AddDays(-400)));
        Fixture(DemoFixtures.ExpiredYesterday, "Savoirs Clés Rennes", "35", 0, o => Accept(o, NotifiedForLastDay(_today.AddDays(-1))));
        Fixture(DemoFixtures.ValidUntilToday, "Compétences & Avenir Bordeaux", "33", 0, o => Accept(o, NotifiedForLastDay(_today)));
        Fixture(DemoFixtures.Suspended, "Atelier des Savoirs Nantes", "44", 0, o =>
        {
            var h = Accept(o, _today.AddDays(-500));
            h.Suspend(_today.AddDays(-20));
            return h;
        });
        Fixture(DemoFixtures.Withdrawn, "Élan Formation Marseille", "13", 0, o =>
        {
            var h = Accept(o, _today.AddDays(-700));
            h.Suspend(_today.AddDays(-120));
            h.Withdraw(_today.AddDays(-30), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification);
            return h;
        });
        Fixture(DemoFixtures.Renounced, "Horizon Compétences Lille", "59", 0, o =>
        {
            var h = Accept(o, _today.AddDays(-800));
            h.Renounce(_today.AddMonths(-4));
            return h;
        });
        Fixture(DemoFixtures.Refused, "Cap Métiers Strasbourg", "67", 0, o =>
        {
            var h = o.File(new Habilitation(o, CertificationCode.CleaNumerique, _certifPro, HabilitationScope.TrainAndEvaluate, _today.AddDays(-200)));
            h.Refuse(_today.AddDays(-60));
            return h;
        });
        Fixture(DemoFixtures.Pending, "Trajectoires Formation Toulouse", "31", 0,
            o => o.File(new Habilitation(o, CertificationCode.CleaNumerique, _certifPro, HabilitationScope.TrainAndEvaluate, _today.AddDays(-30))));
        Fixture(DemoFixtures.Renewed, "GRETA Paris Est", "75", 0, o =>
        {
            var h = Accept(o, _today.AddDays(-1400));
            h.RecordUse(h.ValidFrom!.Value.AddDays(200));
            h.RenewAutomatically();
            return h;
        });
        Fixture(DemoFixtures.CpneScoped, "Académie des Métiers de l'Industrie Grenoble", "38", 0, o => Accept(o, _today.AddDays(-300), cpne));
        Fixture(DemoFixtures.NotQualiopi, "Passerelles Emploi Orléans", "45", 0, o => Accept(o, _today.AddDays(-250)), qualiopi: false);
        Fixture(DemoFixtures.ClosedSite, "Maison de la Formation Clermont-Ferrand", "63", 0, o =>
        {
            var riom = DemoPlaces.Towns["63"][1];
            var site = o.AddSite(Siret.Parse(DemoFixtures.ClosedSiteSiret), "Maison de la Formation — Riom",
                Address.Create("8 rue Pasteur", riom.PostalCode, riom.City, "63"), longAgo);
            site.Close(_today.AddDays(-10));
            return Accept(o, _today.AddDays(-600));
        });
        return fixtures;
    }

    /// <summary>The notification date whose 3-year validity ends on <paramref name="lastDay"/> (29 February aside).</summary>
    private static DateOnly NotifiedForLastDay(DateOnly lastDay)
    {
        var guess = lastDay.AddDays(1).AddYears(-Habilitation.ValidityYears);
        for (var shift = 0; shift <= 2; shift++)
        {
            foreach (var candidate in new[] { guess.AddDays(shift), guess.AddDays(-shift) })
                if (candidate.AddYears(Habilitation.ValidityYears).AddDays(-1) == lastDay) return candidate;
        }
        return guess;
    }

    private DemoStatus DrawStatus() => (DemoStatus)Weighted([36, 12, 6, 6, 12, 6, 10, 12]);

    private HabilitationScope DrawScope(CertificationCode certification)
    {
        var draw = _random.NextDouble();
        // Since July 2019 CléA Socle habilitates evaluators; training is open (DOMAIN.md §1).
        if (certification == CertificationCode.CleaSocle)
            return draw < 0.7 ? HabilitationScope.Evaluate : draw < 0.9 ? HabilitationScope.TrainAndEvaluate : HabilitationScope.Train;
        // Numérique and Management are always "to train and evaluate" (N/M §III.1); the draw is kept so the demo stays the same otherwise.
        return HabilitationScope.TrainAndEvaluate;
    }

    private Instance PickInstance() => _cpnes.Length > 0 && _random.NextDouble() < 0.15 ? Pick(_cpnes) : _certifPro;

    private Siren NextSiren()
    {
        var stem = new char[Siren.Length - 1];
        while (true)
        {
            stem[0] = (char)('1' + _random.Next(9));
            for (var i = 1; i < stem.Length; i++) stem[i] = (char)('0' + _random.Next(10));
            var value = string.Concat(stem, [Luhn.CheckDigit(stem)]);
            // La Poste's SIREN follows another SIRET checksum: Siret.Compose could not build its sites.
            if (value != "356000000" && _sirens.Add(value)) return Siren.Parse(value);
        }
    }

    private string UniqueName(string city)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var name = string.Format(CultureInfo.InvariantCulture, Pick(NameTemplates), city);
            if (_names.Add(name)) return name;
        }
        for (var n = 2; ; n++)
        {
            var name = string.Format(CultureInfo.InvariantCulture, "{0} {1}", Pick(NameTemplates).Replace("{0}", city, StringComparison.Ordinal), n);
            if (_names.Add(name)) return name;
        }
    }

    private Address NextAddress(string department, (string City, string PostalCode) town)
        => Address.Create($"{_random.Next(1, 180)} {Pick(DemoPlaces.Streets)}", town.PostalCode, town.City, department);

    private string DeclarationNumber(DemoDepartment home)
        => home.RegionCode + string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + _random.Next(10))));

    private DateOnly Ago(int minDays, int maxDays) => _today.AddDays(-_random.Next(minDays, maxDays + 1));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private int Weighted(int[] weights)
    {
        var draw = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (draw < weights[i]) return i;
            draw -= weights[i];
        }
        return weights.Length - 1;
    }

    private enum DemoStatus { Active, Renewed, Suspended, Withdrawn, Expired, Renounced, Refused, Pending }
}

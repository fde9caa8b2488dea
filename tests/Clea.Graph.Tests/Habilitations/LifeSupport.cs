using System.Text.Json;
using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Habilitations;

/// <summary>Helpers of the lifecycle tests: dates, the clock, habilitations in the database, the sweep as the host runs it.</summary>
internal static class LifeSupport
{
    public const string Verify = """
        query($siren: String!, $certification: CertificationCode!, $on: Date) {
          verifyHabilitation(siren: $siren, certification: $certification, on: $on) { habilitated status reason edofEligible edofReason qualiopi validUntil habilitation { renewed(on: $on) } }
        }
        """;

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd");

    public static DateOnly Today(this CleaApi api) => api.Clock.Today();

    public static void MoveTo(this CleaApi api, DateOnly today) => api.Clock.Set(new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    /// <summary>verifyHabilitation for an organism and certification on a date (default today).</summary>
    public static async Task<JsonElement> VerifyAsync(this CleaApi api, string siren, string certification, DateOnly? on = null)
        => (await api.QueryAsync(Verify, new { siren, certification, on = on is null ? null : Date(on.Value) })).GetProperty("verifyHabilitation");

    public static async Task<string> StatusAsync(this CleaApi api, string siren, string certification, DateOnly? on = null)
        => (await api.VerifyAsync(siren, certification, on)).GetProperty("status").GetString()!;

    /// <summary>The global id of the organism's habilitation for a certification (the latest filed).</summary>
    public static async Task<string> HabilitationIdAsync(this CleaApi api, string siren, string certification = "CLEA_NUMERIQUE")
    {
        var data = await api.QueryAsync("query($siren: String!) { organism(siren: $siren) { habilitations { id certification } } }", new { siren });
        return data.GetProperty("organism").GetProperty("habilitations").EnumerateArray()
            .First(h => h.GetProperty("certification").GetString() == certification).GetProperty("id").GetString()!;
    }

    /// <summary>An habilitation accepted by Certif Pro for an existing organism, as the application flow leaves it.</summary>
    public static async Task<int> AcceptedHabilitationAsync(this CleaApi api, string siren, CertificationCode certification, DateOnly filedOn, DateOnly decidedOn, DateOnly notifiedOn)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        var organism = await db.Organisms.SingleAsync(o => o.Siren == Siren.Parse(siren));
        var certifPro = await db.Instances.SingleAsync(i => i.Code == "CERTIF_PRO");
        var habilitation = organism.File(new Habilitation(organism, certification, certifPro, HabilitationScope.TrainAndEvaluate, filedOn));
        habilitation.Accept(decidedOn, notifiedOn);
        await db.SaveChangesAsync();
        return habilitation.Id;
    }

    public static string GlobalIdOf(int habilitationId) => GlobalId.Encode("Habilitation", habilitationId);

    /// <summary>Runs the sweep as the hosted service does: its own scope, the system actor, today from the host's clock.</summary>
    public static async Task<SweepResult> SweepAsync(this CleaApi api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await HabilitationSweep.RunAsync(scope.ServiceProvider.GetRequiredService<CleaDbContext>(), api.Today());
    }

    /// <summary>Counts rows of the lifecycle tables, to prove a refused request changed nothing.</summary>
    public static async Task<(int Events, int Changes, int Suspensions, int Invoices, int FeeLines, int Situations)> CountRowsAsync(this CleaApi api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        return (await db.LifecycleEvents.CountAsync(), await db.HabilitationChanges.CountAsync(),
            await db.Habilitations.SelectMany(h => h.Suspensions).CountAsync(), await db.Invoices.CountAsync(),
            await db.FeeLines.CountAsync(), await db.SituationChanges.CountAsync());
    }

    public static IReadOnlyList<(string Status, string From, string? Until)> Periods(JsonElement habilitation)
        => [.. habilitation.GetProperty("periods").EnumerateArray().Select(p => (p.GetProperty("status").GetString()!, p.GetProperty("from").GetString()!,
            p.GetProperty("until").ValueKind == JsonValueKind.Null ? null : p.GetProperty("until").GetString()))];
}

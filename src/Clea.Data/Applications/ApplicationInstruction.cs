using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Referentials;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Applications;

/// <summary>
/// The Instance's side of applications: campaigns, then instruction, decision and re-examination of files. Instance staff
/// act on their own Instance's campaigns and files, administrators on all. Dates of acts are today's; meeting and
/// notification dates are given. Each operation loads, checks the caller, calls the domain and saves once.
/// </summary>
public sealed class ApplicationInstruction(CleaDbContext db, ApplicationFiles files, IReferenceCatalog reference, TimeProvider time)
{
    public async Task<Campaign> CreateCampaignAsync(CreateCampaignInput input, ICurrentCaller caller, CancellationToken ct)
    {
        var isAdmin = caller.Role == CallerRole.Administrator;
        var code = isAdmin ? input.Instance : caller.InstanceCode;
        if (!isAdmin && input.Instance is not null && input.Instance != code)
            throw new DomainRuleException(AccessErrors.NotAuthorized, "Instance staff create campaigns of their own Instance only.");
        if (code is null)
            throw new DomainRuleException(InputErrors.InvalidArguments, "Name the Instance whose campaign this is.");
        var instance = await db.Instances.SingleOrDefaultAsync(i => i.Code == code, ct) ?? throw ReferenceCatalogChecks.UnknownInstance(code);
        if (await db.Campaigns.AnyAsync(c => c.Code == input.Code, ct))
            throw new DomainRuleException(ApplicationErrors.CampaignCodeTaken, $"A campaign with code '{input.Code}' already exists.");
        var campaign = Campaign.Create(instance, input.Certification, input.Code, input.Name, input.OpensOn, input.ClosesOn,
            input.MeetingDates ?? [], time.Today());
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    public async Task<Campaign> ScheduleMeetingAsync(string campaignCode, DateOnly on, ICurrentCaller caller, CancellationToken ct)
    {
        var campaign = await db.Campaigns.Include(c => c.Instance).SingleOrDefaultAsync(c => c.Code == campaignCode, ct)
            ?? throw new DomainRuleException(ApplicationErrors.CampaignNotFound, $"No campaign has code '{campaignCode}'.");
        (await OrganismScope.OfAsync(caller, ct)).EnsureInstructs(campaign.InstanceId);
        campaign.ScheduleMeeting(on, time.Today());
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    public Task<Application> RequestInformationAsync(int id, string items, ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(id, caller, ct, (file, today) => file.RequestInformation(items, today));

    public Task<Application> MarkCompleteAsync(int id, ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(id, caller, ct, async (file, today) => file.MarkComplete(await reference.SubCompetencesAsync(file.Certification, ct), today));

    public Task<Application> GiveOpinionAsync(int id, DateOnly meetingOn, IReadOnlyList<CriterionVerdict> verdicts, string? comment,
        ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(id, caller, ct, (file, today) => file.GiveOpinion(meetingOn, verdicts, comment, today));

    public Task<Application> ScheduleHearingAsync(int id, DateOnly hearingOn, ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(id, caller, ct, (file, today) => file.ScheduleHearing(hearingOn, today));

    /// <summary>
    /// Records the decision (notified on <paramref name="notifiedOn"/>, default today): the same for every candidate
    /// (<paramref name="accept"/>, <paramref name="reasons"/>) or candidate by candidate (<paramref name="candidates"/>),
    /// exactly one of the two; answers the file and the decision's warning.
    /// </summary>
    public async Task<(Application File, string? Warning)> DecideAsync(int id, DateOnly meetingOn, bool? accept, IReadOnlyList<CriterionVerdict> reasons,
        IReadOnlyList<CandidateVerdict>? candidates, string? comment, DateOnly? notifiedOn, ICurrentCaller caller, CancellationToken ct)
    {
        if ((accept is null) == (candidates is null) || (candidates is not null && reasons.Count > 0))
            throw new DomainRuleException(InputErrors.InvalidArguments,
                "Give either accept (and a refusal's reasons) for the whole file, or candidates: one verdict per candidate.");
        string? warning = null;
        var file = await ApplyAsync(id, caller, ct, (f, today) => warning = (candidates is null
            ? f.Decide(meetingOn, accept!.Value, reasons, comment, notifiedOn ?? today, today)
            : f.Decide(meetingOn, candidates, comment, notifiedOn ?? today, today)).Warning);
        return (file, warning);
    }

    public Task<Application> AcknowledgeAppealAsync(int id, string? siren, ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(id, caller, ct, (file, today) => file.AcknowledgeAppeal(today, siren));

    /// <summary>Decides the appeal (of one candidate, default every pending one) at a meeting of the Instance after its filing (the Instance's meetings, all campaigns).</summary>
    public Task<Application> DecideAppealAsync(int id, DateOnly meetingOn, bool accept, string reason, DateOnly? notifiedOn, string? siren,
        ICurrentCaller caller, CancellationToken ct)
        => ApplyAsync(id, caller, ct, async (file, today) =>
        {
            var meetings = (await db.Campaigns.AsNoTracking().Where(c => c.InstanceId == file.InstanceId).Select(c => c.MeetingDates)
                .ToListAsync(ct)).SelectMany(m => m).ToHashSet();
            file.DecideAppeal(meetingOn, accept, reason, notifiedOn ?? today, meetings, today, siren);
        });

    private Task<Application> ApplyAsync(int id, ICurrentCaller caller, CancellationToken ct, Action<Application, DateOnly> apply)
        => ApplyAsync(id, caller, ct, (file, today) =>
        {
            apply(file, today);
            return Task.CompletedTask;
        });

    /// <summary>A transition of a file by its Instance: load, check the caller instructs it, apply the domain rule, save.</summary>
    private async Task<Application> ApplyAsync(int id, ICurrentCaller caller, CancellationToken ct, Func<Application, DateOnly, Task> apply)
    {
        var file = await files.LoadTrackedAsync(id, ct);
        (await OrganismScope.OfAsync(caller, ct)).EnsureInstructs(file.InstanceId);
        await apply(file, time.Today());
        await db.SaveChangesAsync(ct);
        return file;
    }
}

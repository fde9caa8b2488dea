using System.Text.RegularExpressions;
using Clea.Data.Common;
using Clea.Data.Instances;
using Clea.Data.Referentials;

namespace Clea.Data.Applications;

/// <summary>
/// An application campaign set by an Instance for one certification (e.g. "Campagne 2025, 7 May – 22 July 2025"):
/// applications are accepted only while it is open, and are decided at its meetings. Open campaigns are public.
/// </summary>
public sealed partial class Campaign
{
    public const int CodeMaxLength = 64;
    public const int NameMaxLength = 200;

    public int Id { get; private set; }
    /// <summary>Stable code, e.g. CP-NUM-2027; receipts are numbered after it.</summary>
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public int InstanceId { get; private set; }
    public Instance Instance { get; private set; } = null!;
    public CertificationCode Certification { get; private set; }
    /// <summary>First day applications are accepted.</summary>
    public DateOnly OpensOn { get; private set; }
    /// <summary>Last day applications are accepted.</summary>
    public DateOnly ClosesOn { get; private set; }
    /// <summary>The Instance's decision meetings for this campaign, in date order.</summary>
    public List<DateOnly> MeetingDates { get; private set; } = [];

    private Campaign() { }

    public static Campaign Create(Instance instance, CertificationCode certification, string code, string name,
        DateOnly opensOn, DateOnly closesOn, IEnumerable<DateOnly> meetingDates, DateOnly today)
    {
        if (code is null || !CodePattern().IsMatch(code))
            throw new DomainRuleException(ApplicationErrors.InvalidCampaign,
                $"A campaign code is 3 to {CodeMaxLength} capital letters, digits, '-' or '_'; '{code}' is not.");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            throw new DomainRuleException(ApplicationErrors.InvalidCampaign, $"A campaign needs a name of at most {NameMaxLength} characters.");
        if (closesOn < opensOn)
            throw new DomainRuleException(ApplicationErrors.InvalidCampaign,
                $"A campaign closes on or after it opens: {opensOn:yyyy-MM-dd} – {closesOn:yyyy-MM-dd} is not a period.");
        if (closesOn < today)
            throw new DomainRuleException(ApplicationErrors.InvalidCampaign, $"A campaign that closed before today ({today:yyyy-MM-dd}) cannot be created.");
        var campaign = new Campaign
        {
            Code = code, Name = name.Trim(), Instance = instance, InstanceId = instance.Id, Certification = certification,
            OpensOn = opensOn, ClosesOn = closesOn,
        };
        foreach (var meeting in meetingDates) campaign.ScheduleMeeting(meeting, today);
        return campaign;
    }

    public bool IsOpenOn(DateOnly date) => OpensOn <= date && date <= ClosesOn;

    /// <summary>Applications are accepted only while the campaign is open (convention §III).</summary>
    public void EnsureOpenOn(DateOnly date)
    {
        if (!IsOpenOn(date))
            throw new DomainRuleException(ApplicationErrors.CampaignClosed,
                $"Campaign {Code} accepts applications from {OpensOn:yyyy-MM-dd} to {ClosesOn:yyyy-MM-dd}; {date:yyyy-MM-dd} is outside it.");
    }

    /// <summary>Adds a decision meeting: after the campaign opens, not in the past, once.</summary>
    public void ScheduleMeeting(DateOnly on, DateOnly today)
    {
        if (on < today || on <= OpensOn)
            throw new DomainRuleException(ApplicationErrors.MeetingInThePast,
                $"A meeting is scheduled after the campaign opens ({OpensOn:yyyy-MM-dd}) and not before today ({today:yyyy-MM-dd}); {on:yyyy-MM-dd} was given.");
        if (MeetingDates.Contains(on))
            throw new DomainRuleException(ApplicationErrors.MeetingAlreadyScheduled, $"Campaign {Code} already has a meeting on {on:yyyy-MM-dd}.");
        MeetingDates = [.. MeetingDates.Append(on).Order()];
    }

    /// <summary>The meeting must be one of this campaign's.</summary>
    public void EnsureMeeting(DateOnly on)
    {
        if (!MeetingDates.Contains(on))
            throw new DomainRuleException(ApplicationErrors.UnknownMeeting,
                $"Campaign {Code} has no meeting on {on:yyyy-MM-dd}; its meetings are {(MeetingDates.Count == 0 ? "not scheduled yet" : string.Join(", ", MeetingDates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))}.");
    }

    [GeneratedRegex("^[A-Z0-9_-]{3,64}$")]
    private static partial Regex CodePattern();
}

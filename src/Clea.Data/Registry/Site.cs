using System.Linq.Expressions;
using Clea.Data.Common;

namespace Clea.Data.Registry;

/// <summary>An establishment of an organism: its own SIRET and address. Fees are due per site.</summary>
public sealed class Site
{
    public const int NameMaxLength = 200;

    public int Id { get; private set; }
    public int OrganismId { get; private set; }
    public Organism Organism { get; private set; } = null!;
    public Siret Siret { get; private set; }
    public string Name { get; private set; } = null!;
    public Address Address { get; private set; } = null!;
    public bool HeadOffice { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    /// <summary>Closed sites leave the public registry; their history stays.</summary>
    public DateOnly? ClosedOn { get; private set; }

    private Site() { }

    internal Site(Organism organism, Siret siret, string name, Address address, DateOnly openedOn, bool headOffice)
    {
        Organism = organism;
        Siret = siret;
        Name = RequireName(name);
        Address = address;
        OpenedOn = openedOn;
        HeadOffice = headOffice;
    }

    /// <summary>True when the site is one of <paramref name="organism"/>'s, saved or just added (no key yet).</summary>
    public bool BelongsTo(Organism organism)
        => OrganismId != 0 && organism.Id != 0 ? OrganismId == organism.Id : ReferenceEquals(Organism, organism);

    /// <summary>A site's name, trimmed; refused when blank (a registry site and an application's site snapshot alike).</summary>
    public static string RequireName(string? name)
        => string.IsNullOrWhiteSpace(name) ? throw new DomainRuleException(RegistryErrors.NameRequired, "A site needs a name.") : name.Trim();

    /// <summary>True when the site was open on <paramref name="date"/>: opened that day or before, not closed by then.</summary>
    public bool IsOpenOn(DateOnly date) => OpenedOn <= date && (ClosedOn is null || ClosedOn > date);

    /// <summary>The same rule as <see cref="IsOpenOn"/>, for SQL (registry search).</summary>
    public static Expression<Func<Site, bool>> OpenOn(DateOnly date) => s => s.OpenedOn <= date && (s.ClosedOn == null || s.ClosedOn > date);

    /// <summary>A correction of the address by Certif Pro (a move is a new site; see <see cref="Organism.CorrectHeadOfficeAddress"/>).</summary>
    internal void CorrectAddress(Address address) => Address = address;

    /// <summary>Closes the site from <paramref name="closedOn"/> (first day closed); it stays in the history.</summary>
    public void Close(DateOnly closedOn)
    {
        if (ClosedOn is not null)
            throw new DomainRuleException(RegistryErrors.SiteAlreadyClosed, $"Site {Siret} was already closed on {ClosedOn:yyyy-MM-dd}.");
        if (closedOn <= OpenedOn)
            throw new DomainRuleException(RegistryErrors.SiteClosedBeforeOpening,
                $"Site {Siret} opened on {OpenedOn:yyyy-MM-dd}: it can only close after that day, not on {closedOn:yyyy-MM-dd}.");
        ClosedOn = closedOn;
    }
}

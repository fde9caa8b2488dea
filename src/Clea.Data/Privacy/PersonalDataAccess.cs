using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Privacy;

/// <summary>
/// One read of personal data (intervenants, later candidates): who, when, what, for which organism (GDPR
/// accountability). Immutable; queryable by instance staff.
/// </summary>
public sealed class PersonalDataAccess
{
    public const int TextMaxLength = 200;

    public long Id { get; private set; }
    /// <summary>UTC instant of the read.</summary>
    public DateTime At { get; private set; }
    /// <summary>The reader's subject (user or client id) and role, from its token.</summary>
    public string Subject { get; private set; } = null!;
    public string Role { get; private set; } = null!;
    public int OrganismId { get; private set; }
    /// <summary>What was read, as a schema path, e.g. <c>OrganismProfile.intervenants</c>.</summary>
    public string What { get; private set; } = null!;
    /// <summary>How many records were returned.</summary>
    public int Records { get; private set; }

    private PersonalDataAccess() { }

    public PersonalDataAccess(DateTimeOffset at, string subject, string role, int organismId, string what, int records)
    {
        At = at.UtcDateTime;
        Subject = Truncate(subject);
        Role = Truncate(role);
        OrganismId = organismId;
        What = Truncate(what);
        Records = records;
    }

    private static string Truncate(string text) => text.Length <= TextMaxLength ? text : text[..TextMaxLength];
}

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> builder)
    {
        builder.Property(a => a.Subject).HasMaxLength(PersonalDataAccess.TextMaxLength);
        builder.Property(a => a.Role).HasMaxLength(PersonalDataAccess.TextMaxLength);
        builder.Property(a => a.What).HasMaxLength(PersonalDataAccess.TextMaxLength);
        // UTC instants: stored as UTC so ordering works on SQLite and PostgreSQL alike.
        builder.Property(a => a.At).HasConversion(v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        builder.HasOne<Registry.Organism>().WithMany().HasForeignKey(a => a.OrganismId);
        builder.HasIndex(a => new { a.OrganismId, a.At });
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Clea.Data.Events;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Applications;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(Campaign.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(Campaign.NameMaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => new { c.InstanceId, c.OpensOn });
        builder.HasOne(c => c.Instance).WithMany().HasForeignKey(c => c.InstanceId);
    }
}

/// <summary>
/// The parts of a file (administrative, technical), the opinion, the decision, and each candidate's decision and appeal
/// are immutable records saved as JSON text: they are read whole with their file, never queried apart, and every change replaces the record.
/// </summary>
internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.Property(a => a.ReceiptNumber).HasMaxLength(Application.ReceiptMaxLength);
        builder.HasIndex(a => a.ReceiptNumber).IsUnique();
        builder.HasOne(a => a.Campaign).WithMany().HasForeignKey(a => a.CampaignId);
        builder.HasOne<Clea.Data.Instances.Instance>().WithMany().HasForeignKey(a => a.InstanceId);
        builder.HasOne<Organism>().WithMany().HasForeignKey(a => a.FiledByOrganismId);
        builder.HasIndex(a => new { a.InstanceId, a.Id });
        builder.HasIndex(a => new { a.FiledByOrganismId, a.Id });
        AsJson(builder.Property(a => a.Administrative)).IsRequired();
        AsJson(builder.Property(a => a.Technical)).IsRequired();
        AsJson(builder.Property(a => a.Opinion));
        AsJson(builder.Property(a => a.Decision));
        builder.Ignore(a => a.Appeal);
        builder.OwnsMany(a => a.Candidates, c =>
        {
            c.ToTable("ApplicationCandidates");
            c.WithOwner().HasForeignKey("ApplicationId");
            c.HasKey(x => x.Id);
            c.HasOne<Organism>().WithMany().HasForeignKey(x => x.OrganismId);
            c.HasOne(x => x.Habilitation).WithMany().HasForeignKey(x => x.HabilitationId);
            c.HasIndex(x => x.OrganismId);
            c.HasIndex(x => x.HabilitationId).IsUnique();
            AsJson(c.Property(x => x.Decision));
            AsJson(c.Property(x => x.Appeal));
            c.Ignore(x => x.Siren);
        });
        builder.Navigation(a => a.Candidates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(a => a.InformationRequests, r =>
        {
            r.ToTable("InformationRequests");
            r.WithOwner().HasForeignKey("ApplicationId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Items).HasMaxLength(Application.TextMaxLength);
            r.Property(x => x.Answer).HasMaxLength(Application.TextMaxLength);
        });
        builder.Navigation(a => a.InformationRequests).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany<LifecycleEvent>().WithOne(e => e.Application).HasForeignKey(e => e.ApplicationId);
    }

    private static PropertyBuilder<T> AsJson<T>(PropertyBuilder<T> property) where T : class?
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<T>(v, Json)!,
            new ValueComparer<T>((a, b) => ReferenceEquals(a, b), v => v == null ? 0 : v.GetHashCode(), v => v));
        return property;
    }
}

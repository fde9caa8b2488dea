using System.Globalization;
using Clea.Auth.Policies;
using Clea.Data.Notifications;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Events;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Notifications;

public sealed class NotificationStatusEnum : EnumerationGraphType<NotificationStatus>
{
    public NotificationStatusEnum() => Name = "NotificationStatus";
}

public sealed class NotificationType : ObjectGraphType<Notification>
{
    public const string TypeName = "Notification";

    public NotificationType()
    {
        Name = TypeName;
        Description = "An e-mail notifying an act to the organism (the conventions count deadlines from notification), with its delivery status.";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id.ToString(CultureInfo.InvariantCulture)));
        Field<NonNullGraphType<LifecycleEventKindEnum>>("kind").Description("The act notified.").Resolve(ctx => ctx.Source.Kind!.Value); // account e-mails (no act) are never listed
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("The lifecycle event notified.")
            .Resolve(ctx => GlobalId.Encode("LifecycleEvent", ctx.Source.LifecycleEventId!.Value.ToString(CultureInfo.InvariantCulture)));
        Field(n => n.Recipient, nullable: true).Description("The organism's main contact at the time of the act; null when it had none.");
        Field(n => n.Subject);
        Field(n => n.Body).Description("The French text sent.");
        Field<NonNullGraphType<NotificationStatusEnum>>("status").Resolve(ctx => ctx.Source.Status);
        Field(n => n.Attempts).Description("Failed delivery attempts so far.");
        Field(n => n.CreatedAt).Description("When the act was saved (UTC).");
        Field(n => n.SentAt, nullable: true).Description("When the mail server accepted it (UTC).");
        Field(n => n.SmtpReply, nullable: true).Description("The mail server's last reply, or why nothing was sent.");
        Field(n => n.AcknowledgedAt, nullable: true).Description("When the recipient acknowledged receipt (UTC).");
    }
}

public sealed class NotificationConnectionType() : ConnectionGraphType<NotificationType, NotificationEdgeType, Notification>("Notification");

public sealed class NotificationEdgeType() : EdgeGraphType<NotificationType, Notification>("Notification");

/// <summary>
/// <c>notifications</c>: the outbox of the organisms in the caller's scope (as <c>lifecycleEvents</c>), newest first;
/// <c>acknowledgeNotification</c>: organism staff confirm receipt of their own organism's notification.
/// </summary>
public sealed class NotificationFields : IQueryFields, IMutationFields
{
    void IQueryFields.AddTo(ObjectGraphType query)
        => query.Field<NonNullGraphType<NotificationConnectionType>>("notifications")
            .Description("E-mail notifications and their delivery status: organism staff see their organism's; Certif Pro staff and administrators all; a CPNE the organisms of its field.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismData)
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .Argument<StringGraphType>("siren", "Only this organism's (a file's notifications).")
            .Argument<NotificationStatusEnum>("status", "Only in this status (FAILED: to follow up).")
            .ResolveAsync(async ctx =>
            {
                var rows = await ctx.Service<NotificationLog>().VisibleAsync(ctx.GetArgument<string?>("siren") is { } text ? Siren.Parse(text) : null,
                    ctx.GetArgument<NotificationStatus?>("status"), ctx.Caller(), ctx.CancellationToken);
                SortKey<Notification>[] keys = [new SortKey<Notification, long>(n => n.Id) { Descending = true }];
                var page = await KeysetPaging.PageAsync(rows, keys, "newest", PageRequest.From(ctx), ctx.CancellationToken);
                return new ConnectionPage<Notification>(page, ct => rows.CountAsync(ct));
            });

    void IMutationFields.AddTo(ObjectGraphType mutation)
        => mutation.Field<NonNullGraphType<NotificationType>>("acknowledgeNotification")
            .Description("Acknowledges receipt of a notification of your organism (deadlines run from notification). Acknowledging again changes nothing.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                if (!GlobalId.TryDecode(ctx.GetArgument<string>("id"), out var type, out var key) || type != NotificationType.TypeName
                    || !long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    throw GraphErrors.Argument(GraphErrors.InvalidId, "This is not the id of a notification.");
                return await ctx.Service<NotificationLog>().AcknowledgeAsync(id, ctx.Caller(), ctx.CancellationToken);
            });
}

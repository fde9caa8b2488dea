using System.Globalization;
using Clea.Auth.Policies;
using Clea.Data.Audits;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Audits;

/// <summary>
/// The acts of convention §V: audits (Instance, organism, auditor), the Instance's decision, the conformity procedure and
/// EDOF alerts. Resolvers parse arguments and call the use cases of <c>Clea.Data.Audits</c>; refusals have stable codes.
/// </summary>
public sealed class AuditMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AuditType>>("scheduleAudit")
            .Description("Schedules an audit of an habilitation in force; the organism is told today and the auditor's access opens (until the report is final). Instance staff: Certif Pro on any habilitation, a CPNE on those it decided.")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<ScheduleAuditInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<ScheduleAuditInput>("input");
                if (!int.TryParse(i.AuditorId, NumberStyles.None, CultureInfo.InvariantCulture, out var auditorId))
                    throw GraphErrors.Argument(GraphErrors.InvalidId, $"'{i.AuditorId}' is not a user id.");
                var plan = new AuditPlan(NodeIds.Parse(NodeIds.Habilitation, i.HabilitationId), i.Mode, i.PeriodFrom, i.PeriodTo, auditorId, i.AuditorAffiliation,
                    i.PlannedFrom, i.PlannedTo, i.Sites is { Count: > 0 } sites ? string.Join(' ', sites.Select(s => s.Trim())) : null);
                return await ctx.Service<AuditScheduling>().ScheduleAsync(plan, ctx.Caller(), ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<AuditType>>("nameAuditMandataire")
            .Description("Names the mandataire who assists your organism during an audit (convention §V.1).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("audit").Argument<NonNullGraphType<StringGraphType>>("mandataire")
            .ResolveAsync(async ctx => await ctx.Service<AuditConduct>().NameMandataireAsync(AuditId(ctx), ctx.GetArgument<string>("mandataire"), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<AuditType>>("refuseAudit")
            .Description("Your organism refuses an audit in writing: the habilitation is withdrawn from the day the Instance receives the refusal (`receivedOn`, default today; convention §V.3, case 3).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("audit").Argument<IsoDateGraphType>("receivedOn").Argument<StringGraphType>("reason")
            .ResolveAsync(async ctx => await ctx.Service<AuditConduct>().RefuseAsync(AuditId(ctx), ctx.GetArgument<DateOnly?>("receivedOn"),
                ctx.GetArgument<string?>("reason"), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<AuditType>>("noteAuditRefusal")
            .Description("The Instance notes that the organism refused an audit without a writing: the habilitation is withdrawn from that day (`notedOn`, default today; convention §V.3, case 3).")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<IdGraphType>>("audit").Argument<IsoDateGraphType>("notedOn").Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx => await ctx.Service<AuditConduct>().NoteRefusalAsync(AuditId(ctx), ctx.GetArgument<DateOnly?>("notedOn"), Reason(ctx),
                ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<AuditType>>("fileAuditReport")
            .Description("The auditor assigned files the final report, presented to the organism today: findings, anomalies (minor or blocking) and one opinion of three. The auditor's access ends; the organism's observations run 15 working days.")
            .AuthorizeWithPolicy(CleaPolicies.Auditor)
            .Argument<NonNullGraphType<FileAuditReportInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<FileAuditReportInput>("input");
                var anomalies = i.Anomalies.Select(a => new AuditAnomaly(a.Description, a.Severity)).ToList();
                return await ctx.Service<AuditConduct>().FileReportAsync(NodeIds.Parse(NodeIds.Audit, i.AuditId), i.Findings, i.Opinion, anomalies,
                    ctx.Caller(), ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<AuditType>>("submitAuditObservations")
            .Description("Your organism's written observations on an audit report, within 15 working days of its presentation.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("audit").Argument<NonNullGraphType<StringGraphType>>("observations")
            .ResolveAsync(async ctx => await ctx.Service<AuditConduct>().SubmitObservationsAsync(AuditId(ctx), ctx.GetArgument<string>("observations"),
                ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<AuditType>>("decideOnAudit")
            .Description("The Instance's decision on an audit, taken at a meeting after the observations: maintained, or failings (a conformity procedure with its formal notice; within 12 months of an earlier procedure's end, withdrawal on the notification).")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<DecideOnAuditInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<DecideOnAuditInput>("input");
                return await ctx.Service<ConformityDecisions>().DecideOnAuditAsync(NodeIds.Parse(NodeIds.Audit, i.AuditId), i.MeetingOn,
                    i.NotifiedOn, i.FailingsFound, i.Notice?.ToTerms(), i.Suspend, i.Reason?.Trim(), ctx.Caller(), ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ConformityProcedureType>>("justifyCorrectiveMeasures")
            .Description("Your organism's written, detailed justification of its corrective measures, within 30 working days of the formal notice (today is the justification date).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("procedure").Argument<NonNullGraphType<StringGraphType>>("justification")
            .ResolveAsync(async ctx => await ctx.Service<ConformityDecisions>().JustifyAsync(ProcedureId(ctx), ctx.GetArgument<string>("justification"),
                ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<ConformityProcedureType>>("withdrawAfterConformityProcedure")
            .Description("The Instance's reasoned withdrawal after a justification, effective on its notification (`notifiedOn`, default today), within 30 working days of the justification.")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<IdGraphType>>("procedure").Argument<IsoDateGraphType>("notifiedOn").Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx => await ctx.Service<ConformityDecisions>().WithdrawAsync(ProcedureId(ctx), ctx.GetArgument<DateOnly?>("notifiedOn"),
                Reason(ctx), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<ConformityProcedureType>>("grantAdditionalCompliancePeriod")
            .Description("The Instance opens an additional compliance period (a new formal notice, same conditions) within 30 working days of the justification; a suspension continues.")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<IdGraphType>>("procedure").Argument<IsoDateGraphType>("notifiedOn").Argument<NonNullGraphType<FormalNoticeInputType>>("notice")
            .ResolveAsync(async ctx => await ctx.Service<ConformityDecisions>().GrantAdditionalPeriodAsync(ProcedureId(ctx), ctx.GetArgument<DateOnly?>("notifiedOn"),
                ctx.GetArgument<FormalNoticeInput>("notice").ToTerms(), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<EdofAlertType>>("recordEdofAlert")
            .Description("Records an alert from the Caisse des Dépôts or France compétences about a non-compliant EDOF listing and the sanction chosen: a warning, a suspension or a withdrawal (convention §V.3, case 4), effective on its notification.")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<RecordEdofAlertInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var i = ctx.GetArgument<RecordEdofAlertInput>("input");
                return await ctx.Service<ConformityDecisions>().RecordEdofAlertAsync(NodeIds.Parse(NodeIds.Habilitation, i.HabilitationId), i.Reference,
                    i.Source, i.Level, i.ReceivedOn, i.NotifiedOn, i.Reason, ctx.Caller(), ctx.CancellationToken);
            });
    }

    private static int AuditId(IResolveFieldContext ctx) => NodeIds.Parse(NodeIds.Audit, ctx.GetArgument<string>("audit"));
    private static int ProcedureId(IResolveFieldContext ctx) => NodeIds.Parse(NodeIds.ConformityProcedure, ctx.GetArgument<string>("procedure"));

    private static string Reason(IResolveFieldContext ctx)
    {
        var reason = ctx.GetArgument<string?>("reason");
        return string.IsNullOrWhiteSpace(reason) ? throw GraphErrors.Argument(GraphErrors.ReasonRequired, "Give the grounds of the decision.") : reason.Trim();
    }
}

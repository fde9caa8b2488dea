using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Clea.Graph.Telemetry;

/// <summary>
/// CleaGraph's own spans and metrics (source and meter <c>Clea.Graph</c>). Tags carry operation names, types and
/// outcomes, never arguments or results: personal data stays out of telemetry.
/// </summary>
public static class CleaTelemetry
{
    public const string Name = "Clea.Graph";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>GraphQL requests by <c>graphql.operation.name</c>, <c>graphql.operation.type</c> and <c>outcome</c>.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("clea.graphql.requests", "{request}",
        "GraphQL requests by operation and outcome (success, field_error, rejected).");

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("clea.graphql.request.duration", "s",
        "Time to parse, validate and execute a GraphQL request.");

    /// <summary>Runs of the habilitation sweep by <c>outcome</c> (completed, failed, skipped: another node holds the lock).</summary>
    public static readonly Counter<long> SweepRuns = Meter.CreateCounter<long>("clea.sweep.runs", "{run}",
        "Habilitation sweep runs by outcome.");
}

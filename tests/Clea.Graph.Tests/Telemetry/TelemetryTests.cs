using System.Diagnostics;
using System.Text;
using Clea.Data.Persistence;
using Clea.Graph.Telemetry;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Clea.Graph.Tests.Telemetry;

public sealed class TelemetryTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_GraphQL_request_is_one_trace_with_the_operation_named_its_phases_and_its_SQL(DatabaseProvider provider)
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = HostOn.Database(provider, database.ConnectionString, settings: new Dictionary<string, string?> { ["Telemetry:Prometheus"] = "true", ["Telemetry:Tracing"] = "true" },
            services: s => s.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans)).WithMetrics(m => m.AddInMemoryExporter(metrics)));
        using var client = host.CreateClient();

        // The listener is process-wide: other tests' hosts trace too, so this request is found by its own operation name.
        var operation = "RegionList" + provider;
        using var response = await client.PostAsync("/graphql", Json($$"""{"query":"query {{operation}} { regions { code name } }","operationName":"{{operation}}"}"""));
        Assert.True(response.IsSuccessStatusCode);
        // Spans end once the response is written, possibly after the client has it: wait for them. Other tests' hosts
        // keep exporting into the list meanwhile: work on a copy.
        // GraphQL.NET's own span carries the operation; it is found even when another host in this test process, disposing
        // its tracer provider, has unhooked the process-wide ASP.NET Core listener (a test-process artefact).
        bool IsRequest(Activity s) => s.Source.Name == "GraphQL" && s.GetTagItem("graphql.operation.name") as string == operation;
        var all = spans.ToArray();
        for (var i = 0; i < 50 && !all.Any(IsRequest); i++)
        {
            await Task.Delay(100);
            host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            all = spans.ToArray();
        }
        var request = Assert.Single(all, IsRequest);
        Assert.Equal("query", request.GetTagItem("graphql.operation.type"));
        var trace = all.Where(s => s.TraceId == request.TraceId).ToList();
        // The HTTP request's span, the trace's root, is named after the operation too.
        foreach (var http in trace.Where(s => s.Source.Name == "Microsoft.AspNetCore"))
            Assert.Equal(operation, http.GetTagItem("graphql.operation.name"));
        foreach (var phase in new[] { "graphql.parse", "graphql.validate", "graphql.execute" })
            Assert.Contains(trace, s => s.OperationName == phase);
        var execute = trace.Single(s => s.OperationName == "graphql.execute");
        Assert.Contains(trace, s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal) && IsWithin(s, execute, trace));

        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var requests = metrics.ToArray().Last(m => m.Name == "clea.graphql.requests");
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in requests.GetMetricPoints()) points.Add(point);
        Assert.Contains(points, p => Tag(p, "graphql.operation.name") == operation && Tag(p, "outcome") == "success" && p.GetSumLong() == 1);

        // The Prometheus scrape endpoint answers when enabled.
        var scrape = await client.GetStringAsync("/metrics");
        Assert.Contains("clea_graphql_requests", scrape, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, false)] // nothing exports traces: none are recorded
    [InlineData("http://collector:4317", null, true)]
    [InlineData("http://collector:4317", "false", false)]
    [InlineData(null, "true", true)] // e.g. an in-process exporter added by the hosting code
    public void Traces_are_recorded_when_they_are_exported_unless_configured_otherwise(string? otlpEndpoint, string? tracing, bool recorded)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
            ["Telemetry:Tracing"] = tracing,
        }).Build();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        Assert.Equal(recorded, options.TracingOn(configuration));
        // Without an OTLP exporter (whose registration brings a provider of its own), a provider exists only to record.
        if (otlpEndpoint is null)
            Assert.Equal(recorded, new ServiceCollection().AddCleaTelemetry(configuration).BuildServiceProvider().GetService<TracerProvider>() is not null);
    }

    private static bool IsWithin(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId) return true;
            var next = trace.FirstOrDefault(s => s.SpanId == parent);
            if (next is null) return false;
            parent = next.ParentSpanId;
        }
        return false;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags) if (tag.Key == key) return tag.Value as string;
        return null;
    }

    private static StringContent Json(string body)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        return content;
    }
}

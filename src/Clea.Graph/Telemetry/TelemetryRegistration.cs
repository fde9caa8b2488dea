using GraphQL.Execution;
using GraphQL.Validation;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Clea.Graph.Telemetry;

/// <summary>Configuration section <c>Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serves the metrics for Prometheus at <c>/metrics</c> (off by default: expose it to the scraper only).</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// Records traces. Unset: on exactly when they are exported (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured):
    /// recording spans nobody exports costs every request an activity per phase and per SQL statement for nothing.
    /// </summary>
    public bool? Tracing { get; set; }

    public bool TracingOn(IConfiguration configuration) => Tracing ?? OtlpConfigured(configuration);

    public static bool OtlpConfigured(IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}

/// <summary>
/// OpenTelemetry: a trace per HTTP request (ASP.NET Core), the GraphQL phases under it (<see cref="CleaTelemetry"/>,
/// GraphQL.NET's own <c>GraphQL</c> source) and one span per SQL statement (EF Core, both providers), recorded when
/// <see cref="TelemetryOptions.Tracing"/> says so (by default: when they are exported); metrics of requests,
/// durations, rate-limit rejections (ASP.NET Core's rate-limiting meter) and sweep runs. Exported by OTLP when the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other <c>OTEL_*</c> variables), and to Prometheus when
/// <c>Telemetry:Prometheus</c> is true.
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddCleaTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddSingleton<IDocumentBuilder>(new TracedDocumentBuilder(new GraphQLDocumentBuilder()));
        services.AddSingleton<IDocumentValidator>(new TracedDocumentValidator(new DocumentValidator()));
        services.AddSingleton<IExecutionStrategySelector>(sp =>
            new TracedExecutionStrategySelector(new DefaultExecutionStrategySelector(sp.GetServices<ExecutionStrategyRegistration>())));

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "clea-graph"));
        if (options.TracingOn(configuration))
            telemetry.WithTracing(tracing => tracing
                .AddSource(CleaTelemetry.Name, "GraphQL")
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation());
        telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(CleaTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.RateLimiting",
                    "Microsoft.AspNetCore.Server.Kestrel");
                if (options.Prometheus) metrics.AddPrometheusExporter();
            });
        if (TelemetryOptions.OtlpConfigured(configuration)) telemetry.UseOtlpExporter();
        return services;
    }

    public static IEndpointRouteBuilder MapCleaMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(TelemetryOptions.Section).Get<TelemetryOptions>();
        if (options?.Prometheus == true) endpoints.MapPrometheusScrapingEndpoint("/metrics").DisableRateLimiting();
        return endpoints;
    }
}

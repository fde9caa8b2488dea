using System.Collections.Concurrent;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Clea.Graph.Tests.Evaluations.EvaluationWorld;

namespace Clea.Graph.Tests.Telemetry;

/// <summary>Logs never carry personal data: a run that reads candidates, with every category at Debug, is grepped.</summary>
public sealed class PersonalDataLogTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reading_candidates_logs_no_name_nor_birth_date_nor_e_mail(DatabaseProvider provider)
    {
        var logs = new CapturedLogs();
        await using var api = await CleaApi.StartAsync(provider, settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        const string LastName = "Quenouillère";
        await SeedCertifiedCandidateAsync(api, DemoFixtures.ActiveQualiopi, LastName);
        var before = logs.Count;

        var list = await api.AsAsync(DemoAccounts.Organism, "query($s: String!) { candidates(siren: $s, first: 10) { nodes { id firstName lastName birthDate } } }",
            new { s = DemoFixtures.ActiveQualiopi });
        Assert.False(list.HasErrors, list.Body);
        var candidate = Assert.Single(list.Data.GetProperty("candidates").GetProperty("nodes").EnumerateArray());
        var read = await api.AsAsync(DemoAccounts.Organism, ReadCandidate, new { id = candidate.GetProperty("id").GetString() });
        Assert.False(read.HasErrors, read.Body);

        Assert.True(logs.Count > before, "the run logged nothing: the test would prove nothing");
        var secrets = new[] { LastName, candidate.GetProperty("firstName").GetString()!, candidate.GetProperty("birthDate").GetString()!, DemoAccounts.Password };
        var leaks = logs.Messages.Where(m => secrets.Any(s => m.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();
        public IEnumerable<string> Messages => _messages;
        public int Count => _messages.Count;
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _messages);
        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => messages.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}

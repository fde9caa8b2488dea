using BenchmarkDotNet.Running;
using Clea.Bench;

// dotnet run -c Release --project bench/Clea.Bench [-- --evaluations 100000]
// PostgreSQL too: CLEA_BENCH_POSTGRES='Host=…;Username=…;Password=…' (a role that may create databases).
var evaluations = args.SkipWhile(a => a != "--evaluations").Skip(1).Select(int.Parse).FirstOrDefault(ActivityBenchmark.DefaultEvaluations);
Environment.SetEnvironmentVariable(ActivityBenchmark.EvaluationsVariable, evaluations.ToString(System.Globalization.CultureInfo.InvariantCulture));
if (args.Contains("--profile"))
{
    await Profile.RunAsync(args.Contains("--postgres") ? Clea.Data.Persistence.DatabaseProvider.Postgres : Clea.Data.Persistence.DatabaseProvider.Sqlite, evaluations);
    return;
}
BenchmarkRunner.Run<ActivityBenchmark>(args: [.. args.TakeWhile(a => a != "--evaluations")]);

using Clea.Data;
using GraphQL.Execution;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Common;

/// <summary>
/// One database connection for all the statements of a request: opened once the document passed validation, closed
/// when execution ends. Left to itself EF Core opens and returns a pooled connection around every statement, and
/// Npgsql then resets it (<c>DISCARD ALL</c>) before the next one: twice the statements for a four-query page.
/// </summary>
public sealed class RequestConnection : DocumentExecutionListenerBase
{
    public override Task BeforeExecutionAsync(IExecutionContext context)
        => Db(context).Database.OpenConnectionAsync(context.CancellationToken);

    public override Task AfterExecutionAsync(IExecutionContext context)
        => Db(context).Database.CloseConnectionAsync();

    private static CleaDbContext Db(IExecutionContext context) => context.RequestServices!.GetRequiredService<CleaDbContext>();
}

using System.Buffers.Text;
using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Clea.Data.Common;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Common;

/// <summary>Relay connection arguments, validated: at most <see cref="MaxPageSize"/> items, never first and last together.</summary>
public sealed record PageRequest(int? First, string? After, int? Last, string? Before)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public bool Backward => Last is not null;
    public int Size => First ?? Last ?? DefaultPageSize;

    public static PageRequest From(IResolveFieldContext context)
    {
        var request = new PageRequest(context.GetArgument<int?>("first"), context.GetArgument<string?>("after"),
            context.GetArgument<int?>("last"), context.GetArgument<string?>("before"));
        if (request.First is not null && request.Last is not null)
            throw GraphErrors.Argument(GraphErrors.InvalidArguments, "Give either 'first' (forward paging) or 'last' (backward paging), not both.");
        if (request.Size is < 0 or > MaxPageSize)
            throw GraphErrors.Argument(GraphErrors.PageSizeOutOfRange, $"A page holds 0 to {MaxPageSize} items; {request.Size} was asked.");
        return request;
    }
}

/// <summary>One sort key of a keyset ordering, with its SQL comparison and its cursor serialization.</summary>
public abstract class SortKey<T>
{
    public bool Descending { get; init; }
    internal abstract string ValueOf(T row);
    internal abstract Expression Compare(ParameterExpression row, string cursorValue, ExpressionType comparison);
    internal abstract IOrderedQueryable<T> Order(IQueryable<T> query, bool first, bool reverse);
}

/// <summary>A sort key whose values are <typeparamref name="TValue"/> (string, <see cref="DateOnly"/>, int or long).</summary>
public sealed class SortKey<T, TValue>(Expression<Func<T, TValue>> key) : SortKey<T> where TValue : notnull
{
    // Interpreted: sort keys are built per request, and compiling a lambda (a dynamic method, JIT-compiled) costs far
    // more than reading the few rows of a page through the interpreter.
    private readonly Func<T, TValue> _read = key.Compile(preferInterpretation: true);

    internal override string ValueOf(T row) => _read(row) switch
    {
        DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString()!,
    };

    internal override Expression Compare(ParameterExpression row, string cursorValue, ExpressionType comparison)
    {
        var left = PredicateComposition.Replace(key.Body, key.Parameters[0], row);
        // A captured holder makes EF send the value as a parameter, so the SQL text (and plan) is reused.
        var right = Expression.Property(Expression.Constant(new Holder(Parse(cursorValue))), nameof(Holder.Value));
        if (typeof(TValue) == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
            return Expression.MakeBinary(comparison, compare, Expression.Constant(0));
        }
        return Expression.MakeBinary(comparison, left, right);
    }

    internal override IOrderedQueryable<T> Order(IQueryable<T> query, bool first, bool reverse)
    {
        var descending = Descending ^ reverse;
        return (first, descending) switch
        {
            (true, false) => query.OrderBy(key),
            (true, true) => query.OrderByDescending(key),
            (false, false) => ((IOrderedQueryable<T>)query).ThenBy(key),
            (false, true) => ((IOrderedQueryable<T>)query).ThenByDescending(key),
        };
    }

    private static TValue Parse(string text) => (TValue)(object)(typeof(TValue) switch
    {
        var t when t == typeof(string) => text,
        var t when t == typeof(DateOnly) => DateOnly.ParseExact(text, "O", CultureInfo.InvariantCulture),
        var t when t == typeof(int) => int.Parse(text, CultureInfo.InvariantCulture),
        var t when t == typeof(long) => long.Parse(text, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"No cursor format for {typeof(TValue).Name}."),
    });

    private sealed class Holder(TValue value)
    {
        public TValue Value { get; } = value;
    }
}

/// <summary>A page of rows and what the connection needs to know about its neighbours.</summary>
public sealed record Page<T>(IReadOnlyList<(T Row, string Cursor)> Edges, bool HasPreviousPage, bool HasNextPage)
{
    /// <summary>The number of rows matching the filter, all pages together, when the page query counted them.</summary>
    public int? Total { get; init; }
    /// <summary>The data version read in the page's own statement, when asked for (null for an empty page).</summary>
    public long? Version { get; init; }
}

/// <summary>
/// Keyset ("seek") pagination in SQL: the cursor carries the sort-key values of a row, and the next page is the rows
/// strictly after it in the ordering — no OFFSET, stable under inserts. The last key must be unique (the id).
/// </summary>
public static class KeysetPaging
{
    public static async Task<Page<T>> PageAsync<T>(IQueryable<T> query, IReadOnlyList<SortKey<T>> keys, string ordering,
        PageRequest request, CancellationToken cancellationToken, bool countTotal = false, IQueryable<long?>? version = null)
    {
        var after = request.After is null ? null : DecodeCursor(request.After, ordering, keys.Count);
        var before = request.Before is null ? null : DecodeCursor(request.Before, ordering, keys.Count);
        var window = query;
        if (after is not null) window = window.Where(Beyond(keys, after, forward: true));
        if (before is not null) window = window.Where(Beyond(keys, before, forward: false));

        var ordered = keys.Select((k, i) => (k, i)).Aggregate((IOrderedQueryable<T>)null!,
            (q, x) => x.k.Order((IQueryable<T>?)q ?? window, x.i == 0, request.Backward));
        List<T> rows;
        int? total = null;
        long? versionRead = null;
        if (request.Size == 0) rows = [];
        else if (countTotal)
        {
            // The total rides on the page's statement (an uncorrelated subquery the database computes once) instead of
            // a second statement filtering everything again.
            var counted = await ordered.Take(request.Size + 1).Select(r => new Counted<T> { Row = r, Total = query.Count() }).ToListAsync(cancellationToken);
            rows = counted.Select(c => c.Row).ToList();
            total = counted.Count > 0 ? counted[0].Total : null;
        }
        else if (version is not null)
        {
            // The version rides on the page's statement (a scalar subquery on a one-row table): same snapshot, no round trip.
            var versioned = await ordered.Take(request.Size + 1).Select(r => new Counted<T> { Row = r, Version = version.FirstOrDefault() }).ToListAsync(cancellationToken);
            rows = versioned.Select(c => c.Row).ToList();
            versionRead = versioned.Count > 0 ? versioned[0].Version : null;
        }
        else rows = await ordered.Take(request.Size + 1).ToListAsync(cancellationToken);
        var more = rows.Count > request.Size;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (request.Backward) rows.Reverse();

        // The other side is known only from the cursor we came from: ask the database whether anything lies there.
        var hasPrevious = request.Backward ? more : after is not null && await query.Where(Not(Beyond(keys, after, forward: true))).AnyAsync(cancellationToken);
        var hasNext = request.Backward ? before is not null && await query.Where(Not(Beyond(keys, before, forward: false))).AnyAsync(cancellationToken) : more;
        return new Page<T>(rows.Select(r => (r, EncodeCursor(ordering, keys.Select(k => k.ValueOf(r))))).ToList(), hasPrevious, hasNext) { Total = total, Version = versionRead };
    }

    /// <summary>Rows strictly after (or before) the cursor: (k1 &gt; v1) or (k1 = v1 and k2 &gt; v2) or …</summary>
    private sealed class Counted<T>
    {
        public T Row { get; init; } = default!;
        public int Total { get; init; }
        public long? Version { get; init; }
    }

    private static Expression<Func<T, bool>> Beyond<T>(IReadOnlyList<SortKey<T>> keys, IReadOnlyList<string> values, bool forward)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? result = null;
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            var greater = keys[i].Descending != forward;
            var strict = keys[i].Compare(row, values[i], greater ? ExpressionType.GreaterThan : ExpressionType.LessThan);
            result = result is null
                ? strict
                : Expression.OrElse(strict, Expression.AndAlso(keys[i].Compare(row, values[i], ExpressionType.Equal), result));
        }
        return Expression.Lambda<Func<T, bool>>(result!, row);
    }

    private static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate)
        => Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private static string EncodeCursor(string ordering, IEnumerable<string> values)
        => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { ordering }.Concat(values).ToArray()));

    private static string[] DecodeCursor(string cursor, string ordering, int keyCount)
    {
        string[]? parts = null;
        try
        {
            if (cursor.Length <= 1000 && Base64Url.IsValid(cursor))
                parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
        }
        catch (JsonException)
        {
        }
        if (parts is null || parts.Length != keyCount + 1 || parts.Any(p => p is null))
            throw GraphErrors.Argument(GraphErrors.InvalidCursor, "This cursor is not one this API issued: use a cursor from a previous page.");
        if (parts[0] != ordering)
            throw GraphErrors.Argument(GraphErrors.InvalidCursor, "This cursor was issued for another ordering: keep the same 'order' while paging.");
        return parts[1..];
    }
}

using System.Linq.Expressions;

namespace Clea.Data.Common;

/// <summary>Combines SQL-translatable predicates without Invoke (which EF Core cannot translate).</summary>
public static class PredicateComposition
{
    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var body = Replace(right.Body, right.Parameters[0], left.Parameters[0]);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, body), left.Parameters);
    }

    /// <summary><paramref name="body"/> with <paramref name="from"/> replaced by <paramref name="to"/> (a lambda applied without Invoke).</summary>
    public static Expression Replace(Expression body, ParameterExpression from, Expression to) => new Rebind(from, to).Visit(body);

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

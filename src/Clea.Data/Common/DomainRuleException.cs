namespace Clea.Data.Common;

/// <summary>
/// A business rule refused an operation. <see cref="Code"/> is stable (it becomes the GraphQL
/// <c>extensions.code</c>) and the message says which rule was broken, in words an integrator can act on.
/// </summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

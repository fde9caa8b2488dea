using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;

namespace Clea.Graph.Authorization;

/// <summary>
/// Enforces the authorization metadata of the schema (<c>AuthorizeWithPolicy</c>, <c>Authorize</c>, <c>AllowAnonymous</c>)
/// before anything executes — GraphQL.NET core carries the metadata but enforces nothing. It walks the selected
/// operation only, through the fragments it uses, skipping what <c>@skip</c>/<c>@include</c> leave out, and checks each
/// selected field and the type it returns against the ASP.NET Core policies (each policy evaluated once per request).
/// Mutations are denied by default: a mutation field must declare a policy (or <c>AllowAnonymous</c>).
/// Registered for cached documents too, since its answer depends on the caller.
/// </summary>
public sealed class FieldAuthorizationRule : ValidationRuleBase
{
    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var root = context.Operation.Operation switch
        {
            OperationType.Query => context.Schema.Query,
            OperationType.Mutation => context.Schema.Mutation,
            _ => context.Schema.Subscription,
        };
        if (root is null) return null;
        var walk = new Walk(context, context.RequestServices!.GetRequiredService<IAuthorizationService>());
        await walk.VisitAsync(root, context.Operation.SelectionSet, isMutationRoot: context.Operation.Operation == OperationType.Mutation);
        return null;
    }

    public enum Decision
    {
        Allowed,
        /// <summary>A mutation without any declared policy.</summary>
        DeniedByDefault,
        FieldDenied,
        /// <summary>The field is allowed but the type it returns is not.</summary>
        TypeDenied,
    }

    /// <summary>
    /// Whether a caller may select <paramref name="field"/>: the field's own metadata, then the metadata of the type it
    /// returns. <paramref name="allows"/> answers for one metadata holder (its policies, or "authenticated").
    /// The authorization matrix test uses this same decision for every field of the schema.
    /// </summary>
    public static async Task<Decision> DecideAsync(FieldType field, bool isMutationRoot, Func<IMetadataReader, Task<bool>> allows)
    {
        if (isMutationRoot && !field.IsAnonymousAllowed() && !field.IsAuthorizationRequired() && (field.GetPolicies()?.Count ?? 0) == 0)
            return Decision.DeniedByDefault;
        if (!await allows(field)) return Decision.FieldDenied;
        var returned = field.ResolvedType?.GetNamedType();
        return returned is null || await allows(returned) ? Decision.Allowed : Decision.TypeDenied;
    }

    /// <summary>One metadata holder's verdict for a caller: "authenticated" if required, then every policy.</summary>
    public static async Task<bool> AllowsAsync(IMetadataReader metadata, ClaimsPrincipal user, Func<string, Task<bool>> policy)
    {
        if (metadata.IsAuthorizationRequired() && user.Identity?.IsAuthenticated != true) return false;
        foreach (var name in metadata.GetPolicies() ?? [])
            if (!await policy(name)) return false;
        return true;
    }

    private sealed class Walk(ValidationContext context, IAuthorizationService authorization)
    {
        private readonly ClaimsPrincipal _user = context.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        private readonly Dictionary<string, bool> _policyResults = [];
        private readonly HashSet<string> _reported = [];
        private readonly HashSet<string> _fragmentsOnStack = [];

        private bool Authenticated => _user.Identity?.IsAuthenticated == true;

        public async Task VisitAsync(IGraphType parent, GraphQLSelectionSet selections, bool isMutationRoot = false)
        {
            foreach (var selection in selections.Selections)
            {
                if (Skipped(selection)) continue;
                switch (selection)
                {
                    case GraphQLField field:
                        await VisitFieldAsync(parent, field, isMutationRoot);
                        break;
                    case GraphQLInlineFragment inline:
                        await VisitAsync(TypeNamed(inline.TypeCondition?.Type.Name.StringValue) ?? parent, inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        var name = spread.FragmentName.Name.StringValue;
                        var fragment = context.Document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name);
                        // A cycle is another rule's error; stop here rather than loop.
                        if (fragment is null || !_fragmentsOnStack.Add(name)) break;
                        if (TypeNamed(fragment.TypeCondition.Type.Name.StringValue) is { } type) await VisitAsync(type, fragment.SelectionSet);
                        _fragmentsOnStack.Remove(name);
                        break;
                }
            }
        }

        private async Task VisitFieldAsync(IGraphType parent, GraphQLField node, bool isMutationRoot)
        {
            var name = node.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal)) return; // __typename and introspection are public
            if (parent is not IComplexGraphType complex || complex.GetField(name) is not { } field) return; // another rule reports it

            string Label() => $"{parent.Name}.{name}"; // built for a refusal only
            switch (await DecideAsync(field, isMutationRoot, AllowsAsync))
            {
                case Decision.DeniedByDefault:
                    Report(node, Label(), AuthorizationErrors.NotAuthorized, $"The mutation '{name}' declares no authorization policy: it is denied by default.");
                    return;
                case Decision.FieldDenied:
                    Report(node, Label(), Authenticated ? AuthorizationErrors.NotAuthorized : AuthorizationErrors.NotAuthenticated,
                        Authenticated ? $"You are not allowed to read or run '{Label()}'." : $"'{Label()}' requires you to sign in.");
                    return;
                case Decision.TypeDenied:
                    var typeName = field.ResolvedType!.GetNamedType().Name;
                    Report(node, Label(), Authenticated ? AuthorizationErrors.NotAuthorized : AuthorizationErrors.NotAuthenticated,
                        Authenticated ? $"You are not allowed to see '{typeName}' objects ('{Label()}')." : $"'{typeName}' objects ('{Label()}') require you to sign in.");
                    return;
            }
            var returned = field.ResolvedType?.GetNamedType();
            if (node.SelectionSet is not null && returned is not null) await VisitAsync(returned, node.SelectionSet);
        }

        private Task<bool> AllowsAsync(IMetadataReader metadata) => FieldAuthorizationRule.AllowsAsync(metadata, _user, PolicyAsync);

        private async Task<bool> PolicyAsync(string policy)
        {
            if (!_policyResults.TryGetValue(policy, out var allowed))
                _policyResults[policy] = allowed = (await authorization.AuthorizeAsync(_user, policy)).Succeeded;
            return allowed;
        }

        private IGraphType? TypeNamed(string? name) => name is null ? null : context.Schema.AllTypes[name];

        private bool Skipped(ASTNode selection)
        {
            var directives = (selection as IHasDirectivesNode)?.Directives;
            if (directives is null) return false;
            foreach (var directive in directives.Items)
            {
                var value = directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value;
                if (value is null) continue;
                var condition = value switch
                {
                    GraphQLBooleanValue b => b.BoolValue,
                    GraphQLVariable v => VariableAsBool(v.Name.StringValue),
                    _ => (bool?)null,
                };
                if (condition is null) continue;
                if (directive.Name.StringValue == "skip" && condition.Value) return true;
                if (directive.Name.StringValue == "include" && !condition.Value) return true;
            }
            return false;
        }

        private bool? VariableAsBool(string name)
        {
            if (context.Variables is not null && context.Variables.TryGetValue(name, out var value)) return value as bool?;
            var definition = context.Operation.Variables?.Items.FirstOrDefault(v => v.Variable.Name.StringValue == name);
            return (definition?.DefaultValue as GraphQLBooleanValue)?.BoolValue;
        }

        private void Report(ASTNode node, string label, string code, string message)
        {
            if (!_reported.Add(label)) return;
            context.ReportError(new ValidationError(context.Document.Source, code, message, node) { Code = code });
        }
    }
}

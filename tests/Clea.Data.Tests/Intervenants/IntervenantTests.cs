using Clea.Data.Common;
using Clea.Data.Intervenants;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Intervenants;

public sealed class IntervenantTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Organism Organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);

    private static string CodeOf(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    [Fact]
    public void An_intervenant_evaluates_trains_or_both()
    {
        Assert.Equal(IntervenantErrors.RoleRequired,
            CodeOf(() => Intervenant.Declare(Organism, "Anne", "Martin", evaluator: false, trainer: false, [], false, Today)));
        var both = Intervenant.Declare(Organism, " Anne ", "Martin", evaluator: true, trainer: true, ["Master FLE", " ", "Master FLE"], true, Today);
        Assert.Equal("Anne", both.FirstName);
        Assert.Equal(["Master FLE"], both.Qualifications);
    }

    [Fact]
    public void Remote_evaluation_competence_belongs_to_evaluators()
        => Assert.Equal(IntervenantErrors.RemoteEvaluationRequiresEvaluator,
            CodeOf(() => Intervenant.Declare(Organism, "Anne", "Martin", evaluator: false, trainer: true, [], remoteEvaluation: true, Today)));

    [Fact]
    public void Names_are_required_and_qualifications_bounded()
    {
        Assert.Equal(RegistryErrors.NameRequired, CodeOf(() => Intervenant.Declare(Organism, "", "Martin", true, false, [], false, Today)));
        var many = Enumerable.Range(0, Intervenant.MaxQualifications + 1).Select(i => $"Q{i}").ToList();
        Assert.Equal(IntervenantErrors.InvalidQualifications, CodeOf(() => Intervenant.Declare(Organism, "Anne", "Martin", true, false, many, false, Today)));
    }

    [Fact]
    public void A_withdrawn_intervenant_is_active_until_the_day_before_and_is_withdrawn_once()
    {
        var intervenant = Intervenant.Declare(Organism, "Anne", "Martin", true, false, [], false, Today);
        Assert.Equal(IntervenantErrors.WithdrawnBeforeDeclared, CodeOf(() => intervenant.Withdraw(Today.AddDays(-1))));
        intervenant.Withdraw(Today.AddDays(10));
        Assert.True(intervenant.IsActiveOn(Today.AddDays(9)));
        Assert.False(intervenant.IsActiveOn(Today.AddDays(10)));
        Assert.Equal(IntervenantErrors.AlreadyWithdrawn, CodeOf(() => intervenant.Withdraw(Today.AddDays(11))));
    }
}

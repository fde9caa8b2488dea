using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Graph.Tests.Support;

namespace Clea.Graph.Tests.Applications;

/// <summary>The application flow's requests, shared by its HTTP tests.</summary>
internal static class ApplicationApi
{
    public const string Fields = "id receiptNumber status filedOn completenessIssues informationRequests { items answer answeredOn } opinion { givenOn meetingOn favourable } hearingOn convocationSentOn decision { outcome meetingOn notifiedOn warning appealUntil reasons { criterion met comment } } appeal { filedOn acknowledgementDue acknowledgedOn acknowledgementOverdue examinationDue examinationOverdue outcome decidedOn notifiedOn } candidates { organism { siren } habilitation { status certification } }";

    public const string CreateCampaign = "mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { code opensOn closesOn meetingDates open } }";
    public const string FileApplication = "mutation($input: FileApplicationInput!) { fileApplication(input: $input) { " + Fields + " } }";
    public const string RequestInformation = "mutation($id: ID!, $items: String!) { requestInformation(id: $id, items: $items) { " + Fields + " } }";
    public const string Answer = "mutation($id: ID!, $answer: String!) { answerInformationRequest(id: $id, answer: $answer) { " + Fields + " } }";
    public const string MarkComplete = "mutation($id: ID!) { markComplete(id: $id) { " + Fields + " } }";
    public const string GiveOpinion = "mutation($id: ID!, $meetingOn: Date!, $verdicts: [CriterionVerdictInput!]!) { giveOpinion(id: $id, meetingOn: $meetingOn, verdicts: $verdicts) { " + Fields + " } }";
    public const string ScheduleHearing = "mutation($id: ID!, $hearingOn: Date!) { scheduleHearing(id: $id, hearingOn: $hearingOn) { " + Fields + " } }";
    public const string Decide = "mutation($id: ID!, $meetingOn: Date!, $accept: Boolean!, $reasons: [CriterionVerdictInput!], $notifiedOn: Date) { decide(id: $id, meetingOn: $meetingOn, accept: $accept, reasons: $reasons, notifiedOn: $notifiedOn) { warning application { " + Fields + " } } }";
    public const string FileAppeal = "mutation($id: ID!, $grounds: String!) { fileAppeal(id: $id, grounds: $grounds) { " + Fields + " } }";
    public const string AcknowledgeAppeal = "mutation($id: ID!) { acknowledgeAppeal(id: $id) { " + Fields + " } }";
    public const string DecideAppeal = "mutation($id: ID!, $meetingOn: Date!, $accept: Boolean!, $reason: String!) { decideAppeal(id: $id, meetingOn: $meetingOn, accept: $accept, reason: $reason) { " + Fields + " } }";
    public const string ScheduleMeeting = "mutation($campaign: String!, $on: Date!) { scheduleMeeting(campaign: $campaign, on: $on) { meetingDates } }";
    public const string ReadApplication = "query($id: ID!) { application(id: $id) { " + Fields + " } }";

    /// <summary>A createCampaign input with one meeting date.</summary>
    public static object CampaignInput(string code, string opensOn, string closesOn, string meeting, string certification = "CLEA_MANAGEMENT") => new
    {
        certification, code, name = code, opensOn, closesOn, meetingDates = new[] { meeting },
    };

    public static object[] Verdicts(bool met = true) =>
    [
        new { criterion = "QUALIFIED_INTERVENANTS", met, comment = met ? "Équipe qualifiée." : "Pas assez d'évaluateurs qualifiés." },
        new { criterion = "EVALUATION_APPROACH", met = true, comment = "Outils couvrant le référentiel." },
        new { criterion = "CANDIDATE_SUPPORT", met = true, comment = "Accompagnement individualisé." },
        new { criterion = "TRAINING_AND_QUALITY", met = true, comment = "Démarche qualité Qualiopi." },
    ];

    public static async Task<string[]> SubCompetencesAsync(CleaApi api, string certification)
    {
        var data = await api.QueryAsync("query($c: CertificationCode!) { certification(code: $c) { domains { subDomains { code } } } }", new { c = certification });
        return [.. data.GetProperty("certification").GetProperty("domains").EnumerateArray()
            .SelectMany(d => d.GetProperty("subDomains").EnumerateArray()).Select(s => s.GetProperty("code").GetString()!)];
    }

    public static async Task<object> FileInputAsync(CleaApi api, string campaign, string certification = "CLEA_MANAGEMENT", string[]? skip = null)
    {
        var codes = await SubCompetencesAsync(api, certification);
        return new
        {
            campaign,
            scope = "TRAIN_AND_EVALUATE",
            intervenants = new[] { new { firstName = "Anne", lastName = "Martin", evaluator = true, trainer = true } },
            technical = new
            {
                modalities = codes.Except(skip ?? []).Select(c => new { subCompetence = c, modality = "Mise en situation reconstituée" }),
                evaluationProcess = "Positionnement, évaluation finale par un jury.",
                training = "Parcours individualisés.",
                quality = "Qualiopi, revue annuelle.",
            },
        };
    }

    /// <summary>Runs a request that must succeed and returns its <c>data</c>.</summary>
    public static async Task<JsonElement> OkAsync(this CleaApi api, string token, string query, object? variables = null)
    {
        var response = await api.PostAsAsync(token, query, variables);
        Assert.False(response.HasErrors, response.Body);
        return response.Data;
    }

    public static Task<string> CertifProAsync(this CleaApi api) => api.TokenForAsync(DemoAccounts.CertifPro);
    public static Task<string> OrganismAsync(this CleaApi api) => api.TokenForAsync(DemoAccounts.Organism);

    public static DateTimeOffset At(string date) => new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}

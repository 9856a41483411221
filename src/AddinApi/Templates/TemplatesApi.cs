using System.Globalization;
using System.Text.Json;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Templates;

/// <summary>Meeting templates: everyone plans from them; tenant admins add, change and remove their tenant's own.</summary>
public static class TemplatesApi
{
    public const int MaxTemplates = 100;

    public static void MapTemplates(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/templates").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Templates");
        api.MapGet("", List).WithSummary("The templates a planner starts from, in the caller's language: the built-in scenarios, then the tenant's own.");
        var admin = api.MapGroup("").RequireAuthorization(DepartmentsApi.AdminPolicy).RequireRateLimiting(SecurityHeaders.WritesPolicy);
        admin.MapPost("", Create).WithSummary("Add a tenant template (tenant admins).").Refuses(409, 422, 429);
        admin.MapPut("/{id:guid}", Update).WithSummary("Change a tenant template (tenant admins). Requires If-Match.").Refuses(404, 412, 422, 428, 429);
        admin.MapDelete("/{id:guid}", Delete).WithSummary("Remove a tenant template (tenant admins). Requires If-Match; meetings planned from it keep their agenda.").Refuses(404, 412, 428, 429);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static TemplateResponse From(MeetingTemplate t) => new(t.Id.ToString(), false, t.Name, t.Goal, t.Minutes,
        JsonSerializer.Deserialize<List<TemplateAgendaItem>>(t.AgendaJson, Json) ?? [], t.Roles, t.Language, t.Version);

    private static async Task<Ok<List<TemplateResponse>>> List(CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var language = Messages.IsChinese(culture) ? "zh-CN" : "en-US";
        var own = await db.MeetingTemplates.AsNoTracking().Where(t => t.Language == null || t.Language == language).OrderBy(t => t.Name).ToListAsync(ct);
        return TypedResults.Ok(BuiltInTemplates.In(Messages.IsChinese(culture)).Concat(own.Select(From)).ToList());
    }

    private static async Task<Results<Created<TemplateResponse>, ProblemHttpResult>> Create(TemplateInput input, Caller caller, CollabDb db, TimeProvider clock,
        IOptions<PolicyOptions> policy, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        if (Validate(input, policy.Value, culture) is { } invalid) return invalid;
        if (await db.MeetingTemplates.CountAsync(ct) >= MaxTemplates)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("template.tooMany", culture, MaxTemplates));
        var template = new MeetingTemplate { TenantId = caller.TenantId, Name = "", Goal = "", AgendaJson = "[]", UpdatedBy = caller.Email };
        Apply(input, template, caller, clock.GetUtcNow().UtcDateTime);
        db.MeetingTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        response.Headers.ETag = ETags.For(template.Version);
        return TypedResults.Created($"/api/templates/{template.Id}", From(template));
    }

    private static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> Update(Guid id, TemplateInput input, Caller caller, CollabDb db, TimeProvider clock,
        IOptions<PolicyOptions> policy, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var template = await db.MeetingTemplates.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("template.notFound", culture));
        if (Precondition(template, request, response, culture) is { } refused) return refused;
        if (Validate(input, policy.Value, culture) is { } invalid) return invalid;
        Apply(input, template, caller, clock.GetUtcNow().UtcDateTime);
        template.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Problem(StatusCodes.Status412PreconditionFailed, Messages.Format("template.stale", culture));
        }
        response.Headers.ETag = ETags.For(template.Version);
        return TypedResults.Ok(From(template));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, CollabDb db, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var template = await db.MeetingTemplates.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("template.notFound", culture));
        if (Precondition(template, request, response, culture) is { } refused) return refused;
        db.MeetingTemplates.Remove(template);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Problem(StatusCodes.Status412PreconditionFailed, Messages.Format("template.stale", culture));
        }
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult? Precondition(MeetingTemplate template, HttpRequest request, HttpResponse response, CultureInfo culture)
    {
        switch (ETags.Check(request, template.Version))
        {
            case ETags.Precondition.Missing or ETags.Precondition.Wildcard:
                return Problems.Problem(StatusCodes.Status428PreconditionRequired, Messages.Format("template.ifMatchRequired", culture));
            case ETags.Precondition.Stale:
                response.Headers.ETag = ETags.For(template.Version);
                return Problems.Problem(StatusCodes.Status412PreconditionFailed, Messages.Format("template.stale", culture));
            default:
                return null;
        }
    }

    private static void Apply(TemplateInput input, MeetingTemplate template, Caller caller, DateTime now)
    {
        template.Name = input.Name!.Trim();
        template.Language = input.Language;
        template.Goal = input.Goal!.Trim();
        template.Minutes = input.Minutes!.Value;
        template.AgendaJson = JsonSerializer.Serialize(input.Agenda!.Select(a => a with { Topic = a.Topic.Trim(), Discussion = a.Discussion.Trim(), ExpectedOutput = a.ExpectedOutput.Trim() }), Json);
        template.Roles = string.IsNullOrWhiteSpace(input.Roles) ? null : input.Roles.Trim();
        (template.UpdatedBy, template.UpdatedAt) = (caller.Email, now);
    }

    /// <summary>The rules a template keeps, so that a plan started from it can pass the meeting rules: the five elements, time boxes within the length.</summary>
    private static ProblemHttpResult? Validate(TemplateInput input, PolicyOptions policy, CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string code, params object[] args) => errors[field] = [Messages.Format(code, culture, args)];
        if (string.IsNullOrWhiteSpace(input.Name)) Error("name", "template.nameMissing");
        else if (input.Name.Length > CollabModel.NameLength) Error("name", "text.tooLong", CollabModel.NameLength);
        if (input.Language is not (null or "zh-CN" or "en-US")) Error("language", "template.language");
        if (string.IsNullOrWhiteSpace(input.Goal)) Error("goal", "template.goalMissing");
        else if (input.Goal.Length > CollabModel.GoalLength) Error("goal", "text.tooLong", CollabModel.GoalLength);
        if (input.Minutes is not (>= 15 and <= 480)) Error("minutes", "template.minutes");
        if (input.Roles is { Length: > CollabModel.GoalLength }) Error("roles", "text.tooLong", CollabModel.GoalLength);
        if (input.Agenda is null || input.Agenda.Count == 0) Error("agenda", "template.agendaMissing");
        else if (input.Agenda.Count > policy.MaxAgendaItems) Error("agenda", "list.tooLong", policy.MaxAgendaItems);
        else
        {
            for (var i = 0; i < input.Agenda.Count; i++)
            {
                var a = input.Agenda[i];
                if (string.IsNullOrWhiteSpace(a.Topic) || string.IsNullOrWhiteSpace(a.Discussion) || string.IsNullOrWhiteSpace(a.ExpectedOutput))
                    Error($"agenda[{i}]", "template.agendaElements");
                else if (a.Topic.Length > CollabModel.NameLength || a.Discussion.Length > CollabModel.GoalLength || a.ExpectedOutput.Length > CollabModel.GoalLength)
                    Error($"agenda[{i}]", "text.tooLong", CollabModel.GoalLength);
                else if (a.PlannedMinutes is < 1 or > 240) Error($"agenda[{i}].plannedMinutes", "template.itemMinutes");
            }
            if (input.Minutes is { } total && errors.Count == 0 && input.Agenda.Sum(a => a.PlannedMinutes) > total)
                Error("agenda", "template.overLength", input.Agenda.Sum(a => a.PlannedMinutes), total);
        }
        return errors.Count == 0 ? null
            : Problems.Invalid(errors, title: Messages.Format("template.invalid", culture), status: StatusCodes.Status422UnprocessableEntity);
    }
}

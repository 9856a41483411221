using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Departments;

public sealed record DepartmentRequest(string? Name, string? ContactEmail, string? HeadEmail = null, string? HeadName = null);
public sealed record DepartmentResponse(Guid Id, string Name, string? ContactEmail, string? HeadEmail = null, string? HeadName = null)
{
    public static DepartmentResponse Of(Department d) => new(d.Id, d.Name, d.ContactEmail, d.HeadEmail, d.HeadName);
}

/// <summary>Departments, their contacts (who hear about blocked and overdue work) and heads (who decide). Tenant admins only.</summary>
public static class DepartmentsApi
{
    /// <summary>The app role (Entra "roles" claim) of a tenant admin of CollabAddin.</summary>
    public const string AdminRole = "CollabAddin.Admin";
    public const string AdminPolicy = "TenantAdmin";

    public static void MapDepartments(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/departments").RequireAuthorization(AuthSetup.ApiUserPolicy, AdminPolicy).WithTags("Departments");
        api.MapGet("", async (CollabDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.Departments.OrderBy(d => d.Name).Select(d => new DepartmentResponse(d.Id, d.Name, d.ContactEmail, d.HeadEmail, d.HeadName)).ToListAsync(ct)));
        api.MapPost("", async Task<Results<Created<DepartmentResponse>, ProblemHttpResult>> (DepartmentRequest body, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct) =>
        {
            var culture = RequestLanguage.Of(request);
            if (Invalid(body, culture) is { } problem) return problem;
            var name = body.Name!.Trim();
            if (await db.Departments.AnyAsync(d => d.Name == name, ct))
                return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("department.exists", culture, name));
            var department = new Department { TenantId = caller.TenantId, Name = name, ContactEmail = Contact(body) };
            Head(body, department);
            db.Departments.Add(department);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/departments/{department.Id}", DepartmentResponse.Of(department));
        }).Refuses(409, 422);
        api.MapPut("/{id:guid}", async Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> (Guid id, DepartmentRequest body, CollabDb db, HttpRequest request, CancellationToken ct) =>
        {
            var culture = RequestLanguage.Of(request);
            if (Invalid(body, culture) is { } problem) return problem;
            var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, ct);
            if (department is null) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("department.notFound", culture));
            var name = body.Name!.Trim();
            if (await db.Departments.AnyAsync(d => d.Name == name && d.Id != id, ct))
                return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("department.exists", culture, name));
            (department.Name, department.ContactEmail) = (name, Contact(body));
            Head(body, department);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(DepartmentResponse.Of(department));
        }).Refuses(404, 409, 422);
    }

    private static ProblemHttpResult? Invalid(DepartmentRequest body, System.Globalization.CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > CollabModel.NameLength) errors["name"] = [Messages.Format("department.name", culture, CollabModel.NameLength)];
        if (body.ContactEmail is { Length: > 0 } && !Emails.IsValid(body.ContactEmail)) errors["contactEmail"] = [Messages.Format("attendee.emailInvalid", culture, body.ContactEmail)];
        if (body.HeadEmail is { Length: > 0 } && !Emails.IsValid(body.HeadEmail)) errors["headEmail"] = [Messages.Format("attendee.emailInvalid", culture, body.HeadEmail)];
        if (body.HeadName is { Length: > CollabModel.NameLength }) errors["headName"] = [Messages.Format("text.tooLong", culture, CollabModel.NameLength)];
        return errors.Count == 0 ? null : Problems.Invalid(errors, status: StatusCodes.Status422UnprocessableEntity);
    }

    private static void Head(DepartmentRequest body, Department department) =>
        (department.HeadEmail, department.HeadName) = string.IsNullOrWhiteSpace(body.HeadEmail) ? (null, null)
            : (Emails.Normalize(body.HeadEmail), string.IsNullOrWhiteSpace(body.HeadName) ? Emails.Normalize(body.HeadEmail) : body.HeadName.Trim());

    private static string? Contact(DepartmentRequest body) => string.IsNullOrWhiteSpace(body.ContactEmail) ? null : Emails.Normalize(body.ContactEmail);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Demo;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Feedback;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Hosting;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Projects;
using CollabAddin.Api.Reports;
using CollabAddin.Api.Series;
using CollabAddin.Api.Templates;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMemoryCache();
builder.Services.AddCollabProblems();
builder.Services.AddCollabStore(builder.Configuration);
builder.AddCollabAuth();
builder.AddCollabGraph();
builder.AddMeetings();
builder.AddFollowUp();
builder.AddMinutes();
builder.AddProjects();
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
builder.Services.AddCollabOpenApi();
builder.Services.AddCollabHealth(builder.Configuration);
builder.Services.AddTaskPaneCompression();
builder.AddCollabSecurity();
builder.AddCollabTelemetry();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCollabSecurity();
app.UseTaskPaneFiles();
app.UseAuthentication();
app.UseTenantScope();
app.UsePersonBinding();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
    app.MapScalarApiReference(); // /scalar/v1: an API reference over /openapi/v1.json, for people trying the API locally
app.MapCollabHealth();
if (app.Services.GetService<DevTokenIssuer>() is not null)
    app.MapDevToken();
app.MapAuthConfig();
var api = app.MapTypedApi(); // every JSON body below passes the typed-text gate
api.MapActionItems();
api.MapMeetings();
api.MapSeries();
api.MapMinutes();
api.MapDecisions();
api.MapFeedback();
api.MapTemplates();
api.MapPeople();
api.MapReports();
api.MapDepartments();
api.MapProjects();
app.MapGraphEmulatorIfInProcess();

// Migrating at start-up keeps the embedded SQLite file and a dev PostgreSQL in step with the code; a production
// deployment with several instances can turn it off (Database:MigrateOnStartup=false) and migrate once per release.
if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
    await StoreSetup.MigrateAsync(app.Services);
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", false))
    await DemoData.SeedAsync(app.Services);

app.Run();

public partial class Program;

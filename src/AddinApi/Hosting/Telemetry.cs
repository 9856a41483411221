using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CollabAddin.Api.Hosting;

/// <summary>
/// The product's own instruments (meter and activity source "CollabAddin"), and OpenTelemetry around them: ASP.NET Core
/// and outgoing HTTP (Graph) traces and metrics. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set,
/// nowhere otherwise. Nothing personal goes into a span: Graph calls are named by operation and their URLs keep no
/// mailbox, id or query (<see cref="Redact"/>); request URLs keep their route, query values are redacted by the
/// instrumentation. Logs carry the trace and span ids.
/// </summary>
public static partial class Telemetry
{
    public const string Name = "CollabAddin";
    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> InvitesSent = Meter.CreateCounter<long>("collab.invites.sent", description: "Invites, updates and cancellations Outlook accepted.");
    public static readonly Counter<long> InvitesRetried = Meter.CreateCounter<long>("collab.invites.retried", description: "Invite attempts that will be retried (Graph busy or down).");
    public static readonly Counter<long> InvitesFailed = Meter.CreateCounter<long>("collab.invites.failed", description: "Invites Graph refused for good.");
    public static readonly Counter<long> MailsSent = Meter.CreateCounter<long>("collab.mails.sent", description: "Follow-up mails sent, by kind.");
    public static readonly Counter<long> MailsFailed = Meter.CreateCounter<long>("collab.mails.failed", description: "Follow-up mails Graph refused for good, by kind.");
    public static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>("collab.outbox.lag", unit: "s", description: "How long a mail waited after it was due, when it went out.");
    public static readonly Histogram<double> PublishDuration = Meter.CreateHistogram<double>("collab.minutes.publish.duration", unit: "ms", description: "Reading and storing a minutes document.");
    public static readonly Histogram<long> PublishRows = Meter.CreateHistogram<long>("collab.minutes.publish.rows", description: "Action rows in a published document.");
    public static readonly Histogram<double> FollowUpPass = Meter.CreateHistogram<double>("collab.followup.pass.duration", unit: "ms", description: "One follow-up pass: planning and sending.");

    public static void AddCollabTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("collabaddin-api"))
            .WithTracing(t => t
                .AddSource(Name)
                // Not probes, and not the Development Graph emulator's own requests (their paths name mailboxes).
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/_graph-emulator"))
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) => Redact(activity, request.RequestUri))
                // The store's commands: their SQL (EF parameterizes every value; the instrumentation strips literals), not (by default)
                // the parameters' values, which are addresses, subjects and minutes text.
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(m => m
                .AddMeter(Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
    }

    /// <summary>
    /// A Graph call as "POST users/{id}/events" — never the mailbox, the event id or the query. The span is renamed
    /// to the same operation, so traces group by what was done, not by whom.
    /// </summary>
    public static void Redact(Activity activity, Uri? uri)
    {
        if (uri is null) return;
        var operation = Operation(uri.AbsolutePath);
        activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}{operation}");
        activity.SetTag("url.path", operation);
        activity.SetTag("graph.operation", operation);
        activity.DisplayName = $"{activity.GetTagItem("http.request.method") ?? ""} {operation}".Trim();
    }

    /// <summary>Every path segment that is not a plain word (a mailbox, an id, a date) becomes {id}.</summary>
    public static string Operation(string path) =>
        string.Join('/', path.Split('/').Select(s => s.Length == 0 || PlainWord().IsMatch(s) ? s : "{id}"));

    [GeneratedRegex("^(v1\\.0|beta|\\$batch|\\$value|[A-Za-z_-]{1,40})$")]
    private static partial Regex PlainWord();
}

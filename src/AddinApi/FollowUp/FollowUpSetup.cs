using CollabAddin.Api.Reports;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CollabAddin.Api.FollowUp;

public static class FollowUpSetup
{
    public static void AddFollowUp(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<FollowUpOptions>(builder.Configuration.GetSection("FollowUp"));
        // In Development, unless set, mails link to the address the app actually listens on (any PORT), not a default.
        if (builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(builder.Configuration["FollowUp:PublicBaseUrl"]))
            builder.Services.PostConfigure<FollowUpOptions>(o => o.PublicBaseUrl = Hosting.ServerUrls.First(builder.Configuration));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<ISaveChangesInterceptor, AlertPlanning>();
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddScoped<FollowUpPlanner>();
        builder.Services.AddScoped<ProgressReports>();
        builder.Services.AddSingleton<FollowUpWorker>();
        if (builder.Configuration.GetValue("FollowUp:WorkerEnabled", true))
            builder.Services.AddHostedService(s => s.GetRequiredService<FollowUpWorker>());
    }
}
